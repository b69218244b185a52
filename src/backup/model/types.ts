// Entity and complex types of the Graph v1.0 metadata that the restore side reads or writes.
// Names and nullability follow graph-v1-backup-csdl.xml; every property the service may omit is optional.
// Properties marked "beta only" come from beta-backup-csdl.xml: /beta answers carry them, v1.0 answers never do.
import type {
  ArtifactRestoreStatus, BackupPolicyProtectionMode, BackupServiceConsumer, BackupServiceStatus, BrowsableResourceType, BrowseQueryOrder,
  BrowseQueryResponseItemType, BrowseSessionStatus, DestinationType, DisableReason, ProtectionPolicyStatus,
  NotificationEventsType, NotificationRecipientsType, ProtectionRuleStatus, ProtectionSource, ProtectionUnitsBulkJobStatus,
  MailboxType, ProtectionUnitStatus, RestorableArtifact, RestoreArtifactsBulkRequestStatus, RestoreJobType,
  RetentionPeriodChangeStatus, RestorePointPreference, RestorePointTags, RestoreSessionStatus,
} from './enums';

/** ISO 8601 date-time with offset, as Graph sends it. */
export type DateTimeOffset = string;

export interface Entity {
  id: string;
  '@odata.type'?: string;
}

// ---- common complex types ----

export interface Identity {
  id?: string | null;
  displayName?: string | null;
  [open: string]: unknown;
}

export interface IdentitySet {
  application?: Identity | null;
  device?: Identity | null;
  user?: Identity | null;
  [open: string]: unknown;
}

export interface PublicErrorDetail {
  code?: string | null;
  message?: string | null;
  target?: string | null;
}

export interface PublicInnerError {
  code?: string | null;
  message?: string | null;
  target?: string | null;
  details?: PublicErrorDetail[] | null;
  [open: string]: unknown;
}

export interface PublicError {
  code?: string | null;
  message?: string | null;
  target?: string | null;
  details?: PublicErrorDetail[] | null;
  innerError?: PublicInnerError | null;
}

export interface TimePeriod {
  startDateTime?: DateTimeOffset | null;
  endDateTime?: DateTimeOffset | null;
}

// ---- service ----

export interface ServiceStatus {
  backupServiceConsumer?: BackupServiceConsumer | null;
  disableReason?: DisableReason | null;
  gracePeriodDateTime?: DateTimeOffset | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  restoreAllowedTillDateTime?: DateTimeOffset | null;
  status?: BackupServiceStatus | null;
}

export interface BackupRestoreRoot extends Entity {
  serviceStatus?: ServiceStatus | null;
}

// ---- protection policies and units (read side) ----

export interface RetentionSetting {
  interval?: string | null;
  /** ISO 8601 duration, e.g. `P2W`. */
  period?: string | null;
}

export interface ProtectionPolicyArtifactCount {
  completed?: number | null;
  failed?: number | null;
  inProgress?: number | null;
  total?: number | null;
}

export interface ProtectionPolicyBase extends Entity {
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  displayName?: string | null;
  isEnabled?: boolean;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  protectionPolicyArtifactCount?: ProtectionPolicyArtifactCount | null;
  retentionSettings?: RetentionSetting[] | null;
  status?: ProtectionPolicyStatus | null;
  // Beta only (absent on v1.0 answers):
  billingPolicyId?: string | null;
  offboardRequestedDateTime?: DateTimeOffset | null;
  protectionMode?: BackupPolicyProtectionMode | null;
}

export interface ProtectionUnitBase extends Entity {
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  error?: PublicError | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  offboardRequestedDateTime?: DateTimeOffset | null;
  policyId?: string | null;
  protectionSources?: ProtectionSource;
  status?: ProtectionUnitStatus | null;
  // Beta only (absent on v1.0 answers):
  backupRetentionPeriodInDays?: number | null;
  billingPolicyId?: string | null;
  pendingRetentionPeriodChange?: RetentionPeriodChange | null;
}

/** Beta: a retention change the service has accepted for a unit but not yet applied. */
export interface RetentionPeriodChange {
  effectiveFromDateTime?: DateTimeOffset | null;
  status?: RetentionPeriodChangeStatus | null;
  targetRetentionPeriodInDays?: number | null;
}

export interface MailboxProtectionUnit extends ProtectionUnitBase {
  directoryObjectId?: string | null;
  displayName?: string | null;
  email?: string | null;
  /** Beta only. */
  mailboxType?: MailboxType | null;
}

export interface DriveProtectionUnit extends ProtectionUnitBase {
  directoryObjectId?: string | null;
  displayName?: string | null;
  email?: string | null;
}

export interface SiteProtectionUnit extends ProtectionUnitBase {
  siteId?: string | null;
  siteName?: string | null;
  siteWebUrl?: string | null;
}

export type ProtectionUnit = MailboxProtectionUnit | DriveProtectionUnit | SiteProtectionUnit;

// ---- protection configuration: rules, unit bulk jobs, e-mail notifications ----

/** `mailboxProtectionRule` / `driveProtectionRule` (`…Expression` by workload) / `siteProtectionRule`. */
export interface ProtectionRuleBase extends Entity {
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  error?: PublicError | null;
  isAutoApplyEnabled?: boolean | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  status?: ProtectionRuleStatus | null;
  mailboxExpression?: string | null;
  driveExpression?: string | null;
  siteExpression?: string | null;
}

/** `mailbox…` / `drive…` / `siteProtectionUnitsBulkAdditionJob`: resources by address and by id. */
export interface ProtectionUnitsBulkJobBase extends Entity {
  createdBy?: IdentitySet | null;
  createdDateTime?: DateTimeOffset | null;
  displayName?: string | null;
  error?: PublicError | null;
  lastModifiedBy?: IdentitySet | null;
  lastModifiedDateTime?: DateTimeOffset | null;
  status: ProtectionUnitsBulkJobStatus;
  mailboxes?: string[] | null;
  drives?: string[] | null;
  siteWebUrls?: string[] | null;
  directoryObjectIds?: string[] | null;
  siteIds?: string[] | null;
}

export interface EmailIdentity extends Identity {
  email?: string | null;
}

export interface NotificationRecipients {
  customRecipients: EmailIdentity[];
  role: NotificationRecipientsType;
}

export interface EmailNotificationsSetting extends Entity {
  additionalEvents: NotificationEventsType;
  isEnabled: boolean;
  recipients: NotificationRecipients;
}

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
