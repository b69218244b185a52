// A unit's restore points as a timeline a person reads: grouped by local day (newest first) with a 24-hour axis
// per day, fast-restore points marked, and the gaps where the documented cadence (restorePoints.ts: every 10 minutes
// for 14 days, then weekly) expected a point and there was none. Pure: the caller reads the points, this only groups.
import type { RestorePoint } from './model';
import { DOCUMENTED_CADENCE, isFastRestore } from './restorePoints';
import { formatWithZone, parseInstant } from './timeWords';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A distance more than this many normal intervals between two points is a gap. */
const GAP_FACTOR = 1.5;
/** How long a unit's first backup may take after it is protected before the wait counts as a gap. */
const FIRST_BACKUP_GRACE_MS = HOUR;

/** The 10-minute part of the documented cadence and the weekly part after it. */
export const FREQUENT_WINDOW_MS = DOCUMENTED_CADENCE[0].withinMs;
export const FREQUENT_INTERVAL_MS = DOCUMENTED_CADENCE[0].intervalMs;
export const WEEKLY_INTERVAL_MS = DOCUMENTED_CADENCE[1].intervalMs;

export interface TimelinePoint {
  id: string;
  ms: number;
  fastRestore: boolean;
  /** The point as the service sent it (for restoring from it). */
  point: RestorePoint;
}

/** No restore point after `fromMs` up to `toMs`, where the cadence expected one every `intervalMs`. */
export interface TimelineGap {
  fromMs: number;
  toMs: number;
  intervalMs: number;
}

export type TimelineEntry = { kind: 'point'; point: TimelinePoint } | { kind: 'gap'; gap: TimelineGap };

export interface TimelineDay {
  /** `2026-11-30` at the caller's UTC offset. */
  date: string;
  startMs: number;
  /** Newest first: points and the gaps between them. */
  entries: TimelineEntry[];
  pointCount: number;
  fastRestoreCount: number;
  gapCount: number;
  /**
   * One character per hour, 00 to 23: `█` every expected point is there, `▄` some are, `░` none although one was
   * expected (a gap), `·` none expected (before protection, or still to come).
   */
  hours: string;
}

export interface TimelineOptions {
  nowMs: number;
  /** Points before this are not expected (the unit was not protected yet). */
  protectedFromMs?: number;
  /** Points after this are not expected (the unit stopped being protected). */
  protectedUntilMs?: number;
  utcOffsetMinutes: number;
}

/** The points with a usable time, oldest first. */
export function timelinePoints(points: readonly RestorePoint[]): TimelinePoint[] {
  return [...new Map(points.map((p) => [p.id, p])).values()]
    .map((point) => ({ id: point.id, ms: parseInstant(point.protectionDateTime) ?? NaN, fastRestore: isFastRestore(point), point }))
    .filter((p) => !Number.isNaN(p.ms))
    .sort((a, b) => a.ms - b.ms);
}

/**
 * The gaps inside `[startMs, endMs]` for points sorted oldest first, counting the range's ends as the places a
 * point was last and next expected. `leadingGraceMs` more is allowed before the first point (a unit's first backup
 * takes a while after it is protected).
 */
export function gapsIn(points: readonly TimelinePoint[], startMs: number, endMs: number, intervalMs: number, leadingGraceMs = 0): TimelineGap[] {
  if (!(endMs > startMs)) return [];
  const times = [startMs, ...points.map((p) => p.ms).filter((ms) => ms >= startMs && ms <= endMs), endMs];
  const gaps: TimelineGap[] = [];
  for (let i = 1; i < times.length; i++) {
    const allowed = intervalMs * GAP_FACTOR + (i === 1 ? leadingGraceMs : 0);
    if (times[i] - times[i - 1] > allowed) gaps.push({ fromMs: times[i - 1], toMs: times[i], intervalMs });
  }
  return gaps;
}

/** Local days from the newest to the oldest, each with its points, gaps and hour axis, for the 10-minute window. */
export function frequentDays(points: readonly TimelinePoint[], options: TimelineOptions): TimelineDay[] {
  const { expectFrom, expectTo } = expectedRange(options, options.nowMs - FREQUENT_WINDOW_MS);
  const recent = points.filter((p) => p.ms > options.nowMs - FREQUENT_WINDOW_MS);
  const startsWithProtection = expectFrom === options.protectedFromMs;
  const gaps = gapsIn(recent, expectFrom, expectTo, FREQUENT_INTERVAL_MS, startsWithProtection ? FIRST_BACKUP_GRACE_MS : 0);
  const offset = options.utcOffsetMinutes * MINUTE;
  const dayStart = (ms: number) => Math.floor((ms + offset) / DAY) * DAY - offset;
  const days: TimelineDay[] = [];
  for (let start = dayStart(options.nowMs); start + DAY > options.nowMs - FREQUENT_WINDOW_MS; start -= DAY) {
    const end = start + DAY;
    const inDay = recent.filter((p) => p.ms >= start && p.ms < end);
    const dayGaps = gaps
      .filter((g) => g.toMs > start && g.fromMs < end)
      .map((g) => ({ ...g, fromMs: Math.max(g.fromMs, start), toMs: Math.min(g.toMs, end) }));
    if (!inDay.length && !dayGaps.length && (end <= expectFrom || start >= expectTo)) continue;
    const entries: TimelineEntry[] = [
      ...inDay.map((point): TimelineEntry => ({ kind: 'point', point })),
      ...dayGaps.map((gap): TimelineEntry => ({ kind: 'gap', gap })),
    ].sort((a, b) => entryTime(b) - entryTime(a));
    days.push({
      date: formatWithZone(start, options.utcOffsetMinutes).slice(0, 10),
      startMs: start,
      entries,
      pointCount: inDay.length,
      fastRestoreCount: inDay.filter((p) => p.fastRestore).length,
      gapCount: dayGaps.length,
      hours: hourAxis(inDay, start, expectFrom, expectTo),
    });
  }
  return days;
}

/** The weekly points older than the 10-minute window, newest first, with the weeks that have none. */
export function weeklyEntries(points: readonly TimelinePoint[], options: TimelineOptions): TimelineEntry[] {
  const windowStart = options.nowMs - FREQUENT_WINDOW_MS;
  const older = points.filter((p) => p.ms <= windowStart);
  const retention = DOCUMENTED_CADENCE[DOCUMENTED_CADENCE.length - 1].withinMs;
  const from = Math.max(options.protectedFromMs ?? -Infinity, options.nowMs - retention);
  const to = Math.min(options.protectedUntilMs ?? Infinity, windowStart);
  // The weekly grid is not aligned to the window: the first expected point is up to a week after `from`.
  const gaps = gapsIn(older, from, to, WEEKLY_INTERVAL_MS, from === options.protectedFromMs ? FIRST_BACKUP_GRACE_MS : 0);
  return [
    ...older.map((point): TimelineEntry => ({ kind: 'point', point })),
    ...gaps.map((gap): TimelineEntry => ({ kind: 'gap', gap })),
  ].sort((a, b) => entryTime(b) - entryTime(a));
}

/** The normal interval at a point's age, for saying what a gap missed ("every 10 minutes"). */
export function intervalWords(intervalMs: number): string {
  return DOCUMENTED_CADENCE.find((c) => c.intervalMs === intervalMs)?.words.replace(/ for .*$/, '') ?? '';
}

/** Where points were expected in the 10-minute window: after protection started, until now or until it stopped. */
function expectedRange(options: TimelineOptions, windowStart: number): { expectFrom: number; expectTo: number } {
  return {
    expectFrom: Math.max(windowStart, options.protectedFromMs ?? -Infinity),
    expectTo: Math.min(options.nowMs, options.protectedUntilMs ?? Infinity),
  };
}

function entryTime(entry: TimelineEntry): number {
  return entry.kind === 'point' ? entry.point.ms : entry.gap.toMs;
}

function hourAxis(points: readonly TimelinePoint[], dayStartMs: number, expectFrom: number, expectTo: number): string {
  let axis = '';
  for (let hour = 0; hour < 24; hour++) {
    const from = dayStartMs + hour * HOUR;
    const to = from + HOUR;
    const expected = expectedSlots(Math.max(from, expectFrom), Math.min(to, expectTo + 1));
    const found = points.filter((p) => p.ms >= from && p.ms < to).length;
    axis += found === 0 ? (expected === 0 ? '·' : '░') : found >= expected ? '█' : '▄';
  }
  return axis;
}

/** 10-minute grid times in `[from, to)`. */
function expectedSlots(from: number, to: number): number {
  if (!(to > from)) return 0;
  const first = Math.ceil(from / FREQUENT_INTERVAL_MS) * FREQUENT_INTERVAL_MS;
  return first >= to ? 0 : Math.floor((to - 1 - first) / FREQUENT_INTERVAL_MS) + 1;
}


/** A unit's whole timeline: the 10-minute days and the weekly points before them. */
export interface UnitTimeline {
  days: TimelineDay[];
  weekly: TimelineEntry[];
  pointCount: number;
}

/**
 * Reads a unit's restore points over its whole retention and groups them. The range is cut into days (and one
 * weekly stretch) read side by side, since each request answers at most five points.
 */
export async function readTimeline(
  read: (range: { fromMs: number; toMs: number }) => Promise<RestorePoint[]>,
  options: TimelineOptions,
): Promise<UnitTimeline> {
  const retention = DOCUMENTED_CADENCE[DOCUMENTED_CADENCE.length - 1].withinMs;
  const from = Math.max(options.nowMs - retention, options.protectedFromMs ?? -Infinity);
  const to = Math.min(options.nowMs, options.protectedUntilMs ?? Infinity);
  const ranges: { fromMs: number; toMs: number }[] = [];
  const windowStart = options.nowMs - FREQUENT_WINDOW_MS;
  if (from < windowStart) ranges.push({ fromMs: from, toMs: Math.min(to, windowStart) });
  for (let start = Math.max(from, windowStart); start < to; start += DAY) ranges.push({ fromMs: start + (start === from ? 0 : 1), toMs: Math.min(to, start + DAY) });
  const points = timelinePoints((await Promise.all(ranges.map(read))).flat());
  return { days: frequentDays(points, options), weekly: weeklyEntries(points, options), pointCount: points.length };
}
