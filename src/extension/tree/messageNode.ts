// Message rows: "no sessions", "no artifacts", and failures rendered as nodes rather than toasts. A failure
// row offers the classifier's most helpful next step (Start Local Emulator, Sign In, Check Permissions, or
// Retry) as its click.
import * as vscode from 'vscode';
import { classifyError, stepCommand, type StepCommand } from '../errors';
import type { MessageNode } from './nodes';

const errorLook = (): Record<string, { label?: string; description: string; icon: string }> => ({
  emulatorStopped: { label: vscode.l10n.t('The local emulator is stopped'), description: vscode.l10n.t('click to start it'), icon: 'debug-stop' },
  signIn: { label: vscode.l10n.t('Sign in to see restore sessions'), description: '', icon: 'account' },
  permissions: { description: vscode.l10n.t('click to check permissions'), icon: 'shield' },
});

export function errorNode(parent: MessageNode['parent'], error: unknown, retry?: StepCommand): MessageNode {
  const classified = classifyError(error);
  const look = errorLook()[classified.kind];
  const step = classified.steps[0];
  // A row has one click: the specific next step when there is one, otherwise Retry.
  const retryCommand = retry ?? { command: 'restoreSessions.refresh', title: vscode.l10n.t('Retry') };
  return {
    kind: 'message',
    id: `${parent?.id ?? 'root'}/error`,
    parent,
    label: look?.label ?? classified.summary,
    description: look ? look.description || classified.summary : retry ? vscode.l10n.t('click to retry') : undefined,
    tooltip: classified.detail,
    icon: look?.icon ?? 'error',
    command: step.kind === 'retry' || step.kind === 'showLog' ? retryCommand : stepCommand(step),
  };
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = node.command;
  item.contextValue = 'message';
  return item;
}
