// Protection units of one connection, for showing what an artifact restores. Artifacts carry their restore point
// inline without its unit, so the directory learns restore point → unit from batched
// `restorePoints/{id}?$expand=protectionUnit` reads and unit → name from the workload's unit list. Both never
// change for a connection, so answers are cached until `clear()` (a connection change): the unit list is read
// once per workload whoever asks first (tree names, details panel, retry, CSV preview), and a restore point
// being asked about is not asked about again by a second caller while the first answer is on its way.
import type { BackupApi } from './api';
import type { ProtectionUnit, Workload } from './model';
import { unitName } from './presentation';

export class UnitDirectory {
  private readonly lists = new Map<string, Promise<ProtectionUnit[]>>();
  private readonly names = new Map<string, Promise<Map<string, string>>>();
  /** Restore point id → unit id (null: the service does not know the point), or the lookup on its way. */
  private readonly pointUnits = new Map<string, string | null | Promise<void>>();

  constructor(private readonly api: () => Promise<BackupApi>) {}

  /** Every protection unit of one workload; a failed load is forgotten so the next call tries again. */
  units(workload: Workload): Promise<ProtectionUnit[]> {
    let list = this.lists.get(workload.id);
    if (!list) {
      list = this.api().then((api) => api.tenant.units(workload));
      list.catch(() => this.lists.delete(workload.id));
      this.lists.set(workload.id, list);
    }
    return list;
  }

  /** Unit id → display name for one workload. */
  unitNames(workload: Workload): Promise<Map<string, string>> {
    let names = this.names.get(workload.id);
    if (!names) {
      names = this.units(workload).then((units) => new Map(units.map((u) => [u.id, unitName(workload, u) ?? u.id])));
      names.catch(() => this.names.delete(workload.id));
      this.names.set(workload.id, names);
    }
    return names;
  }

  /** Restore point id → unit id, asking the service only about points nobody asked about before, 20 per round trip. */
  async unitsOfRestorePoints(restorePointIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(restorePointIds)];
    const unknown = unique.filter((id) => !this.pointUnits.has(id));
    if (unknown.length) {
      const lookup = this.api()
        .then((api) => api.tenant.unitsOfRestorePoints(unknown))
        // Points the service does not know (expired) are remembered as unknown rather than asked about again.
        .then((found) => { for (const id of unknown) this.pointUnits.set(id, found.get(id)?.id ?? null); })
        .catch((error: unknown) => {
          for (const id of unknown) if (this.pointUnits.get(id) === lookup) this.pointUnits.delete(id);
          throw error;
        });
      for (const id of unknown) this.pointUnits.set(id, lookup);
    }
    const pending = new Set(unique.map((id) => this.pointUnits.get(id)).filter((v): v is Promise<void> => v instanceof Promise));
    await Promise.all(pending);
    const result = new Map<string, string>();
    for (const id of restorePointIds) {
      const unit = this.pointUnits.get(id);
      if (typeof unit === 'string') result.set(id, unit);
    }
    return result;
  }

  clear(): void {
    this.lists.clear();
    this.names.clear();
    this.pointUnits.clear();
  }
}
