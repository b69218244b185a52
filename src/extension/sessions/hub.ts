// The session hub of one connection: the one place that reads a session with its contents (through the
// facade), keeps the latest copy of every session seen, and announces changes. The tree, the details
// panels, the JSON documents, auto-refresh, the watch list and the history recorder read from it and
// subscribe to it; none of them is another one's event source. Also holds the connection's protection-unit
// names (they never change for a connection, so a filter change keeps them) and what each session restores,
// for naming it (sessionNames.ts).
//
// Free of `vscode`, so it is tested with plain mocha against the real emulator.
import type { BackupApi, SessionRead } from '../../backup/api';
import type { ObservationSource } from '../../backup/history';
import type { RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../../backup/model';
import { isTerminalSession, workloadBySessionType } from '../../backup/model';
import { artifactUnitId } from '../../backup/presentation';
import { UnitDirectory } from '../../backup/unitDirectory';
import { GraphError } from '../../graph';
import { SessionNames } from './sessionNames';
import { SessionNotes } from './sessionNotes';
import { l10n } from '../../backup/l10n';

/** What the hub needs of a connection. */
export interface HubConnection {
  readonly id: string;
  readonly label: string;
  /** Version root, for exports that reproduce the requests. */
  readonly baseUrl: string;
  readonly api: BackupApi;
}

export interface SessionChange {
  connectionId: string;
  workload: Workload;
  sessionId: string;
  /** The fresh copy; undefined when the session is gone (deleted here, or 404 from the service). */
  session: RestoreSession | undefined;
  /** Set when the change came from a read with contents (artifacts, bulk requests, response metadata). */
  read?: SessionRead;
  source: ObservationSource;
  note?: string;
  /** Set when the session was created here (lists that hold its workload reload). */
  created?: true;
}

export interface HubEntry {
  workload: Workload;
  session: RestoreSession;
  /** The last read with contents, if the session was ever read that way. */
  read?: SessionRead;
}

export interface Subscription {
  dispose(): void;
}

export class SessionHub {
  readonly units: UnitDirectory;
  /** Sessions named by their units; filled by `nameSessions` and by every read with contents. */
  readonly names: SessionNames;
  /** What this window sent that the service does not return: bulk rows, granular mail queries. */
  readonly notes = new SessionNotes();
  private connection: HubConnection;
  private readonly entries = new Map<string, HubEntry>();
  private readonly loading = new Map<string, Promise<SessionRead | undefined>>();
  private readonly listeners = new Set<(change: SessionChange) => void>();

  constructor(connection: HubConnection) {
    this.connection = connection;
    this.units = new UnitDirectory(() => Promise.resolve(this.connection.api));
    this.names = new SessionNames(() => this.connection.api, this.units, this.notes);
  }

  get connectionId(): string {
    return this.connection.id;
  }

  get label(): string {
    return this.connection.label;
  }

  get baseUrl(): string {
    return this.connection.baseUrl;
  }

  get api(): BackupApi {
    return this.connection.api;
  }

  /** After a reconnect of the same connection (new HTTP pool, same tenant): keep the copies, use the new facade. */
  rebind(connection: HubConnection): void {
    if (connection.id !== this.connection.id) throw new Error(l10n.t('The hub of "{0}" cannot serve "{1}".', this.connection.id, connection.id));
    this.connection = connection;
  }

  onDidChangeSession(listener: (change: SessionChange) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The latest copy of a session, if the hub has seen it. */
  latest(sessionId: string): HubEntry | undefined {
    return this.entries.get(sessionId);
  }

  /** Sessions seen that have not reached a terminal status. */
  running(): HubEntry[] {
    return [...this.entries.values()].filter((e) => !isTerminalSession(e.session.status));
  }

  /**
   * Reads a session with its contents and announces it. Resolves to undefined (and announces the session as
   * gone) when the service answers 404; other failures reject. Concurrent loads of one session share a read.
   */
  load(workload: Workload, sessionId: string, source: ObservationSource, note?: string): Promise<SessionRead | undefined> {
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.read(workload, sessionId, source, note).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  /**
   * Takes fresh copies seen elsewhere (a list page, a batch refresh, an action's answer). A session seen for the
   * first time is kept quietly; one that differs from the kept copy is announced. Returns the announced ones.
   */
  observe(workload: Workload | undefined, sessions: readonly RestoreSession[], source: ObservationSource, note?: string): RestoreSession[] {
    const changed: RestoreSession[] = [];
    for (const fresh of sessions) {
      const kept = this.entries.get(fresh.id);
      const w = workload ?? kept?.workload ?? workloadBySessionType(fresh['@odata.type']);
      if (!w) continue;
      if (kept && JSON.stringify(kept.session) === JSON.stringify(fresh)) continue;
      this.entries.set(fresh.id, { workload: w, session: fresh, read: kept?.read });
      if (kept) {
        changed.push(fresh);
        this.fire({ connectionId: this.connectionId, workload: w, sessionId: fresh.id, session: fresh, source, note });
      }
    }
    return changed;
  }

  /** A session created here (a new draft): kept and announced as created. */
  created(workload: Workload, session: RestoreSession): void {
    this.entries.set(session.id, { workload, session });
    this.fire({ connectionId: this.connectionId, workload, sessionId: session.id, session, source: 'action', created: true });
  }

  /** The latest read with contents, or a new one when the hub has none. */
  async contents(workload: Workload, sessionId: string, source: ObservationSource): Promise<SessionRead | undefined> {
    return this.entries.get(sessionId)?.read ?? this.load(workload, sessionId, source);
  }

  /** The session is gone (deleted here or elsewhere). */
  forget(workload: Workload, sessionId: string, source: ObservationSource): void {
    this.entries.delete(sessionId);
    this.fire({ connectionId: this.connectionId, workload, sessionId, session: undefined, source });
  }

  /** Re-reads these sessions in `$batch` round trips and announces those that changed or disappeared. */
  async refreshMany(sessionIds: readonly string[], source: ObservationSource): Promise<void> {
    if (!sessionIds.length) return;
    const fresh = await this.api.sessions.getMany(sessionIds);
    for (const [id, session] of fresh) {
      const kept = this.entries.get(id);
      if (session) this.observe(kept?.workload, [session], source);
      else if (kept) this.forget(kept.workload, id, source);
    }
  }

  /**
   * Loads what naming these sessions needs (artifacts in `$batch` calls of 20; bulk sessions by a full read) and
   * resolves to the ids that have a name now. Never awaited before a list is shown.
   */
  nameSessions(workload: Workload, sessions: readonly RestoreSession[]): Promise<string[]> {
    return this.names.load(workload, sessions, (session) => this.contents(workload, session.id, 'tree'));
  }

  private async read(workload: Workload, sessionId: string, source: ObservationSource, note?: string): Promise<SessionRead | undefined> {
    let read: SessionRead;
    try {
      // Each page's restore points are looked up as it arrives, so the units are known soon after the last page.
      read = await this.api.sessions.read(workload, sessionId, { contents: true, onArtifacts: (artifacts) => this.lookUpUnits(artifacts) });
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) {
        this.forget(workload, sessionId, source);
        return undefined;
      }
      throw error;
    }
    this.entries.set(sessionId, { workload, session: read.session, read });
    if (read.contents) void this.names.remember(workload, sessionId, read.contents).catch(() => undefined);
    this.fire({ connectionId: this.connectionId, workload, sessionId, session: read.session, read, source, note });
    return read;
  }

  /** Starts the directory's lookup of these artifacts' units (a failure only leaves names unknown). */
  private lookUpUnits(artifacts: readonly RestoreArtifact[]): void {
    const points = artifacts.filter((a) => !artifactUnitId(a)).map((a) => (a as RestoreArtifactBase).restorePoint?.id).filter((id): id is string => !!id);
    if (points.length) this.units.unitsOfRestorePoints(points).catch(() => undefined);
  }

  private fire(change: SessionChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
