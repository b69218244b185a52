// Messages between the session details panel (host, src/extension/webview) and its page (src/webview/details).
//
// The page posts `ready` once its script runs; the host answers with a full `snapshot` and sends a new full
// snapshot whenever anything changes (never deltas, so a page that was hidden or reloaded is always whole).
// The page asks for things with `action` / `openLink` / `copy` / `compare` messages; the host answers with
// `busy` (an action started or finished) and `notice` (a one-line outcome). Every message carries the
// protocol version; a message with another version, or one that does not validate, is ignored.
//
// Pure data and guards: imported by both the extension host and the browser bundle.
import type { TimelineLane, TimelinePoint } from '../backup/history/types';
import type { ArtifactRestoreStatus, RestoreSessionStatus, WorkloadId } from '../backup/model';

export type { TimelineLane, TimelinePoint };

export const PROTOCOL_VERSION = 1;

/** The view type of the details panel; also the key of its WebviewPanelSerializer. */
export const DETAILS_VIEW_TYPE = 'restoreSessions.details';

/** What a panel shows, and all a restored panel needs to find its session again (saved with `setState`). */
export interface PanelIdentity {
  connectionId: string;
  workload: WorkloadId;
  sessionId: string;
}

export const DETAILS_ACTIONS = [
  'refresh', 'activate', 'delete', 'retryFailed', 'copyJson', 'openJson', 'exportHttp', 'exportCurl', 'exportPowerShell', 'exportHistory', 'clearHistory',
] as const;
export type DetailsAction = (typeof DETAILS_ACTIONS)[number];

/** Response a piece of the payload came from. */
export interface ResponseInfo {
  method: string;
  path: string;
  status: number;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  durationMs?: number;
}

export interface PayloadPart {
  title: string;
  response: ResponseInfo;
  json: unknown;
}

export interface ArtifactRow {
  id: string;
  kind: 'standard' | 'granular';
  unitName: string;
  /** How the name was found: the tenant's protection units, the granular item's URL, the restore point id, or the artifact id. */
  unitNameSource: 'unit' | 'item' | 'restorePoint' | 'artifact';
  restorePointId?: string;
  pointInTime?: string;
  /** Beta: the restore point also brings back the items created after it (its tags carry `includeNewerItems`). */
  includesNewerItems?: boolean;
  destination?: string;
  status?: ArtifactRestoreStatus;
  statusWord: string;
  start?: string;
  completion?: string;
  durationMs?: number;
  errorCode?: string;
  errorMessage?: string;
  location?: { name?: string; url?: string };
  /** Items the service says it restored (mailbox `restoredItemCount`); absent when it gave none. */
  restoredItemCount?: number;
}

export interface Progress {
  total: number;
  completed: number;
  failed: number;
  inProgress: number;
  /** `service`: restoreSessionArtifactCount; `artifacts`: counted from the artifact lists. */
  source: 'service' | 'artifacts';
}

export interface HeaderInfo {
  workloadLabel: string;
  sessionId: string;
  status?: RestoreSessionStatus;
  statusWord: string;
  createdBy: string;
  createdAt?: string;
  completedAt?: string;
  duration: string;
  restoreJobType?: string;
  errorCode?: string;
  errorMessage?: string;
  /** The session named by what it restores ("Debra Berger +2", "Finance site"); the page falls back to the workload. */
  sessionName?: string;
}

/** What a granular session restores, in the admin's words (the page shows the file names from the artifacts itself). */
export interface GranularInfo {
  /** The mailbox query expression as sent (`(Subject -like '*invoice*')`). */
  query?: string;
  /** The same query in words ("subject contains invoice, has an attachment"). */
  queryWords?: string;
  /** How many items matched the query at the chosen point in time. */
  matchCount?: number;
}

/** A bulk session: the rows it was sent with and those the service could not resolve, in words. */
export interface BulkInfo {
  /** Rows this window sent with the bulk request; absent when another window or tool sent it. */
  rowsSent?: number;
  /** One line per row not restored: `debra@contoso.com — not a protected mailbox (ProtectionUnitNotFound)`. */
  unresolved: string[];
  /** What the service said, when the rows sent are not known here. */
  serviceSaid?: string;
}

export interface SnapshotSummary {
  seq: number;
  observedAt: string;
  how: string;
  status?: string;
  summary: string;
}

export interface HistoryInfo {
  lanes: TimelineLane[];
  snapshots: SnapshotSummary[];
  /** Snapshots are bounded; this many are kept at most. */
  limit: number;
}

export interface LiveInfo {
  /** Milliseconds between polls while visible; 0 when not polling. */
  intervalMs: number;
  polling: boolean;
  lastUpdated?: string;
  reason: string;
}

export interface DetailsSnapshot {
  identity: PanelIdentity;
  connectionLabel: string;
  /** False once the service no longer has the session (deleted or purged); history stays. */
  exists: boolean;
  /** Set when the last load failed; the rest of the snapshot is the last good data. */
  error?: string;
  header: HeaderInfo;
  progress: Progress;
  actions: DetailsAction[];
  artifacts: ArtifactRow[];
  history: HistoryInfo;
  payload: PayloadPart[];
  /** Granular sessions: the query and match count when the host knows them. */
  granular?: GranularInfo;
  /** Bulk sessions: the rows sent and those not resolved. */
  bulk?: BulkInfo;
  live: LiveInfo;
  /** When the host built this snapshot (for "so far" durations). */
  builtAt: string;
}

// ---- host → page ----

/**
 * The page's words in VS Code's display language: English message → translation, from the extension's l10n
 * bundle (`vscode.l10n.bundle`; empty in English, where every message stays as written). Sent once, before the
 * first snapshot, so the page renders localized from its first paint.
 */
export type PageStrings = Record<string, string>;

export type HostMessage =
  | { type: 'strings'; version: number; strings: PageStrings }
  | { type: 'snapshot'; version: number; snapshot: DetailsSnapshot }
  | { type: 'busy'; version: number; action: DetailsAction; busy: boolean }
  | { type: 'notice'; version: number; level: 'info' | 'error'; text: string };

// ---- page → host ----

export type PageMessage =
  | { type: 'ready'; version: number }
  | { type: 'action'; version: number; action: DetailsAction }
  | { type: 'openLink'; version: number; url: string }
  | { type: 'copy'; version: number; text: string }
  | { type: 'compare'; version: number; a: number; b: number };

/** Longest text the page may ask the host to copy (a large payload is fine; a runaway one is not). */
export const MAX_COPY_CHARS = 5_000_000;
export const MAX_URL_CHARS = 4096;

// ---- guards ----

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isDetailsAction(value: unknown): value is DetailsAction {
  return isStr(value) && (DETAILS_ACTIONS as readonly string[]).includes(value);
}

const WORKLOAD_IDS: readonly string[] = ['exchange', 'sharePoint', 'oneDrive'];

export function isPanelIdentity(value: unknown): value is PanelIdentity {
  return isObj(value)
    && isStr(value.connectionId) && value.connectionId.length > 0 && value.connectionId.length <= 200
    && isStr(value.workload) && WORKLOAD_IDS.includes(value.workload)
    && isStr(value.sessionId) && value.sessionId.trim().length > 0 && value.sessionId.length <= 200;
}

/** Validates a message from the page. The page is ours, but its messages cross a trust boundary all the same. */
export function isPageMessage(value: unknown): value is PageMessage {
  if (!isObj(value) || value.version !== PROTOCOL_VERSION) return false;
  switch (value.type) {
    case 'ready': return true;
    case 'action': return isDetailsAction(value.action);
    case 'openLink': return isStr(value.url) && value.url.length <= MAX_URL_CHARS;
    case 'copy': return isStr(value.text) && value.text.length <= MAX_COPY_CHARS;
    case 'compare': return isSeq(value.a) && isSeq(value.b) && value.a !== value.b;
    default: return false;
  }
}

/** Validates a message from the host (shape only: a snapshot is trusted to be a snapshot once its frame is right). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObj(value) || value.version !== PROTOCOL_VERSION) return false;
  switch (value.type) {
    case 'strings': return isObj(value.strings) && Object.values(value.strings).every(isStr);
    case 'snapshot':
      return isObj(value.snapshot) && isPanelIdentity(value.snapshot.identity) && isObj(value.snapshot.header)
        && Array.isArray(value.snapshot.artifacts) && isObj(value.snapshot.history) && Array.isArray(value.snapshot.payload);
    case 'busy': return isDetailsAction(value.action) && typeof value.busy === 'boolean';
    case 'notice': return (value.level === 'info' || value.level === 'error') && isStr(value.text);
    default: return false;
  }
}

/** Only http and https links leave the panel; anything else (javascript:, file:, command:) is refused. */
export function safeExternalUrl(value: unknown): string | undefined {
  if (!isStr(value) || value.length > MAX_URL_CHARS) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

// Builders, so both sides spell the frame the same way.
export const hostMessage = {
  strings: (strings: PageStrings): HostMessage => ({ type: 'strings', version: PROTOCOL_VERSION, strings }),
  snapshot: (snapshot: DetailsSnapshot): HostMessage => ({ type: 'snapshot', version: PROTOCOL_VERSION, snapshot }),
  busy: (action: DetailsAction, busy: boolean): HostMessage => ({ type: 'busy', version: PROTOCOL_VERSION, action, busy }),
  notice: (level: 'info' | 'error', text: string): HostMessage => ({ type: 'notice', version: PROTOCOL_VERSION, level, text }),
};

export const pageMessage = {
  ready: (): PageMessage => ({ type: 'ready', version: PROTOCOL_VERSION }),
  action: (action: DetailsAction): PageMessage => ({ type: 'action', version: PROTOCOL_VERSION, action }),
  openLink: (url: string): PageMessage => ({ type: 'openLink', version: PROTOCOL_VERSION, url }),
  copy: (text: string): PageMessage => ({ type: 'copy', version: PROTOCOL_VERSION, text }),
  compare: (a: number, b: number): PageMessage => ({ type: 'compare', version: PROTOCOL_VERSION, a, b }),
};
