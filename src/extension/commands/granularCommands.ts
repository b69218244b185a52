// Granular restores: Create Granular Mailbox Restore… (search a mailbox's restore point with a query, then
// restore the matching items) and Create Granular File Restore… (browse a SharePoint site or OneDrive at a
// fast-restore point, pick files and folders across folders, restore them).
import * as vscode from 'vscode';
import type { BackupApi, BrowseGranularArtifactInput } from '../../backup/api';
import type { BrowseQueryResponseItem, BrowseSessionBase, ProtectionUnit, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import { formatDateTime, unitName } from '../../backup/presentation';
import { QUERY_EXAMPLES, validateQueryExpression } from '../../backup/queryExpression';
import type { CommandContext } from './context';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';
import { pickPointInTimeStep, unitItems } from './restoreSteps';
import { BACK } from './wizard';

export function granularCommands(ctx: CommandContext): CommandSpec[] {
  return [
    { id: 'restoreSessions.createGranularMailboxRestore', run: () => granularMailboxRestore(ctx) },
    { id: 'restoreSessions.createGranularFileRestore', run: (arg) => granularFileRestore(ctx, workloadFromArg(arg)) },
  ];
}

async function granularMailboxRestore(ctx: CommandContext): Promise<void> {
  const workload = WORKLOADS.find((w) => w.granularArtifacts.source === 'search')!;
  const hub = await ctx.hubs.active();
  const { api } = hub;
  const unit = await pickOneUnit(api, workload, 'Granular mailbox restore: which mailbox?');
  if (!unit) return;
  const when = await pickPointInTimeStep({ title: 'Granular mailbox restore', step: 2, totalSteps: 4 });
  if (!when || when === BACK) return;
  const query = await vscode.window.showInputBox({
    title: 'Granular mailbox restore: which items?',
    prompt: `Search expression, e.g. ${QUERY_EXAMPLES[1]}`,
    value: QUERY_EXAMPLES[1],
    ignoreFocusOut: true,
    validateInput: validateQueryExpression,
  });
  if (!query) return;
  const search = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Searching the mailbox backup…' }, () =>
    api.tenant.search({
      protectionUnitIds: [unit.id],
      protectionTimePeriod: { endDateTime: (when === 'latest' ? new Date() : when).toISOString() },
      restorePointPreference: 'latest',
      artifactQuery: { artifactType: 'message', queryExpression: query.trim() },
    }),
  );
  const result = search.searchResults?.[0];
  if (!result?.restorePoint?.id || !search.searchResponseId) {
    void vscode.window.showWarningMessage('No restore point of this mailbox matches that time; try an earlier or later time.');
    return;
  }
  const hits = result.artifactHitCount ?? 0;
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(save) Create as draft', description: `${hits} matching item(s) from ${formatDateTime(result.restorePoint.protectionDateTime)}`, destination: 'new' as const },
      { label: '$(warning) Create in place (draft)', description: 'restores into the original folders', destination: 'inPlace' as const },
    ],
    { title: `Granular mailbox restore: ${unitName(workload, unit)}`, placeHolder: hits === 0 ? 'No items match; the session would restore nothing' : `${hits} item(s) match` },
  );
  if (!choice) return;
  const { body } = await api.sessions.create(workload, {
    granular: [{ restorePointId: result.restorePoint.id, destinationType: choice.destination, searchResponseId: search.searchResponseId }],
  });
  hub.created(workload, body);
  void vscode.window.showInformationMessage(`Created a draft granular Exchange restore session (${hits} item(s)).`, 'Copy Id').then((c) => c && vscode.env.clipboard.writeText(body.id));
}

async function granularFileRestore(ctx: CommandContext, given: Workload | undefined): Promise<void> {
  const choices = WORKLOADS.filter((w) => w.browseSessions);
  const workload = given?.browseSessions ? given : (await vscode.window.showQuickPick(choices.map((w) => ({ label: w.label, workload: w })), { title: 'Granular file restore: from where?' }))?.workload;
  if (!workload) return;
  const hub = await ctx.hubs.active();
  const { api } = hub;
  const unit = await pickOneUnit(api, workload, `Granular file restore: which ${workload.unitLabel}?`);
  if (!unit) return;
  const points = await api.tenant.search({ protectionUnitIds: [unit.id], protectionTimePeriod: { endDateTime: new Date().toISOString() }, restorePointPreference: 'latest', tags: 'fastRestore' });
  const point = points.searchResults?.[0]?.restorePoint;
  if (!point?.id) {
    void vscode.window.showWarningMessage(`No fast-restore point exists for this ${workload.unitLabel}; granular restore needs one.`);
    return;
  }
  const browseSession = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Opening the backup for browsing…', cancellable: true }, (_p, token) =>
    waitForBrowseSession(api, workload, point.id, token),
  );
  if (!browseSession) return;
  const picked = await browseAndPick(api, workload, browseSession);
  if (!picked?.length) return;
  const inputs: BrowseGranularArtifactInput[] = picked.map((item) => ({ browseSessionId: browseSession.id, itemKey: item.itemKey! }));
  const { session, failures } = await api.sessions.createWith(workload, 'granular', inputs);
  hub.created(workload, session);
  void vscode.window.showInformationMessage(`Created a draft granular ${workload.label} restore session with ${inputs.length - failures.length} item(s)${failures.length ? `; ${failures.length} could not be added` : ''}.`);
}

async function pickOneUnit(api: BackupApi, workload: Workload, title: string): Promise<ProtectionUnit | undefined> {
  const units = await api.tenant.units(workload);
  const picked = await vscode.window.showQuickPick(unitItems(workload, units), { title, matchOnDescription: true });
  return picked?.unit;
}

async function waitForBrowseSession(api: BackupApi, workload: Workload, restorePointId: string, token: vscode.CancellationToken): Promise<BrowseSessionBase | undefined> {
  let { body: session } = await api.tenant.createBrowseSession(workload, restorePointId);
  for (let attempt = 0; session.status === 'creating' && attempt < 60 && !token.isCancellationRequested; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 250 * (attempt + 1))));
    session = (await api.tenant.getBrowseSession(workload, session.id)).body;
  }
  if (session.status !== 'created') {
    if (!token.isCancellationRequested) throw new Error(`The browse session did not open (${session.status}${session.error?.message ? `: ${session.error.message}` : ''}).`);
    return undefined;
  }
  return session;
}

type BrowseItem = vscode.QuickPickItem & { item?: BrowseQueryResponseItem; action?: 'up' | 'done' };

/** A folder-by-folder picker: folders open on accept, files and folders toggle with the checkbox across folders. */
async function browseAndPick(api: BackupApi, workload: Workload, session: BrowseSessionBase): Promise<BrowseQueryResponseItem[] | undefined> {
  const chosen = new Map<string, BrowseQueryResponseItem>();
  const trail: BrowseQueryResponseItem[] = [];
  for (;;) {
    const location = trail[trail.length - 1];
    const items: BrowseQueryResponseItem[] = [];
    for await (const page of api.tenant.browse(workload, session.id, location ? { browseLocationItemKey: location.itemKey, browseResourceType: location.type === 'file' ? undefined : (location.type as never) } : {})) {
      items.push(...page.items);
      if (items.length >= 1000) break;
    }
    const pick = vscode.window.createQuickPick<BrowseItem>();
    pick.title = `${location ? trail.map((t) => t.name).join(' / ') : 'Top level'} — ${chosen.size} selected`;
    pick.placeholder = 'Check items to restore; Enter on a folder opens it';
    pick.canSelectMany = true;
    pick.ignoreFocusOut = true;
    const rows: BrowseItem[] = [
      { label: `$(check-all) Done — restore ${chosen.size} item(s)`, action: 'done', alwaysShow: true },
      ...(location ? [{ label: '$(arrow-up) Up', action: 'up' as const, alwaysShow: true }] : []),
      ...items.map((item) => ({ label: `${item.type === 'file' ? '$(file)' : '$(folder)'} ${item.name ?? item.itemKey}`, description: item.type === 'file' ? `${item.sizeInBytes ?? ''} bytes` : `${item.itemsCount ?? ''} items`, item })),
    ];
    pick.items = rows;
    pick.selectedItems = rows.filter((r) => r.item?.itemKey && chosen.has(r.item.itemKey));
    const next = await new Promise<BrowseItem | 'hide'>((resolve) => {
      pick.onDidChangeSelection((selection) => {
        for (const row of rows) if (row.item?.itemKey) chosen.delete(row.item.itemKey);
        for (const row of selection) {
          if (row.action) {
            resolve(row);
            return;
          }
          if (row.item?.itemKey) chosen.set(row.item.itemKey, row.item);
        }
        pick.title = `${location ? trail.map((t) => t.name).join(' / ') : 'Top level'} — ${chosen.size} selected`;
      });
      pick.onDidAccept(() => resolve(pick.activeItems[0] ?? { label: '', action: 'done' }));
      pick.onDidHide(() => resolve('hide'));
      pick.show();
    });
    pick.dispose();
    if (next === 'hide') return undefined;
    if (next.action === 'done') return [...chosen.values()];
    if (next.action === 'up') trail.pop();
    else if (next.item && next.item.type !== 'file') trail.push(next.item);
  }
}
