import * as vscode from 'vscode';
import {
  createdByText, formatDateTime, progressText, sessionDuration, sessionStatusWord,
} from '../../backup/presentation';
import type { SessionNode } from './nodes';
import { sessionIcon } from './statusStyle';

export function sessionItem(node: SessionNode, busy?: string): vscode.TreeItem {
  const { session } = node;
  const created = formatDateTime(session.createdDateTime) || session.id;
  // The label is the creation time; status and progress come first in the description so a narrow sidebar
  // still shows them, and the creator last.
  const item = new vscode.TreeItem(created, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = `${sessionStatusWord(session.status)} · ${progressText(session)} · ${createdByText(session.createdBy)}`;
  item.iconPath = busy ? new vscode.ThemeIcon('loading~spin') : sessionIcon(session.status);
  if (busy) item.description = busy;
  // contextValue carries the status so menus can offer only the actions the status allows.
  item.contextValue = `session.${session.status ?? 'unknown'}`;
  item.tooltip = sessionTooltip(node);
  item.command = { command: 'restoreSessions.openDetails', title: 'Open Details', arguments: [node] };
  item.accessibilityInformation = { label: `${node.workload.label} restore session created ${created}, ${sessionStatusWord(session.status)}, ${progressText(session)}` };
  return item;
}

function sessionTooltip({ workload, session }: SessionNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.appendMarkdown(`**${workload.label} restore session** — ${sessionStatusWord(session.status)}\n\n`);
  const rows: [string, string | undefined][] = [
    ['Id', session.id],
    ['Job type', session.restoreJobType ?? undefined],
    ['Created', `${formatDateTime(session.createdDateTime)} by ${createdByText(session.createdBy)}`],
    ['Completed', formatDateTime(session.completedDateTime) || undefined],
    ['Duration', sessionDuration(session) || undefined],
    ['Progress', progressText(session)],
    ['Error', session.error ? `${session.error.code ?? ''} ${session.error.message ?? ''}`.trim() : undefined],
  ];
  for (const [name, value] of rows) {
    if (value) md.appendMarkdown(`${name}: `).appendText(value).appendMarkdown('  \n');
  }
  return md;
}
