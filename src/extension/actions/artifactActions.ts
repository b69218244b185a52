// Changing what a draft restores, as plain functions called by the commands and the panel: add the planned
// artifacts, remove one artifact. Both re-read the session through the hub afterwards, so every view shows
// the new contents.
import type { ArtifactChangeInput } from '../../backup/api';
import type { DeltaItemFailure, RestoreArtifact, RestoreArtifactBase, Workload } from '../../backup/model';
import { itemName, unitDisplayName } from '../../backup/sessionNaming';
import { reportAct } from './acted';
import { alreadyRunning, type ActionDeps, type SessionTarget } from './deps';
import { cancelled, done, outcomeOf, type ActionOutcome } from './outcome';
import { l10n } from '../../backup/l10n';

export interface ArtifactChangeOutcome {
  changed: number;
  /** Per-item refusals the service reported inside its 200 answers, in words. */
  failures: string[];
}

/** Sends an artifact change (additions and/or removals) while the session shows `busyWords`. */
export function changeArtifacts(
  deps: ActionDeps, { workload, session }: SessionTarget, change: ArtifactChangeInput, busyWords: string, verb: 'Added' | 'Removed',
): Promise<ActionOutcome<ArtifactChangeOutcome>> {
  return outcomeOf(async () => {
    const answer = await deps.busy.run(session.id, busyWords, () => deps.hub.api.sessions.changeArtifacts(workload, session.id, change));
    if (answer === 'refused') return cancelled(alreadyRunning());
    const result = answer.value;
    await deps.hub.load(workload, session.id, 'action', `after ${verb === 'Added' ? 'Add Artifacts' : 'Remove Artifact'}`);
    const changed = verb === 'Added' ? result.added.length : result.removed.length;
    const failures = result.failures.map(failureWords);
    const summary = verb === 'Added' ? l10n.t('Added {0} artifact(s)', changed) : l10n.t('Removed {0} artifact(s)', changed);
    return done({ changed, failures }, failures.length ? l10n.t('{0}; {1} item(s) failed.', summary, failures.length) : l10n.t('{0}.', summary));
  }).then((outcome) => reportAct('changed', deps, { workload, session }, outcome));
}

/** Removes one artifact of a draft after confirmation. */
export async function removeArtifact(
  deps: ActionDeps, target: SessionTarget, artifact: RestoreArtifact, granular: boolean,
): Promise<ActionOutcome<ArtifactChangeOutcome>> {
  if (target.session.status !== 'draft') {
    return outcomeOf(() => Promise.reject(new Error(l10n.t('Artifacts can be removed only while the session is a draft.'))));
  }
  const name = granular && target.workload.granularArtifacts.source !== 'search' ? itemName(artifact) : await unitNameOf(deps, target.workload, artifact);
  if (!(await deps.ui.confirm(l10n.t('Remove {0} from the draft session?', name), l10n.t('{0} will not be restored by this session. Nothing is restored or deleted now.', name), l10n.t('Remove')))) return cancelled(l10n.t('Nothing was removed.'));
  return changeArtifacts(deps, target, { kind: granular ? 'granular' : 'standard', remove: [artifact.id] }, l10n.t('Removing artifact…'), 'Removed');
}

/** The unit an artifact restores, in words (from the hub's unit-name cache), never its id. */
async function unitNameOf(deps: ActionDeps, workload: Workload, artifact: RestoreArtifact): Promise<string> {
  const pointId = (artifact as RestoreArtifactBase).restorePoint?.id;
  const [units, names] = await Promise.all([deps.hub.units.unitsOfRestorePoints(pointId ? [pointId] : []), deps.hub.units.unitNames(workload)]);
  const unitId = pointId ? units.get(pointId) : undefined;
  return unitDisplayName(workload, { id: unitId, name: unitId ? names.get(unitId) : undefined });
}

function failureWords(failure: DeltaItemFailure): string {
  return `${failure.id ?? ''}: ${failure['@Core.DataModificationException'].info.message}`;
}
