// Records a session's status history as JSON lines, one file per connection and session:
//   <root>/<connectionId>/<sessionId>.jsonl
// An observation becomes a snapshot only when it differs from what was last recorded. Calls for one session
// are serialised, so concurrent observers (the panel's poll, the explorer's refresh) keep their order.
// At most `maxSnapshots` are kept per session; when one more arrives the oldest is dropped and the file is
// rewritten atomically. A torn last line (a crash mid-append) is skipped when the file is read back.
import type { RestoreArtifact, RestoreArtifactBase, RestoreSession } from '../model';
import { type HistoryFiles, safeName } from './files';
import type { ArtifactState, HistoryKey, HistorySnapshot, Observation, SessionState } from './types';

export const DEFAULT_MAX_SNAPSHOTS = 500;

export interface RecorderOptions {
  maxSnapshots?: number;
  now?: () => Date;
}

export class HistoryRecorder {
  readonly maxSnapshots: number;
  private readonly now: () => Date;
  private readonly cache = new Map<string, HistorySnapshot[]>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<(key: HistoryKey, snapshot: HistorySnapshot | undefined) => void>();

  constructor(private readonly files: HistoryFiles, options: RecorderOptions = {}) {
    this.maxSnapshots = Math.max(1, Math.floor(options.maxSnapshots ?? DEFAULT_MAX_SNAPSHOTS));
    this.now = options.now ?? (() => new Date());
  }

  /** Called after a snapshot was recorded, or with `undefined` after a history was cleared. */
  onDidChange(listener: (key: HistoryKey, snapshot: HistorySnapshot | undefined) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Records the observation if it differs from the last snapshot; returns the new snapshot, or undefined for a repeat. */
  record(key: HistoryKey, observation: Observation): Promise<HistorySnapshot | undefined> {
    return this.serial(key, async () => {
      const snapshots = await this.load(key);
      if (isRepeat(snapshots, observation)) return undefined;
      const last = snapshots[snapshots.length - 1];
      const snapshot: HistorySnapshot = {
        seq: (last?.seq ?? 0) + 1,
        observedAt: observation.observedAt ?? this.now().toISOString(),
        source: observation.source,
        ...(observation.note ? { note: observation.note } : {}),
        ...(observation.requestId ? { requestId: observation.requestId } : {}),
        session: observation.session,
        ...(observation.artifacts ? { artifacts: observation.artifacts } : {}),
      };
      snapshots.push(snapshot);
      const name = fileName(key);
      if (snapshots.length > this.maxSnapshots) {
        snapshots.splice(0, snapshots.length - this.maxSnapshots);
        await this.files.write(name, snapshots.map((s) => JSON.stringify(s) + '\n').join(''));
      } else {
        await this.files.append(name, JSON.stringify(snapshot) + '\n');
      }
      this.emit(key, snapshot);
      return snapshot;
    });
  }

  /** Snapshots of a session, oldest first. */
  list(key: HistoryKey): Promise<HistorySnapshot[]> {
    return this.serial(key, async () => [...(await this.load(key))]);
  }

  async get(key: HistoryKey, seq: number): Promise<HistorySnapshot | undefined> {
    return (await this.list(key)).find((s) => s.seq === seq);
  }

  clear(key: HistoryKey): Promise<void> {
    return this.serial(key, async () => {
      await this.files.remove(fileName(key));
      this.cache.set(cacheKey(key), []);
      this.emit(key, undefined);
    });
  }

  /** The history as one JSON document, for export. */
  async exportJson(key: HistoryKey): Promise<string> {
    const snapshots = await this.list(key);
    return JSON.stringify({ connectionId: key.connectionId, sessionId: key.sessionId, exportedAt: this.now().toISOString(), snapshots }, null, 2);
  }

  private async load(key: HistoryKey): Promise<HistorySnapshot[]> {
    const id = cacheKey(key);
    let snapshots = this.cache.get(id);
    if (!snapshots) {
      snapshots = parseLines(await this.files.read(fileName(key)));
      if (snapshots.length > this.maxSnapshots) snapshots.splice(0, snapshots.length - this.maxSnapshots);
      this.cache.set(id, snapshots);
    }
    return snapshots;
  }

  private serial<T>(key: HistoryKey, work: () => Promise<T>): Promise<T> {
    const id = cacheKey(key);
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  private emit(key: HistoryKey, snapshot: HistorySnapshot | undefined): void {
    for (const listener of this.listeners) {
      try {
        listener(key, snapshot);
      } catch {
        // a listener's failure is its own
      }
    }
  }
}

function fileName(key: HistoryKey): string {
  return `${safeName(key.connectionId)}/${safeName(key.sessionId)}.jsonl`;
}

function cacheKey(key: HistoryKey): string {
  return `${key.connectionId}\n${key.sessionId}`;
}

function parseLines(text: string | undefined): HistorySnapshot[] {
  if (!text) return [];
  const snapshots: HistorySnapshot[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as HistorySnapshot;
      if (typeof value?.seq === 'number' && typeof value.observedAt === 'string' && value.session) snapshots.push(value);
    } catch {
      // a torn line from an interrupted append
    }
  }
  return snapshots.sort((a, b) => a.seq - b.seq);
}

// ---- de-duplication ----

/** The parts of a session whose change is worth a snapshot (not lastModifiedDateTime, which moves with any write). */
export function sessionFingerprint(session: SessionState): string {
  const c = session.restoreSessionArtifactCount;
  return JSON.stringify([
    session.status ?? null,
    session.restoreJobType ?? null,
    session.completedDateTime ?? null,
    c ? [c.total ?? null, c.completed ?? null, c.failed ?? null, c.inProgress ?? null] : null,
    session.error?.code ?? null,
    session.error?.message ?? null,
  ]);
}

export function artifactsFingerprint(artifacts: readonly ArtifactState[]): string {
  return JSON.stringify(
    [...artifacts]
      .sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : a.kind + a.id > b.kind + b.id ? 1 : 0))
      .map((a) => [a.kind, a.id, a.status ?? null, a.startDateTime ?? null, a.completionDateTime ?? null, a.error?.code ?? null]),
  );
}

function isRepeat(snapshots: readonly HistorySnapshot[], observation: Observation): boolean {
  const last = snapshots[snapshots.length - 1];
  if (!last) return false;
  if (sessionFingerprint(last.session) !== sessionFingerprint(observation.session)) return false;
  if (!observation.artifacts) return true;
  const lastWithArtifacts = [...snapshots].reverse().find((s) => s.artifacts);
  return !!lastWithArtifacts && artifactsFingerprint(lastWithArtifacts.artifacts!) === artifactsFingerprint(observation.artifacts);
}

// ---- from payloads to states ----

/** The session as the history keeps it: the service's body without navigation collections or OData context. */
export function sessionState(session: RestoreSession): SessionState {
  const state: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(session)) {
    if (Array.isArray(value) || name === '@odata.context') continue;
    state[name] = value;
  }
  return state as unknown as SessionState;
}

export function artifactState(artifact: RestoreArtifact, kind: 'standard' | 'granular'): ArtifactState {
  const standard = artifact as RestoreArtifactBase;
  return {
    id: artifact.id,
    kind,
    status: artifact.status ?? null,
    startDateTime: artifact.startDateTime ?? null,
    completionDateTime: artifact.completionDateTime ?? null,
    destinationType: standard.destinationType ?? null,
    restorePointId: standard.restorePoint?.id ?? null,
    error: standard.error ? { code: standard.error.code ?? null, message: standard.error.message ?? null } : null,
  };
}
