// A bulk addition request of a session (a bulk restore's list of units, resolved when the session activates):
// "5 OneDrives (bulk)", its status and destination in words, the rows still resolving when this window sent
// them, and the service's error with its code apart.
import * as vscode from 'vscode';
import { formatDateTime } from '../../backup/presentation';
import { bulkName } from '../../backup/sessionNaming';
import { errorText, words } from '../../backup/words';
import { bulkRowsText } from '../sessions/noteWords';
import type { BulkRequestNode } from './nodes';

/** `rowsSent`: how many rows this window sent with the request, when it did. */
export function bulkRequestItem(node: BulkRequestNode, rowsSent?: number): vscode.TreeItem {
  const { request, workload } = node;
  const name = vscode.l10n.t('Bulk restore of {0}', bulkName(workload, request).replace(/ \(bulk\)$/, ''));
  // The service calls a request "active" from its creation, but it resolves nothing before the session activates.
  const waiting = request.status === 'active' && node.parent.session.status === 'draft';
  const status = waiting ? vscode.l10n.t('Waiting for activation') : words('bulkRequestStatus', request.status);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  // Until the service resolves the rows, say how many were sent ("3 rows resolving") rather than nothing.
  const rows = request.status === 'active' && rowsSent !== undefined ? bulkRowsText(rowsSent, waiting) : '';
  item.description = [status, rows, formatDateTime(request.createdDateTime)].filter(Boolean).join(' · ');
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
