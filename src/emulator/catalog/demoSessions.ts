// Builds the `demo` seed's restore sessions from sessionSpecs.ts. Each artifact's status is the point its
// restore has reached at `now` on a simple timeline (activation, then one artifact after another, each taking
// its unit's fixed outcome duration), so statuses, timestamps, errors and restored locations agree with each other
// and with what the service's lifecycle engine would produce. Session status and counts come from the shared
// aggregation rule (aggregateSessionStatus / countArtifacts), never from the spec.
import {
  aggregateSessionStatus, countArtifacts, workload as workloadOf,
  type ArtifactRestoreStatus, type GranularMailboxRestoreArtifact, type GranularRestoreArtifactBase, type PublicError,
  type RestoreArtifactBase, type RestoreArtifactsBulkRequestBase, type RestorePoint, type RestoreSessionBase, type TimePeriod,
} from '../../backup/model';
import type { SessionRecord } from '../state';
import type { BrowseNode } from './browseTree';
import { SeededCatalog } from './catalog';
import { hash32, pick, seededRandom, stableGuid } from './hash';
import { ACTORS } from './identities';
import { restoredMailboxLocation, restoredSiteLocation } from './restoredLocations';
import { DEMO_SESSIONS, type SessionSpec } from './sessionSpecs';
import type { Catalog, RestoreOutcome } from './types';
import { DAY_MS, HOUR_MS, iso, MINUTE_MS } from './time';
import type { UnitRecord } from './units';

/** Placeholder the service shows for a granular artifact's times until they are set (documented example). */
const UNSET = '0001-01-01T00:00:00Z';
/** Activation schedules artifacts one after another: the first starts a minute in, then one every 45 seconds. */
const startOffsetMs = (index: number) => (60 + 45 * index) * 1000;

/** One artifact to be: the unit it restores, how that ends, and (granular files) the item. */
interface Plan {
  id: string;
  record: UnitRecord;
  outcome: RestoreOutcome;
  item?: BrowseNode;
  /** Known up front for bulk artifacts (resolved from the request's window); otherwise picked before the session. */
  restorePoint?: RestorePoint;
}

interface Timeline {
  createdMs: number;
  activatedMs?: number;
}

export function buildDemoSessions(catalog: Catalog, nowMs: number): SessionRecord[] {
  if (!(catalog instanceof SeededCatalog)) throw new Error('seedSessions needs a catalog made by createCatalog');
  return DEMO_SESSIONS.map((spec) => buildSession(catalog, spec, nowMs))
    .sort((a, b) => Date.parse(b.session.createdDateTime ?? '') - Date.parse(a.session.createdDateTime ?? ''));
}

function recordOf(catalog: SeededCatalog, spec: SessionSpec, key: string): UnitRecord {
  const record = catalog.tenant.records.find((r) => r.workload === spec.workload && r.key === key);
  if (!record) throw new Error(`Seed session ${spec.name} names an unknown ${spec.workload} unit: ${key}`);
  return record;
}

function timelineOf(spec: SessionSpec, plans: Plan[], nowMs: number): Timeline {
  let createdMs = nowMs - spec.createdMinutesAgo * MINUTE_MS - pick(`ms:${spec.name}`, 0, 59_999);
  const ends = plans.map((p, i) => startOffsetMs(i) + p.outcome.durationSeconds * 1000);
  let activatedMs: number | undefined;
  if (spec.phase === 'activating') activatedMs = nowMs - 20_000;
  else if (spec.phase === 'active') {
    // Late enough that the quickest artifact has just finished and the others are still running; with a single
    // artifact, halfway through it.
    activatedMs = plans.length > 1
      ? nowMs - Math.min(...ends) - 10_000
      : nowMs - startOffsetMs(0) - (plans[0].outcome.durationSeconds * 1000) / 2;
  } else if (spec.phase === 'finished') activatedMs = createdMs + pick(`activate:${spec.name}`, 2, 25) * MINUTE_MS;
  if (activatedMs !== undefined) createdMs = Math.min(createdMs, activatedMs - 2 * MINUTE_MS);
  return { createdMs, activatedMs };
}

function statusAt(plan: Plan, index: number, spec: SessionSpec, timeline: Timeline, nowMs: number): ArtifactRestoreStatus {
  if (timeline.activatedMs === undefined) return 'added';
  if (spec.phase === 'activating') return 'scheduling';
  const elapsed = nowMs - timeline.activatedMs;
  if (elapsed >= startOffsetMs(index) + plan.outcome.durationSeconds * 1000) return plan.outcome.succeeds ? 'succeeded' : 'failed';
  return elapsed >= startOffsetMs(index) ? 'inProgress' : 'scheduled';
}

/** The latest restore point before the incident the admin restored from (still retained at `now`). */
function pointBefore(catalog: SeededCatalog, spec: SessionSpec, record: UnitRecord, createdMs: number, nowMs: number): RestorePoint {
  const beforeMs = createdMs - pick(`rp:${spec.name}:${record.key}`, 30, 36 * 60) * MINUTE_MS;
  const [point] = catalog.restorePoints(record.unit.id, nowMs, { beforeMs, limit: 1 });
  if (!point) throw new Error(`Seed session ${spec.name}: ${record.key} has no restore point before ${iso(beforeMs)}`);
  return point;
}

interface Built {
  standard: RestoreArtifactBase[];
  granular: (GranularRestoreArtifactBase | GranularMailboxRestoreArtifact)[];
  bulkRequests: RestoreArtifactsBulkRequestBase[];
  statuses: ArtifactRestoreStatus[];
  failures: PublicError[];
  lastChangeMs: number;
}

function buildSession(catalog: SeededCatalog, spec: SessionSpec, nowMs: number): SessionRecord {
  const sessionId = stableGuid(`session:${spec.name}`);
  const records = spec.units.map((key) => recordOf(catalog, spec, key));
  const bulk = spec.kind === 'bulk' ? resolveBulk(catalog, spec, records, nowMs) : undefined;
  const plans = planArtifacts(catalog, spec, sessionId, bulk ? bulk.resolved : records)
    .map((plan) => ({ ...plan, restorePoint: bulk?.points.get(plan.record.unit.id) }));
  const timeline = timelineOf(spec, plans, nowMs);
  const built: Built = { standard: [], granular: [], bulkRequests: [], statuses: [], failures: [], lastChangeMs: timeline.activatedMs ?? timeline.createdMs };

  plans.forEach((plan, index) => {
    const status = statusAt(plan, index, spec, timeline, nowMs);
    const startMs = status === 'inProgress' || status === 'succeeded' || status === 'failed' ? timeline.activatedMs! + startOffsetMs(index) : undefined;
    const endMs = status === 'succeeded' || status === 'failed' ? startMs! + plan.outcome.durationSeconds * 1000 : undefined;
    if (endMs !== undefined) built.lastChangeMs = Math.max(built.lastChangeMs, endMs);
    if (status === 'failed' && plan.outcome.error) built.failures.push(plan.outcome.error);
    built.statuses.push(status);
    const times = { status, startMs, endMs };
    if (spec.kind === 'granular' && plan.item) built.granular.push(granularFileArtifact(spec, plan, times, timeline));
    else if (spec.kind === 'granular') built.granular.push(granularMailboxArtifact(catalog, spec, plan, times, timeline, nowMs));
    else built.standard.push(standardArtifact(catalog, spec, plan, times, timeline, nowMs));
  });

  if (bulk) built.bulkRequests.push(bulkRequest(spec, records, bulk, timeline));
  const session = sessionEntity(spec, sessionId, built, timeline);
  return {
    workload: spec.workload,
    session,
    standard: built.standard,
    granular: built.granular,
    bulkRequests: built.bulkRequests,
    ...(spec.phase === 'activating' || spec.phase === 'active' ? { activatedAtMs: timeline.activatedMs } : {}),
  };
}

function planArtifacts(catalog: SeededCatalog, spec: SessionSpec, sessionId: string, records: UnitRecord[]): Plan[] {
  if (spec.kind === 'granular' && spec.workload !== 'exchange') {
    const record = records[0];
    return pickFiles(catalog, spec, record).map((item) => ({ id: item.itemKey, record, outcome: catalog.outcome(record.unit.id), item }));
  }
  return records.map((record) => ({
    id: stableGuid(`artifact:${sessionId}:${record.unit.id}`),
    record,
    outcome: catalog.outcome(record.unit.id),
  }));
}

/** Distinct files of the unit's browse tree, picked by the session's name. */
function pickFiles(catalog: SeededCatalog, spec: SessionSpec, record: UnitRecord): BrowseNode[] {
  const tree = catalog.tree(record.unit.id);
  const files = tree ? [...tree.byKey.values()].filter((n) => n.type === 'file').sort((a, b) => (a.path < b.path ? -1 : 1)) : [];
  const random = seededRandom(hash32(`files:${spec.name}`));
  const picked = new Set<BrowseNode>();
  while (picked.size < Math.min(spec.granular?.files ?? 1, files.length)) picked.add(files[Math.floor(random() * files.length)]);
  return [...picked];
}

interface ArtifactTimes {
  status: ArtifactRestoreStatus;
  startMs?: number;
  endMs?: number;
}

function standardArtifact(
  catalog: SeededCatalog, spec: SessionSpec, plan: Plan, times: ArtifactTimes, timeline: Timeline, nowMs: number,
): RestoreArtifactBase {
  const point = plan.restorePoint ?? pointBefore(catalog, spec, plan.record, timeline.createdMs, nowMs);
  const succeeded = times.status === 'succeeded';
  const location = spec.workload === 'exchange'
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

function granularMailboxArtifact(
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

function granularFileArtifact(spec: SessionSpec, plan: Plan, times: ArtifactTimes, timeline: Timeline): GranularRestoreArtifactBase {
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

interface BulkResolution {
  resolved: UnitRecord[];
  points: Map<string, RestorePoint>;
  unresolved: string[];
  window: TimePeriod;
  tags: string;
}

/** Resolves a bulk request's resources the way activation does: each to the latest point in the window. */
function resolveBulk(catalog: SeededCatalog, spec: SessionSpec, records: UnitRecord[], nowMs: number): BulkResolution {
  const createdMs = nowMs - spec.createdMinutesAgo * MINUTE_MS;
  const recent = spec.createdMinutesAgo < 10 * 24 * 60;
  const window = { startDateTime: iso(createdMs - 60 * DAY_MS), endDateTime: iso(createdMs - HOUR_MS) };
  const tags = recent ? 'fastRestore' : 'none';
  const resolution: BulkResolution = { resolved: [], points: new Map(), unresolved: [...(spec.bulk?.unresolved ?? [])], window, tags };
  if (spec.phase === 'draft') return { ...resolution, resolved: [], unresolved: [] };
  const response = catalog.search({ protectionUnitIds: records.map((r) => r.unit.id), protectionTimePeriod: window, tags }, nowMs);
  for (const record of records) {
    const found = response.searchResults?.find((r) => r.restorePoint?.protectionUnit?.id === record.unit.id)?.restorePoint;
    if (!found) {
      resolution.unresolved.push(record.address ?? record.resourceId);
      continue;
    }
    const { protectionUnit: _unit, '@odata.type': _type, ...point } = found;
    resolution.resolved.push(record);
    resolution.points.set(record.unit.id, point);
  }
  return resolution;
}

function bulkRequest(spec: SessionSpec, records: UnitRecord[], bulk: BulkResolution, timeline: Timeline): RestoreArtifactsBulkRequestBase {
  const w = workloadOf(spec.workload);
  const requestedMs = timeline.createdMs + 40_000;
  // Deleted users can only be named by directory object id; the others by address unless the spec says otherwise.
  const byId = records.filter((r) => spec.bulk?.byObjectId || !r.address).map((r) => r.resourceId);
  const byAddress = [...records.filter((r) => !spec.bulk?.byObjectId && r.address).map((r) => r.address!), ...(spec.bulk?.unresolved ?? [])];
  const unresolved = bulk.unresolved;
  const status = timeline.activatedMs === undefined ? 'active' : unresolved.length > 0 ? 'completedWithErrors' : 'completed';
  const actor = ACTORS[spec.actor]();
  return {
    id: stableGuid(`bulk:${spec.name}`),
    displayName: spec.bulk?.displayName ?? spec.name,
    destinationType: spec.destination,
    protectionTimePeriod: bulk.window,
    restorePointPreference: 'latest',
    tags: bulk.tags,
    status,
    [w.bulkRequests.resourceField]: byAddress,
    [w.bulkRequests.idField]: byId,
    protectionUnitIds: [],
    createdBy: actor,
    createdDateTime: iso(requestedMs),
    lastModifiedBy: actor,
    lastModifiedDateTime: iso(timeline.activatedMs === undefined ? requestedMs : timeline.activatedMs + 30_000),
    error: status === 'completedWithErrors'
      ? {
        code: 'ProtectionUnitNotFound',
        message: `${unresolved.length} of ${records.length + (spec.bulk?.unresolved?.length ?? 0)} ${w.unitLabelPlural} could not be added: ${unresolved.join(', ')} ` +
          `${unresolved.length === 1 ? 'is' : 'are'} not protected by the ${w.label} protection policy or has no restore point in the requested time period.`,
      }
      : null,
  } as RestoreArtifactsBulkRequestBase;
}

function sessionEntity(spec: SessionSpec, id: string, built: Built, timeline: Timeline): RestoreSessionBase {
  const status = aggregateSessionStatus(built.statuses, timeline.activatedMs === undefined ? 'draft' : 'activating');
  const counts = countArtifacts(built.statuses);
  const terminal = status === 'completed' || status === 'completedWithError' || status === 'failed';
  const actor = ACTORS[spec.actor]();
  const [firstFailure] = built.failures;
  const error: PublicError | null = (status === 'failed' || status === 'completedWithError')
    ? {
      code: firstFailure?.code ?? 'UnknownError',
      message: `${counts.failed} of ${counts.total} artifacts could not be restored. ${firstFailure?.message ?? ''}`.trim(),
    }
    : null;
  return {
    id,
    status,
    restoreJobType: spec.kind,
    restoreSessionArtifactCount: counts,
    createdBy: actor,
    createdDateTime: iso(timeline.createdMs),
    lastModifiedBy: actor,
    lastModifiedDateTime: iso(built.lastChangeMs),
    completedDateTime: terminal ? iso(built.lastChangeMs) : null,
    error,
  };
}
