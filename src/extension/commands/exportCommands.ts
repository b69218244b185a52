// Open JSON (a read-only document that follows the session), Export as .http and Export as cURL (tokens
// redacted), for a tree node, a session id or a palette pick. The work is done by the export actions.
import { exportSession, openSessionJson, type ExportFormat } from '../actions/exportActions';
import { valueOrThrow } from '../actions/outcome';
import type { CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

export function exportCommands(ctx: CommandContext): CommandSpec[] {
  const exporter = (id: string, format: ExportFormat): CommandSpec => ({
    id,
    run: async (arg) => {
      const target = await resolveSession(ctx, arg);
      if (target) valueOrThrow(await exportSession(await ctx.hubs.active(), target, format));
    },
  });
  return [
    {
      id: 'restoreSessions.openJson',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (target) await openSessionJson(target);
      },
    },
    exporter('restoreSessions.exportHttp', 'http'),
    exporter('restoreSessions.exportCurl', 'curl'),
  ];
}
