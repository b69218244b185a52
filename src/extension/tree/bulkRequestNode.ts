// A bulk addition request of a session (a bulk restore's list of units, resolved when the session activates):
// "5 OneDrives (bulk)", its status and destination in words, and the service's error with its code apart.
import * as vscode from 'vscode';
import { formatDateTime } from '../../backup/presentation';
import { bulkName } from '../../backup/sessionNaming';
import { errorText, words } from '../../backup/words';
import type { BulkRequestNode } from './nodes';

export function bulkRequestItem(node: BulkRequestNode): vscode.TreeItem {
  const { request, workload } = node;
  const name = vscode.l10n.t('Bulk restore of {0}', bulkName(workload, request).replace(/ \(bulk\)$/, ''));
  const status = words('bulkRequestStatus', request.status);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = [status, formatDateTime(request.createdDateTime)].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon('layers');
  item.contextValue = 'bulkRequest';
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(name).appendMarkdown('**  \n');
  md.appendText(vscode.l10n.t('Status: {0}', status)).appendMarkdown('  \n');
  if (request.destinationType) md.appendText(vscode.l10n.t('Destination: {0}', words('destinationType', request.destinationType))).appendMarkdown('  \n');
  if (request.error) md.appendText(vscode.l10n.t('Error: {0}', errorText(request.error))).appendMarkdown('  \n');
  item.tooltip = md;
  return item;
}
