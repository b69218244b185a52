// Commands that change what a session restores: Add Artifacts… (addArtifacts.ts), Remove Artifact, Retry Failed
// Artifacts as New Draft (actions/retryActions.ts; a second argument answers its questions for scripts and
// tests). Bulk Restore from CSV… is in bulkCsvCommand.ts.
import * as vscode from 'vscode';
import { removeArtifact, type ArtifactChangeOutcome } from '../actions/artifactActions';
import { valueOrThrow, type ActionOutcome } from '../actions/outcome';
import { retryFailed, type RetryAnswers } from '../actions/retryActions';
import type { ArtifactNode } from '../tree/nodes';
import { addArtifacts } from './addArtifacts';
import { actionDeps, type CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

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
        if (!node || node.kind !== 'artifact') throw new Error(vscode.l10n.t('Run Remove Artifact from an artifact of a draft session in the Restore Sessions view.'));
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
