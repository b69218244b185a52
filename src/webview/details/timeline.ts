// The status timeline, drawn as SVG: one lane for the session and one per artifact; a bar per status span,
// a marker per point (filled: observed by the extension; hollow: from a payload timestamp), with a <title>
// tooltip that says when and how. Geometry goes into attributes (x, y, width), colors into CSS classes.
import type { TimelineLane, TimelinePoint } from '../../protocol/details';
import { h, s, type VNode } from './dom';
import { artifactStatusWord, formatClock, formatDuration, formatTimeSeconds, l10n, sessionStatusWord, statusClass, truncate } from './format';
import { decoded, displayName } from './words';

export const LAYOUT = { width: 900, label: 200, lane: 24, axis: 28, right: 12, maxLanes: 60 };

export interface Span { x: number; width: number; status: string }
export interface Marker { x: number; point: TimelinePoint }
export interface LaneLayout { lane: TimelineLane; y: number; spans: Span[]; markers: Marker[] }

export interface TimelineLayout {
  start: number;
  end: number;
  lanes: LaneLayout[];
  hidden: number;
  height: number;
  ticks: { x: number; label: string }[];
  /** Long quiet stretches drawn shorter than their real length, with how long they were. */
  breaks: { x: number; label: string }[];
}

/**
 * A time scale that keeps short stretches proportional and shortens long quiet ones: a session created an
 * hour (or a week) before anything happened still shows its seconds of activity. A gap between consecutive
 * event times is long when it exceeds 4x the median gap (at least 5 s); long gaps are drawn as wide as half
 * the short ones together (at least the median gap) and marked as breaks.
 */
export function compressedScale(times: readonly number[]): { toUnit: (t: number) => number; breaks: { at: number; gapMs: number }[] } {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (sorted.length < 2) return { toUnit: () => 0.5, breaks: [] };
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]);
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  const threshold = Math.max(5_000, 4 * median);
  const long = gaps.filter((g) => g > threshold);
  const short = gaps.filter((g) => g <= threshold).reduce((a, b) => a + b, 0);
  const cap = gaps.length > 1 && long.length ? Math.max(median, (0.5 * short) / long.length) : Infinity;
  const scaled = [0];
  const breaks: { at: number; gapMs: number }[] = [];
  gaps.forEach((gap, i) => {
    const width = gap > threshold ? Math.min(gap, cap) : gap;
    if (width < gap) breaks.push({ at: scaled[i] + width / 2, gapMs: gap });
    scaled.push(scaled[i] + width);
  });
  const total = scaled[scaled.length - 1];
  const toUnit = (t: number) => {
    if (t <= sorted[0]) return 0;
    if (t >= sorted[sorted.length - 1]) return 1;
    let i = 1;
    while (sorted[i] < t) i++;
    const f = (t - sorted[i - 1]) / (sorted[i] - sorted[i - 1]);
    return (scaled[i - 1] + f * (scaled[i] - scaled[i - 1])) / total;
  };
  return { toUnit, breaks: breaks.map((b) => ({ at: b.at / total, gapMs: b.gapMs })) };
}

/** Pure geometry: where each span and marker goes. `now` closes the last span of a running session. */
export function layoutTimeline(lanes: readonly TimelineLane[], now: number, running: boolean, width: number = LAYOUT.width): TimelineLayout {
  const shown = lanes.slice(0, LAYOUT.maxLanes);
  const times = shown.flatMap((l) => l.points.map((p) => Date.parse(p.at))).filter(Number.isFinite);
  if (running || times.length === 0) times.push(now);
  const start = Math.min(...times);
  const end = Math.max(...times);
  const scale = compressedScale(times);
  const plot = width - LAYOUT.label - LAYOUT.right;
  const x = (t: number) => LAYOUT.label + scale.toUnit(t) * plot;
  const laidOut = shown.map((lane, index): LaneLayout => {
    const y = LAYOUT.axis + index * LAYOUT.lane;
    const points = lane.points.filter((p) => Number.isFinite(Date.parse(p.at)));
    const spans: Span[] = [];
    points.forEach((point, i) => {
      const from = Date.parse(point.at);
      const next = points[i + 1];
      const to = next ? Date.parse(next.at) : running || lane.kind === 'artifact' ? end : from;
      if (to > from) spans.push({ x: x(from), width: Math.max(1, x(to) - x(from)), status: point.status });
    });
    return { lane, y, spans, markers: points.map((point) => ({ x: x(Date.parse(point.at)), point })) };
  });
  const unique = [...new Set(times)].sort((a, b) => a - b);
  // Ticks at the first and last event and at evenly spaced events between them, at least 90 px apart.
  const ticks: { x: number; label: string }[] = [];
  for (const t of unique) {
    const tx = x(t);
    if (ticks.length && tx - ticks[ticks.length - 1].x < 90) continue;
    ticks.push({ x: tx, label: formatClock(t) });
  }
  return {
    start, end, lanes: laidOut, hidden: lanes.length - shown.length,
    height: LAYOUT.axis + shown.length * LAYOUT.lane + 6 + (scale.breaks.length ? 14 : 0), ticks,
    breaks: scale.breaks.map((b) => ({ x: LAYOUT.label + b.at * plot, label: formatDuration(b.gapMs) })),
  };
}

/** The words for a status on a lane: session and artifact statuses have different vocabularies. */
export function statusWordOn(lane: TimelineLane, status: string): string {
  return lane.kind === 'session' ? sessionStatusWord(status as never) : artifactStatusWord(status as never);
}

function tooltip(lane: TimelineLane, point: TimelinePoint): string {
  return `${displayName(lane.label)}: ${statusWordOn(lane, point.status)} at ${formatTimeSeconds(point.at)} — ${point.how}`;
}

/**
 * `width` is the room the panel has, in CSS px: the drawing is made that wide and shown 1:1, so it fits the
 * panel and its 11 px text never scales down (a narrower panel than the drawing's minimum scrolls it).
 */
export function renderTimeline(lanes: readonly TimelineLane[], now: number, running: boolean, width: number = LAYOUT.width): VNode {
  if (!lanes.some((l) => l.points.length)) return h('p', { class: 'muted' }, l10n.t('No status history yet.'));
  const layout = layoutTimeline(lanes, now, running, width);
  const bar = LAYOUT.lane - 10;
  const svg = s('svg', {
    class: 'timeline', viewBox: `0 0 ${width} ${layout.height}`, width, height: layout.height, role: 'img',
    'aria-label': l10n.t('Status timeline of the session and {0} artifact(s)', Math.max(0, lanes.length - 1)),
    preserveAspectRatio: 'xMinYMin meet',
  },
  s('g', { class: 'axis' },
    layout.ticks.map((tick) => [
      s('line', { class: 'tick', x1: tick.x.toFixed(1), x2: tick.x.toFixed(1), y1: 16, y2: layout.height }),
      s('text', {
        class: 'tick-label', x: tick.x.toFixed(1), y: 12,
        // keep the labels at both ends inside the drawing
        'text-anchor': tick.x > width - LAYOUT.right - 40 ? 'end' : 'middle',
      }, tick.label),
    ])),
  layout.breaks.map((b) => s('g', { class: 'break' },
    s('line', { class: 'break-line', x1: b.x.toFixed(1), x2: b.x.toFixed(1), y1: 16, y2: layout.height }),
    s('text', { class: 'break-label', x: b.x.toFixed(1), y: layout.height - 2, 'text-anchor': 'middle' }, `≈ ${b.label}`),
    s('title', null, l10n.t('{0} without events, drawn shorter', b.label)))),
  layout.lanes.map(({ lane, y, spans, markers }) =>
    s('g', { class: `lane lane-${lane.kind}` },
      s('text', { class: 'lane-label', x: 4, y: y + bar - 2 }, s('title', null, decoded(lane.label)), truncate(displayName(lane.label), 28)),
      spans.map((span) => s('rect', { class: `span ${statusClass(span.status)}`, x: span.x.toFixed(1), y: y + 2, width: span.width.toFixed(1), height: bar - 4, rx: 2 })),
      markers.map(({ x, point }) =>
        point.source === 'observed'
          ? s('circle', { class: `marker observed ${statusClass(point.status)}`, cx: x.toFixed(1), cy: y + bar / 2, r: 4 }, s('title', null, tooltip(lane, point)))
          : s('rect', {
            class: `marker payload ${statusClass(point.status)}`, x: (x - 3.5).toFixed(1), y: y + bar / 2 - 3.5, width: 7, height: 7,
            transform: `rotate(45 ${x.toFixed(1)} ${y + bar / 2})`,
          }, s('title', null, tooltip(lane, point))),
      ))));
  return h('div', { class: 'timeline-wrap' },
    h('div', { class: 'timeline-scroll', tabindex: 0, 'aria-label': l10n.t('Status timeline, scrolls sideways') }, svg),
    layout.hidden > 0 ? h('p', { class: 'muted' }, l10n.t('{0} more artifact lane(s) not drawn; see the list below.', layout.hidden)) : null,
    h('p', { class: 'legend' },
      h('span', { class: 'legend-observed' }, '●'), l10n.t(' observed by the extension   '),
      h('span', { class: 'legend-payload' }, '◇'), l10n.t(' from a payload timestamp'),
      layout.breaks.length ? l10n.t('   ┊ a long quiet stretch drawn shorter') : ''));
}

/** The same points as a table, for reading exact times and for screen readers. */
export function renderPointTable(lanes: readonly TimelineLane[]): VNode {
  const rows = lanes.flatMap((lane) => lane.points.map((point) => ({ lane, point })))
    .sort((a, b) => Date.parse(a.point.at) - Date.parse(b.point.at));
  return h('table', { class: 'points' },
    h('thead', null, h('tr', null, h('th', null, l10n.t('When')), h('th', null, l10n.t('What')), h('th', null, l10n.t('Status')), h('th', null, l10n.t('How')))),
    h('tbody', null, rows.map(({ lane, point }) =>
      h('tr', null,
        h('td', { class: 'nowrap' }, formatTimeSeconds(point.at)),
        h('td', null, displayName(lane.label)),
        h('td', null, h('span', { class: `dot ${statusClass(point.status)}` }), ' ', statusWordOn(lane, point.status)),
        h('td', { class: point.source === 'observed' ? 'how observed' : 'how payload' }, point.how)))));
}

/** The timeline as a list, one entry per lane, for narrow panels: the same points, in text that keeps its size. */
export function renderTimelineList(lanes: readonly TimelineLane[]): VNode {
  const drawn = lanes.filter((lane) => lane.points.length);
  if (!drawn.length) return h('p', { class: 'muted' }, l10n.t('No status history yet.'));
  return h('ol', { class: 'timeline-list', 'aria-label': l10n.t('Status history of the session and its artifacts') },
    drawn.map((lane) => h('li', { class: `lane-${lane.kind}` },
      h('div', { class: 'lane-name', title: decoded(lane.label) }, displayName(lane.label)),
      h('ol', { class: 'lane-points' }, lane.points.map((point) => h('li', null,
        h('span', { class: `dot ${statusClass(point.status)}`, 'aria-hidden': 'true' }), ' ',
        h('span', { class: 'nowrap' }, formatTimeSeconds(point.at)), ' ',
        h('strong', null, statusWordOn(lane, point.status)),
        h('span', { class: 'muted' }, ` — ${point.how}`)))))));
}
