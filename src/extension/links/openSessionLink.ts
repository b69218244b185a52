// Opens the session a link names: checks the link, the connection (switching to it only after asking: a link
// must not quietly move someone from one tenant to another), reads the session, opens its details panel. Every
// way it can fail ends in one sentence for the person who clicked the link.
import type * as vscode from 'vscode';
import type { ConnectionManager } from '../connections';
import type { SessionHubs } from '../sessions/hubs';
import type { Ui } from '../ui';
import type { DetailsPanels } from '../webview/panels';
import { parseSessionLink } from './sessionLink';
import { l10n } from '../../backup/l10n';

export interface LinkDeps {
  connections: ConnectionManager;
  hubs: SessionHubs;
  details: DetailsPanels;
  ui: Ui;
}

export type LinkOutcome =
  | { kind: 'opened'; sessionId: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'failed'; message: string };

export async function openSessionLink(deps: LinkDeps, uri: vscode.Uri): Promise<LinkOutcome> {
  const parsed = parseSessionLink(uri);
  if (!parsed.ok) return { kind: 'failed', message: parsed.problem };
  const { connectionId, workload, sessionId } = parsed.target;
  const connection = deps.connections.list().find((c) => c.id === connectionId);
  if (!connection) {
    return { kind: 'failed', message: l10n.t('The link is for a connection named "{0}" that is not set up here. Add it with Restore Sessions: Add Connection…, then open the link again.', connectionId) };
  }
  if (connection.id !== deps.connections.activeId) {
    const current = deps.connections.activeConfig().label;
    const switchNow = await deps.ui.confirm(
      l10n.t('Switch to {0} to open this {1} restore session?', connection.label, workload.label),
      l10n.t('The session is on {0}; you are working on {1}.', connection.label, current),
      l10n.t('Switch'),
    );
    if (!switchNow) return { kind: 'cancelled', message: l10n.t('Stayed on {0}; the session was not opened.', current) };
    await deps.connections.switchTo(connection.id);
  }
  const hub = await deps.hubs.active();
  const read = await hub.load(workload, sessionId, 'open');
  if (!read) {
    return { kind: 'failed', message: l10n.t('{0} has no {1} restore session with the id in this link: it was deleted, or the service no longer keeps it.', connection.label, workload.label) };
  }
  await deps.details.open({ workload, session: read.session });
  return { kind: 'opened', sessionId };
}
