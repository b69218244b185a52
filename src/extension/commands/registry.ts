// Every command is registered from one list and wrapped once: failures become one clear message (with the
// request-id when the service sent one) and a log line, never an unhandled rejection.
import * as vscode from 'vscode';
import { CHECK_PERMISSIONS, checkPermissionsArgs, isSignInRequired, SIGN_IN } from '../auth';
import { describeError } from '../errors';
import type { Log } from '../log';

export interface CommandSpec {
  id: string;
  run: (...args: unknown[]) => unknown;
}

export function registerCommands(specs: readonly CommandSpec[], log: Log): vscode.Disposable[] {
  return specs.map((spec) =>
    vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
      try {
        return await spec.run(...args);
      } catch (error) {
        if (error instanceof vscode.CancellationError) return undefined;
        const { summary, detail, requestId } = describeError(error);
        log.error(`${spec.id} failed: ${detail}`);
        const permissions = checkPermissionsArgs(error);
        const signIn = isSignInRequired(error);
        const actions = [...(permissions ? [CHECK_PERMISSIONS] : []), ...(signIn ? [SIGN_IN] : []), 'Show Log', ...(requestId ? ['Copy request-id'] : [])];
        // Not awaited: the command finishes when the work does, not when someone dismisses the message.
        void vscode.window.showErrorMessage(summary, { detail, modal: false }, ...actions).then((choice) => {
          if (choice === CHECK_PERMISSIONS) void vscode.commands.executeCommand('restoreSessions.checkPermissions', permissions);
          if (choice === SIGN_IN) void vscode.commands.executeCommand('restoreSessions.signIn');
          if (choice === 'Show Log') log.channel.show(true);
          if (choice === 'Copy request-id' && requestId) void vscode.env.clipboard.writeText(requestId);
        });
        return undefined;
      }
    }),
  );
}
