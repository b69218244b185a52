// Bulk addition requests of seeded sessions: resources resolved the way activation does it (each to the latest
// restore point in the request's window), and the request's status and error after that.
import { workload as workloadOf, type RestoreArtifactsBulkRequestBase, type RestorePoint, type TimePeriod } from '../../backup/model';
import type { SeededCatalog } from './catalog';
import { stableGuid } from './hash';
import { ACTORS } from './identities';
import type { Timeline } from './seedTimeline';
import type { SessionSpec } from './sessionSpecs';
import { DAY_MS, HOUR_MS, iso, MINUTE_MS } from './time';
import type { UnitRecord } from './units';

export interface BulkResolution {
  resolved: UnitRecord[];
  points: Map<string, RestorePoint>;
  unresolved: string[];
  window: TimePeriod;
  tags: string;
}

/** Resolves a bulk request's resources the way activation does: each to the latest point in the window. */
export function resolveBulk(catalog: SeededCatalog, spec: SessionSpec, records: UnitRecord[], nowMs: number): BulkResolution {
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

export function bulkRequest(spec: SessionSpec, records: UnitRecord[], bulk: BulkResolution, timeline: Timeline): RestoreArtifactsBulkRequestBase {
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
