// What a caller supplies to create or change restore sessions. The facade turns these into the documented
// request bodies, choosing the shape from the workload table.
import type {
  DestinationType, RestorePointPreference, RestorePointTags, RestoreSessionStatus, TimePeriod,
} from '../model';

/** A whole protection unit restored from one restore point. */
export interface StandardArtifactInput {
  restorePointId: string;
  destinationType: DestinationType;
}

/** Exchange: mailbox items found by a restore-point search with an artifact query. */
export interface SearchGranularArtifactInput {
  restorePointId: string;
  destinationType: DestinationType;
  searchResponseId: string;
}

/** SharePoint / OneDrive: a file or folder picked in a browse session. */
export interface BrowseGranularArtifactInput {
  browseSessionId: string;
  itemKey: string;
}

export type GranularArtifactInput = SearchGranularArtifactInput | BrowseGranularArtifactInput;

export type ArtifactKind = 'standard' | 'granular';

export interface CreateSessionInput {
  standard?: StandardArtifactInput[];
  granular?: GranularArtifactInput[];
}

export interface ArtifactChangeInput {
  kind: ArtifactKind;
  add?: (StandardArtifactInput | GranularArtifactInput)[];
  /** Ids of artifacts to remove. */
  remove?: string[];
}

export interface BulkRequestInput {
  displayName?: string;
  destinationType: DestinationType;
  protectionTimePeriod: TimePeriod;
  restorePointPreference?: RestorePointPreference;
  tags?: RestorePointTags;
  /** Human-readable resources: SMTP addresses (Exchange), owner e-mails (OneDrive) or site URLs (SharePoint). */
  resources?: string[];
  /** Directory object ids (Exchange, OneDrive) or site ids (SharePoint). */
  resourceIds?: string[];
}

export interface SessionListQuery {
  /** Page size (`$top`). */
  top?: number;
  statuses?: RestoreSessionStatus[];
  createdAfter?: Date;
  createdBefore?: Date;
  order?: 'asc' | 'desc';
  count?: boolean;
  signal?: AbortSignal;
}
