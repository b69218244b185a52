// The root node: the active connection (its label and host); its children are the workloads.
import * as vscode from 'vscode';
import type { ConnectionNode } from './nodes';

export function connectionNode(connection: { id: string; label: string; baseUrl: string }): ConnectionNode {
  return { kind: 'connection', id: connection.id, connectionId: connection.id, label: connection.label, detail: new URL(connection.baseUrl).host };
}

export function connectionItem(node: ConnectionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = node.detail;
  item.iconPath = new vscode.ThemeIcon('plug');
  item.contextValue = 'connection';
  return item;
}
