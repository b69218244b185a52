// A link to one restore session: `<scheme>://<publisher>.<name>/session?workload=…&id=…&connection=…`. It names
// the connection the session lives on, so a link copied while working on a tenant never opens another one's
// session of the same id. Building and reading links; opening them is ./openSessionLink.
import * as vscode from 'vscode';
import { isGuid, isWorkloadId, workload as workloadById, type Workload } from '../../backup/model';

export const SESSION_LINK_PATH = '/session';

export interface SessionLinkTarget {
  connectionId: string;
  workload: Workload;
  sessionId: string;
}

/** This extension's id (publisher.name), which every link names; learnt once at activation (`useLinkExtensionId`). */
let linkExtensionId: string | undefined;

export function useLinkExtensionId(extensionId: string): void {
  linkExtensionId = extensionId;
}

/** The link to a session for notices and exports, or undefined before activation named the extension. */
export function sessionLinkOf(target: SessionLinkTarget): string | undefined {
  return linkExtensionId ? sessionLink(linkExtensionId, target) : undefined;
}

/** The link; the scheme is this editor's own (`vscode`, `vscode-insiders`, …) so the link comes back here. */
export function sessionLink(extensionId: string, target: SessionLinkTarget): string {
  const query = new URLSearchParams({ workload: target.workload.id, id: target.sessionId, connection: target.connectionId });
  return `${vscode.env.uriScheme}://${extensionId}${SESSION_LINK_PATH}?${query.toString()}`;
}

/** What a link asks for, or the sentence saying what is wrong with it (for the person who clicked it). */
export type ParsedSessionLink = { ok: true; target: SessionLinkTarget } | { ok: false; problem: string };

export function parseSessionLink(uri: vscode.Uri): ParsedSessionLink {
  if (uri.path !== SESSION_LINK_PATH) return { ok: false, problem: vscode.l10n.t('This link does not point at a restore session.') };
  const query = new URLSearchParams(uri.query);
  const workloadId = query.get('workload') ?? '';
  const sessionId = query.get('id') ?? '';
  const connectionId = query.get('connection') ?? '';
  if (!isWorkloadId(workloadId)) return { ok: false, problem: vscode.l10n.t('The link names no workload this extension knows (Exchange, SharePoint or OneDrive).') };
  if (!isGuid(sessionId)) return { ok: false, problem: vscode.l10n.t('The link holds no restore session id.') };
  if (!connectionId) return { ok: false, problem: vscode.l10n.t('The link names no connection.') };
  return { ok: true, target: { connectionId, workload: workloadById(workloadId), sessionId } };
}
