// The emulator's state and time in one place: catalog (the tenant), store (restore and browse sessions),
// simulated clock, and persistence. Handlers call `tick` once per request to bring running sessions up to the
// clock, and `commit` after each accepted write, naming the records it changed, so the data file's journal holds
// it before the response leaves. What `tick` changes is not committed: settling, expiry and retention follow from
// the records and the clock, so a restarted emulator recomputes them.
import { LIMITS } from '../../backup/model';
import { createCatalog, seedSessions } from '../catalog';
import type { SeededCatalog } from '../catalog/catalog';
import { buildProtectionState } from '../catalog/seedProtection';
import { settleProtectionStore } from '../protection/settle';
import { ProtectionStore } from '../protection/store';
import type { Catalog, SeedName } from '../catalog/types';
import type { EmulatorState } from '../state';
import { SimulatedClock } from './clock';
import { settleSession } from './lifecycle';
import { DataFile } from './dataFile';
import type { StateChange } from './journal';
import { Store } from './store';

export interface CoreOptions {
  seed: SeedName;
  dataFile?: string;
  /** Compact the data file's journal once it exceeds this many bytes (dataFile.ts has the default). */
  compactAfterBytes?: number;
  timeScale: number;
  realNow: () => number;
}

const DAY_MS = 24 * 3600 * 1000;

export class EmulatorCore {
  catalog: Catalog;
  private catalogAnchorMs: number;
  readonly store = new Store();
  readonly clock: SimulatedClock;
  private readonly dataFile: DataFile | undefined;
  readonly protection: ProtectionStore;

  constructor(options: CoreOptions) {
    const opened = options.dataFile ? DataFile.open(options.dataFile, { compactAfterBytes: options.compactAfterBytes }) : undefined;
    this.dataFile = opened?.dataFile;
    const saved: EmulatorState | undefined = opened?.saved;
    this.clock = new SimulatedClock(options.realNow, options.timeScale, saved?.clockMs);
    const seed = saved?.seed ?? options.seed;
    this.catalogAnchorMs = saved?.catalogAnchorMs ?? this.clock.now();
    this.catalog = createCatalog(seed, this.catalogAnchorMs);
    this.protection = new ProtectionStore(saved?.protection ?? this.seedProtection(seed), this.catalog, this.clock.timeScale);
    if (saved) this.store.load(saved);
    else this.reset(seed, false);
    this.tick(this.clock.now());
    if (!saved) this.dataFile?.compact(this.snapshot());
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
    if (persist) this.dataFile?.compact(this.snapshot());
  }

  private seedProtection(seed: SeedName) {
    return buildProtectionState(this.catalog as SeededCatalog, seed, this.catalogAnchorMs);
  }

  /**
   * Settles protection changes and running sessions, expires browse sessions, and drops terminal sessions past
   * retention. Protection changes that resolved names into new units are persisted at once (their ids are new).
   */
  tick(nowMs: number): void {
    if (settleProtectionStore(this.protection, nowMs)) this.commit();
    for (const record of [...this.store.running]) {
      if (!settleSession(record, nowMs, this.catalog, this.clock.timeScale)) this.store.running.delete(record);
    }
    for (const [id, record] of this.store.browseSessions) {
      const expires = Date.parse(record.browseSession.expirationDateTime ?? '');
      if (!Number.isNaN(expires) && expires <= nowMs) this.store.browseSessions.delete(id);
    }
    this.store.purgeTerminalBefore(nowMs - LIMITS.sessionRetentionDays * DAY_MS);
  }

  /**
   * Persists an acknowledged write: the records it put or removed, plus any state section (clock, seed, the
   * protection state, …) that differs from the last write. A no-op without `--data`.
   */
  commit(change: StateChange = {}): void {
    this.dataFile?.record(change, this.snapshot());
  }

  snapshot(): EmulatorState {
    return { ...this.store.snapshot(this.clock.now(), this.catalogAnchorMs), protection: this.protection.state };
  }

  /** Releases the data file (the server is closing). */
  close(): void {
    this.dataFile?.close();
  }
}
