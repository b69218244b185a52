// A unit's restore-point timeline as tree rows: "Restore points" → one row per day (newest first) whose
// description is a 24-hour axis (█ all points there, ▄ some, ░ a gap, · none expected) with the day's counts →
// the day's points (fast restore marked) and its gaps in words; then the weekly points older than 14 days.
import * as vscode from 'vscode';
import { formatDuration } from '../../backup/presentation';
import { intervalWords, type TimelineDay, type TimelineEntry, type UnitTimeline } from '../../backup/timeline';
import { formatWithZone, plural } from '../../backup/timeWords';
import { messageNode } from './messageNode';
import type { DayNode, GapNode, PointsNode, ProtectionNode, WeeklyNode } from './nodes';
import { pointNode, time } from './pointNode';
import { folderItem } from './unitNode';

export function pointsItem(node: PointsNode): vscode.TreeItem {
  return folderItem(node, vscode.l10n.t('Restore points'), vscode.l10n.t('every 10 minutes for 14 days, then weekly'), 'history', 'protectionPoints');
}

export function pointsChildren(node: PointsNode, timeline: UnitTimeline): ProtectionNode[] {
  if (!timeline.pointCount) return [messageNode(node, vscode.l10n.t('No restore point'), 'circle-slash', vscode.l10n.t('the service keeps none for this unit'))];
  const days: ProtectionNode[] = timeline.days.map((day): DayNode => ({ kind: 'day', id: `${node.id}/${day.date}`, parent: node, day }));
  if (timeline.weekly.length) days.push({ kind: 'weekly', id: `${node.id}/weekly`, parent: node, entries: timeline.weekly });
  return days;
}

export function dayItem(node: DayNode, nowMs: number): vscode.TreeItem {
  const { day } = node;
  const item = new vscode.TreeItem(dayLabel(day, nowMs), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const counts = [
    plural(day.pointCount, 'point'),
    day.fastRestoreCount ? vscode.l10n.t('{0} fast restore', day.fastRestoreCount) : '',
    day.gapCount ? plural(day.gapCount, 'gap') : '',
  ].filter(Boolean).join(', ');
  item.description = `0h ${day.hours} 24h · ${counts}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(vscode.l10n.t('{0}: {1}. Each mark is one hour, midnight to midnight: █ every point there, ▄ some, ░ none although one was expected, · none expected.', day.date, counts));
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(day.gapCount ? 'warning' : 'calendar', day.gapCount ? new vscode.ThemeColor('restoreSessions.status.completedWithError') : undefined);
  item.contextValue = 'protectionDay';
  return item;
}

export function weeklyItem(node: WeeklyNode): vscode.TreeItem {
  const points = node.entries.filter((e) => e.kind === 'point').length;
  const gaps = node.entries.length - points;
  const item = new vscode.TreeItem(vscode.l10n.t('Weekly, older than 14 days'), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = [plural(points, 'point'), gaps ? plural(gaps, 'gap') : ''].filter(Boolean).join(', ');
  item.iconPath = new vscode.ThemeIcon(gaps ? 'warning' : 'calendar', gaps ? new vscode.ThemeColor('restoreSessions.status.completedWithError') : undefined);
  item.contextValue = 'protectionWeekly';
  return item;
}

export function entryNodes(parent: DayNode | WeeklyNode, entries: readonly TimelineEntry[]): ProtectionNode[] {
  const unit = parent.parent.parent;
  return entries.map((entry): ProtectionNode => entry.kind === 'point'
    ? pointNode(parent, unit, entry.point)
    : { kind: 'gap', id: `${parent.id}/gap-${entry.gap.toMs}`, parent, gap: entry.gap });
}

export function gapItem(node: GapNode): vscode.TreeItem {
  const { gap } = node;
  const item = new vscode.TreeItem(vscode.l10n.t('No restore point for {0}', formatDuration(gap.toMs - gap.fromMs)), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const weekly = node.parent.kind === 'weekly';
  const from = time(gap.fromMs, weekly);
  const to = time(gap.toMs, weekly);
  item.description = vscode.l10n.t('{0} – {1} · expected {2}', from, to, intervalWords(gap.intervalMs));
  item.tooltip = vscode.l10n.t('From {0} to {1} the service kept no restore point, where its cadence keeps one {2}.', formatWithZone(gap.fromMs), formatWithZone(gap.toMs), intervalWords(gap.intervalMs));
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('restoreSessions.status.completedWithError'));
  item.contextValue = 'protectionGap';
  return item;
}

/** `2026-12-01 (today)`, `2026-11-30 (yesterday)`, `2026-11-29 (Sunday)`, with the machine's zone. */
function dayLabel(day: TimelineDay, nowMs: number): string {
  const zone = formatWithZone(day.startMs).replace(/^.* /, '');
  const today = formatWithZone(nowMs).slice(0, 10);
  const yesterday = formatWithZone(nowMs - 24 * 3_600_000).slice(0, 10);
  const which = day.date === today ? vscode.l10n.t('today') : day.date === yesterday ? vscode.l10n.t('yesterday') : '';
  return which ? `${day.date} (${which}, ${zone})` : `${day.date} (${zone})`;
}
