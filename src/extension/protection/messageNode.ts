// Message rows of the Protection view: "no policy", "no restore point", and failures as rows with the error
// classifier's summary and a click that tries again, never a toast.
import * as vscode from 'vscode';
import { classifyError } from '../errors';
import { messageItem as treeMessageItem } from '../tree/messageNode';
import type { MessageNode, ProtectionNode } from './nodes';

export function messageNode(parent: ProtectionNode | undefined, label: string, icon: string, description?: string): MessageNode {
  return { kind: 'message', id: `${parent?.id ?? 'protection'}/message`, parent, label, icon, description };
}

export function errorNode(parent: ProtectionNode | undefined, error: unknown): MessageNode {
  const classified = classifyError(error);
  return {
    kind: 'message',
    id: `${parent?.id ?? 'protection'}/error`,
    parent,
    label: classified.summary,
    description: vscode.l10n.t('click to retry'),
    tooltip: classified.detail,
    icon: 'error',
    command: { command: 'restoreSessions.protection.refresh', title: vscode.l10n.t('Retry') },
  };
}

/** Rendered like the Restore Sessions view's message rows. */
export function messageItem(node: MessageNode): vscode.TreeItem {
  return treeMessageItem({ ...node, parent: undefined });
}
