// A protection unit row: its name in words, status in words and since when ("Protected · since 2026-03-04 10:00",
// led by "Shared mailbox" for a shared mailbox on beta); the tooltip adds what beta answers carry (the kind of
// mailbox, how long backups are kept, a pending retention change). Its two children are the unit's restore-point
// timeline and its restore history.
import * as vscode from 'vscode';
import type { ProtectionUnit } from '../../backup/model';
import { unitAddress } from '../../backup/presentation';
import { isBackedUp, unitBetaFacts, unitDescription, unitStatusText } from '../../backup/protectionText';
import { unitDisplayName, type UnitRef } from '../../backup/sessionNaming';
import { oneLine } from '../../backup/words';
import type { HistoryNode, PolicyNode, PointsNode, UnitNode } from './nodes';

export function unitNode(parent: PolicyNode, unit: ProtectionUnit, ref: UnitRef): UnitNode {
  return { kind: 'unit', id: `${parent.id}/${unit.id}`, parent, workload: parent.workload, unit, ref };
}

export function unitItem(node: UnitNode, nowMs: number): vscode.TreeItem {
  const { unit, workload } = node;
  const item = new vscode.TreeItem(unitDisplayName(workload, node.ref), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = unitDescription(unit, nowMs);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText([
    unitDisplayName(workload, node.ref),
    unitAddress(workload, unit),
    unitStatusText(unit, nowMs),
    ...unitBetaFacts(unit),
    unit.error?.message ? vscode.l10n.t('Error: {0}', oneLine(unit.error.message)) : '',
  ].filter(Boolean).join('\n\n'));
  item.tooltip = tooltip;
  item.iconPath = unitIcon(unit);
  item.contextValue = 'protectionUnit';
  return item;
}

export function unitChildren(node: UnitNode): [PointsNode, HistoryNode] {
  return [
    { kind: 'points', id: `${node.id}/points`, parent: node },
    { kind: 'history', id: `${node.id}/history`, parent: node },
  ];
}

function unitIcon(unit: ProtectionUnit): vscode.ThemeIcon {
  if (unit.error?.message) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('restoreSessions.status.completedWithError'));
  if (unit.status === 'protectRequested') return new vscode.ThemeIcon('clock', new vscode.ThemeColor('restoreSessions.status.running'));
  if (isBackedUp(unit.status)) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('restoreSessions.status.completed'));
  return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('restoreSessions.status.draft'));
}

/** A row that groups a unit's points or its history. */
export function folderItem(node: PointsNode | HistoryNode, label: string, description: string, icon: string, contextValue: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = description;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = contextValue;
  return item;
}
