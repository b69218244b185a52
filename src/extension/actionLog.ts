// Records at Info what the admin did: created (any path that makes a draft), changed, activated, deleted and
// retried, each with the session's name, its units and the request-id of the request that did it, or the
// failure in words. Names come from the session hub (they may need one `$batch` read); request-ids from the
// log's own record of recent writes.
import * as vscode from 'vscode';
import type { RestoreSession, Workload } from '../backup/model';
import { unitDisplayName } from '../backup/sessionNaming';
import { onDidAct, type ActEvent } from './actions/acted';
import type { Log } from './log';
import type { SessionHub } from './sessions/hub';
import type { SessionHubs } from './sessions/hubs';

/** How many units a log line names before "and N more". */
const NAMED_UNITS = 3;

const DONE: Record<ActEvent['verb'], string> = { activated: 'Activated', deleted: 'Deleted', retried: 'Retried the failed units of', changed: 'Changed' };
const DOING: Record<ActEvent['verb'], string> = { activated: 'Activating', deleted: 'Deleting', retried: 'Retrying', changed: 'Changing' };

export function recordActions(log: Log, hubs: SessionHubs): vscode.Disposable {
  const acted = onDidAct((event) => void actionLine(event, hubs.get(event.connectionId), log).then((line) => log.info(line), () => undefined));
  const created = hubs.onDidChangeSession((change) => {
    const hub = hubs.get(change.connectionId);
    if (!change.created || !change.session || !hub) return;
    const { workload, session } = change;
    const requestId = log.lastWrite((method, path) => method === 'POST' && path.endsWith(`/${workload.sessionCollection}`));
    void hub.nameSessions(workload, [session]).catch(() => undefined)
      .then(() => log.info(`Created a draft ${workload.label} restore: ${described(hub, workload, session)}${requestIdWords(requestId)}`));
  });
  return new vscode.Disposable(() => {
    acted.dispose();
    created.dispose();
  });
}

async function actionLine({ verb, workload, target, outcome }: ActEvent, hub: SessionHub | undefined, log: Log): Promise<string> {
  const name = hub ? await hub.names.named(workload, target.session) : `${workload.label} restore`;
  const what = hub ? described(hub, workload, target.session) : `“${name}”`;
  if (outcome.kind === 'cancelled') return `${DOING[verb]} ${workload.label} restore “${name}”: ${outcome.message}`;
  if (outcome.kind === 'failed') return `${DOING[verb]} ${workload.label} restore “${name}” failed: ${outcome.error.summary}${requestIdWords(outcome.error.requestId)}`;
  const id = target.session.id;
  const requestId = log.lastWrite((method, path) => (verb === 'retried' ? method === 'POST' && path.endsWith(`/${workload.sessionCollection}`) : path.includes(id)));
  // "Deleted." would only repeat the verb; the others say the new status or what changed.
  const detail = verb === 'deleted' ? '' : `: ${outcome.message}`;
  return `${DONE[verb]} ${workload.label} restore ${what}${detail}${requestIdWords(requestId)}`;
}

/** `“Debra Berger +2” (Debra Berger, Alex Wilber, Megan Bowen)`. */
function described(hub: SessionHub, workload: Workload, session: RestoreSession): string {
  const name = hub.names.nameOf(workload, session) ?? `${workload.label} restore`;
  const units = (hub.names.unitsOf(workload, session) ?? []).map((u) => unitDisplayName(workload, u));
  const listed = units.slice(0, NAMED_UNITS).join(', ') + (units.length > NAMED_UNITS ? ` and ${units.length - NAMED_UNITS} more` : '');
  return listed && listed !== name ? `“${name}” (${listed})` : `“${name}”`;
}

function requestIdWords(requestId: string | undefined): string {
  return requestId ? ` · request-id ${requestId}` : '';
}
