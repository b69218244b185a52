// "Restore Sessions: Get Started": opens the extension's walkthrough (contributes.walkthroughs) in the
// Welcome editor, the same page Help: Welcome lists.
import * as vscode from 'vscode';
import type { CommandSpec } from '../commands/registry';

export const WALKTHROUGH_ID = 'restoreSessions.getStarted';

export function getStartedCommand(extensionId: string): CommandSpec {
  return {
    id: 'restoreSessions.getStarted',
    run: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false),
  };
}
