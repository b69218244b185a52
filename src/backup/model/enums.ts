// Enumerations of the Graph v1.0 metadata (graph-v1-backup-csdl.xml), members in declared order.
// Members declared after `unknownFutureValue` are "evolvable": the service replaces them with
// `unknownFutureValue` unless the request sends `Prefer: include-unknown-enum-members`.

export const ARTIFACT_RESTORE_STATUSES = ['added', 'scheduling', 'scheduled', 'inProgress', 'succeeded', 'failed', 'unknownFutureValue'] as const;
export type ArtifactRestoreStatus = (typeof ARTIFACT_RESTORE_STATUSES)[number];

export const BACKUP_SERVICE_CONSUMERS = ['unknown', 'firstparty', 'thirdparty', 'unknownFutureValue'] as const;
export type BackupServiceConsumer = (typeof BACKUP_SERVICE_CONSUMERS)[number];

export const BACKUP_SERVICE_STATUSES = ['disabled', 'enabled', 'protectionChangeLocked', 'restoreLocked', 'unknownFutureValue'] as const;
export type BackupServiceStatus = (typeof BACKUP_SERVICE_STATUSES)[number];

export const BROWSABLE_RESOURCE_TYPES = ['none', 'site', 'documentLibrary', 'folder', 'unknownFutureValue'] as const;
export type BrowsableResourceType = (typeof BROWSABLE_RESOURCE_TYPES)[number];

export const BROWSE_QUERY_ORDERS = ['pathAsc', 'pathDsc', 'nameAsc', 'nameDsc', 'unknownFutureValue'] as const;
export type BrowseQueryOrder = (typeof BROWSE_QUERY_ORDERS)[number];

export const BROWSE_QUERY_RESPONSE_ITEM_TYPES = ['none', 'site', 'documentLibrary', 'folder', 'file', 'unknownFutureValue'] as const;
export type BrowseQueryResponseItemType = (typeof BROWSE_QUERY_RESPONSE_ITEM_TYPES)[number];

export const BROWSE_SESSION_STATUSES = ['creating', 'created', 'failed', 'unknownFutureValue'] as const;
export type BrowseSessionStatus = (typeof BROWSE_SESSION_STATUSES)[number];

export const DESTINATION_TYPES = ['new', 'inPlace', 'unknownFutureValue'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

export const DISABLE_REASONS = ['none', 'invalidBillingProfile', 'userRequested', 'unknownFutureValue'] as const;
export type DisableReason = (typeof DISABLE_REASONS)[number];

/** Flags enum: the wire format is a comma-separated list of member names. */
export const NOTIFICATION_EVENTS_TYPES = ['none', 'restoreAndPolicyUpdates', 'unknownFutureValue'] as const;
export type NotificationEventsType = string;

/** Flags enum. */
export const NOTIFICATION_RECIPIENTS_TYPES = ['none', 'globalAdmins', 'backupAdmins', 'custom', 'allAdmins', 'unknownFutureValue'] as const;
export type NotificationRecipientsType = string;

export const PROTECTION_POLICY_STATUSES = ['inactive', 'activeWithErrors', 'updating', 'active', 'unknownFutureValue'] as const;
export type ProtectionPolicyStatus = (typeof PROTECTION_POLICY_STATUSES)[number];

export const PROTECTION_RULE_STATUSES = ['draft', 'active', 'completed', 'completedWithErrors', 'unknownFutureValue', 'updateRequested', 'deleteRequested'] as const;
export type ProtectionRuleStatus = (typeof PROTECTION_RULE_STATUSES)[number];

/** Flags enum. */
export const PROTECTION_SOURCES = ['none', 'manual', 'dynamicRule', 'unknownFutureValue'] as const;
export type ProtectionSource = string;

export const PROTECTION_UNITS_BULK_JOB_STATUSES = ['unknown', 'active', 'completed', 'completedWithErrors', 'unknownFutureValue'] as const;
export type ProtectionUnitsBulkJobStatus = (typeof PROTECTION_UNITS_BULK_JOB_STATUSES)[number];

export const PROTECTION_UNIT_STATUSES = [
  'protectRequested', 'protected', 'unprotectRequested', 'unprotected', 'removeRequested', 'unknownFutureValue',
  'offboardRequested', 'offboarded', 'cancelOffboardRequested',
] as const;
export type ProtectionUnitStatus = (typeof PROTECTION_UNIT_STATUSES)[number];

export const RESTORABLE_ARTIFACTS = ['message', 'unknownFutureValue'] as const;
export type RestorableArtifact = (typeof RESTORABLE_ARTIFACTS)[number];

export const RESTORE_ARTIFACTS_BULK_REQUEST_STATUSES = ['unknown', 'active', 'completed', 'completedWithErrors', 'unknownFutureValue'] as const;
export type RestoreArtifactsBulkRequestStatus = (typeof RESTORE_ARTIFACTS_BULK_REQUEST_STATUSES)[number];

export const RESTORE_JOB_TYPES = ['standard', 'bulk', 'unknownFutureValue', 'granular'] as const;
export type RestoreJobType = (typeof RESTORE_JOB_TYPES)[number];

export const RESTORE_POINT_PREFERENCES = ['latest', 'oldest', 'unknownFutureValue'] as const;
export type RestorePointPreference = (typeof RESTORE_POINT_PREFERENCES)[number];

/** Flags enum. */
export const RESTORE_POINT_TAGS = ['none', 'fastRestore', 'unknownFutureValue'] as const;
export type RestorePointTags = string;
/** Beta only: a point that also brings back items created after it (evolvable: after unknownFutureValue). */
export const INCLUDE_NEWER_ITEMS_TAG = 'includeNewerItems';

// Beta-only enums (beta-backup-csdl.xml; graph-backup-api.md §6).
export const MAILBOX_TYPES = ['unknown', 'user', 'shared', 'unknownFutureValue'] as const;
export type MailboxType = (typeof MAILBOX_TYPES)[number];
export const BACKUP_POLICY_PROTECTION_MODES = ['standard', 'fullServiceBackup', 'unknownFutureValue'] as const;
export type BackupPolicyProtectionMode = (typeof BACKUP_POLICY_PROTECTION_MODES)[number];
export const RETENTION_PERIOD_CHANGE_STATUSES = ['none', 'inProgress', 'completed', 'failed', 'unknownFutureValue'] as const;
export type RetentionPeriodChangeStatus = (typeof RETENTION_PERIOD_CHANGE_STATUSES)[number];

export const RESTORE_SESSION_STATUSES = ['draft', 'activating', 'active', 'completedWithError', 'completed', 'unknownFutureValue', 'failed'] as const;
export type RestoreSessionStatus = (typeof RESTORE_SESSION_STATUSES)[number];

export const SERVICE_APP_STATUSES = ['inactive', 'active', 'pendingActive', 'pendingInactive', 'unknownFutureValue'] as const;
export type ServiceAppStatus = (typeof SERVICE_APP_STATUSES)[number];

/** Members declared after `unknownFutureValue`, per enum: these need `Prefer: include-unknown-enum-members`. */
export function evolvableMembers(members: readonly string[]): string[] {
  const marker = members.indexOf('unknownFutureValue');
  return marker < 0 ? [] : members.slice(marker + 1);
}

/**
 * Properties that carry an enum with evolvable members, per kind of entity. Keyed by entity kind because the
 * same member name can be evolvable in one enum and ordinary in another (`failed` is evolvable for a
 * session's status, not for an artifact's).
 */
export const EVOLVABLE_PROPERTIES = {
  restoreSession: { status: RESTORE_SESSION_STATUSES, restoreJobType: RESTORE_JOB_TYPES },
  protectionUnit: { status: PROTECTION_UNIT_STATUSES },
  protectionRule: { status: PROTECTION_RULE_STATUSES },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export function isMember<T extends string>(members: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (members as readonly string[]).includes(value);
}

/** Validates a flags-enum wire value (`"none"`, `"fastRestore"`, `"manual,dynamicRule"`). */
/** The members a flags-enum wire value names, trimmed (`"fastRestore, includeNewerItems"` → both); none for a non-string. */
export function flagMembers(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [];
}

export function isFlagsValue(members: readonly string[], value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  return value.split(',').every((part) => members.includes(part.trim()));
}
