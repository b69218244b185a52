// "Find Restores of…": pick a unit the tenant protects (by name, UPN / e-mail or site URL, across the three
// workloads), then the sessions that restored it, newest first, named the way the tree names them; choosing one
// reveals it in the tree and opens its details (run on a unit of the Protection view, that unit is the one searched).
// "Filter by Unit…" keeps the view to the sessions of one unit.
import * as vscode from 'vscode';
import type { RestoreSession, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import { formatDateTime } from '../../backup/presentation';
import { progressOf } from '../../backup/progress';
import { sessionDescription, unitDisplayName, type UnitRef } from '../../backup/sessionNaming';
import type { SessionHub } from '../sessions/hub';
import type { Node } from '../tree/nodes';
import type { CommandContext } from './context';
import type { CommandSpec } from './registry';

/** Every session of a workload is searched; pages of this size. */
const PAGE = 100;

interface UnitPick extends vscode.QuickPickItem {
  workload: Workload;
  unit: UnitRef;
}

interface SessionPick extends vscode.QuickPickItem {
  workload: Workload;
  session: RestoreSession;
}

export function findRestoresCommands(ctx: CommandContext, view: vscode.TreeView<Node>, onFilterChanged: () => void): CommandSpec[] {
  return [
    {
      id: 'restoreSessions.findRestoresOf',
      run: async (arg) => {
        const hub = await ctx.hubs.active();
        const picked = unitFromArg(arg) ?? await pickUnit(hub, 'Find Restores of…');
        if (!picked) return;
        const name = unitDisplayName(picked.workload, picked.unit);
        const found = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Looking for the restores of ${name}…` },
          () => findRestores(hub, picked.unit),
        );
        if (!found.length) {
          void vscode.window.showInformationMessage(`No restore session restores ${name}.`);
          return;
        }
        const now = Date.now();
        const chosen = await vscode.window.showQuickPick<SessionPick>(
          found.map(({ workload, session }) => ({
            label: hub.names.nameOf(workload, session) ?? `${workload.label} restore`,
            description: sessionDescription(session, progressOf(session.restoreSessionArtifactCount), now).text,
            detail: `${workload.label} · created ${formatDateTime(session.createdDateTime)}`,
            workload,
            session,
          })),
          { title: `Restores of ${name} (${found.length}, newest first)`, matchOnDescription: true, matchOnDetail: true },
        );
        if (!chosen) return;
        const node = await ctx.tree.locate(chosen.workload, chosen.session.id);
        if (node) await view.reveal(node, { select: true, focus: false, expand: false });
        await vscode.commands.executeCommand('restoreSessions.openDetails', node ?? chosen.session.id);
      },
    },
    {
      id: 'restoreSessions.filterByUnit',
      run: async () => {
        const picked = await pickUnit(await ctx.hubs.active(), 'Show only the sessions that restore…');
        if (!picked) return;
        await ctx.filter.set({ ...ctx.filter.current, unit: unitDisplayName(picked.workload, picked.unit) });
        onFilterChanged();
      },
    },
  ];
}

/** The unit a menu hands in: a Protection view unit row carries its workload and the unit's name and address. */
function unitFromArg(arg: unknown): { workload: Workload; unit: UnitRef } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { workload, ref } = arg as { workload?: Partial<Workload>; ref?: UnitRef };
  const known = WORKLOADS.find((w) => w.id === workload?.id);
  return known && ref ? { workload: known, unit: ref } : undefined;
}

/** The tenant's protection units of the three workloads, by name with their address. */
async function pickUnit(hub: SessionHub, title: string): Promise<UnitPick | undefined> {
  const items = Promise.all(WORKLOADS.map(async (workload) => {
    const refs = await hub.names.unitRefs(workload);
    return [...refs.values()].map((unit): UnitPick => ({
      label: unitDisplayName(workload, unit),
      description: unit.address ?? undefined,
      detail: workload.label,
      workload,
      unit,
    }));
  })).then((lists) => lists.flat().sort((a, b) => a.label.localeCompare(b.label)));
  return vscode.window.showQuickPick(items, { title, placeHolder: 'A name, an e-mail address (UPN) or a site URL', matchOnDescription: true, matchOnDetail: true });
}

/** The sessions of every workload that restore the unit, newest first. */
export async function findRestores(hub: SessionHub, unit: UnitRef): Promise<{ workload: Workload; session: RestoreSession }[]> {
  return (await Promise.all(WORKLOADS.map((w) => restoresOf(hub, w, unit))))
    .flat()
    .sort((a, b) => (b.session.createdDateTime ?? '').localeCompare(a.session.createdDateTime ?? ''));
}

/**
 * Sessions of a workload that restore the unit (a person's mailbox and OneDrive share the address, so both are
 * found); every page is read and named in `$batch` calls.
 */
async function restoresOf(hub: SessionHub, workload: Workload, unit: UnitRef): Promise<{ workload: Workload; session: RestoreSession }[]> {
  const sessions: RestoreSession[] = [];
  for await (const page of hub.api.sessions.list(workload, { top: PAGE })) sessions.push(...page.items);
  hub.observe(workload, sessions, 'tree');
  await hub.nameSessions(workload, sessions);
  return sessions
    .filter((session) => (hub.names.unitsOf(workload, session) ?? []).some((u) => sameUnit(u, unit)))
    .map((session) => ({ workload, session }));
}

/** The same unit: by id, or by address (a bulk request lists addresses, not ids), ignoring case. */
function sameUnit(a: UnitRef, b: UnitRef): boolean {
  if (a.id && b.id && a.id === b.id) return true;
  const address = (u: UnitRef) => (u.address ?? '').toLowerCase().replace(/\/+$/, '');
  return !!address(a) && address(a) === address(b);
}
