// Commands that change what a session restores: Add Artifacts… (addArtifacts.ts), Remove Artifact, Retry Failed
// Artifacts as New Draft (actions/retryActions.ts; a second argument answers its questions for scripts and
// tests), and Bulk Restore from CSV….
import * as vscode from 'vscode';
import { bulkInput, parseBulkCsv } from '../../backup/bulkCsv';
import type { DestinationType, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import { removeArtifact, type ArtifactChangeOutcome } from '../actions/artifactActions';
import { valueOrThrow, type ActionOutcome } from '../actions/outcome';
import { retryFailed, type RetryAnswers } from '../actions/retryActions';
import type { ArtifactNode } from '../tree/nodes';
import { addArtifacts } from './addArtifacts';
import { actionDeps, type CommandContext } from './context';
import { resolveSession, workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';
import { destinationItems } from './restoreSteps';

export function artifactCommands(ctx: CommandContext): CommandSpec[] {
  return [
    {
      id: 'restoreSessions.addArtifacts',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['draft']);
        if (target) reportChange(await addArtifacts(ctx, target));
      },
    },
    {
      id: 'restoreSessions.removeArtifact',
      run: async (arg) => {
        const node = arg as ArtifactNode | undefined;
        if (!node || node.kind !== 'artifact') throw new Error('Run Remove Artifact from an artifact of a draft session in the Restore Sessions view.');
        reportChange(await removeArtifact(await actionDeps(ctx), { workload: node.workload, session: node.parent.session }, node.artifact, node.granular));
      },
    },
    {
      id: 'restoreSessions.retryFailed',
      run: async (arg, answers) => {
        const target = await resolveSession(ctx, arg, ['completedWithError', 'failed']);
        if (!target) return undefined;
        const outcome = await retryFailed(await actionDeps(ctx), target, retryAnswers(answers));
        const created = valueOrThrow(outcome);
        if (!created) return undefined;
        if (outcome.kind === 'done') void (created.notAdded.length ? vscode.window.showWarningMessage(outcome.message) : vscode.window.showInformationMessage(outcome.message));
        await vscode.commands.executeCommand('restoreSessions.openDetails', created.session.id);
        return created.session.id;
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
        const hub = await ctx.hubs.active();
        const { api } = hub;
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
        hub.created(workload, session);
        void vscode.window.showInformationMessage(`Created a draft ${workload.label} bulk restore session. Activate it to resolve the ${workload.unitLabelPlural} and start restoring.`);
      },
    },
  ];
}

/** Says what an artifact change did (a warning naming the refused items); failures go to the wrapper's toast. */
function reportChange(outcome: ActionOutcome<ArtifactChangeOutcome>): void {
  const result = valueOrThrow(outcome);
  if (!result || outcome.kind !== 'done') return;
  if (result.failures.length) void vscode.window.showWarningMessage(outcome.message, { detail: result.failures.join('\n'), modal: false });
  else void vscode.window.showInformationMessage(outcome.message);
}

/** The retry's answers when a script or test passes them as the second argument. */
function retryAnswers(value: unknown): RetryAnswers | undefined {
  return typeof value === 'object' && value !== null ? (value as RetryAnswers) : undefined;
}

async function pickDestination(workload: Workload): Promise<DestinationType | undefined> {
  return (await vscode.window.showQuickPick(destinationItems(workload), { title: 'Where should the content be restored?' }))?.value;
}

async function pickWorkload(): Promise<Workload | undefined> {
  const picked = await vscode.window.showQuickPick(WORKLOADS.map((w) => ({ label: w.label, description: w.unitLabelPlural, workload: w })), { title: 'Which workload?' });
  return picked?.workload;
}

