// The three protection policies of the demo tenant, one per workload, as `GET /protectionPolicies` returns
// them. Both seeds share them: retention is the documented default (10-minute points kept two weeks, weekly
// points kept a year), which is also what restorePoints.ts computes the restore-point grid from.
import { odataType, WORKLOADS, type ProtectionPolicyBase, type RetentionSetting, type WorkloadId } from '../../backup/model';
import { ACTORS } from './identities';
import { stableGuid } from './hash';
import { DAY_MS, iso } from './time';

export const RETENTION_SETTINGS: readonly RetentionSetting[] = [
  { interval: 'R/PT10M', period: 'P2W' },
  { interval: 'R/P1W', period: 'P1Y' },
];

/** Days before the anchor at which the policies were created (before any unit). */
export const POLICY_AGE_DAYS = 430;

const POLICY_NAMES: Record<WorkloadId, string> = {
  exchange: 'Exchange - all mailboxes',
  sharePoint: 'SharePoint - business sites',
  oneDrive: 'OneDrive - all employees',
};

export const policyIdOf = (workload: WorkloadId) => stableGuid(`policy:${workload}`);

export interface PolicyCounts {
  total: number;
  completed: number;
  inProgress: number;
  failed: number;
}

export function buildPolicies(anchorMs: number, countsOf: (workload: WorkloadId) => PolicyCounts): ProtectionPolicyBase[] {
  const createdMs = anchorMs - POLICY_AGE_DAYS * DAY_MS;
  return WORKLOADS.map((w) => ({
    '@odata.type': odataType(w.policyType),
    id: policyIdOf(w.id),
    displayName: POLICY_NAMES[w.id],
    isEnabled: true,
    status: 'active',
    retentionSettings: RETENTION_SETTINGS.map((r) => ({ ...r })),
    protectionPolicyArtifactCount: countsOf(w.id),
    createdBy: ACTORS.meganInAdminCenter(),
    createdDateTime: iso(createdMs),
    lastModifiedBy: ACTORS.meganInAdminCenter(),
    lastModifiedDateTime: iso(createdMs + 2 * DAY_MS),
  }));
}
