// "Load more…" at the end of a workload's sessions while the service has more pages (its continuation link);
// the context menu adds Load All.
import * as vscode from 'vscode';
import type { LoadMoreNode, WorkloadNode } from './nodes';
import type { SessionList } from './sessionList';

export function loadMoreNode(parent: WorkloadNode, list: SessionList): LoadMoreNode {
  return { kind: 'loadMore', id: `${parent.id}/loadMore`, parent, workload: parent.workload, loaded: list.sessions.length, total: list.total };
}

export function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.total !== undefined ? vscode.l10n.t('{0} of {1} shown', node.loaded, node.total) : vscode.l10n.t('{0} shown', node.loaded);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'loadMore';
  item.command = { command: 'restoreSessions.loadMore', title: vscode.l10n.t('Load more'), arguments: [node] };
  return item;
}
