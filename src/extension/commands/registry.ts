// Every command is registered from one list and wrapped once: failures become one clear message (with the
// request-id when the service sent one) and a log line, never an unhandled rejection.
import * as vscode from 'vscode';
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
        const actions = requestId ? ['Show Log', 'Copy request-id'] : ['Show Log'];
        const choice = await vscode.window.showErrorMessage(summary, { detail, modal: false }, ...actions);
        if (choice === 'Show Log') log.channel.show(true);
        if (choice === 'Copy request-id' && requestId) await vscode.env.clipboard.writeText(requestId);
        return undefined;
      }
    }),
  );
}
