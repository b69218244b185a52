// The in-memory store. Sessions are indexed by id and kept in arrays sorted by (createdDateTime, id), one per
// workload plus one for all, so a page of a 10,000-session list is a binary search and a short scan, never a
// copy of the state. Sessions whose lifecycle is still moving are tracked apart so settling them is cheap.
import type { WorkloadId } from '../../backup/model';
import { isTerminalSession, WORKLOAD_IDS } from '../../backup/model';
import type { SeedName } from '../catalog/types';
import type { BrowseSessionRecord, EmulatorState, SessionRecord } from '../state';

export type ListKey = WorkloadId | 'all';

/** Sort key of a session: creation time, ties broken by id. */
export interface SessionKey { createdMs: number; id: string }

export function keyOf(record: SessionRecord): SessionKey {
  return { createdMs: Date.parse(record.session.createdDateTime ?? '') || 0, id: record.session.id };
}

export function compareKeys(a: SessionKey, b: SessionKey): number {
  if (a.createdMs !== b.createdMs) return a.createdMs - b.createdMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class Store {
  seed: SeedName = 'empty';
  private readonly byId = new Map<string, SessionRecord>();
  private readonly sorted = new Map<ListKey, SessionRecord[]>();
  /** Activated sessions not yet terminal: the only ones whose state changes with the clock. */
  readonly running = new Set<SessionRecord>();
  readonly browseSessions = new Map<string, BrowseSessionRecord>();
  /**
   * Restore points a /beta search found with the `includeNewerItems` tag: /beta shows them with that tag from
   * then on. Kept while the emulator runs, not in the data file (a search after a restart finds them again).
   */
  readonly newerItemsPoints = new Set<string>();

  constructor() {
    this.clear();
  }

  clear(): void {
    this.byId.clear();
    this.running.clear();
    this.browseSessions.clear();
    this.newerItemsPoints.clear();
    for (const key of ['all', ...WORKLOAD_IDS] as const) this.sorted.set(key, []);
  }

  load(state: Pick<EmulatorState, 'seed' | 'sessions' | 'browseSessions'>): void {
    this.clear();
    this.seed = state.seed;
    for (const record of state.sessions) this.insert(record);
    for (const record of state.browseSessions) this.browseSessions.set(record.browseSession.id, record);
  }

  snapshot(clockMs: number, catalogAnchorMs: number): EmulatorState {
    return { version: 1, seed: this.seed, sessions: this.sorted.get('all') ?? [], browseSessions: [...this.browseSessions.values()], clockMs, catalogAnchorMs };
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): SessionRecord | undefined {
    return this.byId.get(id.toLowerCase());
  }

  /** Sessions of one workload (or all), ascending by (createdDateTime, id). Read-only view. */
  list(key: ListKey): readonly SessionRecord[] {
    return this.sorted.get(key) ?? [];
  }

  insert(record: SessionRecord): void {
    this.byId.set(record.session.id.toLowerCase(), record);
    for (const key of ['all', record.workload] as ListKey[]) {
      const list = this.sorted.get(key)!;
      list.splice(this.lowerBound(list, keyOf(record)), 0, record);
    }
    if (record.activatedAtMs !== undefined && !isTerminalSession(record.session.status)) this.running.add(record);
  }

  remove(record: SessionRecord): void {
    this.byId.delete(record.session.id.toLowerCase());
    this.running.delete(record);
    for (const key of ['all', record.workload] as ListKey[]) {
      const list = this.sorted.get(key)!;
      const at = this.lowerBound(list, keyOf(record));
      if (list[at] === record) list.splice(at, 1);
    }
  }

  /** First index whose key is >= `key`. */
  lowerBound(list: readonly SessionRecord[], key: SessionKey): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(keyOf(list[mid]), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes terminal sessions created before `cutoffMs` whose completion is older than the cutoff too. */
  purgeTerminalBefore(cutoffMs: number): number {
    const all = this.sorted.get('all')!;
    const doomed: SessionRecord[] = [];
    for (const record of all) {
      if (keyOf(record).createdMs >= cutoffMs) break;
      const completed = Date.parse(record.session.completedDateTime ?? '') || keyOf(record).createdMs;
      if (isTerminalSession(record.session.status) && completed < cutoffMs) doomed.push(record);
    }
    for (const record of doomed) this.remove(record);
    return doomed.length;
  }
}
