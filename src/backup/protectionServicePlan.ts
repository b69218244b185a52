// What a tenant-wide Backup Storage change does, in words, before it is sent: turning the service on (`POST
// /enable`, which starts billing through the named tenant's billing profile) and changing who is e-mailed about
// it (`PATCH /emailNotificationsSetting`). Like protectionPlan.ts, each plan says what starts, what STOPS (people
// no longer told), and the rules the service would refuse it for (graph-backup-api.md §3.1, §4.6). Pure.
import type { BackupServiceStatus, EmailNotificationsSetting } from './model';
import { l10n } from './l10n';
import { flagMembers, isGuid } from './model';
import { bullets, withDetail, type ChangePlan } from './protectionPlan';
import { oneLine, words } from './words';

export interface EnableServiceChange {
  /** The service's status now, when known. */
  current?: BackupServiceStatus | null;
  /** The tenant whose billing profile pays, as typed (a GUID). */
  appOwnerTenantId: string;
}

export function enableServicePlan(change: EnableServiceChange): ChangePlan {
  const already = change.current === 'enabled';
  return withDetail({
    title: l10n.t('Turn on Microsoft 365 Backup Storage for this tenant?'),
    starts: [l10n.t('Backup Storage is turned on: protection policies can be activated, and protected units are billed through the billing profile of the tenant you entered.')],
    stops: [],
    irreversible: [],
    notes: [
      ...(change.current ? [l10n.t('Now: {0}.', words('serviceStatus', change.current))] : []),
      ...(already ? [l10n.t('Backup is already on: turning it on again changes nothing.')] : []),
      l10n.t('The service checks the billing profile; an invalid one is refused and nothing changes.'),
    ],
    blocked: isGuid(change.appOwnerTenantId.trim()) ? [] : [l10n.t('The billing tenant must be given by its tenant id (a GUID, like 7d1f0c3e-5a2b-4c8d-9e10-2f3a4b5c6d7e).')],
    confirmLabel: l10n.t('Turn On Backup Storage'),
  });
}

/** The parts of the notification setting an admin edits. */
export type NotificationSettingChange = Pick<EmailNotificationsSetting, 'isEnabled' | 'additionalEvents' | 'recipients'>;

export function notificationSettingPlan(before: NotificationSettingChange, after: NotificationSettingChange): ChangePlan {
  const was = audience(before);
  const will = audience(after);
  const lost = was.filter((who) => !will.includes(who));
  const gained = will.filter((who) => !was.includes(who));
  const wasEvents = eventWords(before);
  const willEvents = eventWords(after);
  const customs = (after.recipients.customRecipients ?? []).map((r) => oneLine(r.email ?? ''));
  return withDetail({
    title: !after.isEnabled && before.isEnabled ? l10n.t('Stop e-mail notifications about Backup Storage?') : l10n.t('Change who is e-mailed about Backup Storage?'),
    starts: [
      ...(gained.length ? [l10n.t('Starts e-mailing:'), ...bullets(gained)] : []),
      ...(after.isEnabled && willEvents !== wasEvents && willEvents ? [l10n.t('Also e-mails about {0}.', willEvents)] : []),
    ],
    stops: [
      ...(lost.length ? [l10n.t('Stops e-mailing:'), ...bullets(lost)] : []),
      ...(before.isEnabled && wasEvents && wasEvents !== willEvents && after.isEnabled ? [l10n.t('No longer e-mails about {0}.', wasEvents)] : []),
    ],
    irreversible: [],
    notes: [thenNote(after.isEnabled, will)],
    blocked: [
      ...(hasRole(after, 'custom') && !customs.some(Boolean) ? [l10n.t('Custom recipients are chosen but no e-mail address is listed.')] : []),
      ...customs.filter((email) => email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)).map((email) => l10n.t('"{0}" is not an e-mail address.', email)),
    ],
    confirmLabel: l10n.t('Save Notification Setting'),
  });
}

/** Who is e-mailed once the change is saved, as a whole sentence (one and many are separate messages). */
function thenNote(isEnabled: boolean, will: readonly string[]): string {
  if (!isEnabled) return l10n.t('Then: nobody is e-mailed about Backup Storage.');
  if (!will.length) return l10n.t('Then: nobody is e-mailed.');
  return will.length === 1 ? l10n.t('Then: {0} is e-mailed.', will[0]) : l10n.t('Then: {0} are e-mailed.', will.join(', '));
}

/** A recipient role in words (a function, so the words are looked up in the installed language when used). */
function roleWords(role: string): string | undefined {
  switch (role) {
    case 'globalAdmins': return l10n.t('Global admins');
    case 'backupAdmins': return l10n.t('Backup admins');
    case 'allAdmins': return l10n.t('All admins');
    default: return undefined;
  }
}

/** Who is e-mailed, in words: roles, then the custom addresses; nobody while it is off. */
export function audience(setting: NotificationSettingChange): string[] {
  if (!setting.isEnabled) return [];
  const roles = flags(setting.recipients.role).map(roleWords).filter((role): role is string => role !== undefined);
  const custom = hasRole(setting, 'custom') ? (setting.recipients.customRecipients ?? []).map((r) => oneLine(r.email ?? r.displayName ?? '')).filter(Boolean) : [];
  return [...roles, ...custom];
}

function eventWords(setting: NotificationSettingChange): string {
  return flags(setting.additionalEvents).includes('restoreAndPolicyUpdates') ? l10n.t('restores and policy changes') : '';
}

function hasRole(setting: NotificationSettingChange, role: string): boolean {
  return flags(setting.recipients.role).includes(role);
}

/** A flags enum's wire value (`a,b`) as its members. */
export function flags(value: string | null | undefined): string[] {
  return flagMembers(value).filter((s) => s && s !== 'none');
}
