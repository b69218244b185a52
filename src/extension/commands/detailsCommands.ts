// Open Details: the session details panel for a tree node, a session id (from a notification) or a pick
// from the palette. Opening a session that already has a panel reveals it.
import type { DetailsPanels } from '../webview/panels';
import type { CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

export function detailsCommands(ctx: CommandContext, panels: DetailsPanels): CommandSpec[] {
  return [
    {
      id: 'restoreSessions.openDetails',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (!target) return undefined;
        await panels.open(target);
        return undefined;
      },
    },
  ];
}
