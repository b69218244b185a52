// The protection state a fresh emulator starts with: the catalog's three policies and their units, plus what
// makes a Protection view worth looking at: a policy in every status (Exchange `updating` while a few changes
// are applied, SharePoint `activeWithErrors` because one site's backup failed, OneDrive `active`, two inactive
// ones), units in every status (offboarded, offboarding, cancelled offboarding, removal and unprotection
// requested), inclusion rules, and bulk addition jobs (one with failed rows). Existing units keep their ids,
// names and restore points; the extra units are mailboxes the catalog leaves outside every policy.
import type { IdentitySet, PublicError, WorkloadId } from '../../backup/model';
import { odataType, workload as workloadOf } from '../../backup/model';
import { NEVER } from '../protection/store';
import type { JobRecord, PolicyRecord, ProtectionState, RuleRecord, UnitState } from '../protection/types';
import type { SeededCatalog } from './catalog';
import { emailOf, SITES, siteUrlOf } from './directory';
import { stableGuid } from './hash';
import { ACTORS } from './identities';
import { policyIdOf, RETENTION_SETTINGS } from './policies';
import { seedNotifications, seedServiceApps, seedServiceStatus } from './seedService';
import { DAY_MS, HOUR_MS, iso, MINUTE_MS } from './time';
import type { SeedName } from './types';
import type { UnitRecord } from './units';

/** Seeded requests are a large change still being applied: they settle six hours after the seed. */
const SEED_PENDING_MS = 6 * HOUR_MS;

interface UnitChange {
  status?: 'removeRequested' | 'unprotectRequested' | 'cancelOffboardRequested';
  minutesAgo?: number;
  /** Backups stopped this many days ago. */
  stoppedDaysAgo?: number;
  offboardRequestedDaysAgo?: number;
  error?: PublicError;
  settleNow?: boolean;
}

/** Changes to catalog units, keyed `<workload>:<key>`. */
const UNIT_CHANGES: Record<string, UnitChange> = {
  'oneDrive:noraq': { settleNow: true },
  'exchange:ivanp': { status: 'removeRequested', minutesAgo: 5 },
  'exchange:gabrielr': { status: 'unprotectRequested', minutesAgo: 5 },
  'exchange:juliab': { status: 'cancelOffboardRequested', minutesAgo: 20, stoppedDaysAgo: 60, offboardRequestedDaysAgo: 2 },
  'sharePoint:Benefits': { error: { code: 'UnknownError', message: 'The last backup of this site did not complete; it is retried with the next backup.' } },
};

const finite = (ms: number) => (Number.isFinite(ms) ? ms : null);

function fromCatalog(record: UnitRecord, anchorMs: number): UnitState {
  const state: UnitState = {
    workload: record.workload, resourceId: record.resourceId, unit: record.unit,
    backupStartMs: finite(record.backupStartMs), backupEndMs: finite(record.backupEndMs), pastWindows: [],
  };
  if (record.unit.status === 'protectRequested') state.settlesAtMs = anchorMs + SEED_PENDING_MS;
  const change = UNIT_CHANGES[`${record.workload}:${record.key}`];
  if (!change) return state;
  if (change.settleNow) state.settlesAtMs = anchorMs - MINUTE_MS;
  if (change.error) state.unit.error = change.error;
  if (change.status) {
    const at = anchorMs - (change.minutesAgo ?? 0) * MINUTE_MS;
    Object.assign(state.unit, { status: change.status, lastModifiedBy: ACTORS.meganInAdminCenter(), lastModifiedDateTime: iso(at) });
    state.settlesAtMs = anchorMs + SEED_PENDING_MS;
  }
  if (change.stoppedDaysAgo !== undefined) state.backupEndMs = anchorMs - change.stoppedDaysAgo * DAY_MS;
  if (change.offboardRequestedDaysAgo !== undefined) state.unit.offboardRequestedDateTime = iso(anchorMs - change.offboardRequestedDaysAgo * DAY_MS);
  return state;
}

interface ExtraUnit {
  workload: WorkloadId;
  alias: string;
  policyId: string;
  status: 'offboarded' | 'offboardRequested' | 'unprotected';
  window?: [number, number];
  offboardRequestedDaysAgo?: number;
}

const DRAFT_EXCHANGE = stableGuid('policy:exchange:newhires');
const PAUSED_ONEDRIVE = stableGuid('policy:oneDrive:contractors');

const EXTRA_UNITS: readonly ExtraUnit[] = [
  { workload: 'exchange', alias: 'mateoa', policyId: policyIdOf('exchange'), status: 'offboarded', window: [400, 200], offboardRequestedDaysAgo: 190 },
  { workload: 'exchange', alias: 'omarh', policyId: policyIdOf('exchange'), status: 'offboardRequested', window: [300, 30], offboardRequestedDaysAgo: 1 },
  { workload: 'exchange', alias: 'kenjit', policyId: DRAFT_EXCHANGE, status: 'unprotected' },
  { workload: 'exchange', alias: 'lauran', policyId: DRAFT_EXCHANGE, status: 'unprotected' },
];

function extraUnit(catalog: SeededCatalog, extra: ExtraUnit, anchorMs: number): UnitState | undefined {
  const seed = catalog.resource(extra.workload, emailOf(extra.alias));
  const record = seed && catalog.addUnit(extra.workload, seed.resourceId, stableGuid(`unit:${extra.workload}:${extra.alias}`));
  if (!seed || !record) return undefined;
  const created = anchorMs - (extra.window?.[0] ?? 3) * DAY_MS;
  const modified = extra.offboardRequestedDaysAgo !== undefined ? anchorMs - extra.offboardRequestedDaysAgo * DAY_MS : created;
  Object.assign(record.unit, {
    policyId: extra.policyId, status: extra.status, protectionSources: 'manual', error: null,
    createdBy: ACTORS.meganInAdminCenter(), createdDateTime: iso(created), lastModifiedBy: ACTORS.meganInAdminCenter(), lastModifiedDateTime: iso(modified),
    offboardRequestedDateTime: extra.offboardRequestedDaysAgo === undefined ? NEVER : iso(modified),
  });
  return {
    workload: extra.workload, resourceId: seed.resourceId, unit: record.unit, pastWindows: [],
    backupStartMs: extra.window ? anchorMs - extra.window[0] * DAY_MS : null,
    backupEndMs: extra.window ? anchorMs - extra.window[1] * DAY_MS : null,
    settlesAtMs: extra.status === 'offboardRequested' ? anchorMs + SEED_PENDING_MS : undefined,
  };
}

function policies(catalog: SeededCatalog, anchorMs: number): PolicyRecord[] {
  const existing = catalog.policies().map((policy, index): PolicyRecord => ({
    workload: (['exchange', 'sharePoint', 'oneDrive'] as const)[index], policy: { ...policy, isEnabled: true },
  }));
  const inactive = (workload: WorkloadId, id: string, displayName: string, daysAgo: number): PolicyRecord => ({
    workload,
    policy: {
      '@odata.type': odataType(workloadOf(workload).policyType), id, displayName, isEnabled: false, status: 'inactive',
      retentionSettings: RETENTION_SETTINGS.map((r) => ({ ...r })), protectionPolicyArtifactCount: null,
      createdBy: ACTORS.leeInConsole(), createdDateTime: iso(anchorMs - daysAgo * DAY_MS),
      lastModifiedBy: ACTORS.leeInConsole(), lastModifiedDateTime: iso(anchorMs - daysAgo * DAY_MS + HOUR_MS),
    },
  });
  return [
    ...existing,
    inactive('exchange', DRAFT_EXCHANGE, 'Exchange - new hires (not active yet)', 3),
    inactive('oneDrive', PAUSED_ONEDRIVE, 'OneDrive - contractors (paused)', 200),
  ];
}

const by = (): IdentitySet => ACTORS.meganInAdminCenter();
const stamp = (ms: number) => ({ createdBy: by(), createdDateTime: iso(ms), lastModifiedBy: by(), lastModifiedDateTime: iso(ms + 5 * MINUTE_MS) });

function rules(anchorMs: number): RuleRecord[] {
  const sites = SITES.filter((s) => ['Marketing', 'Sales'].includes(s.path)).map((s) => `'${siteUrlOf(s)}'`).join(', ');
  const unknownGroup = stableGuid('group:contractors');
  return [
    { workload: 'sharePoint', policyId: policyIdOf('sharePoint'), rule: {
      '@odata.type': '#microsoft.graph.siteProtectionRule', id: stableGuid('rule:sharePoint:departments'), status: 'completed', isAutoApplyEnabled: false,
      error: null, siteExpression: `(siteWebUrl -in [${sites}])`, ...stamp(anchorMs - 428 * DAY_MS),
    } },
    { workload: 'oneDrive', policyId: PAUSED_ONEDRIVE, rule: {
      '@odata.type': '#microsoft.graph.driveProtectionRule', id: stableGuid('rule:oneDrive:contractors'), status: 'completedWithErrors', isAutoApplyEnabled: true,
      error: { code: 'ResourceResolutionFailed', message: '1 of 1 resources of the expression could not be added.', details: [{ code: 'ProtectionUnitNotFound', message: `No group '${unknownGroup}' was found in the directory.`, target: unknownGroup }] },
      driveExpression: `(memberOf -any (group.id -in ['${unknownGroup}']))`, ...stamp(anchorMs - 199 * DAY_MS),
    } },
  ];
}

function jobs(anchorMs: number): JobRecord[] {
  const unknown = 'contractor.temp@contoso.onmicrosoft.com';
  return [
    { workload: 'exchange', policyId: policyIdOf('exchange'), job: {
      '@odata.type': '#microsoft.graph.mailboxProtectionUnitsBulkAdditionJob', id: stableGuid('job:exchange:sales'), displayName: 'Sales team mailboxes',
      status: 'completedWithErrors', mailboxes: [emailOf('priyar'), unknown, emailOf('noraq')], directoryObjectIds: [],
      error: { code: 'ResourceResolutionFailed', message: '2 of 3 rows could not be added.', details: [
        { code: 'ProtectionUnitAlreadyExists', message: 'Priya Raman is not eligible for protection because it is already protected under this policy.', target: emailOf('priyar') },
        { code: 'ProtectionUnitNotFound', message: `No mailbox '${unknown}' was found in the directory.`, target: unknown },
      ] },
      ...stamp(anchorMs - 9 * DAY_MS),
    } },
    { workload: 'sharePoint', policyId: policyIdOf('sharePoint'), job: {
      '@odata.type': '#microsoft.graph.siteProtectionUnitsBulkAdditionJob', id: stableGuid('job:sharePoint:events'), displayName: 'Events and Benefits sites',
      status: 'completed', siteWebUrls: SITES.filter((s) => ['Events', 'Benefits'].includes(s.path)).map(siteUrlOf), siteIds: [], error: null,
      ...stamp(anchorMs - 90 * DAY_MS),
    } },
  ];
}

/** The protection state of a fresh seed; the catalog gets the extra units' records as a side effect. */
export function buildProtectionState(catalog: SeededCatalog, seed: SeedName, anchorMs: number): ProtectionState {
  const units = catalog.tenant.records.map((r) => fromCatalog(r, anchorMs));
  for (const extra of EXTRA_UNITS) {
    const state = extraUnit(catalog, extra, anchorMs);
    if (state) units.push(state);
  }
  return {
    service: seedServiceStatus(seed, anchorMs),
    serviceApps: seedServiceApps(seed, anchorMs),
    notifications: seedNotifications(seed),
    policies: policies(catalog, anchorMs),
    units,
    rules: rules(anchorMs),
    jobs: jobs(anchorMs),
  };
}
