// A protection policy row: its name, status in words and unit counts ("Active · 41 mailboxes: 38 protected,
// 2 in progress, 1 failed"); the tooltip adds who made and changed it and, on beta, its protection mode,
// offboarding and billing. Its children are the units it protects, named from the directory.
import * as vscode from 'vscode';
import type { ProtectionPolicyBase } from '../../backup/model';
import { formatDateTime } from '../../backup/presentation';
import { policyBetaFacts, policyDescription } from '../../backup/protectionText';
import { personName, unitDisplayName, unitRef } from '../../backup/sessionNaming';
import { oneLine } from '../../backup/words';
import type { SessionHub } from '../sessions/hub';
import { messageNode } from './messageNode';
import type { PolicyNode, ProtectionNode, WorkloadNode } from './nodes';
import { unitNode } from './unitNode';

const POLICY_ICONS: Record<string, [string, string]> = {
  active: ['shield', 'restoreSessions.status.completed'],
  activeWithErrors: ['warning', 'restoreSessions.status.completedWithError'],
  updating: ['sync', 'restoreSessions.status.running'],
  inactive: ['circle-slash', 'restoreSessions.status.draft'],
};

export function policyNode(parent: WorkloadNode, policy: ProtectionPolicyBase): PolicyNode {
  return { kind: 'policy', id: `${parent.id}/${policy.id}`, parent, workload: parent.workload, policy };
}

export function policyItem(node: PolicyNode): vscode.TreeItem {
  const { policy, workload } = node;
  const name = oneLine(policy.displayName ?? '') || vscode.l10n.t('{0} policy without a name', workload.label);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = policyDescription(policy, workload.unitLabel, workload.unitLabelPlural);
  const [icon, color] = POLICY_ICONS[policy.status ?? ''] ?? ['question', 'restoreSessions.status.draft'];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText([
    name,
    item.description,
    whenAndWho(vscode.l10n.t('Created'), policy.createdDateTime, personName(policy.createdBy)),
    whenAndWho(vscode.l10n.t('Last changed'), policy.lastModifiedDateTime, personName(policy.lastModifiedBy)),
    ...policyBetaFacts(policy),
  ].filter(Boolean).join('\n\n'));
  item.tooltip = tooltip;
  item.contextValue = 'protectionPolicy';
  return item;
}

/** The policy's units, by name; a unit the policy list sends without a name is named from the workload's units. */
export async function policyChildren(node: PolicyNode, hub: SessionHub): Promise<ProtectionNode[]> {
  const { workload } = node;
  const [units, directory] = await Promise.all([
    hub.api.protection.policyUnits(workload, node.policy.id),
    hub.names.unitRefs(workload).catch(() => new Map()),
  ]);
  if (!units.length) return [messageNode(node, vscode.l10n.t('This policy protects no {0}', workload.unitLabelPlural), 'info')];
  return units
    .map((unit) => {
      const own = unitRef(workload, unit);
      const known = directory.get(unit.id);
      return unitNode(node, unit, own.name ? own : { ...own, name: known?.name ?? null, address: own.address ?? known?.address ?? null });
    })
    .sort((a, b) => unitDisplayName(workload, a.ref).localeCompare(unitDisplayName(workload, b.ref)));
}

/** `Created 2026-01-04 10:00 by Megan Bowen`, without the parts the service did not send. */
function whenAndWho(what: string, when: string | null | undefined, who: string): string {
  const time = formatDateTime(when);
  if (!time) return '';
  return who ? vscode.l10n.t('{0} {1} by {2}', what, time, who) : vscode.l10n.t('{0} {1}', what, time);
}
