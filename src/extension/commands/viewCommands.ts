// Commands on the view itself: refresh, paging, filters, log.
import * as vscode from 'vscode';
import type { RestoreSessionStatus } from '../../backup/model';
import { RESTORE_SESSION_STATUSES } from '../../backup/model';
import { validateDate } from '../../backup/dates';
import { sessionStatusWord } from '../../backup/presentation';
import type { LoadMoreNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';

export function viewCommands(ctx: CommandContext, onFilterChanged: () => void): CommandSpec[] {
  return [
    { id: 'restoreSessions.refresh', run: () => ctx.tree.refreshAll() },
    {
      id: 'restoreSessions.refreshWorkload',
      run: (arg) => {
        const workload = workloadFromArg(arg);
        if (workload) ctx.tree.refreshWorkload(workload);
        else ctx.tree.refreshAll();
      },
    },
    { id: 'restoreSessions.loadMore', run: (node) => ctx.tree.loadMore((node as LoadMoreNode).workload, false) },
    { id: 'restoreSessions.loadAll', run: (node) => ctx.tree.loadMore((node as LoadMoreNode).workload, true) },
    { id: 'restoreSessions.showLog', run: () => ctx.log.channel.show() },
    {
      id: 'restoreSessions.startEmulator',
      run: async () => {
        await ctx.connections.startEmulator();
        void vscode.window.showInformationMessage(vscode.l10n.t('The local Backup Storage emulator is running (demo data).'));
      },
    },
    {
      id: 'restoreSessions.stopEmulator',
      run: async () => {
        await ctx.connections.stopEmulator();
        void vscode.window.showInformationMessage(vscode.l10n.t('The local Backup Storage emulator is stopped. Its data is reset to the demo seed when it starts again.'));
      },
    },
    {
      id: 'restoreSessions.filterSessions',
      run: async () => {
        const current = ctx.filter.current;
        const statuses = RESTORE_SESSION_STATUSES.filter((s) => s !== 'unknownFutureValue');
        const MINE = vscode.l10n.t('Created by me');
        const picked = await vscode.window.showQuickPick(
          [
            { label: MINE, description: vscode.l10n.t('the signed-in user, or the app for app-only sign-in'), status: undefined, picked: !!current.createdByMe },
            ...statuses.map((status) => ({ label: sessionStatusWord(status), description: undefined, status, picked: current.statuses.includes(status) })),
          ],
          { title: vscode.l10n.t('Show sessions (no status selected: every status)'), canPickMany: true },
        );
        if (!picked) return;
        const after = await askDate(vscode.l10n.t('Created on or after (YYYY-MM-DD, empty for any)'), current.createdAfter);
        if (after === undefined) return;
        const before = await askDate(vscode.l10n.t('Created on or before (YYYY-MM-DD, empty for any)'), current.createdBefore);
        if (before === undefined) return;
        await ctx.filter.set({
          unit: current.unit,
          createdByMe: picked.some((p) => p.label === MINE) || undefined,
          statuses: picked.flatMap((p) => (p.status ? [p.status as RestoreSessionStatus] : [])),
          createdAfter: after || undefined,
          createdBefore: before ? endOfDay(before) : undefined,
        });
        onFilterChanged();
      },
    },
    {
      id: 'restoreSessions.clearFilter',
      run: async () => {
        await ctx.filter.set({ statuses: [] });
        onFilterChanged();
      },
    },
  ];
}

/** Asks for a date; '' means no bound, undefined means the user cancelled. */
async function askDate(prompt: string, current: string | undefined): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    prompt,
    value: current?.slice(0, 10) ?? '',
    placeHolder: '2026-11-01',
    validateInput: (text) => validateDate(text, { allowEmpty: true }),
  });
  if (value === undefined) return undefined;
  return value.trim() === '' ? '' : new Date(`${value.trim()}T00:00:00`).toISOString();
}

function endOfDay(iso: string): string {
  return new Date(Date.parse(iso) + 24 * 3600 * 1000 - 1).toISOString();
}
