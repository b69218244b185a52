// "Restore history" of a unit: the restore sessions of every workload that restored it, newest first (the same
// search as "Find Restores of…"), each named by what it restores and opening the session's details when clicked.
import * as vscode from 'vscode';
import { formatDateTime } from '../../backup/presentation';
import { progressOf } from '../../backup/progress';
import { sessionDescription } from '../../backup/sessionNaming';
import { findRestores } from '../commands/findRestores';
import type { SessionHub } from '../sessions/hub';
import { sessionIcon } from '../tree/statusStyle';
import { messageNode } from './messageNode';
import type { HistoryNode, ProtectionNode, RestoreNode } from './nodes';
import { folderItem } from './unitNode';

export function historyItem(node: HistoryNode): vscode.TreeItem {
  return folderItem(node, vscode.l10n.t('Restore history'), vscode.l10n.t('sessions that restored it, newest first'), 'list-ordered', 'protectionHistory');
}

export async function historyChildren(node: HistoryNode, hub: SessionHub): Promise<ProtectionNode[]> {
  const found = await findRestores(hub, node.parent.ref);
  if (!found.length) return [messageNode(node, vscode.l10n.t('Never restored'), 'info', vscode.l10n.t('no restore session restores it'))];
  return found.map(({ workload, session }): RestoreNode => ({
    kind: 'restore',
    id: `${node.id}/${session.id}`,
    parent: node,
    workload,
    session,
    name: hub.names.nameOf(workload, session) ?? vscode.l10n.t('{0} restore', workload.label),
  }));
}

export function restoreItem(node: RestoreNode, nowMs: number): vscode.TreeItem {
  const { session, workload } = node;
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${formatDateTime(session.createdDateTime)} · ${sessionDescription(session, progressOf(session.restoreSessionArtifactCount), nowMs).text}`;
  item.tooltip = vscode.l10n.t('{0} restore session created {1}. Click to open its details.', workload.label, formatDateTime(session.createdDateTime));
  item.iconPath = sessionIcon(session.status);
  item.command = { command: 'restoreSessions.openDetails', title: vscode.l10n.t('Open Details'), arguments: [session.id] };
  item.contextValue = 'protectionRestore';
  return item;
}
