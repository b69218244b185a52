// Copy Session Id / Copy Session JSON, Open JSON (a read-only document that follows the session), and Export as
// .http / cURL / PowerShell (tokens redacted), for a tree node, a session id or a palette pick. The work is done
// by the export actions, which the details panel's buttons run too; copies and exports confirm with a toast.
import * as vscode from 'vscode';
import { copySessionJson, exportSession, openSessionJson, type ExportFormat } from '../actions/exportActions';
import { valueOrThrow, type ActionOutcome } from '../actions/outcome';
import type { SessionTarget } from '../actions/deps';
import type { CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

export function exportCommands(ctx: CommandContext): CommandSpec[] {
  /** A command on one session whose action's outcome is announced in a toast. */
  const announced = (id: string, action: (target: SessionTarget) => Promise<ActionOutcome>): CommandSpec => ({
    id,
    run: async (arg) => {
      const target = await resolveSession(ctx, arg);
      if (!target) return;
      const outcome = await action(target);
      valueOrThrow(outcome);
      if (outcome.kind === 'done' && outcome.message) void vscode.window.showInformationMessage(outcome.message);
    },
  });
  const exporter = (id: string, format: ExportFormat) => announced(id, async (target) => exportSession(await ctx.hubs.active(), target, format));
  return [
    {
      id: 'restoreSessions.openJson',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (target) await openSessionJson(target);
      },
    },
    {
      id: 'restoreSessions.copySessionId',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (!target) return;
        await vscode.env.clipboard.writeText(target.session.id);
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the session id.'));
      },
    },
    announced('restoreSessions.copySessionJson', async (target) => copySessionJson(await ctx.hubs.active(), target)),
    exporter('restoreSessions.exportHttp', 'http'),
    exporter('restoreSessions.exportCurl', 'curl'),
    exporter('restoreSessions.exportPowerShell', 'powershell'),
  ];
}
