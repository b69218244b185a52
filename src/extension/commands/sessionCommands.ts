// Commands on one restore session: activate, delete, copy id / JSON.
import * as vscode from 'vscode';
import { checkActivation, isActionAllowed, RUNNING_SESSION_STATUSES, type RestoreArtifactBase } from '../../backup/model';
import { progressText, sessionStatusWord } from '../../backup/presentation';
import type { CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

export function sessionCommands(ctx: CommandContext): CommandSpec[] {
  return [
    {
      id: 'restoreSessions.activateSession',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['draft']);
        if (!target) return;
        const { workload, session } = target;
        const { api } = await ctx.connections.get();
        const running = await api.sessions.count(undefined, [...RUNNING_SESSION_STATUSES]);
        const violation = checkActivation(session.status ?? 'draft', running);
        if (violation) throw new Error(violation.message);
        const total = session.restoreSessionArtifactCount?.total ?? 0;
        const [first] = await api.artifacts.listAll(workload, session.id, 'standard');
        const destination = (first as RestoreArtifactBase | undefined)?.destinationType;
        const where = destination === 'inPlace' ? 'IN PLACE, over the current content' : destination === 'new' ? 'to a new location' : 'as planned';
        const confirmed = await ctx.ui.confirm(
          `Activate this ${workload.label} restore session?`,
          `${total} artifact(s) will be restored ${where}. An active restore cannot be cancelled.`,
          'Activate',
        );
        if (!confirmed) return;
        const response = await ctx.tree.runBusy(session.id, 'Activating…', () => api.sessions.activate(session.id));
        if (!response) return;
        const { body } = response;
        ctx.watch.add(workload, session.id);
        ctx.tree.applyUpdates(workload, [{ ...session, ...body }]);
        void vscode.window.showInformationMessage(`${workload.label} restore session is ${sessionStatusWord(body.status).toLowerCase()} (${progressText({ ...session, ...body })}).`);
      },
    },
    {
      id: 'restoreSessions.deleteSession',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['draft']);
        if (!target) return;
        const { workload, session } = target;
        if (!isActionAllowed(session.status, 'delete')) {
          throw new Error(`Only draft sessions can be deleted; this one is ${sessionStatusWord(session.status).toLowerCase()}.`);
        }
        const confirmed = await ctx.ui.confirm(`Delete this draft ${workload.label} restore session?`, `${session.id}\n${progressText(session)}. This cannot be undone.`, 'Delete');
        if (!confirmed) return;
        const { api } = await ctx.connections.get();
        const deleted = await ctx.tree.runBusy(session.id, 'Deleting…', async () => {
          await api.sessions.delete(session.id);
          return true;
        });
        if (deleted) ctx.tree.removeSession(workload, session.id);
      },
    },
    {
      id: 'restoreSessions.copySessionId',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (target) await vscode.env.clipboard.writeText(target.session.id);
      },
    },
    {
      id: 'restoreSessions.copySessionJson',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (!target) return;
        const { api } = await ctx.connections.get();
        const { body } = await api.sessions.get(target.workload, target.session.id);
        await vscode.env.clipboard.writeText(JSON.stringify(body, null, 2));
      },
    },
  ];
}
