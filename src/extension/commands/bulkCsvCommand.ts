// Bulk Restore from CSV…: the workbench prompts of the flow in bulkCsvFlow.ts (format help in a modal, the file
// dialog, the row preview as a quick pick, destination, days), then "Activate Now…" through the shared
// activation action, and the bulk request followed to its end with the rows it could not resolve in words.
import * as vscode from 'vscode';
import type { BulkPreview } from '../../backup/bulkResolve';
import { bulkUnresolved } from '../../backup/bulkResolve';
import type { RestoreArtifactBase, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import { plural } from '../../backup/timeWords';
import { activateSession } from '../actions/sessionActions';
import type { SessionHub } from '../sessions/hub';
import { bulkCsvDraft, foundNames, type BulkCsvDraft, type BulkCsvPrompts } from './bulkCsvFlow';
import { bulkLists } from '../../backup/bulkRows';
import { actionDeps, type CommandContext } from './context';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';
import { pickDestinationStep } from './restoreSteps';
import { inputStep, pickStep, BACK } from './wizard';

const STEPS = 3;
const title = (workload: Workload) => vscode.l10n.t('Bulk Restore from CSV: {0}', workload.label);

export function bulkCsvCommands(ctx: CommandContext): CommandSpec[] {
  return [{
    id: 'restoreSessions.bulkRestoreFromCsv',
    run: async (arg) => {
      const workload = workloadFromArg(arg) ?? (await pickWorkload());
      if (!workload) return undefined;
      const deps = await actionDeps(ctx);
      const draft = await bulkCsvDraft(deps.hub, workload, workbenchPrompts);
      if (!draft) return undefined;
      const { session, preview } = draft;
      const left = preview.notFound.length + preview.duplicates.length + preview.invalid.length;
      const created = vscode.l10n.t('Created a draft bulk restore of {0} ({1}).', plural(preview.found.length, workload.unitLabel, workload.unitLabelPlural), foundNames(preview));
      const leftOut = left === 1 ? vscode.l10n.t('1 row of the file was left out ({0}).', preview.summary) : vscode.l10n.t('{0} rows of the file were left out ({1}).', left, preview.summary);
      const message = left ? `${created} ${leftOut}` : created;
      void vscode.window.showInformationMessage(message, vscode.l10n.t('Activate Now…'), vscode.l10n.t('Open Details')).then(async (choice) => {
        if (choice === vscode.l10n.t('Open Details')) await vscode.commands.executeCommand('restoreSessions.openDetails', session.id);
        if (choice !== vscode.l10n.t('Activate Now…')) return;
        // (this runs after the command returned, outside the wrapper's toast: say a failure here)
        const outcome = await activateSession(await actionDeps(ctx), { workload, session });
        if (outcome.kind === 'failed') void vscode.window.showErrorMessage(outcome.error.summary);
        if (outcome.kind === 'done') await followBulkRequest(deps.hub, workload, draft);
      });
      return session.id;
    },
  }];
}

const workbenchPrompts: BulkCsvPrompts = {
  async formatHelp(workload, help) {
    const choose = vscode.l10n.t('Choose File…');
    return (await vscode.window.showInformationMessage(vscode.l10n.t('{0}: what the file must look like', title(workload)), { modal: true, detail: help }, choose)) === choose;
  },
  async chooseFile(workload) {
    const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { CSV: ['csv', 'txt'] }, title: vscode.l10n.t('CSV of {0} to restore', workload.unitLabelPlural) });
    if (!files?.[0]) return undefined;
    const name = files[0].path.split('/').pop() ?? files[0].path;
    return { name, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0])) };
  },
  async preview(workload, fileName, preview) {
    for (;;) {
      const picked = await pickStep({
        title: `${title(workload)} — ${fileName}: ${preview.summary}`, step: 1, totalSteps: STEPS,
        placeholder: vscode.l10n.t('Nothing has been sent yet. Check the rows; only the rows found are sent.'),
        items: previewItems(workload, preview),
      });
      if (!picked || picked === BACK) return false;
      if (picked[0].accept !== undefined) return picked[0].accept;
    }
  },
  async destination(workload) {
    const picked = await pickDestinationStep({ title: title(workload), step: 2, totalSteps: STEPS, workload });
    return picked === BACK ? undefined : picked;
  },
  async days() {
    const text = await inputStep({
      title: vscode.l10n.t('Bulk Restore from CSV'), step: 3, totalSteps: STEPS, value: '14',
      prompt: vscode.l10n.t('Restore the latest restore point from the last how many days?'),
      validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 365 ? undefined : vscode.l10n.t('Enter a whole number of days between 1 and 365.')),
    });
    return typeof text === 'string' ? Number(text) : undefined;
  },
};

type PreviewItem = vscode.QuickPickItem & { accept?: boolean };

/** The actions first, then every row of the file under the heading of its outcome. */
function previewItems(workload: Workload, preview: BulkPreview): PreviewItem[] {
  const count = plural(preview.found.length, workload.unitLabel, workload.unitLabelPlural);
  const section = (label: string, rows: PreviewItem[]): PreviewItem[] => (rows.length ? [{ label, kind: vscode.QuickPickItemKind.Separator }, ...rows] : []);
  return [
    ...(preview.found.length ? [{ label: vscode.l10n.t('$(check) Continue with the {0} found', count), description: vscode.l10n.t('choose the destination next; nothing is sent before the last step'), accept: true }] : []),
    { label: vscode.l10n.t('$(close) Cancel'), description: preview.found.length ? vscode.l10n.t('send nothing') : vscode.l10n.t('no {0} of the file was found; nothing will be sent', workload.unitLabel), accept: false },
    ...section(vscode.l10n.t('Not found ({0})', preview.notFound.length), preview.notFound.map((r) => ({ label: `$(error) ${r.value}`, description: vscode.l10n.t('line {0}', r.line), detail: r.reason }))),
    ...section(workload.protectionUnits.addressField === 'siteWebUrl' ? vscode.l10n.t('Not a site URL ({0})', preview.invalid.length) : vscode.l10n.t('Not an address ({0})', preview.invalid.length), preview.invalid.map((r) => ({ label: `$(warning) ${r.value || vscode.l10n.t('(empty)')}`, description: vscode.l10n.t('line {0}', r.line), detail: r.message }))),
    ...section(vscode.l10n.t('Listed twice ({0})', preview.duplicates.length), preview.duplicates.map((r) => ({ label: `$(copy) ${r.value}`, description: vscode.l10n.t('line {0}', r.line), detail: r.message }))),
    ...section(vscode.l10n.t('Found ({0})', preview.found.length), preview.found.map((r) => ({ label: `$(pass) ${r.name}`, description: vscode.l10n.t('line {0} · {1}', r.line, r.value) }))),
  ];
}

const FOLLOW_LIMIT_MS = 30 * 60_000;

/** Re-reads the session until its bulk request has finished, then says which rows were not resolved. */
async function followBulkRequest(hub: SessionHub, workload: Workload, draft: BulkCsvDraft): Promise<void> {
  const started = Date.now();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Resolving {0} of the bulk restore', plural(draft.preview.found.length, vscode.l10n.t('row'), vscode.l10n.t('rows'))) }, async () => {
    for (let attempt = 0; Date.now() - started < FOLLOW_LIMIT_MS; attempt++) {
      const read = await hub.load(workload, draft.session.id, 'refresh', 'following the bulk request');
      const bulk = read?.contents?.bulkRequests[0];
      if (!read || !bulk) return;
      if (bulk.status !== 'active' && bulk.status !== 'unknown') {
        const pointIds = read.contents!.standard.map((a) => (a as RestoreArtifactBase).restorePoint?.id).filter((id): id is string => !!id);
        const units = await hub.units.unitsOfRestorePoints(pointIds);
        const restored = new Set(units.values());
        const resolved = draft.preview.found.filter((row) => restored.has(row.unitId)).map((row) => ({ id: row.unitId, address: row.value }));
        // The service lists the bulk request's resources as []: name the rows that were sent.
        const lists = bulkLists(draft.preview.found);
        const sent = { ...bulk, [workload.bulkRequests.resourceField]: lists.resources, [workload.bulkRequests.idField]: lists.resourceIds };
        const { unresolved, text } = bulkUnresolved(workload, sent, resolved);
        const show = unresolved.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
        void show(text || vscode.l10n.t('The bulk request of {0} has finished.', foundNames(draft.preview)), vscode.l10n.t('Open Details')).then((c) => c && vscode.commands.executeCommand('restoreSessions.openDetails', draft.session.id));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * (attempt + 1))));
    }
  });
}

async function pickWorkload(): Promise<Workload | undefined> {
  const picked = await vscode.window.showQuickPick(WORKLOADS.map((w) => ({ label: w.label, description: w.unitLabelPlural, workload: w })), { title: vscode.l10n.t('Bulk Restore from CSV: which workload?') });
  return picked?.workload;
}
