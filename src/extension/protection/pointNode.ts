// One restore point row: its time (fast-restore points marked with a lightning icon), its age, and when the
// service lets it go. "Restore…" on it opens the create flow with the unit and this point filled in.
import * as vscode from 'vscode';
import type { TimelinePoint } from '../../backup/timeline';
import { formatWithZone, localUtcOffset, parseInstant, timeAgo } from '../../backup/timeWords';
import type { DayNode, PointNode, UnitNode, WeeklyNode } from './nodes';

export function pointNode(parent: DayNode | WeeklyNode, unit: UnitNode, point: TimelinePoint): PointNode {
  return { kind: 'point', id: `${parent.id}/${point.id}`, parent, unit, point };
}

export function pointItem(node: PointNode, nowMs: number): vscode.TreeItem {
  const { point } = node;
  const item = new vscode.TreeItem(time(point.ms, node.parent.kind === 'weekly'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = [point.fastRestore ? vscode.l10n.t('fast restore') : '', timeAgo(point.ms, nowMs)].filter(Boolean).join(' · ');
  const expires = parseInstant(point.point.expirationDateTime);
  item.tooltip = [
    formatWithZone(point.ms),
    point.fastRestore ? vscode.l10n.t('Fast-restore point: restores sooner, and SharePoint and OneDrive items can be browsed from it.') : '',
    expires === undefined ? '' : vscode.l10n.t('Kept until {0}', formatWithZone(expires)),
  ].filter(Boolean).join('\n');
  item.iconPath = new vscode.ThemeIcon(point.fastRestore ? 'zap' : 'circle-small-filled');
  item.contextValue = 'protectionPoint';
  return item;
}

/** `09:10` inside a day, `2026-10-04 02:30` among the weekly points (the machine's zone, named on the day rows). */
export function time(ms: number, withDate: boolean): string {
  const text = formatWithZone(ms, localUtcOffset(ms)).replace(/ UTC.*$/, '');
  return withDate ? text : text.slice(11);
}
