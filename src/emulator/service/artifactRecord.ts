// The one builder of a new restore-artifact record, whichever way it is added (create or PATCH of a session,
// a bulk request materialising on activation, a browse item): status `added`, no times yet, the workload's
// restored-location fields empty, and the restore point or browse item it restores.
import { randomUUID } from 'node:crypto';
import type {
  DestinationType, GranularMailboxRestoreArtifact, GranularRestoreArtifactBase, MailboxRestoreArtifact, RestorePoint,
  SiteRestoreArtifact, Workload,
} from '../../backup/model';

/** Graph's "not yet" for the times of granular file artifacts (they are never null). */
export const UNSET_DATE = '0001-01-01T00:00:00Z';

/** What a new artifact restores: a restore point of a unit (with the search result for granular mail), or a browse item. */
export type ArtifactSource =
  | {
    restorePoint: RestorePoint;
    unitId: string;
    destinationType?: DestinationType | null;
    search?: { searchResponseId: string; artifactCount: number };
  }
  | {
    browseItem: { itemKey: string; webUrl: string | null };
    browseSessionId: string;
    restorePointDateTime: string | null;
    /** Stored for every version; only /beta answers show it (betaShapes.ts). */
    destinationType: DestinationType;
    /** The workload's owner field of browse sessions (`siteId` or `directoryObjectId`) and its value. */
    owner: { field: string; value: unknown };
  };

export type NewArtifact = MailboxRestoreArtifact | SiteRestoreArtifact | GranularMailboxRestoreArtifact | GranularRestoreArtifactBase;

/** The restored-location fields of a workload's artifact before a restore has put anything anywhere. */
export function emptyRestoredLocation(w: Workload): Pick<MailboxRestoreArtifact, 'restoredFolderId' | 'restoredFolderName' | 'restoredItemCount'> | Pick<SiteRestoreArtifact, 'restoredSiteId' | 'restoredSiteName' | 'restoredSiteWebUrl'> {
  return w.restoredLocation.urlField === null
    ? { restoredFolderId: null, restoredFolderName: null, restoredItemCount: null }
    : { restoredSiteId: null, restoredSiteName: null, restoredSiteWebUrl: null };
}

export function newArtifactRecord(w: Workload, source: ArtifactSource): NewArtifact {
  if ('browseItem' in source) {
    return {
      id: source.browseItem.itemKey,
      browseSessionId: source.browseSessionId,
      status: 'added',
      startDateTime: UNSET_DATE,
      completionDateTime: UNSET_DATE,
      restoredItemKey: null,
      restoredItemPath: null,
      restoredItemWebUrl: null,
      restorePointDateTime: source.restorePointDateTime,
      webUrl: source.browseItem.webUrl,
      destinationType: source.destinationType,
      [source.owner.field]: source.owner.value,
    };
  }
  const point = source.restorePoint;
  const artifact: MailboxRestoreArtifact | SiteRestoreArtifact = {
    id: randomUUID(),
    destinationType: source.destinationType ?? 'new',
    status: 'added',
    startDateTime: null,
    completionDateTime: null,
    error: null,
    ...emptyRestoredLocation(w),
    restorePoint: {
      id: point.id,
      protectionDateTime: point.protectionDateTime ?? null,
      expirationDateTime: point.expirationDateTime ?? null,
      tags: point.tags ?? null,
      protectionUnit: { id: source.unitId },
    },
  };
  return source.search ? { ...artifact, ...source.search } : artifact;
}
