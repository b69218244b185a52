// The one workload table. Exchange, SharePoint and OneDrive restore sessions have the same shape; everything
// that differs between them (paths, type names, navigation names, identifying fields, labels, the emulator's
// seed traits) lives here, so the API facade, the emulator and the UI each have one code path driven by this
// table. The workload id type, WORKLOAD_IDS and the permission patterns (permissions.ts) derive from it;
// docs/adding-a-workload.md says what a new entry takes.
import { l10n } from '../l10n';

/** How a granular artifact is addressed: Exchange items come from a restore-point search, files from a browse session. */
export type GranularSource = 'search' | 'browse';

export interface NavigationSpec {
  /** Navigation property on the session, and path segment under it. */
  nav: string;
  /** Fully qualified type name without `#`. */
  type: string;
}

/** Where a workload's content lives, for the emulator's seed data: mailbox folders, or team or personal sites. */
export type ContentHost = 'mailbox' | 'teamSites' | 'personalSites';

/** One row of the table, before its id is narrowed to the ids the table holds. */
interface WorkloadSpec {
  id: string;
  label: string;
  /** Label of one protected resource: "mailbox", "site", "OneDrive". */
  unitLabel: string;
  unitLabelPlural: string;
  /** Codicon shown for the workload. */
  icon: string;

  /** Collection under /solutions/backupRestore, e.g. `exchangeRestoreSessions`. */
  sessionCollection: string;
  sessionType: string;

  standardArtifacts: NavigationSpec;
  granularArtifacts: NavigationSpec & { source: GranularSource };
  bulkRequests: NavigationSpec & {
    /** Property holding human-readable resources (SMTP addresses or site URLs). */
    resourceField: 'mailboxes' | 'drives' | 'siteWebUrls';
    /** Property holding directory or site ids. */
    idField: 'directoryObjectIds' | 'siteIds';
  };

  protectionUnits: NavigationSpec & {
    /** The id the service knows the resource by: `directoryObjectId` or `siteId`. */
    resourceIdField: 'directoryObjectId' | 'siteId';
    nameField: 'displayName' | 'siteName';
    addressField: 'email' | 'siteWebUrl';
  };
  policyCollection: string;
  policyType: string;
  /** Navigation on a protection policy that lists its inclusion rules, e.g. `mailboxInclusionRules`. */
  inclusionRulesNav: string;
  /** Navigation listing unit bulk-addition jobs, on a policy and tenant-wide, e.g. `mailboxProtectionUnitsBulkAdditionJobs`. */
  unitBulkJobsNav: string;

  /** Browse sessions exist only for file workloads. */
  browseSessions: (NavigationSpec & { ownerField: 'siteId' | 'directoryObjectId' }) | null;

  /** What "new location" means for this workload, in words for a person. */
  newLocation: string;
  /** Where a restored standard artifact says it landed. */
  restoredLocation: { nameField: 'restoredFolderName' | 'restoredSiteName'; urlField: 'restoredSiteWebUrl' | null };

  /** Emulator seed traits: where content lives (restored folders vs sites, the personal-site host, item counts). */
  contentHost: ContentHost;
}

const ns = 'microsoft.graph.';

const WORKLOAD_TABLE = [
  {
    id: 'exchange',
    label: 'Exchange',
    get unitLabel() { return l10n.t('mailbox'); },
    get unitLabelPlural() { return l10n.t('mailboxes'); },
    icon: 'mail',
    sessionCollection: 'exchangeRestoreSessions',
    sessionType: ns + 'exchangeRestoreSession',
    standardArtifacts: { nav: 'mailboxRestoreArtifacts', type: ns + 'mailboxRestoreArtifact' },
    granularArtifacts: { nav: 'granularMailboxRestoreArtifacts', type: ns + 'granularMailboxRestoreArtifact', source: 'search' },
    bulkRequests: {
      nav: 'mailboxRestoreArtifactsBulkAdditionRequests',
      type: ns + 'mailboxRestoreArtifactsBulkAdditionRequest',
      resourceField: 'mailboxes',
      idField: 'directoryObjectIds',
    },
    protectionUnits: {
      nav: 'mailboxProtectionUnits',
      type: ns + 'mailboxProtectionUnit',
      resourceIdField: 'directoryObjectId',
      nameField: 'displayName',
      addressField: 'email',
    },
    policyCollection: 'exchangeProtectionPolicies',
    policyType: ns + 'exchangeProtectionPolicy',
    inclusionRulesNav: 'mailboxInclusionRules',
    unitBulkJobsNav: 'mailboxProtectionUnitsBulkAdditionJobs',
    browseSessions: null,
    get newLocation() { return l10n.t('a new folder in each mailbox'); },
    restoredLocation: { nameField: 'restoredFolderName', urlField: null },
    contentHost: 'mailbox',
  },
  {
    id: 'sharePoint',
    label: 'SharePoint',
    get unitLabel() { return l10n.t('site'); },
    get unitLabelPlural() { return l10n.t('sites'); },
    icon: 'globe',
    sessionCollection: 'sharePointRestoreSessions',
    sessionType: ns + 'sharePointRestoreSession',
    standardArtifacts: { nav: 'siteRestoreArtifacts', type: ns + 'siteRestoreArtifact' },
    granularArtifacts: { nav: 'granularSiteRestoreArtifacts', type: ns + 'granularSiteRestoreArtifact', source: 'browse' },
    bulkRequests: {
      nav: 'siteRestoreArtifactsBulkAdditionRequests',
      type: ns + 'siteRestoreArtifactsBulkAdditionRequest',
      resourceField: 'siteWebUrls',
      idField: 'siteIds',
    },
    protectionUnits: {
      nav: 'siteProtectionUnits',
      type: ns + 'siteProtectionUnit',
      resourceIdField: 'siteId',
      nameField: 'siteName',
      addressField: 'siteWebUrl',
    },
    policyCollection: 'sharePointProtectionPolicies',
    policyType: ns + 'sharePointProtectionPolicy',
    inclusionRulesNav: 'siteInclusionRules',
    unitBulkJobsNav: 'siteProtectionUnitsBulkAdditionJobs',
    browseSessions: { nav: 'sharePointBrowseSessions', type: ns + 'sharePointBrowseSession', ownerField: 'siteId' },
    get newLocation() { return l10n.t('a new site for each restored site'); },
    restoredLocation: { nameField: 'restoredSiteName', urlField: 'restoredSiteWebUrl' },
    contentHost: 'teamSites',
  },
  {
    id: 'oneDrive',
    label: 'OneDrive',
    get unitLabel() { return l10n.t('OneDrive'); },
    get unitLabelPlural() { return l10n.t('OneDrives'); },
    icon: 'cloud',
    sessionCollection: 'oneDriveForBusinessRestoreSessions',
    sessionType: ns + 'oneDriveForBusinessRestoreSession',
    standardArtifacts: { nav: 'driveRestoreArtifacts', type: ns + 'driveRestoreArtifact' },
    granularArtifacts: { nav: 'granularDriveRestoreArtifacts', type: ns + 'granularDriveRestoreArtifact', source: 'browse' },
    bulkRequests: {
      nav: 'driveRestoreArtifactsBulkAdditionRequests',
      type: ns + 'driveRestoreArtifactsBulkAdditionRequest',
      resourceField: 'drives',
      idField: 'directoryObjectIds',
    },
    protectionUnits: {
      nav: 'driveProtectionUnits',
      type: ns + 'driveProtectionUnit',
      resourceIdField: 'directoryObjectId',
      nameField: 'displayName',
      addressField: 'email',
    },
    policyCollection: 'oneDriveForBusinessProtectionPolicies',
    policyType: ns + 'oneDriveForBusinessProtectionPolicy',
    inclusionRulesNav: 'driveInclusionRules',
    unitBulkJobsNav: 'driveProtectionUnitsBulkAdditionJobs',
    browseSessions: { nav: 'oneDriveForBusinessBrowseSessions', type: ns + 'oneDriveForBusinessBrowseSession', ownerField: 'directoryObjectId' },
    get newLocation() { return l10n.t('a new site for each restored OneDrive'); },
    restoredLocation: { nameField: 'restoredSiteName', urlField: 'restoredSiteWebUrl' },
    contentHost: 'personalSites',
  },
] as const satisfies readonly WorkloadSpec[];

/** `exchange | sharePoint | oneDrive`: the ids the table holds. */
export type WorkloadId = (typeof WORKLOAD_TABLE)[number]['id'];

export interface Workload extends WorkloadSpec {
  id: WorkloadId;
}

export const WORKLOADS: readonly Workload[] = WORKLOAD_TABLE;

/** The workload ids in table order, for validators and messages. */
export const WORKLOAD_IDS: readonly WorkloadId[] = WORKLOADS.map((w) => w.id);

const byId = new Map(WORKLOADS.map((w) => [w.id, w]));

export function workload(id: WorkloadId): Workload {
  const found = byId.get(id);
  if (!found) throw new Error(`Unknown workload: ${id}`);
  return found;
}

export function isWorkloadId(value: unknown): value is WorkloadId {
  return typeof value === 'string' && byId.has(value as WorkloadId);
}

/** The workload of a session collection segment; matched case-insensitively (the docs also write `sharepointRestoreSessions`). */
export function workloadBySessionCollection(segment: string): Workload | undefined {
  const lower = segment.toLowerCase();
  return WORKLOADS.find((w) => w.sessionCollection.toLowerCase() === lower);
}

/** The workload of an `@odata.type` such as `#microsoft.graph.exchangeRestoreSession` (any casing, with or without `#`). */
export function workloadBySessionType(odataType: string | undefined): Workload | undefined {
  if (!odataType) return undefined;
  const lower = odataType.replace(/^#/, '').toLowerCase();
  return WORKLOADS.find((w) => w.sessionType.toLowerCase() === lower);
}

/** The workload that owns a protection-unit type. */
export function workloadByUnitType(odataType: string | undefined): Workload | undefined {
  if (!odataType) return undefined;
  const lower = odataType.replace(/^#/, '').toLowerCase();
  return WORKLOADS.find((w) => w.protectionUnits.type.toLowerCase() === lower);
}

/** `#microsoft.graph.x` form used in payloads. */
export function odataType(type: string): string {
  return '#' + type;
}
