// Restore points, computed arithmetically rather than stored: a year of 10-minute points for 100+ units would be
// millions of objects. The policies' retention settings define two grids in absolute UTC time:
//   - every 10 minutes (R/PT10M), each kept two weeks (P2W);
//   - weekly, Sundays 02:30 UTC (R/P1W), each kept a year (P1Y).
// A weekly time is also a 10-minute time, so inside the last two weeks the union is just the 10-minute grid.
// A point exists while now < expirationDateTime, and only inside the unit's backup window (after its first
// backup, before deletion or unprotection). Points on the hour are `fastRestore` (browse sessions need them);
// weekly points are at half past, so they are never fast and a point's tags never change as it ages.
//
// Ids are `<unitId>_<unix seconds>_<fast 0|1>_<weekly 0|1>`, the `<guid>_<digits>_<n>_<n>` shape seen in the docs:
// opaque to clients, decodable here, stable across restarts, and rejected once the point has expired.
import type { RestorePoint } from '../../backup/model';
import { RETENTION_SETTINGS } from './policies';
import { addIsoDuration, DAY_MS, HOUR_MS, iso, MINUTE_MS, WEEK_MS } from './time';
import type { UnitRecord } from './units';

const STEP_MS = 10 * MINUTE_MS;
/** Sunday 02:30 UTC: the Unix epoch was a Thursday, so Sundays are 3 days after it modulo a week. */
const WEEKLY_OFFSET_MS = 3 * DAY_MS + 2 * HOUR_MS + 30 * MINUTE_MS;
const [FREQUENT, WEEKLY] = RETENTION_SETTINGS.map((r) => r.period as string);

const floorTo = (ms: number, step: number, offset = 0) => Math.floor((ms - offset) / step) * step + offset;
const ceilTo = (ms: number, step: number, offset = 0) => Math.ceil((ms - offset) / step) * step + offset;

export const isWeeklyTime = (ms: number) => (ms - WEEKLY_OFFSET_MS) % WEEK_MS === 0;
export const isFastRestoreTime = (ms: number) => ms % HOUR_MS === 0 && !isWeeklyTime(ms);
export const expirationOf = (ms: number) => addIsoDuration(ms, isWeeklyTime(ms) ? WEEKLY : FREQUENT);

export function restorePointId(unitId: string, ms: number): string {
  return `${unitId}_${ms / 1000}_${isFastRestoreTime(ms) ? 1 : 0}_${isWeeklyTime(ms) ? 1 : 0}`;
}

/** Splits an id into unit id and time; undefined when it is not one of ours or its flags do not match the time. */
export function decodeRestorePointId(id: string): { unitId: string; ms: number } | undefined {
  const match = /^([0-9a-f-]{36})_(\d{1,12})_([01])_([01])$/.exec(id);
  if (!match) return undefined;
  const ms = Number(match[2]) * 1000;
  if (ms % STEP_MS !== 0 || restorePointId(match[1], ms) !== id) return undefined;
  return { unitId: match[1], ms };
}

export function restorePointOf(unitId: string, ms: number): RestorePoint {
  return {
    id: restorePointId(unitId, ms),
    protectionDateTime: iso(ms),
    expirationDateTime: iso(expirationOf(ms)),
    tags: isFastRestoreTime(ms) ? 'fastRestore' : 'none',
  };
}

/** The unit's backup windows, newest first: the current (or last) one, then earlier closed ones. */
function windowsOf(record: UnitRecord): { startMs: number; endMs: number }[] {
  return [{ startMs: record.backupStartMs, endMs: record.backupEndMs }, ...(record.pastWindows ?? [])];
}

/** Whether a point at `ms` exists for the unit at `nowMs`. */
export function pointExists(record: UnitRecord, ms: number, nowMs: number): boolean {
  return ms % STEP_MS === 0 && ms <= nowMs && expirationOf(ms) > nowMs && windowsOf(record).some((w) => ms >= w.startMs && ms <= w.endMs);
}

export interface PointWindow {
  /** Inclusive upper bound. */
  beforeMs?: number;
  /** Exclusive lower bound. */
  afterMs?: number;
}

/**
 * Times of a unit's existing restore points inside the window, lazily, newest first (`desc`) or oldest first.
 * Work is proportional to the points consumed, never to the size of the year.
 */
export function* pointTimes(record: UnitRecord, nowMs: number, window: PointWindow, order: 'asc' | 'desc'): Generator<number> {
  const windows = windowsOf(record);
  if (order === 'asc') windows.reverse();
  for (const backups of windows) yield* windowTimes(backups, nowMs, window, order);
}

function* windowTimes(backups: { startMs: number; endMs: number }, nowMs: number, window: PointWindow, order: 'asc' | 'desc'): Generator<number> {
  const hi = Math.min(nowMs, window.beforeMs ?? Infinity, backups.endMs);
  const lo = Math.max(backups.startMs, window.afterMs === undefined ? -Infinity : window.afterMs + 1);
  if (!(hi >= lo)) return;
  // Oldest 10-minute time still retained (expiry strictly after now), and oldest retained weekly time.
  const frequentFloor = floorTo(nowMs - 14 * DAY_MS, STEP_MS) + STEP_MS;
  let weeklyFloor = ceilTo(nowMs - 366 * DAY_MS, WEEK_MS, WEEKLY_OFFSET_MS);
  while (expirationOf(weeklyFloor) <= nowMs) weeklyFloor += WEEK_MS;

  const frequent = { from: ceilTo(Math.max(lo, frequentFloor), STEP_MS), to: floorTo(hi, STEP_MS) };
  const weekly = {
    from: ceilTo(Math.max(lo, weeklyFloor), WEEK_MS, WEEKLY_OFFSET_MS),
    to: floorTo(Math.min(hi, frequentFloor - 1), WEEK_MS, WEEKLY_OFFSET_MS),
  };
  if (order === 'desc') {
    for (let t = frequent.to; t >= frequent.from; t -= STEP_MS) yield t;
    for (let t = weekly.to; t >= weekly.from; t -= WEEK_MS) yield t;
  } else {
    for (let t = weekly.from; t <= weekly.to; t += WEEK_MS) yield t;
    for (let t = frequent.from; t <= frequent.to; t += STEP_MS) yield t;
  }
}

/** The first `limit` points matching `accept`, in the generator's order. */
export function takePoints(times: Iterable<number>, limit: number, accept: (ms: number) => boolean = () => true): number[] {
  const taken: number[] = [];
  if (limit <= 0) return taken;
  for (const t of times) {
    if (!accept(t)) continue;
    taken.push(t);
    if (taken.length >= limit) break;
  }
  return taken;
}
