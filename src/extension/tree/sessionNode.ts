// A restore session row: created when and by whom, status and progress, a spinner while an action runs.
// Its context flags come from the status rules (`allowedActions`), so menus test flags such as
// `canActivate` and never re-encode the rules. Its children are its artifacts and bulk requests, read
// through the session hub.
import * as vscode from 'vscode';
import type { RestoreArtifact, RestoreArtifactBase, RestorePoint, RestoreSession } from '../../backup/model';
import { allowedActions, isTerminalSession } from '../../backup/model';
import {
  createdByText, formatDateTime, progressText, sessionDuration, sessionStatusWord,
} from '../../backup/presentation';
import type { SessionHub } from '../sessions/hub';
import type { ArtifactNode, BulkRequestNode, Node, SessionNode, WorkloadNode } from './nodes';
import { sessionIcon } from './statusStyle';

export function sessionNode(parent: WorkloadNode, session: RestoreSession): SessionNode {
  return { kind: 'session', id: `${parent.id}/${session.id}`, parent, workload: parent.workload, session };
}

/** `session canActivate canDelete canAddArtifacts canRetryFailed`, as far as the status allows. */
export function sessionFlags(session: RestoreSession): string {
  const allowed = allowedActions(session.status);
  const flags = ['session'];
  if (allowed.has('activate')) flags.push('canActivate');
  if (allowed.has('delete')) flags.push('canDelete');
  if (allowed.has('patch')) flags.push('canAddArtifacts');
  // A finished session that did not complete cleanly may have failed artifacts to retry.
  if (isTerminalSession(session.status) && session.status !== 'completed') flags.push('canRetryFailed');
  return flags.join(' ');
}

export function sessionItem(node: SessionNode, busy?: string): vscode.TreeItem {
  const { session } = node;
  const created = formatDateTime(session.createdDateTime) || session.id;
  // The label is the creation time; status and progress come first in the description so a narrow sidebar
  // still shows them, and the creator last.
  const item = new vscode.TreeItem(created, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = busy ?? `${sessionStatusWord(session.status)} · ${progressText(session)} · ${createdByText(session.createdBy)}`;
  item.iconPath = busy ? new vscode.ThemeIcon('loading~spin') : sessionIcon(session.status);
  item.contextValue = sessionFlags(session);
  item.tooltip = sessionTooltip(node);
  item.command = { command: 'restoreSessions.openDetails', title: 'Open Details', arguments: [node] };
  item.accessibilityInformation = { label: `${node.workload.label} restore session created ${created}, ${sessionStatusWord(session.status)}, ${progressText(session)}` };
  return item;
}

/** Artifacts (failed first) and bulk requests, from a read through the hub. */
export async function sessionChildren(node: SessionNode, hub: SessionHub): Promise<Node[]> {
  const { workload, session } = node;
  const read = await hub.load(workload, session.id, 'tree');
  if (!read?.contents) return [];
  const { standard, granular, bulkRequests } = read.contents;
  await attachUnits(hub, standard);
  const children: Node[] = [
    ...sortFailedFirst(standard).map((artifact): ArtifactNode => ({ kind: 'artifact', id: `${node.id}/${artifact.id}`, parent: node, workload, artifact, granular: false })),
    ...sortFailedFirst(granular).map((artifact): ArtifactNode => ({ kind: 'artifact', id: `${node.id}/g/${artifact.id}`, parent: node, workload, artifact, granular: true })),
    ...bulkRequests.map((request): BulkRequestNode => ({ kind: 'bulkRequest', id: `${node.id}/bulk/${request.id}`, parent: node, workload, request })),
  ];
  if (children.length === 0) {
    return [{ kind: 'message', id: `${node.id}/empty`, parent: node, label: 'No artifacts', description: session.status === 'draft' ? 'add some before activating' : undefined, icon: 'info' }];
  }
  return children;
}

/** Fills `restorePoint.protectionUnit` on artifacts whose restore point came without it. */
async function attachUnits(hub: SessionHub, artifacts: readonly RestoreArtifact[]): Promise<void> {
  const points = artifacts.map((a) => (a as RestoreArtifactBase).restorePoint).filter((p): p is RestorePoint => !!p?.id && !p.protectionUnit);
  if (!points.length) return;
  const owners = await hub.units.unitsOfRestorePoints(points.map((p) => p.id)).catch(() => new Map<string, string>());
  for (const point of points) {
    const unitId = owners.get(point.id);
    if (unitId) point.protectionUnit = { id: unitId };
  }
}

function sortFailedFirst(artifacts: readonly RestoreArtifact[]): RestoreArtifact[] {
  return [...artifacts].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
}

function sessionTooltip({ workload, session }: SessionNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.appendMarkdown(`**${workload.label} restore session** — ${sessionStatusWord(session.status)}\n\n`);
  const rows: [string, string | undefined][] = [
    ['Id', session.id],
    ['Job type', session.restoreJobType ?? undefined],
    ['Created', `${formatDateTime(session.createdDateTime)} by ${createdByText(session.createdBy)}`],
    ['Completed', formatDateTime(session.completedDateTime) || undefined],
    ['Duration', sessionDuration(session) || undefined],
    ['Progress', progressText(session)],
    ['Error', session.error ? `${session.error.code ?? ''} ${session.error.message ?? ''}`.trim() : undefined],
  ];
  for (const [name, value] of rows) {
    if (value) md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  }
  return md;
}
