// Commands that change what a session restores: Add Artifacts…, Remove Artifact, Retry Failed Artifacts as
// New Draft, and Bulk Restore from CSV….
import * as vscode from 'vscode';
import { bulkInput, parseBulkCsv } from '../../backup/bulkCsv';
import type { DestinationType, RestoreArtifactBase, Workload } from '../../backup/model';
import { isTerminalSession, WORKLOADS } from '../../backup/model';
import { planCreate, planInputs } from '../../backup/plan';
import { retryInputs } from '../../backup/retry';
import type { ArtifactNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { resolveSession, workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';
import { destinationItems, findRestorePoints, pickPointInTimeStep, pickUnitsStep } from './restoreSteps';
import { BACK } from './wizard';

export function artifactCommands(ctx: CommandContext): CommandSpec[] {
  return [
    {
      id: 'restoreSessions.addArtifacts',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['draft']);
        if (!target) return;
        const { workload, session } = target;
        const { api } = await ctx.connections.get();
        const existing = await api.artifacts.listAll(workload, session.id, 'standard');
        const destination = (existing[0] as RestoreArtifactBase | undefined)?.destinationType ?? (await pickDestination(workload));
        if (!destination) return;
        const units = await api.tenant.units(workload);
        const existingUnits = new Set(existing.map((a) => (a as RestoreArtifactBase).restorePoint?.protectionUnit?.id).filter((id): id is string => !!id));
        const title = `Add Artifacts to ${workload.label} session`;
        const picked = await pickUnitsStep({ title, step: 1, totalSteps: 2, workload, units, excluded: existingUnits });
        if (!picked || picked === BACK) return;
        const when = await pickPointInTimeStep({ title, step: 2, totalSteps: 2 });
        if (!when || when === BACK) return;
        const search = await findRestorePoints(api, picked, when);
        const plan = planCreate(workload, units, search, destination, {
          status: session.status ?? 'draft',
          restoreJobType: session.restoreJobType ?? 'standard',
          existingKind: existing.length ? 'standard' : null,
          existingDestination: existing.length ? destination : null,
          existingKeys: new Set(existing.map((a) => (a as RestoreArtifactBase).restorePoint?.id ?? '')),
          bulkRequestCount: session.restoreJobType === 'bulk' ? 1 : 0,
        });
        if (plan.violations.length) throw new Error(plan.violations.map((v) => `${v.code}: ${v.message}`).join(' '));
        const result = await ctx.tree.runBusy(session.id, 'Adding artifacts…', () =>
          api.sessions.changeArtifacts(workload, session.id, { kind: 'standard', add: planInputs(plan) }),
        );
        if (!result) return;
        await reportChange(ctx, workload, session.id, `Added ${result.added.length} artifact(s)`, result.failures);
      },
    },
    {
      id: 'restoreSessions.removeArtifact',
      run: async (arg) => {
        const node = arg as ArtifactNode | undefined;
        if (!node || node.kind !== 'artifact') throw new Error('Run Remove Artifact from an artifact of a draft session in the Restore Sessions view.');
        if (node.sessionStatus !== 'draft') throw new Error('Artifacts can be removed only while the session is a draft.');
        if (!(await ctx.ui.confirm('Remove this artifact from the draft session?', node.artifact.id, 'Remove'))) return;
        const { api } = await ctx.connections.get();
        const result = await ctx.tree.runBusy(node.sessionId, 'Removing artifact…', () =>
          api.sessions.changeArtifacts(node.workload, node.sessionId, { kind: node.granular ? 'granular' : 'standard', remove: [node.artifact.id] }),
        );
        if (!result) return;
        await reportChange(ctx, node.workload, node.sessionId, `Removed ${result.removed.length} artifact(s)`, result.failures);
      },
    },
    {
      id: 'restoreSessions.retryFailed',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['completedWithError', 'failed']);
        if (!target) return undefined;
        const { workload, session } = target;
        if (!isTerminalSession(session.status)) throw new Error('Failed artifacts can be retried once the session has finished.');
        const { api } = await ctx.connections.get();
        const [standard, granular] = await Promise.all([
          api.artifacts.listAll(workload, session.id, 'standard'),
          api.artifacts.listAll(workload, session.id, 'granular'),
        ]);
        const inputs = retryInputs(workload, standard, granular);
        const kind = inputs.standard.length ? 'standard' : 'granular';
        const items = kind === 'standard' ? inputs.standard : inputs.granular;
        if (!items.length) throw new Error('This session has no failed artifact that can be retried.');
        const confirmed = await ctx.ui.confirm(
          `Create a new draft ${workload.label} restore session with ${items.length} failed artifact(s)?`,
          'Same restore points and destination. The new session stays a draft until you activate it.',
          'Create Draft',
        );
        if (!confirmed) return undefined;
        const { session: created, failures } = await api.sessions.createWith(workload, kind, items);
        ctx.tree.refreshWorkload(workload);
        if (failures.length) {
          void vscode.window.showWarningMessage(`Created the draft, but ${failures.length} artifact(s) were not added: ${failures.map((f) => f['@Core.DataModificationException'].info.message).join('; ')}`);
        }
        await vscode.commands.executeCommand('restoreSessions.openDetails', created.id);
        return created.id;
      },
    },
    {
      id: 'restoreSessions.bulkRestoreFromCsv',
      run: async (arg) => {
        const workload = workloadFromArg(arg) ?? (await pickWorkload());
        if (!workload) return;
        const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { CSV: ['csv', 'txt'] }, title: `CSV of ${workload.unitLabelPlural} to restore` });
        if (!files?.[0]) return;
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0]));
        const parsed = parseBulkCsv(workload, text);
        if (parsed.problems.length) {
          const lines = parsed.problems.slice(0, 20).map((p) => (p.line ? `line ${p.line} (${p.value}): ${p.message}` : p.message));
          throw new Error(`The CSV has ${parsed.problems.length} problem(s); nothing was sent. ${lines.join('; ')}`);
        }
        const destination = await pickDestination(workload);
        if (!destination) return;
        const days = await vscode.window.showInputBox({
          prompt: 'Restore the latest restore point from the last how many days?', value: '14',
          validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 365 ? undefined : 'Enter a whole number of days between 1 and 365.'),
        });
        if (!days) return;
        const now = new Date();
        const { api } = await ctx.connections.get();
        const { body: session } = await api.sessions.create(workload);
        try {
          await api.artifacts.createBulkRequest(workload, session.id, bulkInput(parsed, {
            displayName: `Bulk restore of ${parsed.resources.length + parsed.resourceIds.length} ${workload.unitLabelPlural}`,
            destinationType: destination,
            protectionTimePeriod: { startDateTime: new Date(now.getTime() - Number(days) * 86_400_000).toISOString(), endDateTime: now.toISOString() },
            restorePointPreference: 'latest',
          }));
        } catch (error) {
          // Leave nothing half done: the empty draft made for this request goes too.
          await api.sessions.delete(session.id).catch(() => undefined);
          throw error;
        }
        ctx.tree.refreshWorkload(workload);
        void vscode.window.showInformationMessage(`Created a draft ${workload.label} bulk restore session. Activate it to resolve the ${workload.unitLabelPlural} and start restoring.`);
      },
    },
  ];
}

async function reportChange(ctx: CommandContext, workload: Workload, sessionId: string, summary: string, failures: { '@Core.DataModificationException': { info: { message: string } }; id?: string }[]): Promise<void> {
  const { api } = await ctx.connections.get();
  const { body } = await api.sessions.get(workload, sessionId);
  ctx.tree.applyUpdates(workload, [body]);
  ctx.tree.refreshSession(sessionId);
  if (failures.length) {
    const detail = failures.map((f) => `${f.id ?? ''}: ${f['@Core.DataModificationException'].info.message}`).join('\n');
    void vscode.window.showWarningMessage(`${summary}; ${failures.length} item(s) failed.`, { detail, modal: false });
  } else {
    void vscode.window.showInformationMessage(`${summary}.`);
  }
}

async function pickDestination(workload: Workload): Promise<DestinationType | undefined> {
  return (await vscode.window.showQuickPick(destinationItems(workload), { title: 'Where should the content be restored?' }))?.value;
}

async function pickWorkload(): Promise<Workload | undefined> {
  const picked = await vscode.window.showQuickPick(WORKLOADS.map((w) => ({ label: w.label, description: w.unitLabelPlural, workload: w })), { title: 'Which workload?' });
  return picked?.workload;
}

