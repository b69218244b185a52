// Changing what a draft restores, as plain functions called by the commands and the panel: add the planned
// artifacts, remove one artifact. Both re-read the session through the hub afterwards, so every view shows
// the new contents.
import type { ArtifactChangeInput } from '../../backup/api';
import type { DeltaItemFailure, RestoreArtifact, RestoreArtifactBase, Workload } from '../../backup/model';
import { itemName, unitDisplayName } from '../../backup/sessionNaming';
import { reportAct } from './acted';
import { ALREADY_RUNNING, type ActionDeps, type SessionTarget } from './deps';
import { cancelled, done, outcomeOf, type ActionOutcome } from './outcome';

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
    if (answer === 'refused') return cancelled(ALREADY_RUNNING);
    const result = answer.value;
    await deps.hub.load(workload, session.id, 'action', `after ${verb === 'Added' ? 'Add Artifacts' : 'Remove Artifact'}`);
    const changed = verb === 'Added' ? result.added.length : result.removed.length;
    const failures = result.failures.map(failureWords);
    const summary = `${verb} ${changed} artifact(s)`;
    return done({ changed, failures }, failures.length ? `${summary}; ${failures.length} item(s) failed.` : `${summary}.`);
  }).then((outcome) => reportAct('changed', deps, { workload, session }, outcome));
}

/** Removes one artifact of a draft after confirmation. */
export async function removeArtifact(
  deps: ActionDeps, target: SessionTarget, artifact: RestoreArtifact, granular: boolean,
): Promise<ActionOutcome<ArtifactChangeOutcome>> {
  if (target.session.status !== 'draft') {
    return outcomeOf(() => Promise.reject(new Error('Artifacts can be removed only while the session is a draft.')));
  }
  const name = granular && target.workload.granularArtifacts.source !== 'search' ? itemName(artifact) : await unitNameOf(deps, target.workload, artifact);
  if (!(await deps.ui.confirm(`Remove ${name} from the draft session?`, `${name} will not be restored by this session. Nothing is restored or deleted now.`, 'Remove'))) return cancelled('Nothing was removed.');
  return changeArtifacts(deps, target, { kind: granular ? 'granular' : 'standard', remove: [artifact.id] }, 'Removing artifact…', 'Removed');
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
