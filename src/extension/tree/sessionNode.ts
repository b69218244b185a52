// A restore session row, named by what it restores ("Debra Berger +2", "Finance site", "5 OneDrives (bulk)"),
// with status, progress, age and "by Lee Gu" in the description and a spinner while an action runs. Until its
// units are known (they load after the first paint) the label is the creation time. Its context flags come
// from the status rules (`allowedActions`), so menus test flags such as `canActivate` and never re-encode the
// rules. Its children are its artifacts and bulk requests, read through the session hub.
import * as vscode from 'vscode';
import type { RestoreArtifact, RestoreSession } from '../../backup/model';
import { allowedActions, isTerminalSession } from '../../backup/model';
import { formatDateTime, sessionDuration } from '../../backup/presentation';
import { progressOf } from '../../backup/progress';
import { personName, sessionDescription, unitDisplayName, type UnitRef } from '../../backup/sessionNaming';
import { errorText, words } from '../../backup/words';
import type { SessionHub } from '../sessions/hub';
import type { ArtifactNode, BulkRequestNode, Node, SessionNode, WorkloadNode } from './nodes';
import { bulkRowsText } from '../sessions/noteWords';
import { sessionIcon } from './statusStyle';

/** How many units a tooltip lists by name before "and N more". */
const TOOLTIP_UNITS = 5;

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

/** What the row shows besides the session: its name and units once known, an action in progress. */
export interface SessionRowState {
  name?: string;
  units?: readonly UnitRef[];
  busy?: string;
  /** Rows of its bulk request sent from this window, while they are not units yet. */
  bulkRowsSent?: number;
  nowMs: number;
}

export function sessionItem(node: SessionNode, state: SessionRowState): vscode.TreeItem {
  const { session } = node;
  const created = formatDateTime(session.createdDateTime) || `${node.workload.label} restore`;
  const item = new vscode.TreeItem(state.name ?? created, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  // A bulk draft has no artifacts until it activates: the rows sent stand in for the progress ("3 rows to resolve").
  const rows = state.bulkRowsSent === undefined ? undefined : bulkRowsText(state.bulkRowsSent, session.status === 'draft');
  const description = sessionDescription(session, progressOf(session.restoreSessionArtifactCount), state.nowMs, rows);
  // Status and progress first so a narrow sidebar still shows them; the creator last, after "by".
  item.description = state.busy ? [state.busy, description.progress, description.age].filter(Boolean).join(' · ') : description.text;
  item.iconPath = state.busy ? new vscode.ThemeIcon('loading~spin') : sessionIcon(session.status);
  item.contextValue = sessionFlags(session);
  item.tooltip = sessionTooltip(node, state);
  item.command = { command: 'restoreSessions.openDetails', title: vscode.l10n.t('Open Details'), arguments: [node] };
  item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1} restore session created {2}, {3}', state.name ?? vscode.l10n.t('{0} restore session', node.workload.label), node.workload.label, created, description.text) };
  return item;
}

/** Artifacts (failed first) and bulk requests, from a read through the hub. */
export async function sessionChildren(node: SessionNode, hub: SessionHub): Promise<Node[]> {
  const { workload, session } = node;
  const read = await hub.load(workload, session.id, 'tree');
  if (!read?.contents) return [];
  const { standard, granular, bulkRequests } = read.contents;
  await hub.names.attachUnits([...standard, ...granular]);
  const children: Node[] = [
    ...sortFailedFirst(standard).map((artifact): ArtifactNode => ({ kind: 'artifact', id: `${node.id}/${artifact.id}`, parent: node, workload, artifact, granular: false })),
    ...sortFailedFirst(granular).map((artifact): ArtifactNode => ({ kind: 'artifact', id: `${node.id}/g/${artifact.id}`, parent: node, workload, artifact, granular: true })),
    ...bulkRequests.map((request): BulkRequestNode => ({ kind: 'bulkRequest', id: `${node.id}/bulk/${request.id}`, parent: node, workload, request })),
  ];
  if (children.length === 0) {
    return [{ kind: 'message', id: `${node.id}/empty`, parent: node, label: vscode.l10n.t('No artifacts'), description: session.status === 'draft' ? vscode.l10n.t('add some before activating') : undefined, icon: 'info' }];
  }
  return children;
}

function sortFailedFirst(artifacts: readonly RestoreArtifact[]): RestoreArtifact[] {
  return [...artifacts].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
}

/** The name, the units by name and address, then the facts; server text always goes in as text. */
function sessionTooltip({ workload, session }: SessionNode, state: SessionRowState): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(state.name ?? vscode.l10n.t('{0} restore session', workload.label)).appendMarkdown('**  \n');
  md.appendText(vscode.l10n.t('{0} restore session — {1}', workload.label, words('sessionStatus', session.status))).appendMarkdown('\n\n');
  if (state.units?.length) {
    md.appendText(state.units.length === 1 ? vscode.l10n.t('Restores:') : vscode.l10n.t('Restores {0} {1}:', state.units.length, workload.unitLabelPlural)).appendMarkdown('  \n');
    for (const unit of state.units.slice(0, TOOLTIP_UNITS)) {
      const name = unitDisplayName(workload, unit);
      md.appendText(`• ${name}${unit.address && unit.address !== name ? ` (${unit.address})` : ''}`).appendMarkdown('  \n');
    }
    if (state.units.length > TOOLTIP_UNITS) md.appendText(vscode.l10n.t('and {0} more', state.units.length - TOOLTIP_UNITS)).appendMarkdown('  \n');
    md.appendMarkdown('\n');
  }
  const by = personName(session.createdBy);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Kind'), words('restoreJobType', session.restoreJobType)],
    [vscode.l10n.t('Progress'), progressOf(session.restoreSessionArtifactCount).text],
    [vscode.l10n.t('Created'), by ? vscode.l10n.t('{0} by {1}', formatDateTime(session.createdDateTime), by) : formatDateTime(session.createdDateTime)],
    [vscode.l10n.t('Completed'), formatDateTime(session.completedDateTime) || undefined],
    [vscode.l10n.t('Duration'), sessionDuration(session) || undefined],
    [vscode.l10n.t('Error'), errorText(session.error) || undefined],
    [vscode.l10n.t('Session id'), session.id],
  ];
  for (const [name, value] of rows) {
    if (value) md.appendText(vscode.l10n.t('{0}: {1}', name, value)).appendMarkdown('  \n');
  }
  return md;
}
