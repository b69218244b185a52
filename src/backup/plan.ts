// Plan before write: what a create would send, checked against the documented rules before anything is
// sent, so the user sees every problem up front and the service never sees a request it would refuse.
import type { StandardArtifactInput } from './api/inputs';
import type { DestinationType, ProtectionUnit, RestorePointSearchResponse, SessionShape, Violation, Workload } from './model';
import { checkArtifactChange, chunk, LIMITS } from './model';
import { unitDisplayName, unitRef } from './sessionNaming';
import { cadenceAt, includesNewerItems, isFastRestore, staleBy } from './restorePoints';
import { formatWithZone, parseInstant, timeSpan } from './timeWords';
import { words } from './words';
import { l10n } from './l10n';

export interface PlannedArtifact {
  unitId: string;
  unitName: string;
  restorePointId: string;
  protectionDateTime?: string;
  fastRestore: boolean;
  /** Beta: the service's answer says the point also brings back items created after it. */
  includesNewerItems?: boolean;
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
      unitName: displayName(workload, unitId, byId.get(unitId)),
      restorePointId: point.id,
      protectionDateTime: point.protectionDateTime ?? undefined,
      fastRestore: isFastRestore(point),
      includesNewerItems: includesNewerItems(point),
    });
  }
  const unitsWithoutPoint = (search.noResultProtectionUnitIds ?? []).map((unitId) => ({ unitId, unitName: displayName(workload, unitId, byId.get(unitId)) }));
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
    violations.push({ code: 'InvalidArtifactRequest', httpStatus: 400, message: l10n.t('No restore point was found for the chosen units and time; nothing to restore.') });
  }
  return { workload, destinationType, artifacts, unitsWithoutPoint, requests, violations };
}

function displayName(workload: Workload, unitId: string, unit: ProtectionUnit | undefined): string {
  return unitDisplayName(workload, unit ? unitRef(workload, unit) : { id: unitId });
}

export function planInputs(plan: CreatePlan): StandardArtifactInput[] {
  return plan.artifacts.map((a) => ({ restorePointId: a.restorePointId, destinationType: plan.destinationType }));
}

/** Something the admin must see before a restore goes ahead; never a silent choice. */
export interface ReviewFlag {
  kind: 'stalePoint' | 'notProtected' | 'alreadyInDraft' | 'noPoint' | 'newerItemsNotIncluded';
  unitId: string;
  unitName: string;
  /** One sentence that names the unit and says what is unusual. */
  text: string;
}

export interface ReviewContext {
  /** The time the admin asked for (the end of the search window). */
  chosenMs: number;
  nowMs: number;
  /** The units with their status, to spot unprotected or offboarded ones. */
  units: readonly ProtectionUnit[];
  /** Units the draft being added to already restores. */
  draftUnitIds?: ReadonlySet<string>;
  /** The admin asked for the items created after each point too (beta); the answer must say it brings them. */
  askedForNewerItems?: boolean;
}

const NOT_PROTECTED = new Set(['unprotected', 'unprotectRequested', 'removeRequested', 'offboardRequested', 'offboarded']);

/** A unit no longer backed up (protection removed or offboarded, or on the way there): no newer points will come. */
export function isNotProtected(status: string | null | undefined): boolean {
  return !!status && NOT_PROTECTED.has(status);
}

/**
 * Flags for the plan review and the confirmation: a point much older than the documented cadence would give
 * for the chosen time, a unit that is no longer protected, a unit already in the draft, a unit with no point.
 */
export function reviewFlags(plan: CreatePlan, context: ReviewContext): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const byId = new Map(context.units.map((u) => [u.id, u]));
  for (const artifact of plan.artifacts) {
    const name = artifact.unitName;
    const pointMs = parseInstant(artifact.protectionDateTime);
    const gap = pointMs === undefined ? undefined : staleBy(pointMs, context.chosenMs, context.nowMs);
    if (gap !== undefined && pointMs !== undefined) {
      flags.push({ kind: 'stalePoint', unitId: artifact.unitId, unitName: name, text: l10n.t('{0}: the nearest restore point is {1}, {2} before the time you chose (backups normally run {3}).', name, formatWithZone(pointMs), timeSpan(pointMs, context.chosenMs), cadenceAt(Math.max(0, context.nowMs - context.chosenMs))?.words ?? l10n.t('within the retention period')) });
    }
    const status = byId.get(artifact.unitId)?.status;
    if (status && isNotProtected(status)) {
      flags.push({ kind: 'notProtected', unitId: artifact.unitId, unitName: name, text: l10n.t('{0} is not protected any more ({1}); no newer backups exist.', name, words('unitStatus', status).toLowerCase()) });
    }
    if (context.askedForNewerItems && !artifact.includesNewerItems) {
      flags.push({ kind: 'newerItemsNotIncluded', unitId: artifact.unitId, unitName: name, text: l10n.t('{0}: the service did not confirm that its point brings back items created after it; only what the point holds is restored.', name) });
    }
    if (context.draftUnitIds?.has(artifact.unitId)) {
      flags.push({ kind: 'alreadyInDraft', unitId: artifact.unitId, unitName: name, text: l10n.t('{0} is already in this draft; a session restores each unit once.', name) });
    }
  }
  for (const missing of plan.unitsWithoutPoint) {
    flags.push({ kind: 'noPoint', unitId: missing.unitId, unitName: missing.unitName, text: l10n.t('{0} has no restore point at or before the time you chose and is left out.', missing.unitName) });
  }
  return flags;
}
