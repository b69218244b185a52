// The protection section of the emulator's state: service status, service apps, the e-mail notification
// setting, protection policies and units, inclusion rules and unit bulk addition jobs. Plain JSON (no Infinity,
// no Map), so the data file and a "section replaced" journal record can carry it as it is. Entities are kept as
// the wire shows them (without `@odata.type`, added on the way out); the extra fields say when a requested change
// takes effect, which is all the clock needs to move them on (lifecycle.ts).
import type {
  BackupServiceStatus, IdentitySet, ProtectionPolicyBase, ProtectionUnit, PublicError,
  ServiceAppStatus, ServiceStatus, WorkloadId,
} from '../../backup/model';

export interface ServiceApp {
  id: string;
  application: { id?: string | null; displayName?: string | null };
  effectiveDateTime: string | null;
  lastModifiedBy: IdentitySet | null;
  lastModifiedDateTime: string | null;
  registrationDateTime: string | null;
  status: ServiceAppStatus;
}

export interface EmailNotificationsSetting {
  id: string;
  additionalEvents: string;
  isEnabled: boolean;
  recipients: { role: string; customRecipients: { id?: string | null; displayName?: string | null; email?: string | null }[] };
}

export interface ServiceState extends ServiceStatus {
  status: BackupServiceStatus;
}

export interface PolicyRecord {
  workload: WorkloadId;
  /** `status` and `protectionPolicyArtifactCount` are computed from the units on every settle. */
  policy: ProtectionPolicyBase;
}

/** A closed backup window of a unit, in simulated ms. */
export interface BackupWindow { startMs: number; endMs: number }

export interface UnitState {
  workload: WorkloadId;
  /** directoryObjectId or siteId of the protected resource: what the catalog builds the unit's record from. */
  resourceId: string;
  unit: ProtectionUnit;
  /** When a `…Requested` status takes effect; absent when the unit is settled. */
  settlesAtMs?: number;
  /** Start of the running backup window; null while no backups are taken. */
  backupStartMs: number | null;
  /** End of the last window when backups have stopped; null while they run (or never ran). */
  backupEndMs: number | null;
  /** Earlier closed windows, newest first. */
  pastWindows: BackupWindow[];
}

export interface RuleRecord {
  workload: WorkloadId;
  policyId: string;
  rule: {
    id: string;
    status: string;
    isAutoApplyEnabled: boolean;
    error: PublicError | null;
    createdBy: IdentitySet | null;
    createdDateTime: string;
    lastModifiedBy: IdentitySet | null;
    lastModifiedDateTime: string;
    [expression: string]: unknown;
  };
  /** When the running rule finishes applying (active → completed / completedWithErrors). */
  settlesAtMs?: number;
  /** deleteAndUnprotect was requested: the rule disappears when it settles. */
  deleting?: boolean;
}

export interface JobRecord {
  workload: WorkloadId;
  policyId: string;
  job: {
    id: string;
    displayName: string | null;
    status: string;
    error: PublicError | null;
    createdBy: IdentitySet | null;
    createdDateTime: string;
    lastModifiedBy: IdentitySet | null;
    lastModifiedDateTime: string;
    [resources: string]: unknown;
  };
  /** When the job has resolved every row. */
  settlesAtMs?: number;
}

export interface ProtectionState {
  service: ServiceState;
  serviceApps: ServiceApp[];
  notifications: EmailNotificationsSetting;
  policies: PolicyRecord[];
  units: UnitState[];
  rules: RuleRecord[];
  jobs: JobRecord[];
}
