// The root of the Protection view: the connection the Restore Sessions view uses, with the service's status in
// words (backup on, off and why, locked, a grace period and its date). Its children are the three workloads.
import * as vscode from 'vscode';
import { serviceStatusText } from '../../backup/protectionText';
import { classifyError } from '../errors';
import type { SessionHub } from '../sessions/hub';
import type { ServiceNode } from './nodes';

export async function serviceNode(hub: SessionHub): Promise<ServiceNode> {
  const node: ServiceNode = { kind: 'service', id: `protection/${hub.connectionId}`, label: hub.label, host: new URL(hub.baseUrl).host };
  try {
    node.status = await hub.api.protection.serviceStatus();
  } catch (error) {
    // The workloads can still be read: the status row says what went wrong instead of hiding the tree.
    node.statusError = error;
  }
  return node;
}

export function serviceItem(node: ServiceNode, nowMs: number): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.contextValue = 'protectionService';
  if (node.statusError) {
    const classified = classifyError(node.statusError);
    item.description = vscode.l10n.t('{0} · service status not read', node.host);
    item.tooltip = vscode.l10n.t('The service status could not be read: {0}', classified.summary);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('restoreSessions.status.completedWithError'));
    return item;
  }
  const status = serviceStatusText(node.status, nowMs);
  item.description = status.text;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${node.label} (${node.host})\n\n${status.text}${status.detail ? `\n\n${status.detail}` : ''}`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon('shield', new vscode.ThemeColor(status.warning ? 'restoreSessions.status.completedWithError' : 'restoreSessions.status.completed'));
  return item;
}
