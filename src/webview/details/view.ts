// The details page as a pure function of the host's snapshot and the page's own UI state.
import type { ArtifactRow, DetailsAction, DetailsSnapshot, PayloadPart } from '../../protocol/details';
import { h, s, type VNode } from './dom';
import { formatDuration, formatTimeSeconds, statusClass, statusGlyph } from './format';
import { renderJson } from './json';
import { renderPointTable, renderTimeline } from './timeline';

export interface UiState {
  busy: DetailsAction[];
  notice?: { level: 'info' | 'error'; text: string };
  compareA?: number;
  compareB?: number;
  /** Open/closed state of foldable parts, by `data-fold` path. */
  folds: Record<string, boolean>;
}

export const emptyUi = (): UiState => ({ busy: [], folds: {} });

const ACTION_LABELS: Record<DetailsAction, [label: string, busy: string, title: string]> = {
  refresh: ['Refresh', 'Refreshing…', 'Read the session and its artifacts again'],
  activate: ['Activate', 'Activating…', 'Start restoring this draft session'],
  delete: ['Delete', 'Deleting…', 'Delete this draft session'],
  retryFailed: ['Retry Failed', 'Creating…', 'Create a new draft session with the failed artifacts (same restore points and destination)'],
  copyJson: ['Copy JSON', 'Copying…', 'Copy the session and its artifacts as JSON'],
  openJson: ['Open JSON', 'Opening…', 'Open the session and its artifacts in an untitled JSON document'],
  exportHttp: ['Export .http', 'Exporting…', 'Open a .http file with the requests that reproduce this session'],
  exportHistory: ['Export History…', 'Exporting…', 'Save the recorded status history as a JSON file'],
  clearHistory: ['Clear History', 'Clearing…', 'Forget the recorded status history of this session'],
};

const HEADER_ACTIONS: DetailsAction[] = ['refresh', 'activate', 'delete', 'retryFailed', 'copyJson', 'openJson', 'exportHttp'];
const HISTORY_ACTIONS: DetailsAction[] = ['exportHistory', 'clearHistory'];

function actionButton(action: DetailsAction, snapshot: DetailsSnapshot, ui: UiState, primary = false): VNode | null {
  if (!snapshot.actions.includes(action)) return null;
  const [label, busyLabel, title] = ACTION_LABELS[action];
  const busy = ui.busy.includes(action);
  return h('button', {
    type: 'button', class: primary ? 'primary' : 'secondary', 'data-action': action, title,
    disabled: busy || (action !== 'refresh' && ui.busy.length > 0 && !busy && ['activate', 'delete', 'retryFailed'].includes(action)),
  }, busy ? busyLabel : label);
}

export function renderDetails(snapshot: DetailsSnapshot, ui: UiState): VNode {
  return h('main', { class: 'details' },
    renderHeader(snapshot, ui),
    section('artifacts', `Artifacts (${snapshot.artifacts.length})`, ui, renderArtifacts(snapshot.artifacts)),
    section('history', 'Status history', ui, renderHistory(snapshot, ui)),
    section('payload', 'Payload', ui, renderPayload(snapshot.payload, ui)));
}

function section(id: string, title: string, ui: UiState, body: VNode): VNode {
  return h('details', { class: 'section', id: `section-${id}`, 'data-fold': `section:${id}`, open: ui.folds[`section:${id}`] ?? true },
    h('summary', null, h('h2', null, title)),
    body);
}

function renderHeader(snapshot: DetailsSnapshot, ui: UiState): VNode {
  const { header, progress, live } = snapshot;
  const facts: [string, string | VNode | undefined][] = [
    ['Workload', header.workloadLabel],
    ['Created by', header.createdBy],
    ['Created', formatTimeSeconds(header.createdAt) || undefined],
    ['Completed', formatTimeSeconds(header.completedAt) || undefined],
    ['Duration', header.duration || undefined],
    ['Job type', header.restoreJobType],
    ['Connection', snapshot.connectionLabel],
  ];
  return h('header', { class: 'header' },
    h('div', { class: 'title-row' },
      h('h1', null, `${header.workloadLabel} restore session`),
      h('span', { class: `badge ${statusClass(header.status)}`, role: 'status' }, statusGlyph(header.status), ' ', header.statusWord)),
    h('div', { class: 'id-row' },
      h('code', { class: 'session-id', title: 'Session id' }, header.sessionId),
      h('button', { type: 'button', class: 'icon', 'data-copy': 'sessionId', title: 'Copy the session id', 'aria-label': 'Copy the session id' }, 'Copy id')),
    snapshot.exists ? null : h('p', { class: 'banner warn' }, 'The service no longer has this session (deleted or purged). Its recorded history is kept below.'),
    snapshot.error ? h('p', { class: 'banner error' }, snapshot.error) : null,
    ui.notice ? h('p', { class: `banner ${ui.notice.level}` }, ui.notice.text) : null,
    header.errorCode || header.errorMessage
      ? h('p', { class: 'banner error' }, h('strong', null, header.errorCode ?? 'Error'), header.errorMessage ? `: ${header.errorMessage}` : '')
      : null,
    h('dl', { class: 'facts' }, facts.filter(([, v]) => v).map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    renderProgress(progress),
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Session actions' },
      HEADER_ACTIONS.map((a) => actionButton(a, snapshot, ui, a === 'activate'))),
    h('p', { class: 'live muted' },
      live.lastUpdated ? `Updated ${formatTimeSeconds(live.lastUpdated)}. ` : '',
      live.reason));
}

export function renderProgress(progress: DetailsSnapshot['progress']): VNode {
  const { total, completed, failed, inProgress } = progress;
  const width = 400;
  const scale = (n: number) => (total > 0 ? (n / total) * width : 0);
  const parts = [
    { n: completed, cls: 'st-succeeded' },
    { n: failed, cls: 'st-failed' },
    { n: inProgress, cls: 'st-inProgress' },
  ];
  let x = 0;
  const rects = parts.filter((p) => p.n > 0).map((p) => {
    const rect = s('rect', { class: `bar ${p.cls}`, x: x.toFixed(1), y: 0, width: scale(p.n).toFixed(1), height: 8 });
    x += scale(p.n);
    return rect;
  });
  const words = total === 0
    ? 'No artifacts'
    : `${completed}/${total} restored, ${failed} failed, ${inProgress} in progress, ${Math.max(0, total - completed - failed - inProgress)} waiting`;
  return h('div', { class: 'progress' },
    s('svg', { class: 'progress-bar', viewBox: `0 0 ${width} 8`, preserveAspectRatio: 'none', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': completed + failed, 'aria-label': words },
      s('rect', { class: 'track', x: 0, y: 0, width, height: 8 }), rects),
    h('span', { class: 'progress-text' }, words, h('span', { class: 'muted' }, progress.source === 'service' ? ' (restoreSessionArtifactCount)' : ' (counted from the artifacts)')));
}

export function renderArtifacts(rows: readonly ArtifactRow[]): VNode {
  if (rows.length === 0) return h('p', { class: 'muted' }, 'No artifacts.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'artifacts' },
    h('thead', null, h('tr', null,
      ['Status', 'Protection unit', 'Restore point', 'Destination', 'Start', 'Completion', 'Duration', 'Error', 'Restored to'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows.map((row) => h('tr', { class: row.status === 'failed' ? 'failed' : undefined },
      h('td', { class: 'nowrap' }, h('span', { class: `glyph ${statusClass(row.status)}`, 'aria-hidden': 'true' }, statusGlyph(row.status)), ' ', row.statusWord),
      h('td', { title: `${row.kind} artifact ${row.id}` }, row.unitName, row.unitNameSource === 'restorePoint' || row.unitNameSource === 'artifact' ? h('span', { class: 'muted' }, row.unitNameSource === 'restorePoint' ? ' (restore point id)' : ' (artifact id)') : null),
      h('td', { class: 'time', title: row.restorePointId ? `restore point ${row.restorePointId}` : undefined }, formatTimeSeconds(row.pointInTime)),
      h('td', null, row.destination ?? ''),
      h('td', { class: 'time' }, formatTimeSeconds(row.start)),
      h('td', { class: 'time' }, formatTimeSeconds(row.completion)),
      h('td', { class: 'nowrap' }, row.durationMs !== undefined ? formatDuration(row.durationMs) : ''),
      h('td', null, row.errorCode ? h('code', null, row.errorCode) : null, row.errorMessage ? h('div', { class: 'error-message' }, row.errorMessage) : null),
      h('td', null, renderLocation(row.location)))))));
}

function renderLocation(location: ArtifactRow['location']): VNode | string | null {
  if (!location?.name && !location?.url) return null;
  const text = location.name ?? location.url ?? '';
  if (!location.url) return text;
  return h('a', { class: 'link', role: 'link', tabindex: 0, 'data-link': location.url, title: location.url }, text);
}

function renderHistory(snapshot: DetailsSnapshot, ui: UiState): VNode {
  const { history } = snapshot;
  const running = snapshot.exists && !['completed', 'completedWithError', 'failed'].includes(snapshot.header.status ?? '');
  const snaps = history.snapshots;
  const a = ui.compareA ?? snaps[snaps.length - 2]?.seq;
  const b = ui.compareB ?? snaps[snaps.length - 1]?.seq;
  const options = (selected: number | undefined) => snaps.map((snap) =>
    h('option', { value: snap.seq, selected: snap.seq === selected }, `#${snap.seq} · ${formatTimeSeconds(snap.observedAt)} · ${snap.summary}`));
  return h('div', { class: 'history' },
    renderTimeline(history.lanes, Date.parse(snapshot.builtAt), running),
    h('details', { class: 'sub', 'data-fold': 'history:points', open: ui.folds['history:points'] ?? false },
      h('summary', null, 'Points in time'), renderPointTable(history.lanes)),
    h('h3', null, `Recorded snapshots (${snaps.length}, at most ${history.limit} kept)`),
    snaps.length === 0
      ? h('p', { class: 'muted' }, 'Nothing recorded yet.')
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
        h('button', { type: 'button', class: 'secondary', 'data-compare-run': 'true', title: 'Open the two snapshots in the diff editor' }, 'Compare Snapshots'))
      : null,
    h('div', { class: 'toolbar' }, HISTORY_ACTIONS.map((action) => actionButton(action, snapshot, ui))));
}

function renderPayload(parts: readonly PayloadPart[], ui: UiState): VNode {
  if (parts.length === 0) return h('p', { class: 'muted' }, 'No payload yet.');
  return h('div', { class: 'payload' }, parts.map((part, index) => {
    const r = part.response;
    return h('div', { class: 'payload-part' },
      h('div', { class: 'payload-head' },
        h('h3', null, part.title),
        h('button', { type: 'button', class: 'icon', 'data-copy-part': index, title: `Copy ${part.title} as JSON` }, 'Copy')),
      h('p', { class: 'response muted' },
        h('code', null, `${r.method} ${r.path}`), ` → ${r.status}`,
        r.requestId ? [' · request-id ', h('code', null, r.requestId)] : null,
        r.date ? ` · date ${r.date}` : null,
        r.durationMs !== undefined ? ` · ${Math.round(r.durationMs)} ms` : null),
      renderJson(part.json, `payload:${index}`, ui.folds));
  }));
}
