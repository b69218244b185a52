// Commands that change what a session restores: Add Artifacts…, Remove Artifact, Retry Failed Artifacts as
// New Draft (Bulk Restore from CSV… is in bulkCsvCommand.ts).
import * as vscode from 'vscode';
import type { DestinationType, RestoreArtifactBase, Workload } from '../../backup/model';
import { planCreate, planInputs } from '../../backup/plan';
import { changeArtifacts, removeArtifact, type ArtifactChangeOutcome } from '../actions/artifactActions';
import { valueOrThrow, type ActionOutcome } from '../actions/outcome';
import { retryFailed } from '../actions/sessionActions';
import type { ArtifactNode } from '../tree/nodes';
import { actionDeps, type CommandContext } from './context';
import { resolveSession } from './pickSession';
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
        const deps = await actionDeps(ctx);
        const { api } = deps.hub;
        const existing = (await deps.hub.load(workload, session.id, 'refresh'))?.contents?.standard ?? [];
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
        reportChange(await changeArtifacts(deps, target, { kind: 'standard', add: planInputs(plan) }, 'Adding artifacts…', 'Added'));
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
      run: async (arg) => {
        const target = await resolveSession(ctx, arg, ['completedWithError', 'failed']);
        if (!target) return undefined;
        const outcome = await retryFailed(await actionDeps(ctx), target);
        const created = valueOrThrow(outcome);
        if (!created) return undefined;
        if (outcome.kind === 'done' && created.notAdded.length) void vscode.window.showWarningMessage(outcome.message);
        await vscode.commands.executeCommand('restoreSessions.openDetails', created.session.id);
        return created.session.id;
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

async function pickDestination(workload: Workload): Promise<DestinationType | undefined> {
  return (await vscode.window.showQuickPick(destinationItems(workload), { title: 'Where should the content be restored?' }))?.value;
}
