// What a tenant-wide Backup Storage change does, in words, before it is sent: turning the service on (`POST
// /enable`, which starts billing through the named tenant's billing profile) and changing who is e-mailed about
// it (`PATCH /emailNotificationsSetting`). Like protectionPlan.ts, each plan says what starts, what STOPS (people
// no longer told), and the rules the service would refuse it for (graph-backup-api.md §3.1, §4.6). Pure.
import type { BackupServiceStatus, EmailNotificationsSetting } from './model';
import { isGuid } from './model';
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
    title: 'Turn on Microsoft 365 Backup Storage for this tenant?',
    starts: ['Backup Storage is turned on: protection policies can be activated, and protected units are billed through the billing profile of the tenant you entered.'],
    stops: [],
    irreversible: [],
    notes: [
      ...(change.current ? [`Now: ${words('serviceStatus', change.current)}.`] : []),
      ...(already ? ['Backup is already on: turning it on again changes nothing.'] : []),
      'The service checks the billing profile; an invalid one is refused and nothing changes.',
    ],
    blocked: isGuid(change.appOwnerTenantId.trim()) ? [] : ['The billing tenant must be given by its tenant id (a GUID, like 7d1f0c3e-5a2b-4c8d-9e10-2f3a4b5c6d7e).'],
    confirmLabel: 'Turn On Backup Storage',
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
    title: !after.isEnabled && before.isEnabled ? 'Stop e-mail notifications about Backup Storage?' : 'Change who is e-mailed about Backup Storage?',
    starts: [
      ...(gained.length ? ['Starts e-mailing:', ...bullets(gained)] : []),
      ...(after.isEnabled && willEvents !== wasEvents && willEvents ? [`Also e-mails about ${willEvents}.`] : []),
    ],
    stops: [
      ...(lost.length ? ['Stops e-mailing:', ...bullets(lost)] : []),
      ...(before.isEnabled && wasEvents && wasEvents !== willEvents && after.isEnabled ? [`No longer e-mails about ${wasEvents}.`] : []),
    ],
    irreversible: [],
    notes: [after.isEnabled ? `Then: ${will.length ? `${will.join(', ')} ${will.length === 1 ? 'is' : 'are'} e-mailed` : 'nobody is e-mailed'}.` : 'Then: nobody is e-mailed about Backup Storage.'],
    blocked: [
      ...(hasRole(after, 'custom') && !customs.some(Boolean) ? ['Custom recipients are chosen but no e-mail address is listed.'] : []),
      ...customs.filter((email) => email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)).map((email) => `"${email}" is not an e-mail address.`),
    ],
    confirmLabel: 'Save Notification Setting',
  });
}

const ROLE_WORDS: Record<string, string> = {
  globalAdmins: 'Global admins',
  backupAdmins: 'Backup admins',
  allAdmins: 'All admins',
};

/** Who is e-mailed, in words: roles, then the custom addresses; nobody while it is off. */
export function audience(setting: NotificationSettingChange): string[] {
  if (!setting.isEnabled) return [];
  const roles = flags(setting.recipients.role).filter((role) => Object.prototype.hasOwnProperty.call(ROLE_WORDS, role)).map((role) => ROLE_WORDS[role]);
  const custom = hasRole(setting, 'custom') ? (setting.recipients.customRecipients ?? []).map((r) => oneLine(r.email ?? r.displayName ?? '')).filter(Boolean) : [];
  return [...roles, ...custom];
}

function eventWords(setting: NotificationSettingChange): string {
  return flags(setting.additionalEvents).includes('restoreAndPolicyUpdates') ? 'restores and policy changes' : '';
}

function hasRole(setting: NotificationSettingChange, role: string): boolean {
  return flags(setting.recipients.role).includes(role);
}

/** A flags enum's wire value (`a,b`) as its members. */
export function flags(value: string | null | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
}
