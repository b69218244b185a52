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
const title = (workload: Workload) => `Bulk Restore from CSV: ${workload.label}`;

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
      const message = `Created a draft bulk restore of ${plural(preview.found.length, workload.unitLabel, workload.unitLabelPlural)} (${foundNames(preview)}).`
        + (left ? ` ${plural(left, 'row')} of the file ${left === 1 ? 'was' : 'were'} left out (${preview.summary}).` : '');
      void vscode.window.showInformationMessage(message, 'Activate Now…', 'Open Details').then(async (choice) => {
        if (choice === 'Open Details') await vscode.commands.executeCommand('restoreSessions.openDetails', session.id);
        if (choice !== 'Activate Now…') return;
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
    const choose = 'Choose File…';
    return (await vscode.window.showInformationMessage(`${title(workload)}: what the file must look like`, { modal: true, detail: help }, choose)) === choose;
  },
  async chooseFile(workload) {
    const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { CSV: ['csv', 'txt'] }, title: `CSV of ${workload.unitLabelPlural} to restore` });
    if (!files?.[0]) return undefined;
    const name = files[0].path.split('/').pop() ?? files[0].path;
    return { name, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0])) };
  },
  async preview(workload, fileName, preview) {
    for (;;) {
      const picked = await pickStep({
        title: `${title(workload)} — ${fileName}: ${preview.summary}`, step: 1, totalSteps: STEPS,
        placeholder: 'Nothing has been sent yet. Check the rows; only the rows found are sent.',
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
      title: 'Bulk Restore from CSV', step: 3, totalSteps: STEPS, value: '14',
      prompt: 'Restore the latest restore point from the last how many days?',
      validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 365 ? undefined : 'Enter a whole number of days between 1 and 365.'),
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
    ...(preview.found.length ? [{ label: `$(check) Continue with the ${count} found`, description: 'choose the destination next; nothing is sent before the last step', accept: true }] : []),
    { label: '$(close) Cancel', description: preview.found.length ? 'send nothing' : `no ${workload.unitLabel} of the file was found; nothing will be sent`, accept: false },
    ...section(`Not found (${preview.notFound.length})`, preview.notFound.map((r) => ({ label: `$(error) ${r.value}`, description: `line ${r.line}`, detail: r.reason }))),
    ...section(`Not ${workload.protectionUnits.addressField === 'siteWebUrl' ? 'a site URL' : 'an address'} (${preview.invalid.length})`, preview.invalid.map((r) => ({ label: `$(warning) ${r.value || '(empty)'}`, description: `line ${r.line}`, detail: r.message }))),
    ...section(`Listed twice (${preview.duplicates.length})`, preview.duplicates.map((r) => ({ label: `$(copy) ${r.value}`, description: `line ${r.line}`, detail: r.message }))),
    ...section(`Found (${preview.found.length})`, preview.found.map((r) => ({ label: `$(pass) ${r.name}`, description: `line ${r.line} · ${r.value}` }))),
  ];
}

const FOLLOW_LIMIT_MS = 30 * 60_000;

/** Re-reads the session until its bulk request has finished, then says which rows were not resolved. */
async function followBulkRequest(hub: SessionHub, workload: Workload, draft: BulkCsvDraft): Promise<void> {
  const started = Date.now();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Resolving ${plural(draft.preview.found.length, 'row')} of the bulk restore` }, async () => {
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
        void show(text || `The bulk request of ${foundNames(draft.preview)} has finished.`, 'Open Details').then((c) => c && vscode.commands.executeCommand('restoreSessions.openDetails', draft.session.id));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * (attempt + 1))));
    }
  });
}

async function pickWorkload(): Promise<Workload | undefined> {
  const picked = await vscode.window.showQuickPick(WORKLOADS.map((w) => ({ label: w.label, description: w.unitLabelPlural, workload: w })), { title: 'Bulk Restore from CSV: which workload?' });
  return picked?.workload;
}
