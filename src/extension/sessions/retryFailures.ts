// What Retry Failed Artifacts works from, without prompts: a finished session's failed artifacts rebuilt as
// inputs, each failure named by its unit with what the retry suggests, the units involved, and the plan for
// retrying with the same restore points. The action (actions/retryActions.ts) adds the prompts and the
// activation; the latency benchmark calls these directly, so it times what the command does.
//
// Free of `vscode`.
import type { GranularArtifactInput, StandardArtifactInput } from '../../backup/api';
import type { DestinationType, ProtectionUnit, RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../../backup/model';
import { chunk, isTerminalSession, LIMITS } from '../../backup/model';
import { reviewFlags, type CreatePlan, type ReviewFlag } from '../../backup/plan';
import { isFastRestore } from '../../backup/restorePoints';
import { retryDestination, retryInputs, retrySuggestion, type RetrySuggestion } from '../../backup/retry';
import { unitDisplayName } from '../../backup/sessionNaming';
import type { SessionHub } from './hub';
import { l10n } from '../../backup/l10n';

export interface RetryFailure {
  artifact: RestoreArtifact;
  unitId?: string;
  unitName: string;
  suggestion: RetrySuggestion;
}

export interface RetryBasis {
  workload: Workload;
  kind: 'standard' | 'granular';
  items: (StandardArtifactInput | GranularArtifactInput)[];
  failures: RetryFailure[];
  /** The units of the failures (for the point-in-time step and the review's protection check). */
  units: ProtectionUnit[];
  current: DestinationType;
}

/** Reads the session's contents (through the hub) and describes each failure; throws when nothing can be retried. */
export async function retryBasis(hub: SessionHub, workload: Workload, session: RestoreSession): Promise<RetryBasis> {
  if (!isTerminalSession(session.status)) throw new Error(l10n.t('Failed artifacts can be retried once the session has finished.'));
  const read = await hub.contents(workload, session.id, 'action');
  if (!read?.contents) throw new Error(l10n.t('The service no longer has this session.'));
  const inputs = retryInputs(workload, read.contents.standard, read.contents.granular);
  const kind = inputs.standard.length ? 'standard' : 'granular';
  const items: (StandardArtifactInput | GranularArtifactInput)[] = kind === 'standard' ? inputs.standard : inputs.granular;
  if (!items.length) throw new Error(l10n.t('This session has no failed artifact that can be retried.'));
  const failedArtifacts = (kind === 'standard' ? read.contents.standard : read.contents.granular).filter((a) => a.status === 'failed');
  const current = (failedArtifacts[0] as RestoreArtifactBase | undefined)?.destinationType === 'inPlace' ? 'inPlace' : 'new';
  const pointIds = failedArtifacts.map((a) => (a as RestoreArtifactBase).restorePoint?.id).filter((id): id is string => !!id);
  // The units are read afresh (the review checks their protection now), in parallel with the points' units.
  const [pointUnits, names, allUnits] = await Promise.all([hub.units.unitsOfRestorePoints(pointIds), hub.units.unitNames(workload), hub.api.tenant.units(workload)]);
  const failures = failedArtifacts.map((artifact) => {
    const unitId = pointUnits.get((artifact as RestoreArtifactBase).restorePoint?.id ?? '');
    const unitName = unitDisplayName(workload, { id: unitId, name: unitId ? names.get(unitId) : undefined });
    return { artifact, unitId, unitName, suggestion: retrySuggestion(workload, (artifact as RestoreArtifactBase).error, current) };
  });
  const units = allUnits.filter((u) => failures.some((f) => f.unitId === u.id));
  return { workload, kind, items, failures, units, current };
}

/** The destination the failures suggest (a new location as soon as one of them needs it). */
export function suggestedRetryDestination({ failures, current }: RetryBasis): DestinationType {
  return retryDestination(failures.map((f) => f.suggestion), current);
}

/** The plan for retrying with the same restore points to `destination`, with what the review flags. */
export function sameRetryPlan(basis: RetryBasis, destination: DestinationType): { plan: CreatePlan; flags: ReviewFlag[]; items: RetryBasis['items'] } {
  const { workload, failures, units } = basis;
  // (a browsed file or folder has no destination of its own: it always goes to a new location)
  const items = basis.items.map((item) => ('destinationType' in item ? { ...item, destinationType: destination } : item));
  const artifacts = failures.map((f) => {
    const restorePoint = (f.artifact as RestoreArtifactBase).restorePoint;
    return { unitId: f.unitId ?? f.artifact.id, unitName: f.unitName, restorePointId: restorePoint?.id ?? '', protectionDateTime: restorePoint?.protectionDateTime ?? undefined, fastRestore: !!restorePoint && isFastRestore(restorePoint) };
  });
  const plan: CreatePlan = {
    workload, destinationType: destination, artifacts, unitsWithoutPoint: [], violations: [],
    requests: chunk(items, LIMITS.artifactsPerRequest).map((batch, index) => ({ method: index === 0 ? 'POST' : 'PATCH', artifacts: batch.length })),
  };
  // The same points were chosen before; only the units' protection can have changed since.
  const now = Date.now();
  const flags = reviewFlags(plan, { chosenMs: now, nowMs: now, units }).filter((f) => f.kind === 'notProtected');
  return { plan, flags, items };
}

/** Creates the retry's draft with every item (50 in the create, the rest added) and tells the hub. */
export async function createRetryDraft(hub: SessionHub, basis: RetryBasis, items: RetryBasis['items']): Promise<{ session: RestoreSession; notAdded: string[] }> {
  const created = await hub.api.sessions.createWith(basis.workload, basis.kind, items);
  hub.created(basis.workload, created.session);
  return { session: created.session, notAdded: created.failures.map((f) => f['@Core.DataModificationException'].info.message) };
}
