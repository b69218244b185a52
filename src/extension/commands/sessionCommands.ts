// Commands on one restore session: activate, delete, copy id / JSON. Activate and Delete are the session
// actions; a failure rethrows into the command wrapper's toast, a cancellation ends quietly.
import * as vscode from 'vscode';
import { valueOrThrow } from '../actions/outcome';
import { activateSession, deleteSession } from '../actions/sessionActions';
import { actionDeps, type CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

export function sessionCommands(ctx: CommandContext): CommandSpec[] {
  return [
    {
      id: 'restoreSessions.activateSession',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['draft']);
        if (!target) return;
        const outcome = await activateSession(await actionDeps(ctx), target);
        if (valueOrThrow(outcome) && outcome.kind === 'done') void vscode.window.showInformationMessage(outcome.message);
      },
    },
    {
      id: 'restoreSessions.deleteSession',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['draft']);
        if (target) valueOrThrow(await deleteSession(await actionDeps(ctx), target));
      },
    },
  ];
}
