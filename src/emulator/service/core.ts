// The emulator's state and time in one place: catalog (the tenant), store (restore and browse sessions),
// simulated clock, and persistence. Handlers call `tick` once per request to bring running sessions up to the
// clock, and `commit` after each accepted write so the data file holds it before the response leaves.
import { LIMITS } from '../../backup/model';
import { createCatalog, seedSessions } from '../catalog';
import type { Catalog, SeedName } from '../catalog/types';
import type { EmulatorState } from '../state';
import { SimulatedClock } from './clock';
import { settleSession } from './lifecycle';
import { loadState, saveState } from './persistence';
import { Store } from './store';

export interface CoreOptions {
  seed: SeedName;
  dataFile?: string;
  timeScale: number;
  realNow: () => number;
}

const DAY_MS = 24 * 3600 * 1000;

export class EmulatorCore {
  catalog: Catalog;
  readonly store = new Store();
  readonly clock: SimulatedClock;

  constructor(private readonly options: CoreOptions) {
    const saved: EmulatorState | undefined = options.dataFile ? loadState(options.dataFile) : undefined;
    this.clock = new SimulatedClock(options.realNow, options.timeScale, saved?.clockMs);
    const seed = saved?.seed ?? options.seed;
    this.catalog = createCatalog(seed, this.clock.now());
    if (saved) this.store.load(saved);
    else this.reset(seed, false);
    this.tick(this.clock.now());
    if (!saved) this.commit();
  }

  /** Replaces everything with a fresh seed (the control endpoint and first start). */
  reset(seed: SeedName, persist = true): void {
    this.catalog = createCatalog(seed, this.clock.now());
    this.store.load({ seed, sessions: seedSessions(this.catalog, seed, this.clock.now()), browseSessions: [] });
    if (persist) this.commit();
  }

  /** Settles running sessions, expires browse sessions, and drops terminal sessions past retention. */
  tick(nowMs: number): void {
    for (const record of [...this.store.running]) {
      if (!settleSession(record, nowMs, this.catalog)) this.store.running.delete(record);
    }
    for (const [id, record] of this.store.browseSessions) {
      const expires = Date.parse(record.browseSession.expirationDateTime ?? '');
      if (!Number.isNaN(expires) && expires <= nowMs) this.store.browseSessions.delete(id);
    }
    this.store.purgeTerminalBefore(nowMs - LIMITS.sessionRetentionDays * DAY_MS);
  }

  /** Persists after an acknowledged write; a no-op without `--data`. */
  commit(): void {
    if (this.options.dataFile) saveState(this.options.dataFile, this.store.snapshot(this.clock.now()));
  }
}
