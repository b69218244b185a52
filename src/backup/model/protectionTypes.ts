// Entity and complex types of Backup Storage's control side that the extension reads or writes: the service
// and its status, protection policies and units, rules, unit bulk jobs and e-mail notifications (the restore side
// is in types.ts). Names and nullability follow graph-v1-backup-csdl.xml; properties marked "beta only" come from
// beta-backup-csdl.xml: /beta answers carry them, v1.0 answers never do.
import type {
  BackupPolicyProtectionMode, BackupServiceConsumer, BackupServiceStatus, DisableReason, MailboxType, NotificationEventsType,
  NotificationRecipientsType, ProtectionPolicyStatus, ProtectionRuleStatus, ProtectionSource, ProtectionUnitsBulkJobStatus,
  ProtectionUnitStatus, RetentionPeriodChangeStatus,
} from './enums';
import type { DateTimeOffset, Entity, Identity, IdentitySet, PublicError } from './commonTypes';

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
