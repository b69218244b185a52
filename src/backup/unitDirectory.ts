// Names of protection units, for showing what an artifact restores. Artifacts carry their restore point
// inline without its unit, so the directory learns restore point → unit from batched
// `restorePoints/{id}?$expand=protectionUnit` reads and unit → name from the workload's unit list. Both
// never change for a connection, so answers are cached until `clear()` (a connection change).
import type { BackupApi } from './api';
import type { Workload } from './model';
import { unitName } from './presentation';

export class UnitDirectory {
  private readonly names = new Map<string, Promise<Map<string, string>>>();
  private readonly pointUnits = new Map<string, string | null>();

  constructor(private readonly api: () => Promise<BackupApi>) {}

  /** Unit id → display name for one workload; a failed load is forgotten so the next call tries again. */
  unitNames(workload: Workload): Promise<Map<string, string>> {
    let names = this.names.get(workload.id);
    if (!names) {
      names = this.api()
        .then((api) => api.tenant.units(workload))
        .then((units) => new Map(units.map((u) => [u.id, unitName(workload, u) ?? u.id])));
      names.catch(() => this.names.delete(workload.id));
      this.names.set(workload.id, names);
    }
    return names;
  }

  /** Restore point id → unit id, asking the service only about points not seen before, 20 per round trip. */
  async unitsOfRestorePoints(restorePointIds: readonly string[]): Promise<Map<string, string>> {
    const unknown = [...new Set(restorePointIds)].filter((id) => !this.pointUnits.has(id));
    if (unknown.length) {
      const api = await this.api();
      const found = await api.tenant.unitsOfRestorePoints(unknown);
      // Points the service does not know (expired) are remembered as unknown rather than asked about again.
      for (const id of unknown) this.pointUnits.set(id, found.get(id)?.id ?? null);
    }
    const result = new Map<string, string>();
    for (const id of restorePointIds) {
      const unit = this.pointUnits.get(id);
      if (unit) result.set(id, unit);
    }
    return result;
  }

  clear(): void {
    this.names.clear();
    this.pointUnits.clear();
  }
}
