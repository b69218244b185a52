// Artifacts of seeded sessions: standard ones (restore point + restored location), granular mailbox ones (from
// a restore-point search with an artifact query) and granular file ones (browse item keys), each filled in to
// match how far its restore has got.
import { workload } from '../../backup/model';
import {
  workload as workloadOf, type GranularMailboxRestoreArtifact, type GranularRestoreArtifactBase, type RestoreArtifactBase,
  type RestorePoint,
} from '../../backup/model';
import type { SeededCatalog } from './catalog';
import { pick, stableGuid } from './hash';
import { restoredMailboxLocation, restoredSiteLocation } from './restoredLocations';
import type { ArtifactTimes, Plan, Timeline } from './seedTimeline';
import type { SessionSpec } from './sessionSpecs';
import { DAY_MS, HOUR_MS, iso, MINUTE_MS } from './time';
import type { UnitRecord } from './units';

/** Placeholder the service shows for a granular artifact's times until they are set (documented example). */
const UNSET = '0001-01-01T00:00:00Z';

/** The latest restore point before the incident the admin restored from (still retained at `now`). */
export function pointBefore(catalog: SeededCatalog, spec: SessionSpec, record: UnitRecord, createdMs: number, nowMs: number): RestorePoint {
  const beforeMs = createdMs - pick(`rp:${spec.name}:${record.key}`, 30, 36 * 60) * MINUTE_MS;
  const [point] = catalog.restorePoints(record.unit.id, nowMs, { beforeMs, limit: 1 });
  if (!point) throw new Error(`Seed session ${spec.name}: ${record.key} has no restore point before ${iso(beforeMs)}`);
  return point;
}

export function standardArtifact(
  catalog: SeededCatalog, spec: SessionSpec, plan: Plan, times: ArtifactTimes, timeline: Timeline, nowMs: number,
): RestoreArtifactBase {
  const point = plan.restorePoint ?? pointBefore(catalog, spec, plan.record, timeline.createdMs, nowMs);
  const succeeded = times.status === 'succeeded';
  const location = workload(spec.workload).contentHost === 'mailbox'
    ? (succeeded
      ? restoredMailboxLocation(plan.id, spec.destination, plan.outcome.restoredItemCount ?? 0, times.endMs!)
      : { restoredFolderId: null, restoredFolderName: null, restoredItemCount: null })
    : (succeeded
      ? restoredSiteLocation(plan.record, spec.destination, times.endMs!)
      : { restoredSiteId: null, restoredSiteName: null, restoredSiteWebUrl: null });
  return {
    id: plan.id,
    destinationType: spec.destination,
    status: times.status,
    startDateTime: times.startMs === undefined ? null : iso(times.startMs),
    completionDateTime: times.endMs === undefined ? null : iso(times.endMs),
    error: times.status === 'failed' ? plan.outcome.error ?? null : null,
    restorePoint: point,
    ...location,
  } as RestoreArtifactBase;
}

export function granularMailboxArtifact(
  catalog: SeededCatalog, spec: SessionSpec, plan: Plan, times: ArtifactTimes, timeline: Timeline, nowMs: number,
): GranularMailboxRestoreArtifact {
  // What the admin did first: search the mailbox for the query's items in the days before the session.
  const response = catalog.search({
    protectionUnitIds: [plan.record.unit.id],
    protectionTimePeriod: { startDateTime: iso(timeline.createdMs - 7 * DAY_MS), endDateTime: iso(timeline.createdMs - HOUR_MS) },
    artifactQuery: { artifactType: 'message', queryExpression: spec.granular?.query ?? '' },
  }, nowMs);
  const result = response.searchResults?.[0];
  if (!result?.restorePoint || !response.searchResponseId) throw new Error(`Seed session ${spec.name}: the search found no restore point`);
  const { protectionUnit: _unit, '@odata.type': _type, ...point } = result.restorePoint;
  const artifact = standardArtifact(catalog, spec, { ...plan, restorePoint: point }, times, timeline, nowMs) as GranularMailboxRestoreArtifact;
  if (times.status === 'succeeded') artifact.restoredItemCount = result.artifactHitCount ?? 0;
  return { ...artifact, searchResponseId: response.searchResponseId };
}

export function granularFileArtifact(spec: SessionSpec, plan: Plan, times: ArtifactTimes, timeline: Timeline): GranularRestoreArtifactBase {
  const item = plan.item!;
  const record = plan.record;
  // Browse sessions need a fastRestore point: those are on the hour.
  const pointMs = Math.floor((timeline.createdMs - pick(`granular:${spec.name}`, 1, 30) * HOUR_MS) / HOUR_MS) * HOUR_MS;
  const parentPath = item.path.split('/').slice(0, -1).join('/');
  const serverRelative = (path: string) => `${new URL(record.webUrl).pathname.replace(/\/$/, '')}/${path}`;
  const succeeded = times.status === 'succeeded';
  const ownerField = workloadOf(spec.workload).browseSessions?.ownerField ?? 'siteId';
  return {
    id: item.itemKey,
    browseSessionId: `bs_${Buffer.from(stableGuid(`browse-session:${spec.name}`).replace(/-/g, ''), 'hex').toString('base64url')}`,
    status: times.status,
    startDateTime: times.startMs === undefined ? UNSET : iso(times.startMs),
    completionDateTime: times.endMs === undefined ? UNSET : iso(times.endMs),
    webUrl: item.webUrl,
    restorePointDateTime: iso(pointMs),
    // In place: the item goes back where it was, under its own key.
    restoredItemKey: succeeded ? item.itemKey : null,
    restoredItemPath: succeeded ? serverRelative(parentPath) : null,
    restoredItemWebUrl: succeeded ? item.webUrl : null,
    [ownerField]: record.resourceId,
  };
}
