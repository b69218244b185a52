// Actions on one session as plain functions: activate, delete (retry is in retryActions.ts). The
// commands and the details panel call these same functions, so the checks, the confirmations and the
// outcome are the same wherever an action starts. Each takes the session in hand and returns an outcome.
import * as vscode from 'vscode';
import { checkActivation, isActionAllowed, RUNNING_SESSION_STATUSES, type RestoreSession } from '../../backup/model';
import { createdByText, formatDateTime, sessionStatusWord } from '../../backup/presentation';
import { progressOf } from '../../backup/progress';
import type { ReviewFlag } from '../../backup/plan';
import { reportAct } from './acted';
import { confirmActivation } from './confirmActivation';
import { alreadyRunning, type ActionDeps, type SessionTarget } from './deps';
import { cancelled, done, outcomeOf, type ActionOutcome } from './outcome';
import { l10n } from '../../backup/l10n';

export interface ActivationOptions {
  /** Flags of the plan review the admin just saw, repeated in the confirmation. */
  flags?: readonly ReviewFlag[];
  /** Rows of the session's bulk request, when the caller made it (the service lists them back empty). */
  bulkRows?: number;
}

/**
 * Checks the service's limits, asks the one activation confirmation, activates; the fresh session when done.
 * The only caller of `confirmActivation` and of the facade's `sessions.activate` (a unit test checks both).
 */
export function activateSession(deps: ActionDeps, { workload, session }: SessionTarget, options: ActivationOptions = {}): Promise<ActionOutcome<RestoreSession>> {
  return outcomeOf(async () => {
    const { hub } = deps;
    const running = await hub.api.sessions.count(undefined, [...RUNNING_SESSION_STATUSES]);
    const violation = checkActivation(session.status ?? 'draft', running);
    if (violation) throw new Error(violation.message);
    const read = await hub.contents(workload, session.id, 'action');
    if (!read) throw new Error(l10n.t('The service no longer has this session.'));
    if (!(await confirmActivation(deps.ui, hub, { workload, session: read.session, contents: read.contents, flags: options.flags, bulkRows: options.bulkRows }))) {
      return cancelled(l10n.t('Activation cancelled; the session is still a draft.'));
    }
    const answer = await deps.busy.run(session.id, 'Activating…', () => hub.api.sessions.activate(session.id));
    if (answer === 'refused') return cancelled(alreadyRunning());
    const fresh = { ...read.session, ...answer.value.body };
    deps.watch.add(workload, session.id);
    hub.observe(workload, [fresh], 'action', 'after Activate');
    const name = await hub.names.named(workload, fresh);
    return done(fresh, vscode.l10n.t('{0} restore session is {1}: {2}, {3}.', workload.label, sessionStatusWord(fresh.status).toLowerCase(), name, progressOf(fresh.restoreSessionArtifactCount).text));
  }).then((outcome) => reportAct('activated', deps, { workload, session }, outcome));
}

/** Deletes a draft after confirmation. */
export function deleteSession(deps: ActionDeps, { workload, session }: SessionTarget): Promise<ActionOutcome> {
  return outcomeOf(async () => {
    if (!isActionAllowed(session.status, 'delete')) {
      throw new Error(l10n.t('Only draft sessions can be deleted; this one is {0}.', sessionStatusWord(session.status).toLowerCase()));
    }
    const name = await deps.hub.names.named(workload, session);
    const detail = vscode.l10n.t('{0}. Created {1} by {2}; {3}. This cannot be undone.', name, formatDateTime(session.createdDateTime), createdByText(session.createdBy), progressOf(session.restoreSessionArtifactCount).text);
    const confirmed = await deps.ui.confirm(vscode.l10n.t('Delete this draft {0} restore session?', workload.label), detail, vscode.l10n.t('Delete'));
    if (!confirmed) return cancelled(vscode.l10n.t('Deletion cancelled.'));
    const answer = await deps.busy.run(session.id, 'Deleting…', () => deps.hub.api.sessions.delete(session.id));
    if (answer === 'refused') return cancelled(alreadyRunning());
    deps.hub.forget(workload, session.id, 'action');
    return done(undefined, l10n.t('Deleted.'));
  }).then((outcome) => reportAct('deleted', deps, { workload, session }, outcome));
}
