// Builds the full snapshot the details page renders, from what the panel last loaded and the recorded
// history. Pure (no vscode), so the host's words and the page's rendering can be checked apart.
import {
  artifactState, buildTimeline, laneId, OBSERVATION_WORDS, sessionState, summarizeSnapshot, type HistorySnapshot,
} from '../../backup/history';
import type {
  GranularMailboxRestoreArtifact, GranularRestoreArtifactBase, MailboxRestoreArtifact, RestoreArtifact, RestoreArtifactBase, RestoreArtifactsBulkAdditionRequest, RestoreSession,
  Workload,
} from '../../backup/model';
import { allowedActions, countArtifacts, isTerminalSession } from '../../backup/model';
import {
  artifactPointInTime, artifactStatusWord, artifactUnitId, createdByText, restoredLocation, sessionDuration, sessionStatusWord,
} from '../../backup/presentation';
import {
  type ArtifactRow, type BulkInfo, type DetailsAction, type DetailsSnapshot, type GranularInfo, type LiveInfo, type PanelIdentity, type PayloadPart,
  type ResponseInfo, safeExternalUrl,
} from '../../protocol/details';
import { bulkUnresolved, unresolvedRowLines } from '../../backup/bulkResolve';
import { includesNewerItems } from '../../backup/restorePoints';
import { sessionName } from '../../backup/sessionNaming';
import type { SessionNotes } from '../sessions/sessionNotes';
import { unitOfArtifact } from '../sessions/unitLookup';
import { l10n } from '../../backup/l10n';

export interface Loaded {
  session?: RestoreSession;
  sessionResponse?: ResponseInfo;
  standard: RestoreArtifact[];
  standardResponse?: ResponseInfo;
  granular: RestoreArtifact[];
  granularResponse?: ResponseInfo;
  bulk: RestoreArtifactsBulkAdditionRequest[];
  bulkResponse?: ResponseInfo;
  /** False once the service answered 404 for the session. */
  exists: boolean;
  error?: string;
  lastUpdated?: string;
}

export const emptyLoaded = (): Loaded => ({ standard: [], granular: [], bulk: [], exists: true });

export interface SnapshotInputs {
  identity: PanelIdentity;
  connectionLabel: string;
  workload: Workload;
  loaded: Loaded;
  unitNames: ReadonlyMap<string, string>;
  /** Protection unit ids by restore point id, for artifacts whose restore point came without its unit. */
  restorePointUnits?: ReadonlyMap<string, string>;
  history: readonly HistorySnapshot[];
  historyLimit: number;
  live: LiveInfo;
  now: Date;
  /** Bulk sessions created in this window: the rows sent, each with the unit it was found to be. */
  bulkRowsSent?: readonly { value: string; unitId: string }[];
  /** Granular mail sessions created in this window: the query and its match count. */
  granular?: GranularInfo;
}

export function artifactRows(workload: Workload, loaded: Loaded, unitNames: ReadonlyMap<string, string>, restorePointUnits: ReadonlyMap<string, string> = new Map()): ArtifactRow[] {
  const rows = [
    ...loaded.standard.map((a) => artifactRow(workload, a, 'standard', unitNames, restorePointUnits)),
    ...loaded.granular.map((a) => artifactRow(workload, a, 'granular', unitNames, restorePointUnits)),
  ];
  // A failed item of a granular file restore carries no error of its own; when it is the session's only
  // failure, the session's error is about it.
  const failed = rows.filter((row) => row.status === 'failed');
  const sessionError = loaded.session?.error;
  if (failed.length === 1 && failed[0].kind === 'granular' && !failed[0].errorCode && !failed[0].errorMessage && sessionError) {
    failed[0].errorCode = sessionError.code ?? undefined;
    failed[0].errorMessage = sessionError.message ?? undefined;
  }
  // Failed first; otherwise the service's order.
  return rows.map((row, i) => ({ row, i })).sort((a, b) => Number(b.row.status === 'failed') - Number(a.row.status === 'failed') || a.i - b.i).map((x) => x.row);
}

function artifactRow(
  workload: Workload, artifact: RestoreArtifact, kind: 'standard' | 'granular', unitNames: ReadonlyMap<string, string>, restorePointUnits: ReadonlyMap<string, string>,
): ArtifactRow {
  const standard = artifact as RestoreArtifactBase;
  const granular = artifact as GranularRestoreArtifactBase;
  const restorePointId = standard.restorePoint?.id ?? undefined;
  const unitId = artifactUnitId(artifact) ?? (restorePointId ? restorePointUnits.get(restorePointId) : undefined);
  let unitName: string;
  let unitNameSource: ArtifactRow['unitNameSource'];
  if (unitId && unitNames.has(unitId)) {
    unitName = unitNames.get(unitId)!;
    unitNameSource = 'unit';
  } else if (kind === 'granular' && granular.webUrl) {
    unitName = granular.webUrl;
    unitNameSource = 'item';
  } else if (restorePointId) {
    unitName = restorePointId;
    unitNameSource = 'restorePoint';
  } else {
    unitName = artifact.id;
    unitNameSource = 'artifact';
  }
  const location = restoredLocation(workload, artifact);
  const itemCount = (artifact as MailboxRestoreArtifact).restoredItemCount;
  const url = safeExternalUrl(location.url);
  const start = validDate(artifact.startDateTime);
  const completion = validDate(artifact.completionDateTime);
  return {
    id: artifact.id,
    kind,
    unitName,
    unitNameSource,
    restorePointId,
    pointInTime: artifactPointInTime(artifact),
    includesNewerItems: includesNewerItems(standard.restorePoint) || undefined,
    destination: standard.destinationType ?? undefined,
    status: artifact.status ?? undefined,
    statusWord: artifactStatusWord(artifact.status),
    start,
    completion,
    durationMs: start && completion ? Date.parse(completion) - Date.parse(start) : undefined,
    errorCode: standard.error?.code ?? undefined,
    errorMessage: standard.error?.message ?? undefined,
    location: location.name || url ? { name: location.name, url } : undefined,
    restoredItemCount: typeof itemCount === 'number' && artifact.status === 'succeeded' ? itemCount : undefined,
  };
}

function validDate(value: string | null | undefined): string | undefined {
  return value && !value.startsWith('0001-01-01') && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

export function availableActions(loaded: Loaded, historyCount: number): DetailsAction[] {
  const actions: DetailsAction[] = ['refresh'];
  const session = loaded.session;
  if (session && loaded.exists) {
    const allowed = allowedActions(session.status);
    if (allowed.has('activate')) actions.push('activate');
    if (allowed.has('delete')) actions.push('delete');
    if (isTerminalSession(session.status) && [...loaded.standard, ...loaded.granular].some((a) => a.status === 'failed')) actions.push('retryFailed');
  }
  if (session) actions.push('copyJson', 'openJson', 'exportHttp', 'exportCurl', 'exportPowerShell');
  if (historyCount > 0) actions.push('exportHistory', 'clearHistory');
  return actions;
}

export function buildSnapshot(inputs: SnapshotInputs): DetailsSnapshot {
  const { identity, workload, loaded, history, now } = inputs;
  const session = loaded.session ?? (history[history.length - 1]?.session as RestoreSession | undefined);
  const rows = artifactRows(workload, loaded, inputs.unitNames, inputs.restorePointUnits);
  // Named once the contents were read: before that, empty lists would name it "Empty … restore".
  const contentsRead = !!loaded.standardResponse;
  const name = session && contentsRead ? sessionName({
    workload, session, standard: loaded.standard, granular: loaded.granular, bulkRequests: loaded.bulk,
    unitOf: unitOfArtifact({ unitNames: inputs.unitNames, restorePointUnits: inputs.restorePointUnits ?? new Map() }),
    granularQueryWords: inputs.granular?.queryWords,
  }) : undefined;

  const serviceCount = session?.restoreSessionArtifactCount;
  const counted = countArtifacts([...loaded.standard, ...loaded.granular].map((a) => a.status ?? 'added'));
  const useService = !!serviceCount && (serviceCount.total ?? 0) > 0;
  const count = useService ? serviceCount! : counted;

  const labels = new Map(rows.map((row) => [laneId({ kind: row.kind, id: row.id }), row.unitName]));
  const lanes = buildTimeline({
    snapshots: history,
    session: loaded.session ? sessionState(loaded.session) : undefined,
    artifacts: loaded.session
      ? [...loaded.standard.map((a) => artifactState(a, 'standard')), ...loaded.granular.map((a) => artifactState(a, 'granular'))]
      : undefined,
    labels,
  });

  const payload: PayloadPart[] = [];
  if (loaded.session && loaded.sessionResponse) payload.push({ title: l10n.t('Session'), response: loaded.sessionResponse, json: loaded.session });
  if (loaded.standardResponse) payload.push({ title: workload.standardArtifacts.nav, response: loaded.standardResponse, json: loaded.standard });
  if (loaded.granularResponse && loaded.granular.length) payload.push({ title: workload.granularArtifacts.nav, response: loaded.granularResponse, json: loaded.granular });
  if (loaded.bulkResponse && loaded.bulk.length) payload.push({ title: workload.bulkRequests.nav, response: loaded.bulkResponse, json: loaded.bulk });

  return {
    identity,
    connectionLabel: inputs.connectionLabel,
    exists: loaded.exists,
    error: loaded.error,
    header: {
      workloadLabel: workload.label,
      sessionId: identity.sessionId,
      status: session?.status ?? undefined,
      statusWord: loaded.exists ? sessionStatusWord(session?.status) : l10n.t('{0} (last seen)', sessionStatusWord(session?.status)),
      createdBy: session ? createdByText(session.createdBy) : '',
      createdAt: validDate(session?.createdDateTime),
      completedAt: validDate(session?.completedDateTime),
      duration: session ? sessionDuration(session, now.getTime()) : '',
      restoreJobType: session?.restoreJobType ?? undefined,
      errorCode: session?.error?.code ?? undefined,
      errorMessage: session?.error?.message ?? undefined,
      sessionName: name,
    },
    progress: {
      total: count.total ?? 0,
      completed: count.completed ?? 0,
      failed: count.failed ?? 0,
      inProgress: count.inProgress ?? 0,
      source: useService ? 'service' : 'artifacts',
    },
    actions: availableActions(loaded, history.length),
    artifacts: rows,
    history: {
      lanes,
      snapshots: history.map((s) => ({
        seq: s.seq,
        observedAt: s.observedAt,
        how: s.note ? `${howWords(s)} (${s.note})` : howWords(s),
        status: s.session.status ?? undefined,
        summary: summarizeSnapshot(s),
      })),
      limit: inputs.historyLimit,
    },
    payload,
    granular: inputs.granular,
    bulk: bulkInfo(inputs),
    live: inputs.live,
    builtAt: now.toISOString(),
  };
}

/** What this window noted when it created the session: the bulk rows sent, the granular mail query and count. */
export function notedInputs(notes: SessionNotes | undefined, sessionId: string, loaded: Loaded): Pick<SnapshotInputs, 'bulkRowsSent' | 'granular'> {
  const searchResponseId = (loaded.granular[0] as GranularMailboxRestoreArtifact | undefined)?.searchResponseId;
  const query = notes?.queryNote({ sessionId, searchResponseId });
  return {
    bulkRowsSent: notes?.bulkRows(sessionId),
    granular: query && { query: query.expression, queryWords: query.description, matchCount: query.hitCount },
  };
}

/** The rows a bulk session was sent with, and once its request finished, those it did not restore. */
function bulkInfo({ workload, loaded, bulkRowsSent, restorePointUnits }: SnapshotInputs): BulkInfo | undefined {
  const request = loaded.bulk[0];
  if (!request) return undefined;
  if (!bulkRowsSent) {
    // Rows sent elsewhere are not known: the service's own words about what it could not resolve.
    const serviceSaid = request.error ? bulkUnresolved(workload, request, []).text : '';
    return { unresolved: [], serviceSaid: serviceSaid || undefined };
  }
  const restored = new Set(loaded.standard.map((a) => {
    const pointId = (a as RestoreArtifactBase).restorePoint?.id;
    return artifactUnitId(a) ?? (pointId ? restorePointUnits?.get(pointId) : undefined);
  }).filter((id): id is string => !!id));
  return { rowsSent: bulkRowsSent.length, unresolved: unresolvedRowLines(workload, request, bulkRowsSent, restored) };
}

function howWords(s: HistorySnapshot): string {
  return OBSERVATION_WORDS[s.source] ?? s.source;
}
