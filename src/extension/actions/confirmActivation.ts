// The one confirmation every activation passes through (explorer, palette, details panel, the wizard's
// "Create and activate now"): it names how many artifacts are restored and where, loudest for in place.
import type { RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../../backup/model';
import type { Ui } from '../ui';

export interface ActivationRequest {
  workload: Workload;
  session: RestoreSession;
  /** The session's standard artifacts (their destination is the session's destination). */
  standard: readonly RestoreArtifact[];
}

/** True when the person confirmed the activation. */
export function confirmActivation(ui: Ui, { workload, session, standard }: ActivationRequest): Promise<boolean> {
  const total = session.restoreSessionArtifactCount?.total ?? standard.length;
  const destination = (standard[0] as RestoreArtifactBase | undefined)?.destinationType;
  const where = destination === 'inPlace' ? 'IN PLACE, over the current content' : destination === 'new' ? 'to a new location' : 'as planned';
  return ui.confirm(
    `Activate this ${workload.label} restore session?`,
    `${total} artifact(s) will be restored ${where}. An active restore cannot be cancelled.`,
    'Activate',
  );
}
