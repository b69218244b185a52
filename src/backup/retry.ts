// Retry Failed Artifacts: a new draft with the failed artifacts of a finished session, same restore points
// and destination, so only what failed is tried again. Each artifact is rebuilt the way an export rebuilds
// it; one that cannot be (its restore point or browse session is missing) is left out.
import type { CreateSessionInput, GranularArtifactInput, StandardArtifactInput } from './api/inputs';
import { artifactInput } from './exports';
import type { RestoreArtifact, Workload } from './model';

export function retryInputs(workload: Workload, standard: readonly RestoreArtifact[], granular: readonly RestoreArtifact[]): Required<CreateSessionInput> {
  const result: Required<CreateSessionInput> = { standard: [], granular: [] };
  for (const [list, kind] of [[standard, 'standard'], [granular, 'granular']] as const) {
    for (const artifact of list) {
      if (artifact.status !== 'failed') continue;
      const built = artifactInput(workload, artifact, kind);
      if ('reason' in built) continue;
      if (built.kind === 'standard') result.standard.push(built.input as StandardArtifactInput);
      else result.granular.push(built.input as GranularArtifactInput);
    }
  }
  return result;
}
