// Tree items for the small node kinds: connection, workload, load more, bulk request and message.
import * as vscode from 'vscode';
import { formatDateTime } from '../../backup/presentation';
import type { BulkRequestNode, ConnectionNode, LoadMoreNode, MessageNode, WorkloadNode } from './nodes';
import type { SessionList } from './sessionList';

export function connectionItem(node: ConnectionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = node.detail;
  item.iconPath = new vscode.ThemeIcon('plug');
  item.contextValue = 'connection';
  return item;
}

export function workloadItem(node: WorkloadNode, list: SessionList | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(node.workload.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.workload.icon);
  item.contextValue = 'workload';
  if (list?.loaded) {
    const total = list.total ?? `${list.sessions.length}+`;
    item.description = list.running ? `${list.running} active · ${total}` : `${total}`;
  }
  return item;
}

export function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.total !== undefined ? `${node.loaded} of ${node.total} shown` : `${node.loaded} shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'loadMore';
  item.command = { command: 'restoreSessions.loadMore', title: 'Load more', arguments: [node] };
  return item;
}

export function bulkRequestItem(node: BulkRequestNode): vscode.TreeItem {
  const { request } = node;
  const item = new vscode.TreeItem(request.displayName || 'Bulk addition request', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${request.status} · ${formatDateTime(request.createdDateTime)}`;
  item.iconPath = new vscode.ThemeIcon('layers');
  item.contextValue = `bulkRequest.${request.status}`;
  const md = new vscode.MarkdownString();
  md.appendText(`Bulk addition request ${request.id}\nStatus: ${request.status}\nDestination: ${request.destinationType ?? ''}`);
  if (request.error) md.appendText(`\nError: ${request.error.code ?? ''} ${request.error.message ?? ''}`);
  item.tooltip = md;
  return item;
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = node.command;
  item.contextValue = 'message';
  return item;
}
