// The status timeline, drawn as SVG: one lane for the session and one per artifact; a bar per status span,
// a marker per point (filled: observed by the extension; hollow: from a payload timestamp), with a <title>
// tooltip that says when and how. Geometry goes into attributes (x, y, width), colors into CSS classes.
import type { TimelineLane, TimelinePoint } from '../../protocol/details';
import { h, s, type VNode } from './dom';
import { formatClock, formatTimeSeconds, statusClass, truncate } from './format';

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
}

/** Pure geometry: where each span and marker goes. `now` closes the last span of a running session. */
export function layoutTimeline(lanes: readonly TimelineLane[], now: number, running: boolean): TimelineLayout {
  const shown = lanes.slice(0, LAYOUT.maxLanes);
  const times = shown.flatMap((l) => l.points.map((p) => Date.parse(p.at))).filter(Number.isFinite);
  let start = times.length ? Math.min(...times) : now;
  let end = times.length ? Math.max(...times) : now;
  if (running && now > end) end = now;
  if (end - start < 60_000) {
    const mid = (start + end) / 2;
    start = mid - 30_000;
    end = mid + 30_000;
  }
  const plot = LAYOUT.width - LAYOUT.label - LAYOUT.right;
  const x = (t: number) => LAYOUT.label + ((t - start) / (end - start)) * plot;
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
  const tickCount = 5;
  const ticks = Array.from({ length: tickCount }, (_, i) => {
    const t = start + ((end - start) * i) / (tickCount - 1);
    return { x: x(t), label: formatClock(t) };
  });
  return {
    start, end, lanes: laidOut, hidden: lanes.length - shown.length,
    height: LAYOUT.axis + shown.length * LAYOUT.lane + 6, ticks,
  };
}

function tooltip(lane: TimelineLane, point: TimelinePoint): string {
  return `${lane.label}: ${point.status} at ${formatTimeSeconds(point.at)} — ${point.how}`;
}

export function renderTimeline(lanes: readonly TimelineLane[], now: number, running: boolean): VNode {
  if (!lanes.some((l) => l.points.length)) return h('p', { class: 'muted' }, 'No status history yet.');
  const layout = layoutTimeline(lanes, now, running);
  const bar = LAYOUT.lane - 10;
  const svg = s('svg', {
    class: 'timeline', viewBox: `0 0 ${LAYOUT.width} ${layout.height}`, role: 'img',
    'aria-label': `Status timeline of the session and ${Math.max(0, lanes.length - 1)} artifact(s)`,
    preserveAspectRatio: 'xMinYMin meet',
  },
  s('g', { class: 'axis' },
    layout.ticks.map((tick) => [
      s('line', { class: 'tick', x1: tick.x.toFixed(1), x2: tick.x.toFixed(1), y1: 16, y2: layout.height }),
      s('text', { class: 'tick-label', x: tick.x.toFixed(1), y: 12, 'text-anchor': 'middle' }, tick.label),
    ])),
  layout.lanes.map(({ lane, y, spans, markers }) =>
    s('g', { class: `lane lane-${lane.kind}` },
      s('text', { class: 'lane-label', x: 4, y: y + bar - 2 }, s('title', null, lane.label), truncate(lane.label, 28)),
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
    svg,
    layout.hidden > 0 ? h('p', { class: 'muted' }, `${layout.hidden} more artifact lane(s) not drawn; see the list below.`) : null,
    h('p', { class: 'legend' },
      h('span', { class: 'legend-observed' }, '●'), ' observed by the extension   ',
      h('span', { class: 'legend-payload' }, '◇'), ' from a payload timestamp'));
}

/** The same points as a table, for reading exact times and for screen readers. */
export function renderPointTable(lanes: readonly TimelineLane[]): VNode {
  const rows = lanes.flatMap((lane) => lane.points.map((point) => ({ lane, point })))
    .sort((a, b) => Date.parse(a.point.at) - Date.parse(b.point.at));
  return h('table', { class: 'points' },
    h('thead', null, h('tr', null, h('th', null, 'When'), h('th', null, 'What'), h('th', null, 'Status'), h('th', null, 'How'))),
    h('tbody', null, rows.map(({ lane, point }) =>
      h('tr', null,
        h('td', { class: 'nowrap' }, formatTimeSeconds(point.at)),
        h('td', null, lane.label),
        h('td', null, h('span', { class: `dot ${statusClass(point.status)}` }), ' ', point.status),
        h('td', { class: point.source === 'observed' ? 'how observed' : 'how payload' }, point.how)))));
}
