// Plan before write: what a create would send, checked against the documented rules before anything is
// sent, so the user sees every problem up front and the service never sees a request it would refuse.
import type { StandardArtifactInput } from './api/inputs';
import type { DestinationType, ProtectionUnit, RestorePointSearchResponse, SessionShape, Violation, Workload } from './model';
import { checkArtifactChange, chunk, LIMITS } from './model';
import { unitName } from './presentation';

export interface PlannedArtifact {
  unitId: string;
  unitName: string;
  restorePointId: string;
  protectionDateTime?: string;
  fastRestore: boolean;
}

export interface CreatePlan {
  workload: Workload;
  destinationType: DestinationType;
  artifacts: PlannedArtifact[];
  /** Units for which no restore point exists in the chosen window. */
  unitsWithoutPoint: { unitId: string; unitName: string }[];
  /** Requests the create needs: one POST with up to 50 artifacts, then PATCHes of up to 50 each. */
  requests: { method: 'POST' | 'PATCH'; artifacts: number }[];
  violations: Violation[];
}

/**
 * Plans restoring `units` from the restore points a search found. Without `existing` the plan creates a new
 * session (one POST, then PATCHes); with it, the plan adds to that draft (PATCHes only).
 */
export function planCreate(
  workload: Workload,
  units: readonly ProtectionUnit[],
  search: RestorePointSearchResponse,
  destinationType: DestinationType,
  existing?: SessionShape,
): CreatePlan {
  const byId = new Map(units.map((u) => [u.id, u]));
  const artifacts: PlannedArtifact[] = [];
  for (const result of search.searchResults ?? []) {
    const point = result.restorePoint;
    const unitId = point?.protectionUnit?.id;
    if (!point?.id || !unitId) continue;
    artifacts.push({
      unitId,
      unitName: unitName(workload, byId.get(unitId)) ?? unitId,
      restorePointId: point.id,
      protectionDateTime: point.protectionDateTime ?? undefined,
      fastRestore: (point.tags ?? '').includes('fastRestore'),
    });
  }
  const unitsWithoutPoint = (search.noResultProtectionUnitIds ?? []).map((unitId) => ({ unitId, unitName: unitName(workload, byId.get(unitId)) ?? unitId }));
  const batches = chunk(artifacts, LIMITS.artifactsPerRequest);
  const creates = !existing;
  const requests = batches.map((batch, index) => ({ method: creates && index === 0 ? ('POST' as const) : ('PATCH' as const), artifacts: batch.length }));
  const violations: Violation[] = [];
  for (const [index, batch] of batches.entries()) {
    const earlier = batches.slice(0, index).flat().map((a) => a.restorePointId);
    const session: SessionShape | null = creates && index === 0
      ? null
      : {
        status: existing?.status ?? 'draft',
        restoreJobType: existing?.restoreJobType ?? 'standard',
        existingKind: existing?.existingKind ?? 'standard',
        existingDestination: existing?.existingDestination ?? destinationType,
        existingKeys: new Set([...(existing?.existingKeys ?? []), ...earlier]),
        bulkRequestCount: existing?.bulkRequestCount ?? 0,
      };
    const violation = checkArtifactChange(
      { addedKinds: new Set(['standard']), addedDestinations: batch.map(() => destinationType), addedKeys: batch.map((a) => a.restorePointId), removedCount: 0, isCreate: creates && index === 0 },
      session,
    );
    if (violation && !violations.some((v) => v.code === violation.code)) violations.push(violation);
  }
  if (artifacts.length === 0) {
    violations.push({ code: 'InvalidArtifactRequest', httpStatus: 400, message: 'No restore point was found for the chosen units and time; nothing to restore.' });
  }
  return { workload, destinationType, artifacts, unitsWithoutPoint, requests, violations };
}

export function planInputs(plan: CreatePlan): StandardArtifactInput[] {
  return plan.artifacts.map((a) => ({ restorePointId: a.restorePointId, destinationType: plan.destinationType }));
}
