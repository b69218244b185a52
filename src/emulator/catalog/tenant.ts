// Indexes over the unit records, built once per catalog so that lookups by id or resource are O(1).
import { WORKLOADS, type ProtectionUnit, type WorkloadId } from '../../backup/model';
import { resourceKey, type UnitRecord } from './units';

export class Tenant {
  private readonly byId = new Map<string, UnitRecord>();
  private readonly byResource = new Map<string, UnitRecord>();
  private readonly byWorkload = new Map<WorkloadId, UnitRecord[]>();
  /** Entities ready to hand out, so listing units allocates nothing. */
  readonly allUnits: ProtectionUnit[];
  private readonly unitsByWorkload = new Map<WorkloadId, ProtectionUnit[]>();

  constructor(readonly records: readonly UnitRecord[]) {
    for (const w of WORKLOADS) this.byWorkload.set(w.id, []);
    for (const record of records) {
      this.byId.set(record.unit.id, record);
      this.byWorkload.get(record.workload)?.push(record);
      this.byResource.set(resourceKey(record.workload, record.resourceId), record);
      if (record.address) this.byResource.set(resourceKey(record.workload, record.address), record);
    }
    this.allUnits = records.map((r) => r.unit);
    for (const [workload, list] of this.byWorkload) this.unitsByWorkload.set(workload, list.map((r) => r.unit));
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
