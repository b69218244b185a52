// Commands of the Protection view: Refresh, and "Restore…" on a unit or one of its restore points, which opens
// Create Restore Session with the unit (and the point's time) filled in, so the same plan review and the one
// activation confirmation follow. "Find Restores of…" on a unit is the Restore Sessions command, handed the unit.
import * as vscode from 'vscode';
import type { WizardStart } from '../commands/createSession';
import type { CommandSpec } from '../commands/registry';
import { unitOf, type ProtectionNode } from './nodes';
import type { ProtectionProvider } from './provider';

export function protectionCommands(tree: ProtectionProvider): CommandSpec[] {
  return [
    { id: 'restoreSessions.protection.refresh', run: () => tree.refresh() },
    {
      id: 'restoreSessions.restoreFromUnit',
      run: async (arg) => {
        const node = arg as ProtectionNode | undefined;
        const unit = node ? unitOf(node) : undefined;
        if (!node || !unit) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Choose a protected mailbox, site or OneDrive (or one of its restore points) in the Protection view, then Restore….'));
          return undefined;
        }
        const start: WizardStart = {
          workload: unit.workload,
          units: [unit.unit],
          pointInTime: node.kind === 'point' ? new Date(node.point.ms) : undefined,
        };
        return vscode.commands.executeCommand('restoreSessions.createSession', start);
      },
    },
  ];
}
