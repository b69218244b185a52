// Entry point of the emulator's tenant catalog: `createCatalog` for the service, `seedSessions` for the initial
// state of a fresh data file. Both seeds share the tenant (policies, units, restore points); `demo` also starts
// with a history of restore sessions and a service run by a controller app, `empty` with no session and the
// service not enabled yet (seedProtection.ts, seedService.ts).
import type { SessionRecord } from '../state';
import { SeededCatalog } from './catalog';
import { buildDemoSessions } from './demoSessions';
import type { Catalog, SeedName } from './types';

export type { Catalog, RestoreOutcome, SeedName } from './types';
export { SeededCatalog } from './catalog';

/**
 * @param anchorMs when the tenant's history is laid out from (units created N days before it, users deleted M
 * days before it). Defaults to the wall clock; pass a fixed value for reproducible tests. Restore point ids do not
 * depend on it: the backup grid is absolute UTC time.
 */
export function createCatalog(seed: SeedName, anchorMs: number = Date.now()): Catalog {
  void seed; // both seeds have the same tenant; they differ only in seedSessions
  return new SeededCatalog(anchorMs);
}

/** Restore sessions a fresh emulator starts with: about 30 for `demo`, none for `empty`. */
export function seedSessions(catalog: Catalog, seed: SeedName, nowMs: number): SessionRecord[] {
  if (seed === 'empty') return [];
  return buildDemoSessions(catalog, nowMs);
}
