// Actions on one session as plain functions: activate, delete, retry failed artifacts as a new draft. The
// commands and the details panel call these same functions, so the checks, the confirmations and the
// outcome are the same wherever an action starts. Each takes the session in hand and returns an outcome.
import { checkActivation, isActionAllowed, isTerminalSession, RUNNING_SESSION_STATUSES, type RestoreSession } from '../../backup/model';
import { progressText, sessionStatusWord } from '../../backup/presentation';
import { retryInputs } from '../../backup/retry';
import { reportAct } from './acted';
import { confirmActivation } from './confirmActivation';
import { ALREADY_RUNNING, type ActionDeps, type SessionTarget } from './deps';
import { cancelled, done, outcomeOf, type ActionOutcome } from './outcome';

/** Checks the service's limits, asks the one activation confirmation, activates; the fresh session when done. */
export function activateSession(deps: ActionDeps, { workload, session }: SessionTarget): Promise<ActionOutcome<RestoreSession>> {
  return outcomeOf(async () => {
    const { hub } = deps;
    const running = await hub.api.sessions.count(undefined, [...RUNNING_SESSION_STATUSES]);
    const violation = checkActivation(session.status ?? 'draft', running);
    if (violation) throw new Error(violation.message);
    const read = await hub.contents(workload, session.id, 'action');
    if (!read) throw new Error('The service no longer has this session.');
    if (!(await confirmActivation(deps.ui, { workload, session: read.session, standard: read.contents?.standard ?? [] }))) {
      return cancelled('Activation cancelled; the session is still a draft.');
    }
    const answer = await deps.busy.run(session.id, 'Activating…', () => hub.api.sessions.activate(session.id));
    if (answer === 'refused') return cancelled(ALREADY_RUNNING);
    const fresh = { ...read.session, ...answer.value.body };
    deps.watch.add(workload, session.id);
    hub.observe(workload, [fresh], 'action', 'after Activate');
    return done(fresh, `${workload.label} restore session is ${sessionStatusWord(fresh.status).toLowerCase()} (${progressText(fresh)}).`);
  }).then((outcome) => reportAct('activated', deps, { workload, session }, outcome));
}

/** Deletes a draft after confirmation. */
export function deleteSession(deps: ActionDeps, { workload, session }: SessionTarget): Promise<ActionOutcome> {
  return outcomeOf(async () => {
    if (!isActionAllowed(session.status, 'delete')) {
      throw new Error(`Only draft sessions can be deleted; this one is ${sessionStatusWord(session.status).toLowerCase()}.`);
    }
    const confirmed = await deps.ui.confirm(`Delete this draft ${workload.label} restore session?`, `${session.id}\n${progressText(session)}. This cannot be undone.`, 'Delete');
    if (!confirmed) return cancelled('Deletion cancelled.');
    const answer = await deps.busy.run(session.id, 'Deleting…', () => deps.hub.api.sessions.delete(session.id));
    if (answer === 'refused') return cancelled(ALREADY_RUNNING);
    deps.hub.forget(workload, session.id, 'action');
    return done(undefined, 'Deleted.');
  }).then((outcome) => reportAct('deleted', deps, { workload, session }, outcome));
}

/** A new draft with the failed artifacts of a finished session (same restore points and destination). */
export function retryFailed(deps: ActionDeps, { workload, session }: SessionTarget): Promise<ActionOutcome<{ session: RestoreSession; notAdded: string[] }>> {
  return outcomeOf(async () => {
    if (!isTerminalSession(session.status)) throw new Error('Failed artifacts can be retried once the session has finished.');
    const read = await deps.hub.contents(workload, session.id, 'action');
    if (!read?.contents) throw new Error('The service no longer has this session.');
    const inputs = retryInputs(workload, read.contents.standard, read.contents.granular);
    const kind = inputs.standard.length ? 'standard' : 'granular';
    const items = kind === 'standard' ? inputs.standard : inputs.granular;
    if (!items.length) throw new Error('This session has no failed artifact that can be retried.');
    const confirmed = await deps.ui.confirm(
      `Create a new draft ${workload.label} restore session with ${items.length} failed artifact(s)?`,
      'Same restore points and destination. The new session stays a draft until you activate it.',
      'Create Draft',
    );
    if (!confirmed) return cancelled('Retry cancelled; no draft was created.');
    const created = await deps.hub.api.sessions.createWith(workload, kind, items);
    deps.hub.created(workload, created.session);
    const notAdded = created.failures.map((f) => f['@Core.DataModificationException'].info.message);
    const message = notAdded.length
      ? `Created a draft ${workload.label} restore session, but ${notAdded.length} artifact(s) were not added: ${notAdded.join('; ')}`
      : `Created a draft ${workload.label} restore session with ${items.length} artifact(s).`;
    return done({ session: created.session, notAdded }, message);
  }).then((outcome) => reportAct('retried', deps, { workload, session }, outcome));
}
