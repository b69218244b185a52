// Retry Failed Artifacts: a new draft with the failed artifacts of a finished session, so only what failed is
// tried again, and per failure a suggestion (keep the point, choose another, or restore to a new location).
// Each artifact is rebuilt the way an export rebuilds it; one that cannot be (its restore point or browse
// session is missing) is left out.
import type { CreateSessionInput, GranularArtifactInput, StandardArtifactInput } from './api/inputs';
import { artifactInput } from './exports';
import type { DestinationType, PublicError, RestoreArtifact, Workload } from './model';

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
    return { action: 'newLocation', destinationType: 'new', reason: `The service says this ${unit} cannot be restored in place (${/preservation lock/i.test(message) ? 'a Preservation Lock' : 'its own words'}); restore it to a new location instead.` };
  }
  if (HOLD.test(message)) {
    return workload.id === 'exchange'
      ? { action: 'keepPoint', destinationType: current, reason: 'The mailbox is on hold; items under a legal or in-place hold cannot be restored until the hold is lifted. Lift it in Exchange, then retry.' }
      : { action: 'newLocation', destinationType: 'new', reason: `The ${unit} is on hold; the docs say to restore to a new URL instead.` };
  }
  switch (code) {
    case 'InvalidRestoreTime':
    case 'InvalidRestorePoint':
      return { action: 'choosePoint', destinationType: current, reason: 'The restore point is outside the retention period or no longer valid; choose a newer point.' };
    case 'ArtifactNotFound':
    case 'ProtectionUnitNotFound':
      return { action: 'newLocation', destinationType: 'new', reason: `The original ${unit} no longer exists; its backup can still be restored to a new location.` };
    case 'ArtifactCannotBeRestored':
      return { action: 'newLocation', destinationType: 'new', reason: `The ${unit} is in a state that blocks restoring it in place; restore it to a new location.` };
    case 'DuplicateArtifactRestoreRequest':
      return { action: 'keepPoint', destinationType: current, reason: `Another restore of this ${unit} was running; wait for it to finish, then retry with the same point.` };
    default:
      return { action: 'keepPoint', destinationType: current, reason: 'The failure looks temporary; retry with the same point and destination.' };
  }
}

/** The destination for a retry of several failures: a new location as soon as one of them needs it. */
export function retryDestination(suggestions: readonly RetrySuggestion[], current: DestinationType): DestinationType {
  return suggestions.some((s) => s.action === 'newLocation') ? 'new' : current;
}
