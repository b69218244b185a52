// Every command is registered from one list and wrapped once: failures become one clear message (with the
// request-id when the service sent one), the classifier's next steps as buttons, and a log line; never an
// unhandled rejection. Retry runs the same command again with the same arguments.
import * as vscode from 'vscode';
import { classifyError, stepCommand, STEP_LABELS } from '../errors';
import type { Log } from '../log';

export interface CommandSpec {
  id: string;
  run: (...args: unknown[]) => unknown;
}

const copyRequestId = (): string => vscode.l10n.t('Copy request-id');

export function registerCommands(specs: readonly CommandSpec[], log: Log): vscode.Disposable[] {
  return specs.map((spec) => vscode.commands.registerCommand(spec.id, (...args: unknown[]) => runWrapped(spec, args, log)));
}

async function runWrapped(spec: CommandSpec, args: unknown[], log: Log): Promise<unknown> {
  try {
    return await spec.run(...args);
  } catch (error) {
    if (error instanceof vscode.CancellationError) return undefined;
    const classified = classifyError(error);
    log.error(`${spec.id} failed: ${classified.detail}`);
    const buttons = [...classified.steps.map((step) => STEP_LABELS[step.kind]), ...(classified.requestId ? [copyRequestId()] : [])];
    // Not awaited: the command finishes when the work does, not when someone dismisses the message.
    void vscode.window.showErrorMessage(classified.summary, { detail: classified.detail, modal: false }, ...buttons).then((choice) => {
      if (choice === copyRequestId() && classified.requestId) {
        void vscode.env.clipboard.writeText(classified.requestId);
        return;
      }
      const step = classified.steps.find((s) => STEP_LABELS[s.kind] === choice);
      if (!step) return;
      const command = stepCommand(step, { command: spec.id, title: STEP_LABELS.retry, arguments: args });
      void vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    });
    return undefined;
  }
}
