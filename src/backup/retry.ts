// Retry Failed Artifacts: a new draft with the failed artifacts of a finished session, same restore points
// and destination, so only what failed is tried again.
import type { CreateSessionInput, GranularArtifactInput } from './api/inputs';
import type { GranularMailboxRestoreArtifact, GranularRestoreArtifactBase, RestoreArtifact, RestoreArtifactBase, Workload } from './model';

export function retryInputs(workload: Workload, standard: readonly RestoreArtifact[], granular: readonly RestoreArtifact[]): Required<CreateSessionInput> {
  const failedStandard = (standard as RestoreArtifactBase[]).filter((a) => a.status === 'failed' && a.restorePoint?.id);
  const failedGranular = granular.filter((a) => a.status === 'failed');
  return {
    standard: failedStandard.map((a) => ({ restorePointId: a.restorePoint!.id, destinationType: a.destinationType ?? 'new' })),
    granular: failedGranular.map((a): GranularArtifactInput => {
      if (workload.granularArtifacts.source === 'search') {
        const mail = a as GranularMailboxRestoreArtifact;
        return { restorePointId: mail.restorePoint?.id ?? '', destinationType: mail.destinationType ?? 'new', searchResponseId: mail.searchResponseId };
      }
      const file = a as GranularRestoreArtifactBase;
      return { browseSessionId: file.browseSessionId ?? '', itemKey: file.id };
    }),
  };
}
