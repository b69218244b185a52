// Opens the session a link names: checks the link, the connection (switching to it only after asking: a link
// must not quietly move someone from one tenant to another), reads the session, opens its details panel. Every
// way it can fail ends in one sentence for the person who clicked the link.
import type * as vscode from 'vscode';
import type { ConnectionManager } from '../connections';
import type { SessionHubs } from '../sessions/hubs';
import type { Ui } from '../ui';
import type { DetailsPanels } from '../webview/panels';
import { parseSessionLink } from './sessionLink';

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
    return { kind: 'failed', message: `The link is for a connection named "${connectionId}" that is not set up here. Add it with Restore Sessions: Add Connection…, then open the link again.` };
  }
  if (connection.id !== deps.connections.activeId) {
    const current = deps.connections.activeConfig().label;
    const switchNow = await deps.ui.confirm(
      `Switch to ${connection.label} to open this ${workload.label} restore session?`,
      `The session is on ${connection.label}; you are working on ${current}.`,
      'Switch',
    );
    if (!switchNow) return { kind: 'cancelled', message: `Stayed on ${current}; the session was not opened.` };
    await deps.connections.switchTo(connection.id);
  }
  const hub = await deps.hubs.active();
  const read = await hub.load(workload, sessionId, 'open');
  if (!read) {
    return { kind: 'failed', message: `${connection.label} has no ${workload.label} restore session with the id in this link: it was deleted, or the service no longer keeps it.` };
  }
  await deps.details.open({ workload, session: read.session });
  return { kind: 'opened', sessionId };
}
