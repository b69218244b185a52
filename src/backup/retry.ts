// Retry Failed Artifacts: a new draft with the failed artifacts of a finished session, so only what failed is
// tried again, and per failure a suggestion (keep the point, choose another, or restore to a new location).
// Each artifact is rebuilt the way an export rebuilds it; one that cannot be (its restore point or browse
// session is missing) is left out.
import type { CreateSessionInput, GranularArtifactInput, StandardArtifactInput } from './api/inputs';
import { artifactInput } from './exports';
import type { DestinationType, PublicError, RestoreArtifact, Workload } from './model';
import { l10n } from './l10n';

export function retryInputs(workload: Workload, standard: readonly RestoreArtifact[], granular: readonly RestoreArtifact[]): Required<CreateSessionInput> {
  const result: Required<CreateSessionInput> = { standard: [], granular: [] };
  for (const [list, kind] of [[standard, 'standard'], [granular, 'granular']] as const) {
    for (const artifact of list) {
      if (artifact.status !== 'failed') continue;
      const built = artifactInput(workload, artifact, kind);
      if ('reason' in built) continue;
      if (built.kind === 'standard') result.standard.push(built.input as StandardArtifactInput);
      else result.granular.push(built.input as GranularArtifactInput);
    }
  }
  return result;
}

export type RetryAction = 'keepPoint' | 'choosePoint' | 'newLocation';

export interface RetrySuggestion {
  action: RetryAction;
  /** The destination to prefill; one destination per session, so a single `newLocation` moves the whole retry. */
  destinationType: DestinationType;
  /** Why, in words, for the dialog. */
  reason: string;
}

const HOLD = /\b(litigation|legal|in-place|retention) hold\b|\bon hold\b|\bhold\b.*\blifted\b/i;
const LOCK_OR_NEW = /preservation lock|new (url|location)/i;

/** What to change when retrying one failure, from its documented error code and what its message says. */
export function retrySuggestion(workload: Workload, error: PublicError | null | undefined, current: DestinationType = 'new'): RetrySuggestion {
  const code = error?.code ?? '';
  const message = error?.message ?? '';
  const unit = workload.unitLabel;
  if (LOCK_OR_NEW.test(message)) {
    return { action: 'newLocation', destinationType: 'new', reason: /preservation lock/i.test(message) ? l10n.t('The service says this {0} cannot be restored in place (a Preservation Lock); restore it to a new location instead.', unit) : l10n.t('The service says this {0} cannot be restored in place (its own words); restore it to a new location instead.', unit) };
  }
  if (HOLD.test(message)) {
    return workload.id === 'exchange'
      ? { action: 'keepPoint', destinationType: current, reason: l10n.t('The mailbox is on hold; items under a legal or in-place hold cannot be restored until the hold is lifted. Lift it in Exchange, then retry.') }
      : { action: 'newLocation', destinationType: 'new', reason: l10n.t('The {0} is on hold; the docs say to restore to a new URL instead.', unit) };
  }
  switch (code) {
    case 'InvalidRestoreTime':
    case 'InvalidRestorePoint':
      return { action: 'choosePoint', destinationType: current, reason: l10n.t('The restore point is outside the retention period or no longer valid; choose a newer point.') };
    case 'ArtifactNotFound':
    case 'ProtectionUnitNotFound':
      return { action: 'newLocation', destinationType: 'new', reason: l10n.t('The original {0} no longer exists; its backup can still be restored to a new location.', unit) };
    case 'ArtifactCannotBeRestored':
      return { action: 'newLocation', destinationType: 'new', reason: l10n.t('The {0} is in a state that blocks restoring it in place; restore it to a new location.', unit) };
    case 'DuplicateArtifactRestoreRequest':
      return { action: 'keepPoint', destinationType: current, reason: l10n.t('Another restore of this {0} was running; wait for it to finish, then retry with the same point.', unit) };
    default:
      return { action: 'keepPoint', destinationType: current, reason: l10n.t('The failure looks temporary; retry with the same point and destination.') };
  }
}

/** The destination for a retry of several failures: a new location as soon as one of them needs it. */
export function retryDestination(suggestions: readonly RetrySuggestion[], current: DestinationType): DestinationType {
  return suggestions.some((s) => s.action === 'newLocation') ? 'new' : current;
}
