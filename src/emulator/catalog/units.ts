// Protection units of the demo tenant, built once from the directory: one mailboxProtectionUnit per protected
// mailbox, one siteProtectionUnit per site, one driveProtectionUnit per OneDrive. Besides the Graph entity each
// record keeps what the rest of the catalog needs: the window in which backups were taken (restore points exist
// only inside it) and the URL the browse tree hangs under.
//
// Deleted users: Entra ID no longer resolves them, so (as the docs put it) "backups of deleted users remain
// restorable but the user shows up empty": the unit keeps its id, directoryObjectId and status, `displayName` and
// `email` are null, `lastModifiedDateTime` is the deletion time, and no restore points are taken after it.
import {
  odataType, WORKLOAD_IDS, workload as workloadOf, type IdentitySet, type ProtectionUnit, type ProtectionUnitStatus, type WorkloadId,
} from '../../backup/model';
import { emailOf, oneDriveUrlOf, PEOPLE, SHARED_MAILBOXES, SITES, siteUrlOf, TENANT, type SiteDef } from './directory';
import { pick, stableGuid } from './hash';
import { ACTORS, userObjectId } from './identities';
import { POLICY_AGE_DAYS, policyIdOf } from './policies';
import { DAY_MS, iso, MINUTE_MS } from './time';

export interface UnitRecord {
  workload: WorkloadId;
  /** Seed key: the person's or shared mailbox's alias, or the site's URL segment (`root` for the root site). */
  key: string;
  unit: ProtectionUnit;
  /** directoryObjectId or siteId. */
  resourceId: string;
  /** SMTP address / owner e-mail / site URL; absent for deleted users, whose address no longer resolves. */
  address?: string;
  /** Name for messages and seeded sessions, kept even when the directory no longer has it. */
  label: string;
  /** Root of the browse tree: the site URL, or the OneDrive's personal site URL. */
  webUrl: string;
  /** `site,web` GUID pair of the (personal) site, the first two parts of every browse item key. */
  siteKey: string;
  /** Restore points are taken from here (the first backup, shortly after protection starts)... */
  backupStartMs: number;
  /** ...until here (deletion or unprotection); Infinity while backups run. */
  backupEndMs: number;
  /** Earlier backup windows, closed, newest first: a unit protected again after a pause has a gap between them. */
  pastWindows?: { startMs: number; endMs: number }[];
}

/** "Never requested", as the documented unit examples show it. */
const NEVER = '0001-01-01T00:00:00Z';
/** First backup of a newly protected unit lands within about 15 minutes (docs: ~15 min per 1,000 units). */
const FIRST_BACKUP_DELAY_MS = 15 * MINUTE_MS;

interface StatusOverride {
  status: ProtectionUnitStatus;
  /** When the change happened, before the anchor. */
  minutesAgo: number;
}

/** The units that are not simply `protected`. Keys are `<workload>:<alias or site path>`. */
const STATUS_OVERRIDES: Record<string, StatusOverride> = {
  // New hire, just added: the policy change has not been applied yet, so there is nothing to restore.
  'exchange:noraq': { status: 'protectRequested', minutesAgo: 6 },
  'oneDrive:noraq': { status: 'protectRequested', minutesAgo: 6 },
  'sharePoint:PartnerPortal': { status: 'protectRequested', minutesAgo: 8 },
  // Removed from protection: no new backups, existing restore points stay until they expire.
  'exchange:alans': { status: 'unprotected', minutesAgo: 40 * 24 * 60 },
  'oneDrive:danj': { status: 'unprotected', minutesAgo: 25 * 24 * 60 },
  'sharePoint:Archive2023': { status: 'unprotected', minutesAgo: 120 * 24 * 60 },
};

/** How each unit came under protection; a flags value. Most were picked by hand, some by a dynamic rule. */
function protectionSourcesOf(key: string): string {
  const bucket = pick(`sources:${key}`, 0, 19);
  return bucket < 12 ? 'manual' : bucket < 18 ? 'dynamicRule' : 'manual,dynamicRule';
}

/**
 * Units that joined their policy after it was created, in days before the anchor; their restore points start
 * then. Everyone else joined in the first days of the policy, so they have the full year of weekly points.
 */
const LATE_JOINERS: Record<string, number> = {
  'exchange:priyar': 9,
  'exchange:hanas': 200,
  'sharePoint:Events': 90,
  'sharePoint:Benefits': 30,
  'oneDrive:kenjit': 5,
  'oneDrive:elenai': 60,
  'oneDrive:sofial': 150,
};

function createdDaysAgoOf(key: string): number {
  return LATE_JOINERS[key] ?? POLICY_AGE_DAYS - pick(`age:${key}`, 1, 3);
}

export interface UnitSeed {
  workload: WorkloadId;
  key: string;
  label: string;
  resourceId: string;
  address: string;
  webUrl: string;
  siteKey: string;
  /** Entity properties specific to the unit type. */
  fields: (deleted: boolean) => Record<string, unknown>;
  deletedDaysAgo?: number;
}

export function buildRecord(seed: UnitSeed, anchorMs: number): UnitRecord {
  const override = STATUS_OVERRIDES[`${seed.workload}:${seed.key}`];
  const createdMs = override?.status === 'protectRequested'
    ? anchorMs - override.minutesAgo * MINUTE_MS
    : anchorMs - createdDaysAgoOf(`${seed.workload}:${seed.key}`) * DAY_MS - pick(`min:${seed.key}`, 0, 600) * MINUTE_MS;
  const deletedMs = seed.deletedDaysAgo === undefined ? undefined : anchorMs - seed.deletedDaysAgo * DAY_MS - 97 * MINUTE_MS;
  const changedMs = override && override.status !== 'protectRequested' ? anchorMs - override.minutesAgo * MINUTE_MS : undefined;
  const status: ProtectionUnitStatus = override?.status ?? 'protected';
  const creator: IdentitySet = ACTORS.meganInAdminCenter();
  const lastModifiedMs = deletedMs ?? changedMs ?? createdMs + FIRST_BACKUP_DELAY_MS;
  const w = workloadOf(seed.workload);
  const unit = {
    '@odata.type': odataType(w.protectionUnits.type),
    id: stableGuid(`unit:${seed.workload}:${seed.key}`),
    policyId: policyIdOf(seed.workload),
    protectionSources: protectionSourcesOf(`${seed.workload}:${seed.key}`),
    status,
    ...seed.fields(deletedMs !== undefined),
    createdBy: creator,
    createdDateTime: iso(createdMs),
    lastModifiedBy: deletedMs !== undefined ? ACTORS.automation() : creator,
    lastModifiedDateTime: iso(lastModifiedMs),
    offboardRequestedDateTime: NEVER,
    error: null,
  } as ProtectionUnit;
  return {
    workload: seed.workload,
    key: seed.key,
    unit,
    resourceId: seed.resourceId,
    address: deletedMs === undefined ? seed.address : undefined,
    label: seed.label,
    webUrl: seed.webUrl,
    siteKey: seed.siteKey,
    backupStartMs: status === 'protectRequested' ? Infinity : createdMs + FIRST_BACKUP_DELAY_MS,
    backupEndMs: deletedMs ?? changedMs ?? Infinity,
  };
}

const siteKeyOf = (name: string) => `${stableGuid(`site:${name}`)},${stableGuid(`web:${name}`)}`;

function personFields(directoryObjectId: string, displayName: string, email: string) {
  return (deleted: boolean) => ({ directoryObjectId, displayName: deleted ? null : displayName, email: deleted ? null : email });
}

function mailboxSeeds(includeUnprotected = false): UnitSeed[] {
  const people = PEOPLE.filter((p) => includeUnprotected || p.mailboxProtected !== false).map((p) => ({ ...p, objectId: userObjectId(p.alias) }));
  const shared = SHARED_MAILBOXES.map((m) => ({ ...m, deletedDaysAgo: undefined, objectId: stableGuid(`shared:${m.alias}`) }));
  return [...people, ...shared].map((m) => ({
    workload: 'exchange',
    key: m.alias,
    label: m.displayName,
    resourceId: m.objectId,
    address: emailOf(m.alias),
    webUrl: '',
    siteKey: '',
    fields: personFields(m.objectId, m.displayName, emailOf(m.alias)),
    deletedDaysAgo: m.deletedDaysAgo,
  }));
}

function siteSeeds(): UnitSeed[] {
  return SITES.map((s: SiteDef) => {
    const siteKey = siteKeyOf(s.path || 'root');
    const siteId = `${TENANT.sharePointHost},${siteKey}`;
    return {
      workload: 'sharePoint',
      key: s.path || 'root',
      label: s.name,
      resourceId: siteId,
      address: siteUrlOf(s),
      webUrl: siteUrlOf(s),
      siteKey,
      fields: () => ({ siteId, siteName: s.name, siteWebUrl: siteUrlOf(s) }),
    };
  });
}

function driveSeeds(): UnitSeed[] {
  return PEOPLE.map((p) => ({
    workload: 'oneDrive',
    key: p.alias,
    label: p.displayName,
    resourceId: userObjectId(p.alias),
    address: emailOf(p.alias),
    webUrl: oneDriveUrlOf(p.alias),
    siteKey: siteKeyOf(`personal:${p.alias}`),
    fields: personFields(userObjectId(p.alias), p.displayName, emailOf(p.alias)),
    deletedDaysAgo: p.deletedDaysAgo,
  }));
}

/** The seed units of each workload: a new workload in the table does not compile until it has an entry here. */
const SEEDS_BY_WORKLOAD: Record<WorkloadId, () => UnitSeed[]> = { exchange: mailboxSeeds, sharePoint: siteSeeds, oneDrive: driveSeeds };

/** Every unit of the tenant, workloads in table order (exchange, sharePoint, oneDrive), directory order within. */
export function buildUnits(anchorMs: number): UnitRecord[] {
  return WORKLOAD_IDS.flatMap((id) => SEEDS_BY_WORKLOAD[id]()).map((seed) => buildRecord(seed, anchorMs));
}

/**
 * Every resource of the directory a policy could protect in a workload, including the mailboxes the seed leaves
 * outside every policy: what a policy create, an `@delta` add or a bulk addition job resolves names against.
 */
export function resourceSeeds(workload: WorkloadId): UnitSeed[] {
  return workload === 'exchange' ? mailboxSeeds(true) : SEEDS_BY_WORKLOAD[workload]();
}

/** Key under which `unitByResource` finds a unit: ids and addresses are compared case-insensitively. */
export const resourceKey = (workload: WorkloadId, resource: string) => `${workload}|${resource.trim().replace(/\/+$/, '').toLowerCase()}`;
