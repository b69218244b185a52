// The restore-session history of the `demo` seed, as data: who restored what, when, how, and how far it got.
// demoSessions.ts turns each line into a SessionRecord whose artifact statuses follow from `phase` and from the
// units' fixed outcomes (outcomes.ts), so `expected` is what the aggregation rule must give; tests check it.
// Units are named by their seed key: alias for mailboxes and OneDrives, URL segment for sites.
import type { DestinationType, RestoreSessionStatus, WorkloadId } from '../../backup/model';
import type { ActorName } from './identities';

export type SessionPhase = 'draft' | 'activating' | 'active' | 'finished';

export interface SessionSpec {
  workload: WorkloadId;
  /** Stable name: the session id is derived from it. */
  name: string;
  kind: 'standard' | 'bulk' | 'granular';
  phase: SessionPhase;
  expected: RestoreSessionStatus;
  units: string[];
  destination: DestinationType;
  /** Minutes before `now` at which the session was created. */
  createdMinutesAgo: number;
  actor: ActorName;
  /** Bulk sessions: the request's display name, and resources that will not resolve (left out of `units`). */
  bulk?: { displayName: string; unresolved?: string[]; byObjectId?: boolean };
  /** Granular Exchange sessions: the artifact query. Granular site/drive sessions: how many files were picked. */
  granular?: { query?: string; files?: number };
}

const DAY = 24 * 60;

export const DEMO_SESSIONS: readonly SessionSpec[] = [
  // ---- Exchange ----
  { workload: 'exchange', name: 'ex-draft', kind: 'standard', phase: 'draft', expected: 'draft', units: ['adelev', 'alexw'], destination: 'new', createdMinutesAgo: 75, actor: 'meganInAdminCenter' },
  { workload: 'exchange', name: 'ex-activating', kind: 'standard', phase: 'activating', expected: 'activating', units: ['debrab', 'emilyb', 'henriettam'], destination: 'new', createdMinutesAgo: 4, actor: 'leeInConsole' },
  { workload: 'exchange', name: 'ex-active', kind: 'standard', phase: 'active', expected: 'active', units: ['isaiahl', 'johannal', 'jonis', 'jordanm'], destination: 'new', createdMinutesAgo: 30, actor: 'automation' },
  { workload: 'exchange', name: 'ex-completed', kind: 'standard', phase: 'finished', expected: 'completed', units: ['leeg', 'lynner'], destination: 'new', createdMinutesAgo: 2 * DAY + 190, actor: 'leeInConsole' },
  { workload: 'exchange', name: 'ex-legal-hold', kind: 'standard', phase: 'finished', expected: 'completedWithError', units: ['lidiah', 'miriamg', 'nestorw'], destination: 'new', createdMinutesAgo: 6 * DAY + 45, actor: 'meganInAdminCenter' },
  { workload: 'exchange', name: 'ex-duplicate', kind: 'standard', phase: 'finished', expected: 'failed', units: ['pattif'], destination: 'inPlace', createdMinutesAgo: 9 * DAY + 300, actor: 'automation' },
  { workload: 'exchange', name: 'ex-granular-invoices', kind: 'granular', phase: 'finished', expected: 'completed', units: ['finance'], destination: 'new', createdMinutesAgo: 12 * DAY + 80, actor: 'meganInAdminCenter', granular: { query: "(Subject -like '*invoice*') -and (HasAttachment -eq 'true')" } },
  { workload: 'exchange', name: 'ex-granular-active', kind: 'granular', phase: 'active', expected: 'active', units: ['sales'], destination: 'new', createdMinutesAgo: 15, actor: 'leeInConsole', granular: { query: "(Sender -eq 'orders@fabrikam.com')" } },
  { workload: 'exchange', name: 'ex-bulk-sales', kind: 'bulk', phase: 'finished', expected: 'completed', units: ['danj', 'isaiahl', 'biancap', 'cameronw', 'sales', 'pradeepg'], destination: 'new', createdMinutesAgo: 20 * DAY + 130, actor: 'automation', bulk: { displayName: 'Sales mailboxes - phishing incident', byObjectId: true } },
  { workload: 'exchange', name: 'ex-bulk-finance', kind: 'bulk', phase: 'finished', expected: 'completedWithError', units: ['alans', 'emilyb', 'finance', 'lidiah', 'pradeepg'], destination: 'new', createdMinutesAgo: 33 * DAY + 20, actor: 'meganInAdminCenter', bulk: { displayName: 'Finance mailboxes - ransomware drill', unresolved: ['kim.akers@contoso.onmicrosoft.com'] } },
  { workload: 'exchange', name: 'ex-bulk-draft', kind: 'bulk', phase: 'draft', expected: 'draft', units: ['meganb', 'leeg', 'alland', 'helpdesk'], destination: 'new', createdMinutesAgo: 5 * 60, actor: 'meganInAdminCenter', bulk: { displayName: 'IT mailboxes - quarterly restore test' } },
  { workload: 'exchange', name: 'ex-deleted-user', kind: 'standard', phase: 'finished', expected: 'completed', units: ['pradeepg'], destination: 'new', createdMinutesAgo: 40 * DAY + 500, actor: 'leeInConsole' },

  // ---- SharePoint ----
  { workload: 'sharePoint', name: 'sp-draft', kind: 'standard', phase: 'draft', expected: 'draft', units: ['Marketing'], destination: 'inPlace', createdMinutesAgo: 140, actor: 'meganInAdminCenter' },
  { workload: 'sharePoint', name: 'sp-activating', kind: 'standard', phase: 'activating', expected: 'activating', units: ['Sales', 'Finance'], destination: 'new', createdMinutesAgo: 3, actor: 'automation' },
  { workload: 'sharePoint', name: 'sp-active', kind: 'standard', phase: 'active', expected: 'active', units: ['Engineering', 'ProductManagement', 'Research'], destination: 'inPlace', createdMinutesAgo: 25, actor: 'meganInAdminCenter' },
  { workload: 'sharePoint', name: 'sp-completed', kind: 'standard', phase: 'finished', expected: 'completed', units: ['HumanResources'], destination: 'inPlace', createdMinutesAgo: 4 * DAY + 60, actor: 'leeInConsole' },
  { workload: 'sharePoint', name: 'sp-preservation-lock', kind: 'standard', phase: 'finished', expected: 'completedWithError', units: ['Legal', 'Compliance'], destination: 'inPlace', createdMinutesAgo: 15 * DAY + 240, actor: 'meganInAdminCenter' },
  { workload: 'sharePoint', name: 'sp-archive', kind: 'standard', phase: 'finished', expected: 'failed', units: ['Archive2023'], destination: 'new', createdMinutesAgo: 27 * DAY + 10, actor: 'automation' },
  { workload: 'sharePoint', name: 'sp-granular-finance', kind: 'granular', phase: 'finished', expected: 'completed', units: ['Finance'], destination: 'inPlace', createdMinutesAgo: 8 * DAY + 35, actor: 'meganInAdminCenter', granular: { files: 3 } },
  { workload: 'sharePoint', name: 'sp-granular-legal', kind: 'granular', phase: 'finished', expected: 'failed', units: ['Legal'], destination: 'inPlace', createdMinutesAgo: 18 * DAY + 400, actor: 'leeInConsole', granular: { files: 2 } },
  { workload: 'sharePoint', name: 'sp-granular-draft', kind: 'granular', phase: 'draft', expected: 'draft', units: ['Design'], destination: 'inPlace', createdMinutesAgo: 200, actor: 'meganInAdminCenter', granular: { files: 4 } },
  { workload: 'sharePoint', name: 'sp-bulk-operations', kind: 'bulk', phase: 'finished', expected: 'completed', units: ['Operations', 'Facilities', 'ITHelpdesk', 'Training'], destination: 'new', createdMinutesAgo: 45 * DAY + 90, actor: 'automation', bulk: { displayName: 'Operations sites - storage migration rollback' } },

  // ---- OneDrive ----
  { workload: 'oneDrive', name: 'od-draft', kind: 'standard', phase: 'draft', expected: 'draft', units: ['biancap'], destination: 'new', createdMinutesAgo: 6 * 60, actor: 'leeInConsole' },
  { workload: 'oneDrive', name: 'od-activating', kind: 'standard', phase: 'activating', expected: 'activating', units: ['cameronw', 'elenai'], destination: 'new', createdMinutesAgo: 5, actor: 'meganInAdminCenter' },
  { workload: 'oneDrive', name: 'od-active', kind: 'standard', phase: 'active', expected: 'active', units: ['fatimak', 'gabrielr', 'hanas'], destination: 'new', createdMinutesAgo: 35, actor: 'automation' },
  { workload: 'oneDrive', name: 'od-deleted-user', kind: 'standard', phase: 'finished', expected: 'completed', units: ['irvins'], destination: 'new', createdMinutesAgo: 2 * DAY + 600, actor: 'meganInAdminCenter' },
  { workload: 'oneDrive', name: 'od-partial', kind: 'standard', phase: 'finished', expected: 'completedWithError', units: ['christiec', 'ivanp', 'juliab'], destination: 'new', createdMinutesAgo: 22 * DAY + 150, actor: 'leeInConsole' },
  { workload: 'oneDrive', name: 'od-purged', kind: 'standard', phase: 'finished', expected: 'failed', units: ['gradya'], destination: 'inPlace', createdMinutesAgo: 18 * DAY + 20, actor: 'meganInAdminCenter' },
  { workload: 'oneDrive', name: 'od-granular', kind: 'granular', phase: 'finished', expected: 'completed', units: ['priyar'], destination: 'inPlace', createdMinutesAgo: 5 * DAY + 300, actor: 'leeInConsole', granular: { files: 2 } },
  { workload: 'oneDrive', name: 'od-granular-active', kind: 'granular', phase: 'active', expected: 'active', units: ['adelev'], destination: 'inPlace', createdMinutesAgo: 20, actor: 'meganInAdminCenter', granular: { files: 3 } },
  { workload: 'oneDrive', name: 'od-bulk-leavers', kind: 'bulk', phase: 'finished', expected: 'completedWithError', units: ['sofial', 'christiec', 'omarh', 'lauran'], destination: 'new', createdMinutesAgo: 52 * DAY + 700, actor: 'automation', bulk: { displayName: 'OneDrives of leavers - legal request' } },
];
