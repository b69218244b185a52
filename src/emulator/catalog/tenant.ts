// Indexes over the unit records, built once per catalog so that lookups by id or resource are O(1).
import { WORKLOADS, type ProtectionUnit, type WorkloadId } from '../../backup/model';
import { resourceKey, type UnitRecord } from './units';

export class Tenant {
  private readonly byId = new Map<string, UnitRecord>();
  private readonly byResource = new Map<string, UnitRecord>();
  private readonly byWorkload = new Map<WorkloadId, UnitRecord[]>();
  /** Entities ready to hand out, so listing units allocates nothing. */
  readonly allUnits: ProtectionUnit[];
  readonly records: UnitRecord[] = [];
  private readonly unitsByWorkload = new Map<WorkloadId, ProtectionUnit[]>();

  constructor(records: readonly UnitRecord[]) {
    for (const w of WORKLOADS) {
      this.byWorkload.set(w.id, []);
      this.unitsByWorkload.set(w.id, []);
    }
    this.allUnits = [];
    for (const record of records) this.add(record);
  }

  /**
   * Adds a unit (a policy protected a resource anew). A resource's newest unit is the one its name resolves to;
   * the earlier one keeps its id and its restore points.
   */
  add(record: UnitRecord): void {
    this.records.push(record);
    this.byId.set(record.unit.id, record);
    this.byWorkload.get(record.workload)?.push(record);
    this.byResource.set(resourceKey(record.workload, record.resourceId), record);
    if (record.address) this.byResource.set(resourceKey(record.workload, record.address), record);
    this.allUnits.push(record.unit);
    this.unitsByWorkload.get(record.workload)?.push(record.unit);
  }

  units(workload?: WorkloadId): ProtectionUnit[] {
    return workload ? this.unitsByWorkload.get(workload) ?? [] : this.allUnits;
  }

  record(unitId: string): UnitRecord | undefined {
    return this.byId.get(unitId);
  }

  inWorkload(workload: WorkloadId): readonly UnitRecord[] {
    return this.byWorkload.get(workload) ?? [];
  }

  byResourceName(workload: WorkloadId, resource: string): UnitRecord | undefined {
    return this.byResource.get(resourceKey(workload, resource));
  }
}
