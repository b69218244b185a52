// What Backup Storage protects, in words: the service's status with its dates (on, off and why, locked, a grace
// period and until when restores stay allowed), a policy's status and unit counts, and since when a unit is (or
// stopped being) protected; on beta connections also what only /beta answers carry (how long a unit's backups are
// kept, a pending retention change, the kind of mailbox, a policy's protection mode, offboarding and billing).
// Plain functions, so the Protection view and its tests say the same thing.
import { l10n } from './l10n';
import type { MailboxProtectionUnit, ProtectionPolicyBase, ProtectionUnit, RetentionPeriodChange, ServiceStatus } from './model';
import { formatDateTime } from './presentation';
import { parseInstant, plural, timeAgo } from './timeWords';
import { oneLine, words } from './words';

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

/**
 * The row's description: the status, led by `Shared mailbox` for a shared mailbox (beta), which an admin restoring
 * it wants to see before opening it; user mailboxes are the usual case and stay unmarked so the row stays short.
 */
export function unitDescription(unit: ProtectionUnit, nowMs: number): string {
  const status = unitStatusText(unit, nowMs);
  return mailboxTypeOf(unit) === 'shared' ? l10n.t('{0} · {1}', words('mailboxType', 'shared'), status) : status;
}

/**
 * What only beta answers say about a unit, one fact a line: `Shared mailbox`, `Backups kept for 365 days`,
 * `Retention change in progress: to 90 days on 2027-01-05 10:00`. A v1.0 unit (none of these fields) gives none.
 */
export function unitBetaFacts(unit: ProtectionUnit): string[] {
  const kind = mailboxTypeOf(unit);
  const days = unit.backupRetentionPeriodInDays;
  return [
    // Only a known kind is worth a line: `Mailbox of an unknown kind` tells the admin nothing, like a missing value.
    kind === 'user' || kind === 'shared' ? words('mailboxType', kind) : '',
    isDayCount(days) ? l10n.t('Backups kept for {0}', dayCount(days)) : '',
    retentionChangeText(unit.pendingRetentionPeriodChange),
  ].filter(Boolean);
}

/** `Retention change in progress: to 90 days on 2027-01-05 10:00`; '' when there is none (or its status is `none`). */
export function retentionChangeText(change: RetentionPeriodChange | null | undefined): string {
  if (!change?.status || change.status === 'none') return '';
  const status = words('retentionChangeStatus', change.status);
  const target = isDayCount(change.targetRetentionPeriodInDays) ? dayCount(change.targetRetentionPeriodInDays) : '';
  const when = formatDateTime(change.effectiveFromDateTime);
  if (target && when) return l10n.t('{0}: to {1} on {2}', status, target, when);
  if (target) return l10n.t('{0}: to {1}', status, target);
  return when ? l10n.t('{0}: on {1}', status, when) : status;
}

/**
 * What only beta answers say about a policy, one fact a line: its protection mode, since when offboarding was
 * requested (not the `0001-01-01` default), and that it is billed through a billing policy. The billing policy's
 * id follows on a line of its own, named as an id: no API here turns it into a name, and it is what an admin looks
 * up in the Microsoft 365 admin center or Azure when a bill is in question. A v1.0 policy gives none.
 */
export function policyBetaFacts(policy: ProtectionPolicyBase): string[] {
  const offboard = formatDateTime(policy.offboardRequestedDateTime);
  const billing = policy.billingPolicyId?.trim();
  return [
    policy.protectionMode ? words('protectionMode', policy.protectionMode) : '',
    offboard ? l10n.t('Offboarding requested on {0}', offboard) : '',
    billing ? l10n.t('Billed through a billing policy') : '',
    billing ? l10n.t('Billing policy id: {0}', oneLine(billing)) : '',
  ].filter(Boolean);
}

function mailboxTypeOf(unit: ProtectionUnit): MailboxProtectionUnit['mailboxType'] {
  return 'mailboxType' in unit ? unit.mailboxType : undefined;
}

function isDayCount(days: number | null | undefined): days is number {
  return typeof days === 'number' && Number.isFinite(days) && days > 0;
}

function dayCount(days: number): string {
  return plural(days, l10n.t('day'), l10n.t('days'));
}

/** When the unit's restore points may begin and end (its protection window), for the timeline's gaps. */
export function protectionWindow(unit: ProtectionUnit): { protectedFromMs?: number; protectedUntilMs?: number } {
  return {
    protectedFromMs: parseInstant(unit.createdDateTime),
    protectedUntilMs: isBackedUp(unit.status) ? undefined : parseInstant(unit.lastModifiedDateTime),
  };
}
