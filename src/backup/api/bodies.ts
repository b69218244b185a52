// Request bodies for session create and PATCH, shaped per workload from the table (graph-backup-api.md §1.15, §6).
import type { Workload } from '../model';
import type { BrowseGranularArtifactInput, GranularArtifactInput, SearchGranularArtifactInput, StandardArtifactInput } from './inputs';

export function standardArtifactBody(input: StandardArtifactInput): Record<string, unknown> {
  return { restorePoint: { id: input.restorePointId }, destinationType: input.destinationType };
}

export function granularArtifactBody(workload: Workload, input: GranularArtifactInput): Record<string, unknown> {
  if (workload.granularArtifacts.source === 'search') {
    const search = input as SearchGranularArtifactInput;
    if (!search.searchResponseId || !search.restorePointId) {
      throw new TypeError(`${workload.label} granular artifacts need a restorePointId and a searchResponseId from a restore point search.`);
    }
    return { restorePoint: { id: search.restorePointId }, destinationType: search.destinationType, searchResponseId: search.searchResponseId };
  }
  const browse = input as BrowseGranularArtifactInput;
  if (!browse.browseSessionId || !browse.itemKey) {
    throw new TypeError(`${workload.label} granular artifacts need a browseSessionId and the itemKey of a browsed item.`);
  }
  // The documented create example identifies the item by `id` (= the browse item key).
  return { browseSessionId: browse.browseSessionId, id: browse.itemKey };
}

export function removalBody(id: string): Record<string, unknown> {
  return { '@removed': { reason: 'changed' }, id };
}

/** Key that identifies an added artifact for duplicate checks, the same way the service compares them. */
export function artifactKey(input: StandardArtifactInput | GranularArtifactInput): string {
  if ('itemKey' in input) return `${input.browseSessionId}/${input.itemKey}`;
  return 'searchResponseId' in input ? `${input.restorePointId}/${input.searchResponseId}` : input.restorePointId;
}
