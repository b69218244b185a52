// A bulk addition request of a session (a bulk restore's list of units, resolved when the session activates).
import * as vscode from 'vscode';
import { formatDateTime } from '../../backup/presentation';
import type { BulkRequestNode } from './nodes';

export function bulkRequestItem(node: BulkRequestNode): vscode.TreeItem {
  const { request } = node;
  const item = new vscode.TreeItem(request.displayName || 'Bulk addition request', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${request.status} · ${formatDateTime(request.createdDateTime)}`;
  item.iconPath = new vscode.ThemeIcon('layers');
  item.contextValue = 'bulkRequest';
  const md = new vscode.MarkdownString();
  md.appendText(`Bulk addition request ${request.id}\nStatus: ${request.status}\nDestination: ${request.destinationType ?? ''}`);
  if (request.error) md.appendText(`\nError: ${request.error.code ?? ''} ${request.error.message ?? ''}`);
  item.tooltip = md;
  return item;
}
