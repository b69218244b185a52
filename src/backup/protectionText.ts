// What Backup Storage protects, in words: the service's status with its dates (on, off and why, locked, a grace
// period and until when restores stay allowed), a policy's status and unit counts, and since when a unit is (or
// stopped being) protected. Plain functions, so the Protection view and its tests say the same thing.
import type { ProtectionPolicyBase, ProtectionUnit, ServiceStatus } from './model';
import { formatDateTime } from './presentation';
import { parseInstant, plural, timeAgo } from './timeWords';
import { words } from './words';

export interface ServiceStatusText {
  /** `Backup is on`, `Protection changes are locked · grace period until 2026-12-20 09:00`. */
  text: string;
  /** Longer words for a tooltip: why it is off, until when restores are allowed, who changed it last. */
  detail: string;
  /** The status calls for attention (off or locked). */
  warning: boolean;
}

export function serviceStatusText(status: ServiceStatus | undefined, nowMs: number): ServiceStatusText {
  if (!status?.status) return { text: 'Service status not known', detail: 'The service did not say whether backup is on.', warning: false };
  const parts = [words('serviceStatus', status.status)];
  const details: string[] = [];
  const grace = parseInstant(status.gracePeriodDateTime);
  if (grace !== undefined && grace > nowMs) parts.push(`grace period until ${formatDateTime(status.gracePeriodDateTime)}`);
  else if (grace !== undefined) details.push(`The grace period ended ${formatDateTime(status.gracePeriodDateTime)}.`);
  if (status.status === 'disabled' && status.disableReason && status.disableReason !== 'none') {
    details.push(`Turned off because ${words('disableReason', status.disableReason)}.`);
  }
  const restoreUntil = parseInstant(status.restoreAllowedTillDateTime);
  if (restoreUntil !== undefined) {
    details.push(restoreUntil > nowMs
      ? `Restores are allowed until ${formatDateTime(status.restoreAllowedTillDateTime)}.`
      : `Restores stopped being allowed ${formatDateTime(status.restoreAllowedTillDateTime)}.`);
  }
  const changed = parseInstant(status.lastModifiedDateTime);
  if (changed !== undefined) details.push(`Last changed ${timeAgo(changed, nowMs)} (${formatDateTime(status.lastModifiedDateTime)}).`);
  return { text: parts.join(' · '), detail: details.join(' '), warning: status.status !== 'enabled' };
}

/** `Active · 41 units: 38 protected, 2 in progress, 1 failed`. */
export function policyDescription(policy: ProtectionPolicyBase, unitLabel: string, unitLabelPlural: string): string {
  const counts = policy.protectionPolicyArtifactCount;
  const status = words('policyStatus', policy.status);
  if (!counts || typeof counts.total !== 'number') return status;
  const detail = [
    counts.completed ? `${counts.completed.toLocaleString('en-US')} protected` : '',
    counts.inProgress ? `${counts.inProgress.toLocaleString('en-US')} in progress` : '',
    counts.failed ? `${counts.failed.toLocaleString('en-US')} failed` : '',
  ].filter(Boolean).join(', ');
  return `${status} · ${plural(counts.total, unitLabel, unitLabelPlural)}${detail ? `: ${detail}` : ''}`;
}

/** The statuses in which the service makes new restore points for a unit. */
export function isBackedUp(status: ProtectionUnit['status']): boolean {
  return status === 'protected' || status === 'offboardRequested' || status === 'cancelOffboardRequested' || status === 'unprotectRequested';
}

/** `Protected · since 2026-03-04 10:00`, `Not protected · since 2026-10-22 08:00`, `Protection requested 6 min ago`. */
export function unitStatusText(unit: ProtectionUnit, nowMs: number): string {
  const status = words('unitStatus', unit.status);
  if (unit.status === 'protectRequested') {
    const asked = parseInstant(unit.createdDateTime);
    return asked === undefined ? status : `${status} ${timeAgo(asked, nowMs)}`;
  }
  const since = isBackedUp(unit.status) ? unit.createdDateTime : unit.lastModifiedDateTime;
  return parseInstant(since) === undefined ? status : `${status} · since ${formatDateTime(since)}`;
}

/** When the unit's restore points may begin and end (its protection window), for the timeline's gaps. */
export function protectionWindow(unit: ProtectionUnit): { protectedFromMs?: number; protectedUntilMs?: number } {
  return {
    protectedFromMs: parseInstant(unit.createdDateTime),
    protectedUntilMs: isBackedUp(unit.status) ? undefined : parseInstant(unit.lastModifiedDateTime),
  };
}
