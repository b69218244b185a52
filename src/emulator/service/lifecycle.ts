// The restore lifecycle, computed lazily from the clock and the time scale: given when a session was activated, every
// artifact's status and timestamps at time `now` follow from a fixed timeline and the catalog's deterministic
// per-unit outcome. Settling is idempotent, so reading a session twice at the same time gives the same answer.
import type { ArtifactRestoreStatus, PublicError, RestoreSessionStatus } from '../../backup/model';
import { aggregateSessionStatus, countArtifacts, fieldOf, isTerminalSession, workload } from '../../backup/model';
import type { Catalog } from '../catalog/types';
import type { SessionRecord } from '../state';
import { granularRestoredPath, mailboxLocation, siteLocation, unitIdOfPoint } from './catalogExtras';
import { emptyRestoredLocation, UNSET_DATE } from './artifactRecord';
import { iso } from './records';

/** Simulated seconds spent in `scheduling` after activation; then artifacts are `scheduled`. */
export const SCHEDULING_SECONDS = 30;
/**
 * Artifacts start one after another: the first a minute after activation, then one every 45 seconds. The
 * seeded sessions (catalog/demoSessions.ts) follow the same timeline, so their states continue seamlessly.
 */
export const startOffsetSeconds = (index: number): number => 60 + 45 * index;


type AnyArtifact = SessionRecord['standard'][number] | SessionRecord['granular'][number];

/** The protection unit an artifact restores (for its deterministic outcome). */
export function artifactUnitId(record: SessionRecord, artifact: AnyArtifact, catalog: Catalog): string | undefined {
  const point = (artifact as { restorePoint?: { id: string; protectionUnit?: { id?: string } | null } | null }).restorePoint;
  if (point?.id) return unitIdOfPoint(catalog, point);
  const owner = (artifact as { siteId?: string | null; directoryObjectId?: string | null });
  const resource = owner.siteId ?? owner.directoryObjectId;
  return resource ? catalog.unitByResource(record.workload, resource)?.id : undefined;
}

function isGranularFile(record: SessionRecord, artifact: AnyArtifact): boolean {
  return record.granular.includes(artifact as SessionRecord['granular'][number]) && 'browseSessionId' in artifact;
}

/** Brings a session's artifacts and summary fields to their state at `nowMs`. Returns true while still running. */
export function settleSession(record: SessionRecord, nowMs: number, catalog: Catalog, timeScale = 1): boolean {
  // Restore steps are given in simulated seconds; the time scale makes them pass faster in real time.
  const ms = (seconds: number) => (seconds * 1000) / timeScale;
  const activatedAt = record.activatedAtMs;
  const artifacts: AnyArtifact[] = [...record.standard, ...record.granular];
  if (activatedAt === undefined) {
    summarise(record, artifacts.map((a) => a.status ?? 'added'), undefined, undefined);
    return false;
  }
  const statuses: ArtifactRestoreStatus[] = [];
  let lastChange = activatedAt;
  let completedAt = 0;
  let firstError: PublicError | undefined;
  artifacts.forEach((artifact, index) => {
    const unitId = artifactUnitId(record, artifact, catalog);
    const outcome = unitId ? catalog.outcome(unitId) : { succeeds: false, durationSeconds: 60, error: { code: 'ArtifactNotFound', message: 'The protection unit of this artifact no longer exists.' } };
    const scheduledAt = activatedAt + ms(SCHEDULING_SECONDS);
    const startAt = activatedAt + ms(startOffsetSeconds(index));
    const endAt = startAt + ms(Math.max(1, outcome.durationSeconds));
    const granularFile = isGranularFile(record, artifact);
    let status: ArtifactRestoreStatus;
    if (nowMs < scheduledAt) status = 'scheduling';
    else if (nowMs < startAt) status = 'scheduled';
    else if (nowMs < endAt) status = 'inProgress';
    else status = outcome.succeeds ? 'succeeded' : 'failed';
    lastChange = Math.max(lastChange, status === 'scheduling' ? activatedAt : status === 'scheduled' ? scheduledAt : status === 'inProgress' ? startAt : endAt);
    Object.assign(artifact, {
      status,
      startDateTime: nowMs >= startAt ? iso(startAt) : granularFile ? UNSET_DATE : null,
      completionDateTime: nowMs >= endAt ? iso(endAt) : granularFile ? UNSET_DATE : null,
    });
    if (nowMs >= endAt) {
      completedAt = Math.max(completedAt, endAt);
      if (outcome.succeeds) fillRestoredLocation(record, artifact, unitId, catalog, endAt, outcome.restoredItemCount);
      else {
        const error = outcome.error ?? { code: 'UnknownError', message: 'The artifact could not be restored.' };
        // Granular files carry no error or restored location of their own; the session's error names it.
        if (!granularFile) Object.assign(artifact, emptyRestoredLocation(workload(record.workload)), { error });
        firstError ??= error;
      }
    }
    statuses.push(status);
  });
  const allTerminal = statuses.length > 0 && statuses.every((s) => s === 'succeeded' || s === 'failed');
  summarise(record, statuses, allTerminal ? completedAt : undefined, firstError);
  if (artifacts.length === 0) {
    // An activated session left without artifacts (its bulk request resolved nothing) has nothing to restore.
    record.session.status = 'failed';
    record.session.completedDateTime ??= iso(activatedAt);
    record.session.error ??= { code: 'ProtectionUnitNotFound', message: 'No artifact could be resolved for this restore session from its bulk addition request.' };
    return false;
  }
  record.session.lastModifiedDateTime = iso(Math.max(lastChange, Date.parse(record.session.lastModifiedDateTime ?? '') || 0));
  return !isTerminalSession(record.session.status);
}

function summarise(record: SessionRecord, statuses: ArtifactRestoreStatus[], completedAt: number | undefined, firstError: PublicError | undefined): void {
  const session = record.session;
  const current: RestoreSessionStatus = session.status ?? 'draft';
  session.status = aggregateSessionStatus(statuses, current);
  session.restoreSessionArtifactCount = countArtifacts(statuses);
  if (completedAt !== undefined) {
    session.completedDateTime = iso(completedAt);
    const counts = session.restoreSessionArtifactCount;
    if (session.status === 'failed' || session.status === 'completedWithError') {
      session.error = {
        code: firstError?.code ?? 'UnknownError',
        message: `${counts.failed} of ${counts.total} artifacts could not be restored. ${firstError?.message ?? ''}`.trim(),
      };
    } else session.error = null;
  }
}

function fillRestoredLocation(record: SessionRecord, artifact: AnyArtifact, unitId: string | undefined, catalog: Catalog, endAt: number, itemCount: number | undefined): void {
  if ('browseSessionId' in artifact) {
    // Granular files go back in place, under their own key, into their original folder.
    artifact.restoredItemKey = artifact.id;
    artifact.restoredItemPath = granularRestoredPath(catalog, unitId, artifact.id, artifact.webUrl);
    artifact.restoredItemWebUrl = artifact.webUrl ?? null;
    return;
  }
  const destination = fieldOf(artifact, 'destinationType') === 'inPlace' ? 'inPlace' : 'new';
  const searchHits = fieldOf(artifact, 'artifactCount');
  const granularMailbox = fieldOf(artifact, 'searchResponseId') !== undefined;
  Object.assign(artifact, workload(record.workload).restoredLocation.urlField === null
    ? mailboxLocation(artifact.id, destination, granularMailbox ? Number(searchHits ?? itemCount ?? 0) : itemCount ?? 0, endAt)
    : siteLocation(catalog, unitId, artifact.id, destination, endAt));
}
