// A workload row of the Protection view (Exchange, SharePoint, OneDrive); its children are the workload's
// protection policies, read when it is expanded.
import * as vscode from 'vscode';
import type { Workload } from '../../backup/model';
import type { SessionHub } from '../sessions/hub';
import { messageNode } from './messageNode';
import type { ProtectionNode, ServiceNode, WorkloadNode } from './nodes';
import { policyNode } from './policyNode';

export function workloadNode(parent: ServiceNode, workload: Workload): WorkloadNode {
  return { kind: 'workload', id: `${parent.id}/${workload.id}`, parent, workload };
}

export function workloadItem(node: WorkloadNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.workload.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.workload.icon);
  item.contextValue = 'protectionWorkload';
  return item;
}

export async function workloadChildren(node: WorkloadNode, hub: SessionHub): Promise<ProtectionNode[]> {
  const policies = await hub.api.protection.policies(node.workload);
  if (!policies.length) return [messageNode(node, vscode.l10n.t('No {0} protection policy', node.workload.label), 'info')];
  return policies
    .sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? ''))
    .map((policy) => policyNode(node, policy));
}
