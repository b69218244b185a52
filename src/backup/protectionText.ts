// What Backup Storage protects, in words: the service's status with its dates (on, off and why, locked, a grace
// period and until when restores stay allowed), a policy's status and unit counts, and since when a unit is (or
// stopped being) protected. Plain functions, so the Protection view and its tests say the same thing.
import { l10n } from './l10n';
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
  if (!status?.status) return { text: l10n.t('Service status not known'), detail: l10n.t('The service did not say whether backup is on.'), warning: false };
  const parts = [words('serviceStatus', status.status)];
  const details: string[] = [];
  const grace = parseInstant(status.gracePeriodDateTime);
  if (grace !== undefined && grace > nowMs) parts.push(l10n.t('grace period until {0}', formatDateTime(status.gracePeriodDateTime)));
  else if (grace !== undefined) details.push(l10n.t('The grace period ended {0}.', formatDateTime(status.gracePeriodDateTime)));
  if (status.status === 'disabled' && status.disableReason && status.disableReason !== 'none') {
    details.push(l10n.t('Turned off because {0}.', words('disableReason', status.disableReason)));
  }
  const restoreUntil = parseInstant(status.restoreAllowedTillDateTime);
  if (restoreUntil !== undefined) {
    details.push(restoreUntil > nowMs
      ? l10n.t('Restores are allowed until {0}.', formatDateTime(status.restoreAllowedTillDateTime))
      : l10n.t('Restores stopped being allowed {0}.', formatDateTime(status.restoreAllowedTillDateTime)));
  }
  const changed = parseInstant(status.lastModifiedDateTime);
  if (changed !== undefined) details.push(l10n.t('Last changed {0} ({1}).', timeAgo(changed, nowMs), formatDateTime(status.lastModifiedDateTime)));
  return { text: parts.join(' · '), detail: details.join(' '), warning: status.status !== 'enabled' };
}

/** `Active · 41 units: 38 protected, 2 in progress, 1 failed`. */
export function policyDescription(policy: ProtectionPolicyBase, unitLabel: string, unitLabelPlural: string): string {
  const counts = policy.protectionPolicyArtifactCount;
  const status = words('policyStatus', policy.status);
  if (!counts || typeof counts.total !== 'number') return status;
  const detail = [
    counts.completed ? l10n.t('{0} protected', counts.completed.toLocaleString('en-US')) : '',
    counts.inProgress ? l10n.t('{0} in progress', counts.inProgress.toLocaleString('en-US')) : '',
    counts.failed ? l10n.t('{0} failed', counts.failed.toLocaleString('en-US')) : '',
  ].filter(Boolean).join(', ');
  const units = plural(counts.total, unitLabel, unitLabelPlural);
  return detail ? l10n.t('{0} · {1}: {2}', status, units, detail) : l10n.t('{0} · {1}', status, units);
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
    return asked === undefined ? status : l10n.t('{0} {1}', status, timeAgo(asked, nowMs));
  }
  const since = isBackedUp(unit.status) ? unit.createdDateTime : unit.lastModifiedDateTime;
  return parseInstant(since) === undefined ? status : l10n.t('{0} · since {1}', status, formatDateTime(since));
}

/** When the unit's restore points may begin and end (its protection window), for the timeline's gaps. */
export function protectionWindow(unit: ProtectionUnit): { protectedFromMs?: number; protectedUntilMs?: number } {
  return {
    protectedFromMs: parseInstant(unit.createdDateTime),
    protectedUntilMs: isBackedUp(unit.status) ? undefined : parseInstant(unit.lastModifiedDateTime),
  };
}
