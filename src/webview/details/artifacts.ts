// The artifacts of a session: a table when the panel is wide, a card per artifact (label: value rows) when it
// is narrow. Both say the same things through the same cell functions: what is restored (unit name, or the
// decoded file name and folder), from which point, to where, how it went (times, duration), where it went
// (restored location, as a link the host opens, and the item count), and why it failed (code and message apart).
import type { ArtifactRow } from '../../protocol/details';
import { h, type VChild, type VNode } from './dom';
import { formatDuration, formatTimeSeconds, l10n, statusClass, statusGlyph } from './format';
import { artifactName, decoded, destinationWords, locationName } from './words';

interface Column {
  title: string;
  cls?: string;
  cell(row: ArtifactRow): VChild;
}

const allColumns = (): Column[] => [
  { title: l10n.t('Status'), cls: 'col-status', cell: statusCell },
  { title: l10n.t('What'), cls: 'col-what', cell: whatCell },
  { title: l10n.t('Point in time'), cls: 'col-time', cell: pointCell },
  { title: l10n.t('Destination'), cls: 'col-destination', cell: (row) => destinationWords(row.destination) },
  { title: l10n.t('Ran'), cls: 'col-ran', cell: ranCell },
  { title: l10n.t('Restored to'), cls: 'col-restored', cell: restoredCell },
  { title: l10n.t('Error'), cls: 'col-error', cell: errorCell },
];

export function renderArtifacts(rows: readonly ArtifactRow[], narrow: boolean): VNode {
  if (rows.length === 0) return h('p', { class: 'muted' }, l10n.t('No artifacts.'));
  if (narrow) {
    return h('ul', { class: 'artifact-cards' }, rows.map((row) => h('li', { class: `artifact-card${row.status === 'failed' ? ' failed' : ''}` },
      h('dl', null, allColumns().map((col) => {
        const value = col.cell(row);
        return isEmpty(value) ? null : h('div', { class: `card-row ${col.cls ?? ''}` }, h('dt', null, col.title), h('dd', null, value));
      })))));
  }
  // A column no row has anything for (no error yet, nothing restored yet) leaves its room to the others.
  const columns = allColumns().filter((col) => col.title === l10n.t('Status') || col.title === l10n.t('What') || rows.some((row) => !isEmpty(col.cell(row))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'artifacts' },
    h('thead', null, h('tr', null, columns.map((col) => h('th', { scope: 'col', class: col.cls }, col.title)))),
    h('tbody', null, rows.map((row) => h('tr', { class: row.status === 'failed' ? 'failed' : undefined },
      columns.map((col) => h('td', { class: col.cls }, col.cell(row))))))));
}

const isEmpty = (value: VChild): boolean => value === null || value === undefined || value === false || value === ''
  || (Array.isArray(value) && value.every(isEmpty));

function statusCell(row: ArtifactRow): VChild {
  return [h('span', { class: `glyph ${statusClass(row.status)}`, 'aria-hidden': 'true' }, statusGlyph(row.status)), ' ', row.statusWord];
}

function whatCell(row: ArtifactRow): VChild {
  const { name, detail } = artifactName(row);
  return [
    h('span', { class: 'unit-name', title: `${row.kind === 'granular' ? l10n.t('Item') : l10n.t('Unit')}: ${row.unitNameSource === 'item' ? decoded(row.unitName) : name}` }, name),
    detail ? h('div', { class: 'muted detail' }, detail) : null,
  ];
}

function pointCell(row: ArtifactRow): VChild {
  const when = formatTimeSeconds(row.pointInTime);
  if (!when) return null;
  return [
    h('span', { title: row.restorePointId ? l10n.t('restore point {0}', row.restorePointId) : undefined }, when),
    row.includesNewerItems ? h('div', { class: 'muted' }, l10n.t('and items created since')) : null,
  ];
}

/** `2026-12-01` / `17:51:47 – 17:51:52` / `took 5 s`: the day once, then the clock times. */
function ranCell(row: ArtifactRow): VChild {
  const [startDay, startClock] = formatTimeSeconds(row.start).split(' ');
  const [endDay, endClock] = formatTimeSeconds(row.completion).split(' ');
  if (!startDay && !endDay) return null;
  const sameDay = !endDay || startDay === endDay;
  return [
    h('div', { class: 'nowrap' }, startDay || endDay),
    h('div', null, startClock ? `${startClock} – ` : l10n.t('until '), endClock ? (sameDay ? endClock : `${endDay} ${endClock}`) : h('span', { class: 'muted' }, l10n.t('running'))),
    row.durationMs !== undefined ? h('div', { class: 'muted' }, l10n.t('took {0}', formatDuration(row.durationMs))) : null,
  ];
}

function restoredCell(row: ArtifactRow): VChild {
  const name = locationName(row.location);
  const link = !name ? null : row.location?.url
    ? h('a', { class: 'link', role: 'link', tabindex: 0, 'data-link': row.location.url, title: l10n.t('Open {0}', decoded(row.location.url)) }, name)
    : h('span', null, name);
  const count = row.restoredItemCount !== undefined ? h('div', { class: 'muted' }, row.restoredItemCount === 1 ? l10n.t('1 item restored') : l10n.t('{0} items restored', row.restoredItemCount.toLocaleString('en-US'))) : null;
  return [link, count];
}

function errorCell(row: ArtifactRow): VChild {
  if (row.errorCode || row.errorMessage) {
    return [
      row.errorMessage ? h('div', { class: 'error-message' }, row.errorMessage) : null,
      row.errorCode ? h('div', { class: 'error-code muted' }, l10n.t('Error code '), h('code', null, row.errorCode)) : null,
    ];
  }
  if (row.status === 'failed') {
    return h('div', { class: 'error-message' }, row.kind === 'granular'
      ? l10n.t('The service gives no reason for a failed item; the session error above may say more.')
      : l10n.t('The service gave no reason.'));
  }
  return null;
}
