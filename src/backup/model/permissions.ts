// Which Microsoft Graph permission allows which Backup Storage operation (reference/graph-backup-api.md §3).
// Plain data and pure functions: the emulator's `verify` enforces this table and the extension's Check
// Permissions command explains it, so both read the same rows. The path patterns are built from the workload
// table, so a new workload's collections are covered without touching this file.
//
// A permission name is the same for delegated tokens (space-separated `scp`) and app-only tokens (`roles`
// array); only the GUIDs differ. An operation lists the permissions that each allow it on their own
// (least privileged first).

import { WORKLOADS, type Workload } from './workloads';
import { l10n } from '../l10n';

export type PermissionKey = 'Ctl.R' | 'Ctl.RW' | 'Cfg.R' | 'Cfg.RW' | 'Rst.R' | 'Rst.RW' | 'Srch.R' | 'Mon.R';

export interface PermissionInfo {
  key: PermissionKey;
  /** Graph permission name, e.g. `BackupRestore-Restore.Read.All`. */
  name: string;
  delegatedId: string;
  applicationId: string;
  description: string;
}

export const PERMISSIONS: Record<PermissionKey, PermissionInfo> = {
  'Ctl.R': { key: 'Ctl.R', name: 'BackupRestore-Control.Read.All', delegatedId: 'af598c63-4292-4437-b925-e996354d3854', applicationId: '6fe20a79-0e15-45a1-b019-834c125993a0', get description() { return l10n.t('read the service status and service apps'); } },
  'Ctl.RW': { key: 'Ctl.RW', name: 'BackupRestore-Control.ReadWrite.All', delegatedId: '96d46335-d92d-41b8-bc9f-273a692381ea', applicationId: 'fb240865-88f8-4a1d-923f-98dbc7920860', get description() { return l10n.t('enable the service and manage service apps'); } },
  'Cfg.R': { key: 'Cfg.R', name: 'BackupRestore-Configuration.Read.All', delegatedId: '444ed4b6-0554-4dc6-8e9c-3f9a34ee3ff6', applicationId: '5fbb5982-3230-4882-93c0-2167523ce0c2', get description() { return l10n.t('read protection policies, rules and units'); } },
  'Cfg.RW': { key: 'Cfg.RW', name: 'BackupRestore-Configuration.ReadWrite.All', delegatedId: 'a0244d16-171c-4496-8ffb-7b9b6954d339', applicationId: '18133149-5489-40ac-80f0-4b6fa85f6cdc', get description() { return l10n.t('manage protection policies, rules and units'); } },
  'Rst.R': { key: 'Rst.R', name: 'BackupRestore-Restore.Read.All', delegatedId: '94b36f78-434f-4904-8c08-421d9a9c1dc2', applicationId: '87853aa5-0372-4710-b34b-cef27bb7156e', get description() { return l10n.t('read restore sessions and their artifacts'); } },
  'Rst.RW': { key: 'Rst.RW', name: 'BackupRestore-Restore.ReadWrite.All', delegatedId: '9f89e109-94b9-4c9b-b4fc-98cdaa54f574', applicationId: 'bebd0841-a3d8-4313-a51d-731112c8ee41', get description() { return l10n.t('create, edit, activate and delete restore sessions; browse sessions'); } },
  'Srch.R': { key: 'Srch.R', name: 'BackupRestore-Search.Read.All', delegatedId: '2b24830f-f435-446f-ab5a-b1e70d9a2eb5', applicationId: 'f6135c51-c766-4be1-9638-ed90c2ed2443', get description() { return l10n.t('list and search restore points'); } },
  'Mon.R': { key: 'Mon.R', name: 'BackupRestore-Monitor.Read.All', delegatedId: 'b4e98de1-4600-4e90-b5e1-7c1dfef04e5c', applicationId: 'ecae8511-f2d7-4be4-bdbf-91f244d45986', get description() { return l10n.t('read activity logs'); } },
};

export const BACKUP_PERMISSION_NAMES: readonly string[] = Object.values(PERMISSIONS).map((p) => p.name);

export interface OperationRule {
  /** Stable id, e.g. `sessions.list`. */
  id: string;
  /** For people: "List restore sessions". */
  label: string;
  method: string;
  /** Path after `/solutions/backupRestore`, as a case-insensitive regular expression over `a/b/c` (no leading slash). */
  path: RegExp;
  /** Any one of these allows the call. */
  anyOf: readonly PermissionKey[];
  /** True for operations that only delegated (user) tokens may call. */
  delegatedOnly?: boolean;
}

/** A regular-expression alternative of literal names (never empty: an empty list matches nothing). */
const anyOfNames = (names: readonly string[]): string =>
  names.length ? `(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})` : '(?!)';
const navsOf = (pick: (w: Workload) => string | null | undefined): string[] =>
  WORKLOADS.map(pick).filter((n): n is string => typeof n === 'string');

const SESSIONS = anyOfNames(navsOf((w) => w.sessionCollection));
const STANDARD = anyOfNames(navsOf((w) => w.standardArtifacts.nav));
/** Granular artifacts found by a restore-point search (mailbox items) are readable with Restore.Read. */
const GRANULAR_SEARCH = anyOfNames(navsOf((w) => (w.granularArtifacts.source === 'search' ? w.granularArtifacts.nav : null)));
/** Granular artifacts picked in a browse session (files) have no read-only permission. */
const GRANULAR_BROWSE = anyOfNames(navsOf((w) => (w.granularArtifacts.source === 'browse' ? w.granularArtifacts.nav : null)));
const BULK = anyOfNames(navsOf((w) => w.bulkRequests.nav));
const BROWSE = anyOfNames(['browseSessions', ...navsOf((w) => w.browseSessions?.nav)]);
const POLICIES = anyOfNames(['protectionPolicies', ...navsOf((w) => w.policyCollection)]);
/** Units, and the tenant-wide lists of unit bulk addition jobs (Configuration scopes, like the policy paths). */
const UNITS = anyOfNames(['protectionUnits', ...navsOf((w) => w.protectionUnits.nav), ...navsOf((w) => w.unitBulkJobsNav)]);
const RULES = anyOfNames(navsOf((w) => w.inclusionRulesNav));
const SEG = '[^/]+';
const ACTIVATE = '(?:microsoft\\.graph\\.)?activate';

const rx = (body: string): RegExp => new RegExp(`^${body}$`, 'i');
const R: readonly PermissionKey[] = ['Rst.R', 'Rst.RW'];
const RW: readonly PermissionKey[] = ['Rst.RW'];
const SRCH: readonly PermissionKey[] = ['Srch.R'];
const CFG_R: readonly PermissionKey[] = ['Cfg.R', 'Cfg.RW'];
const CFG_RW: readonly PermissionKey[] = ['Cfg.RW'];
const CTL_R: readonly PermissionKey[] = ['Ctl.R', 'Ctl.RW'];
const CTL_RW: readonly PermissionKey[] = ['Ctl.RW'];

/** First match wins, so specific rows come before general ones. */
export const OPERATION_RULES: readonly OperationRule[] = [
  // §3.8 restore sessions
  { id: 'sessions.list', get label() { return l10n.t('List restore sessions'); }, method: 'GET', path: rx(`(?:restoreSessions|${SESSIONS})`), anyOf: R },
  { id: 'sessions.get', get label() { return l10n.t('Get a restore session'); }, method: 'GET', path: rx(`(?:restoreSessions|${SESSIONS})/${SEG}`), anyOf: R },
  { id: 'sessions.create', get label() { return l10n.t('Create a restore session'); }, method: 'POST', path: rx(SESSIONS), anyOf: RW },
  { id: 'sessions.update', get label() { return l10n.t('Add or remove artifacts of a draft session'); }, method: 'PATCH', path: rx(`(?:restoreSessions|${SESSIONS})/${SEG}`), anyOf: RW },
  { id: 'sessions.activate', get label() { return l10n.t('Activate a restore session'); }, method: 'POST', path: rx(`(?:restoreSessions|${SESSIONS})/${SEG}/${ACTIVATE}`), anyOf: RW },
  { id: 'sessions.deactivate', get label() { return l10n.t('Deactivate a restore session'); }, method: 'POST', path: rx(`(?:restoreSessions|${SESSIONS})/${SEG}/(?:microsoft\\.graph\\.)?deactivate`), anyOf: RW },
  { id: 'sessions.delete', get label() { return l10n.t('Delete a draft restore session'); }, method: 'DELETE', path: rx(`(?:restoreSessions|${SESSIONS})/${SEG}`), anyOf: RW },
  // §3.9 standard artifacts (and granular mailbox artifacts, Rst.R inferred)
  { id: 'artifacts.list', get label() { return l10n.t('List restore artifacts'); }, method: 'GET', path: rx(`${SESSIONS}/${SEG}/(?:${STANDARD}|${GRANULAR_SEARCH})(?:/${SEG}(?:/restorePoint)?)?`), anyOf: R },
  // §3.10 granular SharePoint/OneDrive artifacts: no read-only permission
  { id: 'artifacts.listGranular', get label() { return l10n.t('List granular site/drive artifacts'); }, method: 'GET', path: rx(`${SESSIONS}/${SEG}/${GRANULAR_BROWSE}(?:/${SEG})?`), anyOf: RW },
  // §3.11 bulk addition requests
  { id: 'bulk.list', get label() { return l10n.t('List or get bulk addition requests'); }, method: 'GET', path: rx(`${SESSIONS}/${SEG}/${BULK}(?:/${SEG})?`), anyOf: R },
  { id: 'bulk.create', get label() { return l10n.t('Create a bulk addition request'); }, method: 'POST', path: rx(`${SESSIONS}/${SEG}/${BULK}`), anyOf: RW },
  { id: 'bulk.delete', get label() { return l10n.t('Delete a bulk addition request'); }, method: 'DELETE', path: rx(`${SESSIONS}/${SEG}/${BULK}/${SEG}`), anyOf: RW },
  // §3.6 restore points
  { id: 'restorePoints.list', get label() { return l10n.t('List or get restore points'); }, method: 'GET', path: rx(`restorePoints(?:/${SEG})?`), anyOf: SRCH },
  { id: 'restorePoints.search', get label() { return l10n.t('Search restore points'); }, method: 'POST', path: rx('restorePoints/(?:microsoft\\.graph\\.)?search'), anyOf: SRCH },
  // §3.7 browse sessions: Rst.RW for everything, reads included
  { id: 'browse.any', get label() { return l10n.t('Create, read and browse browse sessions'); }, method: '*', path: rx(`${BROWSE}(?:/.*)?`), anyOf: RW },
  // §3.1 service root and apps
  { id: 'service.get', get label() { return l10n.t('Get the service status'); }, method: 'GET', path: rx(''), anyOf: CTL_R },
  { id: 'serviceApps.read', get label() { return l10n.t('List service apps'); }, method: 'GET', path: rx(`serviceApps(?:/${SEG})?`), anyOf: CTL_R },
  { id: 'service.enable', get label() { return l10n.t('Enable the service'); }, method: 'POST', path: rx('enable'), anyOf: CTL_RW },
  { id: 'serviceApps.activate', get label() { return l10n.t('Activate or deactivate a service app'); }, method: 'POST', path: rx(`serviceApps/${SEG}/(?:activate|deactivate)`), anyOf: CTL_RW, delegatedOnly: true },
  { id: 'serviceApps.write', get label() { return l10n.t('Register or delete service apps'); }, method: '*', path: rx(`serviceApps(?:/${SEG})?`), anyOf: CTL_RW },
  { id: 'notifications.any', get label() { return l10n.t('E-mail notification settings'); }, method: '*', path: rx('emailNotificationsSetting'), anyOf: CTL_RW },
  // §3.2-3.5 configuration: policies, rules, units
  { id: 'config.read', get label() { return l10n.t('Read protection policies, rules and units'); }, method: 'GET', path: rx(`(?:${POLICIES}|${UNITS}|${RULES})(?:/.*)?`), anyOf: CFG_R },
  { id: 'config.write', get label() { return l10n.t('Change protection policies, rules and units'); }, method: '*', path: rx(`(?:${POLICIES}|${UNITS}|${RULES})(?:/.*)?`), anyOf: CFG_RW },
  // §3.12 monitoring (beta)
  { id: 'monitor.read', get label() { return l10n.t('Read activity logs'); }, method: 'GET', path: rx('activityLogs(?:/.*)?'), anyOf: ['Mon.R'] },
  { id: 'reports.read', get label() { return l10n.t('Read backup reports'); }, method: 'GET', path: rx('reports/.*'), anyOf: CFG_R },
];

/** Anything not in the table: reads need a restore read permission, writes the read-write one. */
const FALLBACK_READ: OperationRule = { id: 'other.read', get label() { return l10n.t('Read other Backup Storage resources'); }, method: 'GET', path: /.*/, anyOf: R };
const FALLBACK_WRITE: OperationRule = { id: 'other.write', get label() { return l10n.t('Change other Backup Storage resources'); }, method: '*', path: /.*/, anyOf: RW };

/** The rule for a call; `path` is what follows `/solutions/backupRestore` (leading/trailing slashes ignored). */
export function ruleFor(method: string, path: string | readonly string[]): OperationRule {
  const m = method.toUpperCase();
  const p = (typeof path === 'string' ? path : path.join('/')).replace(/^\/+|\/+$/g, '').split('?')[0];
  const hit = OPERATION_RULES.find((r) => (r.method === m || r.method === '*' || (m === 'HEAD' && r.method === 'GET')) && r.path.test(p));
  return hit ?? (m === 'GET' || m === 'HEAD' ? FALLBACK_READ : FALLBACK_WRITE);
}

/** Permission name from a key. */
export const permissionName = (key: PermissionKey): string => PERMISSIONS[key].name;

/** The keys of the Backup Storage permissions among `granted` (names as they appear in `scp` or `roles`). */
export function backupPermissionsIn(granted: Iterable<string>): PermissionKey[] {
  const names = new Set([...granted].map((g) => g.toLowerCase()));
  return (Object.keys(PERMISSIONS) as PermissionKey[]).filter((k) => names.has(PERMISSIONS[k].name.toLowerCase()));
}

export interface PermissionCheck {
  allowed: boolean;
  rule: OperationRule;
  /** Names of the permissions that would allow the call (any one of them). */
  required: string[];
}

/** Does a token with these permissions (and this kind) allow the call? */
export function checkOperation(granted: Iterable<string>, kind: 'delegated' | 'application', method: string, path: string | readonly string[]): PermissionCheck {
  const rule = ruleFor(method, path);
  const have = new Set(backupPermissionsIn(granted));
  const allowed = rule.anyOf.some((k) => have.has(k)) && !(rule.delegatedOnly && kind === 'application');
  return { allowed, rule, required: rule.anyOf.map(permissionName) };
}

/** For each table row, whether these permissions allow it: what Check Permissions shows. */
export function describeAccess(granted: Iterable<string>, kind: 'delegated' | 'application'): { rule: OperationRule; allowed: boolean; required: string[] }[] {
  const have = new Set(backupPermissionsIn(granted));
  return OPERATION_RULES.map((rule) => ({
    rule,
    allowed: rule.anyOf.some((k) => have.has(k)) && !(rule.delegatedOnly && kind === 'application'),
    required: rule.anyOf.map(permissionName),
  }));
}
