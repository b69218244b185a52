// Create Granular File Restore…: the site or OneDrive, a fast-restore point chosen from the real points (an
// earlier time can be typed), where the files go, the files and folders across folders (browsePicker.ts), and a
// review naming the point, the destination and every file by its decoded path before the draft is created.
import * as vscode from 'vscode';
import type { BackupApi, BrowseGranularArtifactInput } from '../../../backup/api';
import type { BrowseSessionBase, ProtectionUnit, RestorePoint, Workload } from '../../../backup/model';
import { WORKLOADS } from '../../../backup/model';
import { parsePointInTime, pointInTimeHint } from '../../../backup/naturalDate';
import { unitName } from '../../../backup/presentation';
import { isFastRestore, pointsAround } from '../../../backup/restorePoints';
import { plural, pointInTimeText } from '../../../backup/timeWords';
import type { CommandContext } from '../context';
import { unitItems } from '../restoreSteps';
import { BACK, inputStep, pickStep, type StepResult } from '../wizard';
import { pickBrowseItems, type PickedItem } from './browsePicker';

const wizardTitle = (): string => vscode.l10n.t('Granular file restore');
const TOTAL = 6;

export async function granularFileRestore(ctx: CommandContext, given: Workload | undefined): Promise<string | undefined> {
  const workload = given?.browseSessions ? given : (await vscode.window.showQuickPick(WORKLOADS.filter((w) => w.browseSessions).map((w) => ({ label: w.label, description: w.unitLabelPlural, workload: w })), { title: vscode.l10n.t('{0}: from where?', wizardTitle()) }))?.workload;
  if (!workload) return undefined;
  const hub = await ctx.hubs.active();
  const { api } = hub;
  const picked = await pickStep({ title: wizardTitle(), step: 1, totalSteps: TOTAL, placeholder: vscode.l10n.t('Which {0}? (type to filter by name or address)', workload.unitLabel), items: unitItems(workload, await api.tenant.units(workload)) });
  if (!picked || picked === BACK) return undefined;
  const unit = picked[0].unit;
  const name = unitName(workload, unit) ?? vscode.l10n.t('the {0}', workload.unitLabel);
  const point = await pickFastPoint(api, unit, `${wizardTitle()}: ${name}`);
  if (!point || point === BACK) return undefined;
  if (!(await confirmDestination(workload, name))) return undefined;
  const browseSession = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opening the backup of {0} for browsing…', name), cancellable: true }, (_p, token) =>
    waitForBrowseSession(api, workload, point.id, token),
  );
  if (!browseSession) return undefined;
  let selection: Map<string, PickedItem> | undefined;
  for (;;) {
    selection = await pickBrowseItems(api, workload, browseSession, `${wizardTitle()} (4/${TOTAL})`, selection);
    if (!selection) return undefined;
    const review = await reviewStep(workload, name, point, [...selection.values()]);
    if (review === undefined) return undefined;
    if (review === 'create') break;
  }
  const inputs: BrowseGranularArtifactInput[] = [...selection.keys()].map((itemKey) => ({ browseSessionId: browseSession.id, itemKey }));
  const { session, failures } = await api.sessions.createWith(workload, 'granular', inputs);
  hub.created(workload, session);
  const added = inputs.length - failures.length;
  void vscode.window.showInformationMessage(
    failures.length
      ? vscode.l10n.t('Created a draft granular restore of {0} from {1} at {2}; {3} could not be added.', plural(added, vscode.l10n.t('item'), vscode.l10n.t('items')), name, pointInTimeText(point.protectionDateTime, Date.now()), failures.length)
      : vscode.l10n.t('Created a draft granular restore of {0} from {1} at {2}.', plural(added, vscode.l10n.t('item'), vscode.l10n.t('items')), name, pointInTimeText(point.protectionDateTime, Date.now())),
    vscode.l10n.t('Open Details'),
  ).then((c) => c && vscode.commands.executeCommand('restoreSessions.openDetails', session.id));
  return session.id;
}

type PointRow = vscode.QuickPickItem & { point?: RestorePoint; earlier?: true };

/** Step 2: the latest points before a time (now, or one typed), fast-restore ones selectable. */
async function pickFastPoint(api: BackupApi, unit: ProtectionUnit, title: string): Promise<StepResult<RestorePoint>> {
  let before = Date.now();
  let notice: string | undefined;
  for (;;) {
    const now = Date.now();
    const points = await pointsBefore(api, unit, before);
    const rows: PointRow[] = [
      ...pointsAround(points, before, { now, before: 6, after: 0 }).map((choice) => ({
        label: `${choice.fastRestore ? '$(zap)' : '$(circle-slash)'} ${choice.label}`,
        description: choice.fastRestore ? vscode.l10n.t('fast restore') : vscode.l10n.t('not a fast-restore point; file-level restore needs one'),
        point: points.find((p) => p.id === choice.id),
      })),
      { label: vscode.l10n.t('$(calendar) Earlier points…'), description: vscode.l10n.t('type a time: the points before it are listed'), earlier: true },
    ];
    const picked = await pickStep({ title, step: 2, totalSteps: TOTAL, placeholder: notice ?? vscode.l10n.t('Restore the files as they were at which point?'), items: rows });
    if (!picked || picked === BACK) return picked;
    const row = picked[0];
    if (row.point && isFastRestore(row.point)) return row.point;
    if (row.point) {
      notice = vscode.l10n.t('That point is not a fast-restore point: choose one marked fast restore, or look at earlier points.');
      continue;
    }
    const text = await inputStep({ title, step: 2, totalSteps: TOTAL, prompt: vscode.l10n.t('List the restore points before which time? {0}', pointInTimeHint()), placeholder: vscode.l10n.t('yesterday 09:00'), validate: (s) => { const r = parsePointInTime(s, { now: Date.now() }); return r.ok ? undefined : r.message; } });
    if (text === undefined) return undefined;
    if (text !== BACK) {
      const parsed = parsePointInTime(text, { now: Date.now() });
      if (parsed.ok) before = parsed.ms;
    }
    notice = undefined;
  }
}

/**
 * The five latest points before a time, and the latest fast-restore point before it when that is older (fast
 * points are sparser than the 10-minute cadence, so the five may hold none).
 */
async function pointsBefore(api: BackupApi, unit: ProtectionUnit, before: number): Promise<RestorePoint[]> {
  const endDateTime = new Date(before + 1);
  const [recent, fast] = await Promise.all([
    api.tenant.restorePoints(unit.id, { before: endDateTime }),
    api.tenant.search({ protectionUnitIds: [unit.id], protectionTimePeriod: { endDateTime: endDateTime.toISOString() }, restorePointPreference: 'latest', tags: 'fastRestore' }),
  ]);
  const fastPoint = fast.searchResults?.[0]?.restorePoint;
  if (!fastPoint?.id || recent.some((p) => p.id === fastPoint.id)) return recent;
  // (a point found with tags=fastRestore is one, whether or not the answer repeats its tags)
  return [...recent, { ...fastPoint, tags: fastPoint.tags ?? 'fastRestore' }];
}

/** Step 3: file-level restores have one destination in the v1.0 API; say which before anything is picked. */
async function confirmDestination(workload: Workload, name: string): Promise<boolean> {
  const picked = await pickStep({
    title: vscode.l10n.t('{0}: where do the files go?', wizardTitle()), step: 3, totalSteps: TOTAL, placeholder: vscode.l10n.t('Destination of the restored files'),
    items: [{
      label: vscode.l10n.t('$(new-folder) A new folder in {0}', name),
      description: vscode.l10n.t('current files are untouched'),
      detail: vscode.l10n.t('The restored files and folders are put in one new folder of the same {0}; the service names it when the restore runs. In-place restore of single files is not offered by the API.', workload.unitLabel),
    }],
  });
  return !!picked && picked !== BACK;
}

type ReviewRow = vscode.QuickPickItem & { action?: 'create' | 'change' };

/** Step 5: what will be restored, from when, to where. */
async function reviewStep(workload: Workload, name: string, point: RestorePoint, items: PickedItem[]): Promise<'create' | 'change' | undefined> {
  const files = items.map((p): ReviewRow => ({ label: `${p.item.type === 'file' ? '$(file)' : '$(folder)'} ${p.name}`, description: p.path ? vscode.l10n.t('in {0}', p.path) : vscode.l10n.t('top level of {0}', name) }));
  const picked = await pickStep<ReviewRow>({
    title: vscode.l10n.t('{0}: review — {1} from {2}', wizardTitle(), plural(items.length, vscode.l10n.t('item'), vscode.l10n.t('items')), name), step: 5, totalSteps: TOTAL,
    placeholder: vscode.l10n.t('Nothing is created until you choose Create as draft'),
    items: [
      { label: vscode.l10n.t('$(save) Create as draft'), description: vscode.l10n.t('{0} · activate it later from the tree or the details', plural(items.length, vscode.l10n.t('item'), vscode.l10n.t('items'))), action: 'create' },
      { label: vscode.l10n.t('$(edit) Change the selection'), action: 'change' },
      { label: vscode.l10n.t('When and where'), kind: vscode.QuickPickItemKind.Separator },
      { label: `$(history) ${pointInTimeText(point.protectionDateTime, Date.now())}`, description: vscode.l10n.t('fast-restore point') },
      { label: vscode.l10n.t('$(new-folder) A new folder in {0}', name), description: vscode.l10n.t('restored {0} files do not overwrite current ones', workload.label) },
      { label: vscode.l10n.t('Items ({0})', items.length), kind: vscode.QuickPickItemKind.Separator },
      ...files,
    ],
  });
  if (!picked) return undefined;
  if (picked === BACK) return 'change';
  return picked[0].action ?? 'change';
}

async function waitForBrowseSession(api: BackupApi, workload: Workload, restorePointId: string, token: vscode.CancellationToken): Promise<BrowseSessionBase | undefined> {
  let { body: session } = await api.tenant.createBrowseSession(workload, restorePointId);
  for (let attempt = 0; session.status === 'creating' && attempt < 60 && !token.isCancellationRequested; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 250 * (attempt + 1))));
    session = (await api.tenant.getBrowseSession(workload, session.id)).body;
  }
  if (session.status !== 'created') {
    if (!token.isCancellationRequested) throw new Error(vscode.l10n.t('The backup could not be opened for browsing ({0}{1}).', session.status, session.error?.message ? `: ${session.error.message}` : ''));
    return undefined;
  }
  return session;
}
