// Builds the `demo` seed's restore sessions from sessionSpecs.ts. Each artifact's status is the point its
// restore has reached at `now` on a simple timeline (activation, then one artifact after another, each taking
// its unit's fixed outcome duration), so statuses, timestamps, errors and restored locations agree with each other
// and with what the service's lifecycle engine would produce. Session status and counts come from the shared
// aggregation rule (aggregateSessionStatus / countArtifacts), never from the spec.
import { workload } from '../../backup/model';
import {
  aggregateSessionStatus, countArtifacts, type ArtifactRestoreStatus, type GranularMailboxRestoreArtifact,
  type GranularRestoreArtifactBase, type PublicError, type RestoreArtifactBase, type RestoreArtifactsBulkRequestBase,
  type RestoreSessionBase,
} from '../../backup/model';
import type { SessionRecord } from '../state';
import type { BrowseNode } from './browseTree';
import { SeededCatalog } from './catalog';
import { hash32, seededRandom, stableGuid } from './hash';
import { ACTORS } from './identities';
import { granularFileArtifact, granularMailboxArtifact, standardArtifact } from './seedArtifacts';
import { bulkRequest, resolveBulk } from './seedBulk';
import { startOffsetMs, statusAt, timelineOf, type Plan, type Timeline } from './seedTimeline';
import { DEMO_SESSIONS, type SessionSpec } from './sessionSpecs';
import type { Catalog } from './types';
import { iso } from './time';
import type { UnitRecord } from './units';

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
  if (spec.kind === 'granular' && workload(spec.workload).granularArtifacts.source === 'browse') {
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
