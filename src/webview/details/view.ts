// The details page as a pure function of the host's snapshot and the page's own UI state.
import type { DetailsAction, DetailsSnapshot, PayloadPart, TimelineLane } from '../../protocol/details';
import { renderArtifacts } from './artifacts';
import { h, type VChild, type VNode } from './dom';
import { formatTimeSeconds, l10n, statusClass, statusGlyph, truncate } from './format';
import { renderJson } from './json';
import { renderProgress, statusBanner } from './progress';
import { renderPointTable, renderTimeline, renderTimelineList } from './timeline';
import { artifactName, jobTypeWords, plural } from './words';

export interface UiState {
  busy: DetailsAction[];
  notice?: { level: 'info' | 'error'; text: string };
  compareA?: number;
  compareB?: number;
  /** Open/closed state of foldable parts, by `data-fold` path. */
  folds: Record<string, boolean>;
  /** The panel is narrower than NARROW_PX: artifacts as cards, the timeline as a list. */
  narrow?: boolean;
  /** Width of the page's content in CSS px (in steps of 20), for drawing the timeline at the panel's own size. */
  contentWidth?: number;
}

/** Below this width (CSS px) the page stacks: a table of seven columns and a 900-unit drawing no longer fit. */
export const NARROW_PX = 600;

export const isNarrow = (widthPx: number): boolean => widthPx < NARROW_PX;

/** The timeline's drawing width: the content width, within what its labels and spans need and what still reads well. */
const drawingWidth = (ui: UiState): number => Math.min(1100, Math.max(560, ui.contentWidth ?? 900));

export const emptyUi = (): UiState => ({ busy: [], folds: {} });

const actionLabels = (): Record<DetailsAction, [label: string, busy: string, title: string]> => ({
  refresh: [l10n.t('Refresh'), l10n.t('Refreshing…'), l10n.t('Read the session and its artifacts again')],
  activate: [l10n.t('Activate'), l10n.t('Activating…'), l10n.t('Start restoring this draft session')],
  delete: [l10n.t('Delete'), l10n.t('Deleting…'), l10n.t('Delete this draft session')],
  retryFailed: [l10n.t('Retry Failed'), l10n.t('Creating…'), l10n.t('Create a new draft session with the failed artifacts (same restore points and destination)')],
  copyJson: [l10n.t('Copy JSON'), l10n.t('Copying…'), l10n.t('Copy the session and its artifacts as JSON')],
  openJson: [l10n.t('Open JSON'), l10n.t('Opening…'), l10n.t('Open the session and its artifacts in an untitled JSON document')],
  exportHttp: [l10n.t('Export .http'), l10n.t('Exporting…'), l10n.t('Open a .http file with the requests that reproduce this session')],
  exportCurl: [l10n.t('Export cURL'), l10n.t('Exporting…'), l10n.t('Open a shell script with the curl commands that reproduce this session')],
  exportPowerShell: [l10n.t('Export PowerShell'), l10n.t('Exporting…'), l10n.t('Open a PowerShell script (Invoke-MgGraphRequest or the BackupRestore cmdlets) that reproduces this session')],
  exportHistory: [l10n.t('Export History…'), l10n.t('Exporting…'), l10n.t('Save the recorded status history as a JSON file')],
  clearHistory: [l10n.t('Clear History'), l10n.t('Clearing…'), l10n.t('Forget the recorded status history of this session')],
});

const HEADER_ACTIONS: DetailsAction[] = ['refresh', 'activate', 'delete', 'retryFailed', 'copyJson', 'openJson', 'exportHttp', 'exportCurl', 'exportPowerShell'];
const HISTORY_ACTIONS: DetailsAction[] = ['exportHistory', 'clearHistory'];

function actionButton(action: DetailsAction, snapshot: DetailsSnapshot, ui: UiState, primary = false): VNode | null {
  if (!snapshot.actions.includes(action)) return null;
  const [label, busyLabel, title] = actionLabels()[action];
  const busy = ui.busy.includes(action);
  return h('button', {
    type: 'button', class: primary ? 'primary' : 'secondary', 'data-action': action, title,
    disabled: busy || (action !== 'refresh' && ui.busy.length > 0 && !busy && ['activate', 'delete', 'retryFailed'].includes(action)),
  }, busy ? busyLabel : label);
}

export function renderDetails(snapshot: DetailsSnapshot, ui: UiState): VNode {
  const narrow = ui.narrow ?? false;
  return h('main', { class: narrow ? 'details layout-stacked' : 'details layout-wide' },
    renderHeader(snapshot, ui),
    section('artifacts', artifactsTitle(snapshot), ui, renderArtifacts(snapshot.artifacts, narrow)),
    section('history', l10n.t('Status history'), ui, renderHistory(snapshot, ui)),
    section('payload', l10n.t('Payload'), ui, renderPayload(snapshot.payload, ui)));
}

/** `Artifacts (3)`; a bulk session without artifacts yet says how many rows are still to resolve, not "(0)". */
function artifactsTitle(snapshot: DetailsSnapshot): string {
  const rowsSent = snapshot.bulk?.rowsSent;
  if (!snapshot.artifacts.length && rowsSent) {
    return rowsSent === 1 ? l10n.t('Artifacts (none yet: 1 row to resolve)') : l10n.t('Artifacts (none yet: {0} rows to resolve)', rowsSent.toLocaleString('en-US'));
  }
  return l10n.t('Artifacts ({0})', snapshot.artifacts.length);
}

function section(id: string, title: string, ui: UiState, body: VNode): VNode {
  return h('details', { class: 'section', id: `section-${id}`, 'data-fold': `section:${id}`, open: ui.folds[`section:${id}`] ?? true },
    h('summary', null, h('h2', null, title)),
    body);
}

function renderHeader(snapshot: DetailsSnapshot, ui: UiState): VNode {
  const { header, progress, live } = snapshot;
  const facts: [string, VChild][] = [
    [l10n.t('Workload'), header.workloadLabel],
    [l10n.t('Created by'), header.createdBy],
    [l10n.t('Created'), formatTimeSeconds(header.createdAt) || undefined],
    [l10n.t('Completed'), formatTimeSeconds(header.completedAt) || undefined],
    [l10n.t('Duration'), header.duration || undefined],
    [l10n.t('Restores'), jobTypeWords(header.restoreJobType, header.workloadLabel)],
    ...granularFacts(snapshot),
    [l10n.t('Connection'), snapshot.connectionLabel],
  ];
  return h('header', { class: 'header' },
    h('div', { class: 'title-row' },
      h('h1', null, header.sessionName ?? l10n.t('{0} restore session', header.workloadLabel)),
      h('span', { class: `badge ${statusClass(header.status)}`, role: 'status' }, statusGlyph(header.status), ' ', header.statusWord)),
    header.sessionName ? h('p', { class: 'subtitle muted' }, l10n.t('{0} restore session', header.workloadLabel)) : null,
    h('div', { class: 'id-row' },
      h('code', { class: 'session-id', title: l10n.t('Session id') }, header.sessionId),
      h('button', { type: 'button', class: 'icon', 'data-copy': 'sessionId', title: l10n.t('Copy the session id'), 'aria-label': l10n.t('Copy the session id') }, l10n.t('Copy id'))),
    snapshot.exists ? null : h('p', { class: 'banner warn' }, l10n.t('The service no longer has this session (deleted or purged). Its recorded history is kept below.')),
    snapshot.error ? h('p', { class: 'banner error' }, snapshot.error) : null,
    ui.notice ? h('p', { class: `banner ${ui.notice.level}` }, ui.notice.text) : null,
    statusBanner(snapshot),
    header.errorCode || header.errorMessage
      ? h('div', { class: 'banner error session-error' },
        h('div', null, header.errorMessage ?? l10n.t('The service reported an error without a message.')),
        header.errorCode ? h('div', { class: 'error-code' }, l10n.t('Error code '), h('code', null, header.errorCode)) : null)
      : null,
    h('dl', { class: 'facts' }, facts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => h('div', { class: 'fact' }, h('dt', null, k), h('dd', null, v)))),
    bulkBanner(snapshot),
    renderProgress(progress, header.restoreJobType, snapshot.bulk?.rowsSent),
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': l10n.t('Session actions') },
      HEADER_ACTIONS.map((a) => actionButton(a, snapshot, ui, a === 'activate'))),
    h('p', { class: 'live muted' },
      live.lastUpdated ? `Updated ${formatTimeSeconds(live.lastUpdated)}. ` : '',
      live.reason));
}

/** Bulk sessions: the rows the service could not resolve, each in words, or what the service said about them. */
function bulkBanner(snapshot: DetailsSnapshot): VNode | null {
  const bulk = snapshot.bulk;
  if (bulk?.unresolved.length) {
    const count = bulk.unresolved.length.toLocaleString('en-US');
    const what = bulk.rowsSent
      ? l10n.t(': {0} of {1} rows of the bulk request could not be resolved.', count, bulk.rowsSent.toLocaleString('en-US'))
      : l10n.t(': {0} rows of the bulk request could not be resolved.', count);
    return h('div', { class: 'banner warn bulk-unresolved', 'data-banner': 'bulk' },
      h('div', null, h('strong', null, l10n.t('Not restored')), what),
      h('ul', { class: 'unresolved-rows' }, bulk.unresolved.map((line) => h('li', null, line))));
  }
  return bulk?.serviceSaid ? h('p', { class: 'banner warn bulk-unresolved', 'data-banner': 'bulk' }, bulk.serviceSaid) : null;
}

/** Granular sessions: the query and its match count, and the names of the selected files. */
function granularFacts(snapshot: DetailsSnapshot): [string, VChild][] {
  const facts: [string, VChild][] = [];
  const granular = snapshot.granular;
  if (granular?.query || granular?.queryWords) {
    facts.push([l10n.t('Items matching'), [
      granular.queryWords ? h('div', null, granular.queryWords) : null,
      granular.query ? h('code', { class: 'query' }, granular.query) : null,
    ]]);
  }
  if (granular?.matchCount !== undefined) facts.push([l10n.t('Matching items'), plural(granular.matchCount, l10n.t('item'), l10n.t('items'))]);
  const files = snapshot.artifacts.filter((row) => row.unitNameSource === 'item').map((row) => artifactName(row).name);
  if (files.length) {
    const shown = files.slice(0, 5).join(', ');
    facts.push([l10n.t('Selected files'), files.length > 5 ? l10n.t('{0}: {1} and {2} more', plural(files.length, l10n.t('file'), l10n.t('files')), shown, files.length - 5) : l10n.t('{0}: {1}', plural(files.length, l10n.t('file'), l10n.t('files')), shown)]);
  }
  return facts;
}

function renderHistory(snapshot: DetailsSnapshot, ui: UiState): VNode {
  const { history } = snapshot;
  const running = snapshot.exists && !['completed', 'completedWithError', 'failed'].includes(snapshot.header.status ?? '');
  const snaps = history.snapshots;
  const a = ui.compareA ?? snaps[snaps.length - 2]?.seq;
  const b = ui.compareB ?? snaps[snaps.length - 1]?.seq;
  const options = (selected: number | undefined) => snaps.map((snap) =>
    h('option', { value: snap.seq, selected: snap.seq === selected }, `#${snap.seq} · ${formatTimeSeconds(snap.observedAt)} · ${snap.summary}`));
  const lanes = namedLanes(snapshot);
  return h('div', { class: 'history' },
    ui.narrow
      ? renderTimelineList(lanes)
      : [
        renderTimeline(lanes, Date.parse(snapshot.builtAt), running, drawingWidth(ui)),
        h('details', { class: 'sub', 'data-fold': 'history:points', open: ui.folds['history:points'] ?? false },
          h('summary', null, l10n.t('Points in time')), renderPointTable(lanes)),
      ],
    h('h3', null, l10n.t('Recorded snapshots ({0}, at most {1} kept)', snaps.length, history.limit)),
    snaps.length === 0
      ? h('p', { class: 'muted' }, l10n.t('Nothing recorded yet.'))
      : h('ol', { class: 'snapshots' }, snaps.slice().reverse().slice(0, 50).map((snap) =>
        h('li', { value: snap.seq }, h('span', { class: 'nowrap' }, formatTimeSeconds(snap.observedAt)), ' · ',
          h('span', { class: `dot ${statusClass(snap.status)}` }), ' ', snap.summary, h('span', { class: 'muted' }, ` — ${snap.how}`)))),
    snaps.length >= 2
      ? h('div', { class: 'compare' },
        h('label', { for: 'compare-a' }, 'Compare '),
        h('select', { id: 'compare-a', 'data-compare': 'a' }, options(a)),
        h('label', { for: 'compare-b' }, ' with '),
        h('select', { id: 'compare-b', 'data-compare': 'b' }, options(b)),
        ' ',
        h('button', { type: 'button', class: 'secondary', 'data-compare-run': 'true', title: l10n.t('Open the two snapshots in the diff editor') }, l10n.t('Compare Snapshots')))
      : null,
    h('div', { class: 'toolbar' }, HISTORY_ACTIONS.map((action) => actionButton(action, snapshot, ui))));
}

/** Lanes of artifacts whose unit has no name are labelled as the artifact rows are, not by a bare id. */
function namedLanes(snapshot: DetailsSnapshot): TimelineLane[] {
  const rows = new Map(snapshot.artifacts.map((row) => [`${row.kind}/${row.id}`, row]));
  return snapshot.history.lanes.map((lane) => {
    const row = rows.get(lane.id);
    if (!row || row.unitNameSource === 'unit' || row.unitNameSource === 'item') return lane;
    const { name, detail } = artifactName(row);
    return { ...lane, label: detail ? `${name} (${truncate(detail, 22)})` : name };
  });
}

function renderPayload(parts: readonly PayloadPart[], ui: UiState): VNode {
  if (parts.length === 0) return h('p', { class: 'muted' }, l10n.t('No payload yet.'));
  return h('div', { class: 'payload' }, parts.map((part, index) => {
    const r = part.response;
    return h('div', { class: 'payload-part' },
      h('div', { class: 'payload-head' },
        h('h3', null, part.title),
        h('button', { type: 'button', class: 'icon', 'data-copy-part': index, title: l10n.t('Copy {0} as JSON', part.title) }, l10n.t('Copy'))),
      h('p', { class: 'response muted' },
        h('code', null, `${r.method} ${r.path}`), ` → ${r.status}`,
        r.requestId ? [' · request-id ', h('code', null, r.requestId)] : null,
        r.date ? ` · date ${r.date}` : null,
        r.durationMs !== undefined ? ` · ${Math.round(r.durationMs)} ms` : null),
      renderJson(part.json, `payload:${index}`, ui.folds));
  }));
}
