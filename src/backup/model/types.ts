// Entity and complex types of the Graph v1.0 metadata that the restore side reads or writes (the control side,
// protection included, is in protectionTypes.ts). Names and nullability follow graph-v1-backup-csdl.xml; every
// property the service may omit is optional. Properties marked "beta only" come from beta-backup-csdl.xml: /beta
// answers carry them, v1.0 answers never do.
import type {
  ArtifactRestoreStatus, BrowsableResourceType, BrowseQueryOrder, BrowseQueryResponseItemType, BrowseSessionStatus,
  DestinationType, RestorableArtifact, RestoreArtifactsBulkRequestStatus, RestoreJobType, RestorePointPreference,
  RestorePointTags, RestoreSessionStatus,
} from './enums';
import type { DateTimeOffset, Entity, IdentitySet, PublicError, TimePeriod } from './commonTypes';
import type { ProtectionUnit } from './protectionTypes';

// ---- restore points ----

export interface RestorePoint extends Entity {
  expirationDateTime?: DateTimeOffset | null;
  protectionDateTime?: DateTimeOffset | null;
  tags?: RestorePointTags | null;
  protectionUnit?: ProtectionUnit | null;
}

export interface ArtifactQuery {
  artifactType?: RestorableArtifact | null;
  queryExpression?: string | null;
}

/** Parameters of `POST /restorePoints/search`. */
export interface RestorePointSearchRequest {
  protectionUnitIds: string[];
  protectionTimePeriod: TimePeriod;
  restorePointPreference?: RestorePointPreference | null;
  tags?: RestorePointTags | null;
  artifactQuery?: ArtifactQuery | null;
}

export interface RestorePointSearchResult {
  artifactHitCount?: number | null;
  restorePoint?: RestorePoint | null;
}

export interface RestorePointSearchResponse {
  noResultProtectionUnitIds?: string[] | null;
  searchResponseId?: string | null;
  searchResults?: RestorePointSearchResult[] | null;
}

// ---- restore sessions ----

export interface RestoreSessionArtifactCount {
  completed?: number | null;
  failed?: number | null;
  inProgress?: number | null;
  total?: number | null;
}

export interface RestoreSessionBase extends Entity {
  completedDateTime?: DateTimeOffset | null;
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  error?: PublicError | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  restoreJobType?: RestoreJobType | null;
  restoreSessionArtifactCount?: RestoreSessionArtifactCount | null;
  status?: RestoreSessionStatus | null;
}

export interface ExchangeRestoreSession extends RestoreSessionBase {
  mailboxRestoreArtifacts?: MailboxRestoreArtifact[];
  granularMailboxRestoreArtifacts?: GranularMailboxRestoreArtifact[];
  mailboxRestoreArtifactsBulkAdditionRequests?: MailboxRestoreArtifactsBulkAdditionRequest[];
}

export interface SharePointRestoreSession extends RestoreSessionBase {
  siteRestoreArtifacts?: SiteRestoreArtifact[];
  granularSiteRestoreArtifacts?: GranularSiteRestoreArtifact[];
  siteRestoreArtifactsBulkAdditionRequests?: SiteRestoreArtifactsBulkAdditionRequest[];
}

export interface OneDriveForBusinessRestoreSession extends RestoreSessionBase {
  driveRestoreArtifacts?: DriveRestoreArtifact[];
  granularDriveRestoreArtifacts?: GranularDriveRestoreArtifact[];
  driveRestoreArtifactsBulkAdditionRequests?: DriveRestoreArtifactsBulkAdditionRequest[];
}

export type RestoreSession = ExchangeRestoreSession | SharePointRestoreSession | OneDriveForBusinessRestoreSession;

// ---- standard restore artifacts ----

export interface RestoreArtifactBase extends Entity {
  completionDateTime?: DateTimeOffset | null;
  destinationType?: DestinationType | null;
  error?: PublicError | null;
  startDateTime?: DateTimeOffset | null;
  status?: ArtifactRestoreStatus | null;
  /** Navigation; returned inline by the service in list examples, bound by `{ id }` on create. */
  restorePoint?: RestorePoint | null;
}

export interface MailboxRestoreArtifact extends RestoreArtifactBase {
  restoredFolderId?: string | null;
  restoredFolderName?: string | null;
  restoredItemCount?: number | null;
}

export interface GranularMailboxRestoreArtifact extends MailboxRestoreArtifact {
  /** Documented as "will be deprecated soon; don't use". */
  artifactCount?: number | null;
  searchResponseId: string;
}

export interface SiteRestoreArtifact extends RestoreArtifactBase {
  restoredSiteId?: string | null;
  restoredSiteName?: string | null;
  restoredSiteWebUrl?: string | null;
}

export type DriveRestoreArtifact = SiteRestoreArtifact;

// ---- granular (item-level) artifacts for SharePoint and OneDrive ----

export interface GranularRestoreArtifactBase extends Entity {
  browseSessionId?: string | null;
  completionDateTime?: DateTimeOffset | null;
  restoredItemKey?: string | null;
  restoredItemPath?: string | null;
  restoredItemWebUrl?: string | null;
  restorePointDateTime?: DateTimeOffset | null;
  startDateTime?: DateTimeOffset | null;
  status: ArtifactRestoreStatus;
  webUrl?: string | null;
  // Beta only (absent on v1.0 answers):
  destinationType?: DestinationType | null;
  error?: PublicError | null;
}

export interface GranularDriveRestoreArtifact extends GranularRestoreArtifactBase {
  directoryObjectId?: string | null;
}

export interface GranularSiteRestoreArtifact extends GranularRestoreArtifactBase {
  siteId?: string | null;
}

/** Any artifact a session can hold. */
export type RestoreArtifact = RestoreArtifactBase | GranularRestoreArtifactBase;

// ---- bulk addition requests ----

export interface RestoreArtifactsBulkRequestBase extends Entity {
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  destinationType?: DestinationType | null;
  displayName?: string | null;
  error?: PublicError | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  protectionTimePeriod?: TimePeriod | null;
  /** Documented as "not implemented yet; don't use". */
  protectionUnitIds?: string[] | null;
  restorePointPreference?: RestorePointPreference | null;
  status: RestoreArtifactsBulkRequestStatus;
  tags?: RestorePointTags | null;
}

export interface MailboxRestoreArtifactsBulkAdditionRequest extends RestoreArtifactsBulkRequestBase {
  directoryObjectIds?: string[] | null;
  mailboxes?: string[] | null;
}

export interface DriveRestoreArtifactsBulkAdditionRequest extends RestoreArtifactsBulkRequestBase {
  directoryObjectIds?: string[] | null;
  drives?: string[] | null;
}

export interface SiteRestoreArtifactsBulkAdditionRequest extends RestoreArtifactsBulkRequestBase {
  siteIds?: string[] | null;
  siteWebUrls?: string[] | null;
}

export type RestoreArtifactsBulkAdditionRequest =
  | MailboxRestoreArtifactsBulkAdditionRequest
  | DriveRestoreArtifactsBulkAdditionRequest
  | SiteRestoreArtifactsBulkAdditionRequest;

// ---- browse sessions (granular SharePoint / OneDrive restore) ----

export interface BrowseSessionBase extends Entity {
  /** String-encoded number. */
  backupSizeInBytes?: string | null;
  createdDateTime?: DateTimeOffset | null;
  error?: PublicError | null;
  expirationDateTime?: DateTimeOffset | null;
  restorePointDateTime?: DateTimeOffset | null;
  restorePointId?: string | null;
  status: BrowseSessionStatus;
}

export interface OneDriveForBusinessBrowseSession extends BrowseSessionBase {
  directoryObjectId?: string | null;
}

export interface SharePointBrowseSession extends BrowseSessionBase {
  siteId?: string | null;
}

/** Parameters of `POST …BrowseSessions/{id}/browse`; all optional (`{}` lists the top-level locations). */
export interface BrowseRequest {
  browseLocationItemKey?: string | null;
  browseResourceType?: BrowsableResourceType | null;
  filter?: string | null;
  orderBy?: BrowseQueryOrder | null;
}

export interface BrowseQueryResponseItem {
  itemKey?: string | null;
  itemsCount?: number | null;
  name?: string | null;
  sizeInBytes?: string | null;
  type: BrowseQueryResponseItemType;
  webUrl?: string | null;
  // Beta only (absent on v1.0 answers):
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
}

// ---- OData envelopes ----

export interface ODataCollection<T> {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
}

/** A remove entry in an `<artifacts>@delta` array. */
export interface DeltaRemoval {
  '@removed': { reason: 'changed' | 'deleted' };
  id: string;
}

/** A per-item failure reported inside a 200 `@delta` response. */
export interface DeltaItemFailure {
  '@contentId'?: string;
  '@Core.DataModificationException': {
    info: { code: string; message: string };
    failedOperation: 'add' | 'remove';
    responseCode: number;
  };
  id?: string;
}
