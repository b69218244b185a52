// The beta shapes of Backup Storage answers (metadata/beta-backup-csdl.xml). Handlers build the v1.0 shapes;
// this pass runs on every answer and
// - on /beta adds the beta-only properties: units' backupRetentionPeriodInDays, billingPolicyId and
//   pendingRetentionPeriodChange, mailbox units' mailboxType, policies' billingPolicyId, offboardRequestedDateTime
//   and protectionMode, granular file artifacts' destinationType and error, browse items' createdBy /
//   createdDateTime / lastModifiedBy / lastModifiedDateTime;
// - keeps the beta-only enum members (restore point tag includeNewerItems, disableReason
//   controllerServiceAppDeleted, policy status offboardRequested / offboarded) out of v1.0 answers, whose schema has
//   no such member, and out of beta answers without `Prefer: include-unknown-enum-members` (in beta they come after
//   unknownFutureValue, so they are evolvable): both see `unknownFutureValue`;
// - keeps granular file artifacts' stored destinationType (beta only) out of v1.0 answers.
// A `$select` keeps its meaning: this pass adds beta-only properties only to answers without one. The handlers
// that honour `$select` (units, policies) accept the beta names of BETA_SELECTABLE on /beta and add the beta
// properties themselves (withBetaProperties) before projecting, so the answer holds exactly what was selected.
import type { IdentitySet } from '../../backup/model';
import { flagMembers, INCLUDE_NEWER_ITEMS_TAG } from '../../backup/model';
import { emailOf, PEOPLE, SHARED_MAILBOXES, TENANT } from '../catalog/directory';
import { pick, stableGuid } from '../catalog/hash';
import { RETENTION_SETTINGS } from '../catalog/policies';
import type { Reply, RequestContext } from './context';

const UNIT_TYPES = new Set(['mailboxProtectionUnit', 'siteProtectionUnit', 'driveProtectionUnit'].map((t) => `#microsoft.graph.${t}`));
const POLICY_TYPES = new Set(['exchangeProtectionPolicy', 'sharePointProtectionPolicy', 'oneDriveForBusinessProtectionPolicy'].map((t) => `#microsoft.graph.${t}`));
const GRANULAR_FILE_TYPES = new Set(['#microsoft.graph.granularSiteRestoreArtifact', '#microsoft.graph.granularDriveRestoreArtifact']);
const NEVER = '0001-01-01T00:00:00Z';
const DAY_MS = 24 * 3600 * 1000;
/** The tenant's one billing policy (the Azure subscription Backup Storage bills to). */
export const BILLING_POLICY_ID = stableGuid(`billing:${TENANT.id}`);
const SHARED_EMAILS = new Set(SHARED_MAILBOXES.map((m) => emailOf(m.alias).toLowerCase()));

/** Days an ISO 8601 period (P2W, P1Y, P30D) covers. */
function days(period: string): number {
  const m = /^P(\d+)([DWMY])$/.exec(period);
  if (!m) return 0;
  return Number(m[1]) * { D: 1, W: 7, M: 30, Y: 365 }[m[2] as 'D' | 'W' | 'M' | 'Y'];
}
/** Every policy keeps its longest retention setting's period: what a unit's backups are kept for. */
const RETENTION_DAYS = Math.max(...RETENTION_SETTINGS.map((r) => days(r.period ?? '')));

type Json = Record<string, unknown>;
type VersionContext = Pick<RequestContext, 'version' | 'includeUnknownEnums' | 'query' | 'nowMs'>;

/** The beta-only properties a `$select` may name on /beta, per entity (beta-backup-csdl.xml). */
export const BETA_SELECTABLE = {
  unit: ['backupRetentionPeriodInDays', 'billingPolicyId', 'pendingRetentionPeriodChange', 'mailboxType'],
  policy: ['billingPolicyId', 'offboardRequestedDateTime', 'protectionMode'],
} as const;

/** The properties a `$select` may name: the v1.0 ones, plus the entity's beta-only ones on /beta. */
export function selectable(ctx: Pick<RequestContext, 'version'>, entity: keyof typeof BETA_SELECTABLE, v1: readonly string[]): readonly string[] {
  return ctx.version === 'beta' ? [...v1, ...BETA_SELECTABLE[entity]] : v1;
}

/** The item with its beta-only properties on /beta (unchanged on v1.0): for handlers that project `$select`. */
export function withBetaProperties(ctx: Pick<RequestContext, 'version' | 'nowMs'>, item: Json): Json {
  if (ctx.version === 'beta') addBetaProperties(item, ctx.nowMs);
  return item;
}

/** A restore point's tags with the beta-only includeNewerItems flag added (once). */
export function withNewerItemsTag(tags: unknown): string {
  const flags = flagMembers(tags).filter((t) => t && t !== 'none');
  return [...flags.filter((t) => t !== INCLUDE_NEWER_ITEMS_TAG), INCLUDE_NEWER_ITEMS_TAG].join(',');
}

export function shapeForVersion(ctx: VersionContext, reply: Reply): Reply {
  if (reply.body === undefined || reply.body === null || typeof reply.body !== 'object') return reply;
  const beta = ctx.version === 'beta';
  const addProperties = beta && !ctx.query.has('$select');
  const keepMembers = beta && ctx.includeUnknownEnums;
  // Every answer passes here (a 999-item page too), so the walk allocates nothing for items it leaves alone.
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const child of value) if (child !== null && typeof child === 'object') visit(child);
      return;
    }
    const item = value as Json;
    if (!keepMembers && (typeof item.tags === 'string' || typeof item.disableReason === 'string' || typeof item.status === 'string')) hideBetaMembers(item);
    if (addProperties && (typeof item['@odata.type'] === 'string' || typeof item.itemKey === 'string')) addBetaProperties(item, ctx.nowMs);
    else if (!beta && 'destinationType' in item && GRANULAR_FILE_TYPES.has(item['@odata.type'] as string)) delete item.destinationType;
    for (const key in item) {
      const child = item[key];
      if (child !== null && typeof child === 'object') visit(child);
    }
  };
  // Replies are built per request from copies, so shaping them in place changes no stored record.
  visit(reply.body);
  return reply;
}

const TAG_MEMBERS = [INCLUDE_NEWER_ITEMS_TAG];
const DISABLE_REASON_MEMBERS = ['controllerServiceAppDeleted'];
const POLICY_STATUS_MEMBERS = ['offboardRequested', 'offboarded'];

function hideBetaMembers(item: Json): void {
  hideMembers(item, 'tags', TAG_MEMBERS);
  hideMembers(item, 'disableReason', DISABLE_REASON_MEMBERS);
  // A policy's status only: units have had offboarding members since v1.0.
  if (POLICY_TYPES.has(item['@odata.type'] as string)) hideMembers(item, 'status', POLICY_STATUS_MEMBERS);
}

function hideMembers(item: Json, property: string, members: readonly string[]): void {
  const value = item[property];
  if (typeof value !== 'string' || !members.some((m) => value.includes(m))) return;
  // `tags` is a flags enum: a beta-only flag alone reads as unknownFutureValue, beside others it is dropped.
  const parts = flagMembers(value);
  const kept = parts.filter((p) => !members.includes(p));
  if (kept.length === parts.length) return;
  item[property] = kept.length ? kept.join(',') : 'unknownFutureValue';
}

function addBetaProperties(item: Json, nowMs: number): void {
  const type = typeof item['@odata.type'] === 'string' ? item['@odata.type'] : '';
  if (UNIT_TYPES.has(type)) {
    Object.assign(item, {
      backupRetentionPeriodInDays: RETENTION_DAYS,
      billingPolicyId: BILLING_POLICY_ID,
      pendingRetentionPeriodChange: { effectiveFromDateTime: null, status: 'none', targetRetentionPeriodInDays: null },
    });
    if (type === '#microsoft.graph.mailboxProtectionUnit') {
      item.mailboxType = typeof item.email === 'string' && SHARED_EMAILS.has(item.email.toLowerCase()) ? 'shared' : 'user';
    }
  } else if (POLICY_TYPES.has(type)) {
    Object.assign(item, {
      billingPolicyId: BILLING_POLICY_ID,
      offboardRequestedDateTime: item.status === 'offboardRequested' || item.status === 'offboarded' ? item.lastModifiedDateTime ?? NEVER : NEVER,
      protectionMode: 'standard',
    });
  } else if (GRANULAR_FILE_TYPES.has(type)) {
    // The destination the caller chose on /beta, else in place (lifecycle.ts); a failed one names why, as
    // standard artifacts do.
    Object.assign(item, {
      destinationType: item.destinationType ?? 'inPlace',
      error: item.status === 'failed' ? { code: 'ItemRestoreFailed', message: 'The item could not be restored to its original folder.' } : null,
    });
  } else if (isBrowseItem(item)) {
    Object.assign(item, browseItemHistory(String(item.itemKey), nowMs));
  }
}

function isBrowseItem(item: Json): boolean {
  return typeof item.itemKey === 'string' && typeof item.name === 'string' && 'itemsCount' in item && !('@odata.type' in item);
}

/** Who made and last changed a browsed item, and when: stable per item, within the last two years. */
function browseItemHistory(itemKey: string, nowMs: number): Json {
  const person = (salt: string): IdentitySet => {
    const p = PEOPLE[pick(`${salt}:${itemKey}`, 0, PEOPLE.length - 1)];
    return { user: { id: stableGuid(`user:${p.alias}`), displayName: p.displayName, email: emailOf(p.alias) } } as IdentitySet;
  };
  const createdMs = Math.floor(nowMs / DAY_MS) * DAY_MS - pick(`created:${itemKey}`, 30, 730) * DAY_MS;
  const modifiedMs = createdMs + pick(`modified:${itemKey}`, 0, 29) * DAY_MS;
  return {
    createdBy: person('createdBy'),
    createdDateTime: new Date(createdMs).toISOString(),
    lastModifiedBy: person('lastModifiedBy'),
    lastModifiedDateTime: new Date(modifiedMs).toISOString(),
  };
}
