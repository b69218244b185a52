// The emulator's state and time in one place: catalog (the tenant), store (restore and browse sessions),
// simulated clock, and persistence. Handlers call `tick` once per request to bring running sessions up to the
// clock, and `commit` after each accepted write so the data file holds it before the response leaves.
import { LIMITS } from '../../backup/model';
import { createCatalog, seedSessions } from '../catalog';
import type { SeededCatalog } from '../catalog/catalog';
import { buildProtectionState } from '../catalog/seedProtection';
import { ProtectionStore } from '../protection/store';
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
  private catalogAnchorMs: number;
  readonly store = new Store();
  readonly clock: SimulatedClock;
  readonly protection: ProtectionStore;

  constructor(private readonly options: CoreOptions) {
    const saved: EmulatorState | undefined = options.dataFile ? loadState(options.dataFile) : undefined;
    this.clock = new SimulatedClock(options.realNow, options.timeScale, saved?.clockMs);
    const seed = saved?.seed ?? options.seed;
    this.catalogAnchorMs = saved?.catalogAnchorMs ?? this.clock.now();
    this.catalog = createCatalog(seed, this.catalogAnchorMs);
    this.protection = new ProtectionStore(saved?.protection ?? this.seedProtection(seed), this.catalog, this.clock.timeScale);
    if (saved) this.store.load(saved);
    else this.reset(seed, false);
    this.tick(this.clock.now());
    if (!saved) this.commit();
  }

  /** Replaces everything with a fresh seed (the control endpoint and first start). */
  reset(seed: SeedName, persist = true): void {
    this.catalogAnchorMs = this.clock.now();
    this.catalog = createCatalog(seed, this.catalogAnchorMs);
    this.protection.replace(this.seedProtection(seed), this.catalog);
    const now = this.clock.now();
    const sessions = seedSessions(this.catalog, seed, now);
    // Seeded running sessions are laid out in simulated time; at a faster time scale the same progress is
    // reached sooner, so their activation moves closer to now and their state on the first read is unchanged.
    for (const record of sessions) {
      if (record.activatedAtMs !== undefined) record.activatedAtMs = now - (now - record.activatedAtMs) / this.clock.timeScale;
    }
    this.store.load({ seed, sessions, browseSessions: [] });
    if (persist) this.commit();
  }

  private seedProtection(seed: SeedName) {
    return buildProtectionState(this.catalog as SeededCatalog, seed, this.catalogAnchorMs);
  }

  /**
   * Settles protection changes and running sessions, expires browse sessions, and drops terminal sessions past
   * retention. Protection changes that resolved names into new units are persisted at once (their ids are new).
   */
  tick(nowMs: number): void {
    if (this.protection.settle(nowMs)) this.commit();
    for (const record of [...this.store.running]) {
      if (!settleSession(record, nowMs, this.catalog, this.clock.timeScale)) this.store.running.delete(record);
    }
    for (const [id, record] of this.store.browseSessions) {
      const expires = Date.parse(record.browseSession.expirationDateTime ?? '');
      if (!Number.isNaN(expires) && expires <= nowMs) this.store.browseSessions.delete(id);
    }
    this.store.purgeTerminalBefore(nowMs - LIMITS.sessionRetentionDays * DAY_MS);
  }

  /** Persists after an acknowledged write; a no-op without `--data`. */
  commit(): void {
    if (this.options.dataFile) {
      saveState(this.options.dataFile, { ...this.store.snapshot(this.clock.now(), this.catalogAnchorMs), protection: this.protection.state });
    }
  }
}
