// What each session of one connection restores, kept beside the hub so rows, titles, notices and "Find
// Restores of…" can name a session by its units ("Debra Berger +2", "Finance site", "5 OneDrives (bulk)").
// Graph sessions carry no name, so the names come from their artifacts: the first page of artifacts of many
// sessions in `$batch` calls of 20, each artifact's restore point mapped to its unit (also batched, cached in
// the hub's unit directory), and the workload's units for names and addresses. Nothing here is awaited before
// a list is shown: callers render first and ask for names afterwards.
//
// Free of `vscode`.
import type { BackupApi, SessionContentsRead } from '../../backup/api';
import type { GranularMailboxRestoreArtifact, RestoreArtifact, RestoreArtifactBase, RestoreArtifactsBulkAdditionRequest, RestorePoint, RestoreSession, Workload } from '../../backup/model';
import { artifactUnitId } from '../../backup/presentation';
import { sessionName, sessionUnits, unitRef, type SessionNamingInput, type UnitRef } from '../../backup/sessionNaming';
import type { UnitDirectory } from '../../backup/unitDirectory';
import type { SessionNotes } from './sessionNotes';

/** What a session restores, as far as it was read. */
export interface KnownContents {
  standard?: RestoreArtifact[];
  granular?: RestoreArtifact[];
  bulkRequests?: RestoreArtifactsBulkAdditionRequest[];
}

export class SessionNames {
  private readonly contents = new Map<string, KnownContents>();
  private readonly unitLists = new Map<string, Promise<Map<string, UnitRef>>>();
  private readonly unitsReady = new Map<string, Map<string, UnitRef>>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly api: () => BackupApi, private readonly units: UnitDirectory, private readonly notes: SessionNotes) {}

  /** The session's name, or undefined while its contents or its workload's units are not known yet. */
  nameOf(workload: Workload, session: RestoreSession): string | undefined {
    const input = this.namingInput(workload, session);
    return input ? sessionName(input) : undefined;
  }

  /** The units a session restores (for "Find Restores of…"), or undefined while not known yet. */
  unitsOf(workload: Workload, session: RestoreSession): UnitRef[] | undefined {
    const input = this.namingInput(workload, session);
    return input ? sessionUnits(input) : undefined;
  }

  /** The unit an artifact restores, once the workload's units are loaded. */
  unitOf(workload: Workload, artifact: RestoreArtifact): UnitRef | undefined {
    const id = artifactUnitId(artifact);
    if (!id) return undefined;
    return this.unitsReady.get(workload.id)?.get(id) ?? { id };
  }

  /**
   * Takes the contents of a full read (a panel, an expanded row, an action), which are always complete. The
   * name follows once their units are known; the hub does not wait for it.
   */
  remember(workload: Workload, sessionId: string, read: SessionContentsRead): Promise<void> {
    const pending = Promise.all([this.attachUnits([...read.standard, ...read.granular]), this.unitRefs(workload).catch(() => undefined)]).then(() => {
      this.contents.set(sessionId, { standard: read.standard, granular: read.granular, bulkRequests: read.bulkRequests });
    });
    this.pending.set(sessionId, pending);
    return pending.finally(() => this.pending.get(sessionId) === pending && this.pending.delete(sessionId));
  }

  /** The session's name once a read in progress is remembered; a neutral name if its contents were never read. */
  async named(workload: Workload, session: RestoreSession): Promise<string> {
    await this.pending.get(session.id)?.catch(() => undefined);
    return this.nameOf(workload, session) ?? `${workload.label} restore`;
  }

  /**
   * Loads what names these sessions need and have not got: artifacts in `$batch` calls of 20 per kind, their
   * restore points' units, the workload's units. Bulk sessions are named from their bulk requests, which come
   * with a full read (`readContents`). Resolves to the ids that got a name.
   */
  async load(workload: Workload, sessions: readonly RestoreSession[], readContents: (session: RestoreSession) => Promise<unknown>): Promise<string[]> {
    const missing = sessions.filter((s) => !this.contents.has(s.id));
    const bulk = missing.filter((s) => s.restoreJobType === 'bulk');
    const granular = missing.filter((s) => s.restoreJobType === 'granular');
    const standard = missing.filter((s) => s.restoreJobType !== 'bulk' && s.restoreJobType !== 'granular');
    const api = this.api();
    // Each kind's restore points are looked up as soon as its artifacts answer, beside the unit list rather than
    // after it: the two do not depend on each other, and waiting for both cost a round trip.
    const artifactsWithUnits = async (ids: readonly string[], kind: 'standard' | 'granular') => {
      if (!ids.length) return new Map<string, RestoreArtifact[]>();
      const artifacts = await api.sessions.artifactsOfMany(workload, ids, kind);
      await this.attachUnits([...artifacts.values()].flat());
      return artifacts;
    };
    const [standardArtifacts, granularArtifacts] = await Promise.all([
      artifactsWithUnits(standard.map((s) => s.id), 'standard'),
      artifactsWithUnits(granular.map((s) => s.id), 'granular'),
      this.unitRefs(workload),
      Promise.all(bulk.map((s) => readContents(s).then(() => this.pending.get(s.id)).catch(() => undefined))),
    ]);
    for (const [id, artifacts] of standardArtifacts) this.contents.set(id, { ...this.contents.get(id), standard: artifacts, granular: this.contents.get(id)?.granular ?? [] });
    for (const [id, artifacts] of granularArtifacts) this.contents.set(id, { ...this.contents.get(id), granular: artifacts, standard: this.contents.get(id)?.standard ?? [] });
    return sessions.filter((s) => this.nameOf(workload, s) !== undefined).map((s) => s.id);
  }

  /** Id → unit for the workload (names and addresses), from the directory's list (one read per connection). */
  unitRefs(workload: Workload): Promise<Map<string, UnitRef>> {
    let list = this.unitLists.get(workload.id);
    if (!list) {
      list = this.units.units(workload).then((units) => {
        const refs = new Map(units.map((u) => [u.id, unitRef(workload, u)]));
        this.unitsReady.set(workload.id, refs);
        return refs;
      });
      list.catch(() => this.unitLists.delete(workload.id));
      this.unitLists.set(workload.id, list);
    }
    return list;
  }

  /** Fills `restorePoint.protectionUnit` on artifacts whose restore point came without it (20 points per round trip). */
  async attachUnits(artifacts: readonly RestoreArtifact[]): Promise<void> {
    const points = artifacts.map((a) => (a as RestoreArtifactBase).restorePoint).filter((p): p is RestorePoint => !!p?.id && !p.protectionUnit);
    if (!points.length) return;
    const owners = await this.units.unitsOfRestorePoints(points.map((p) => p.id)).catch(() => new Map<string, string>());
    for (const point of points) {
      const unitId = owners.get(point.id);
      if (unitId) point.protectionUnit = { id: unitId };
    }
  }

  private namingInput(workload: Workload, session: RestoreSession): SessionNamingInput | undefined {
    const known = this.contents.get(session.id);
    if (!known || !this.unitsReady.has(workload.id)) return undefined;
    // A granular mail restore made in this window is named by its query ("Mail from Debra … in Debra Berger").
    const searchResponseId = (known.granular?.[0] as GranularMailboxRestoreArtifact | undefined)?.searchResponseId;
    const granularQueryWords = this.notes.queryNote({ sessionId: session.id, searchResponseId })?.description;
    return { workload, session, ...known, granularQueryWords, unitOf: (artifact) => this.unitOf(workload, artifact) };
  }
}
