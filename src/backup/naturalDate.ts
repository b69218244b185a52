// The point in time a person types: `now`, `-2h` / `-30m` / `-3d` / `-1w` (or `2 h ago`), `yesterday 09:00`,
// `today 8:30`, `2026-11-30 9:00`, `2026-11-30`, or an ISO timestamp with its zone (`2026-11-30T08:00:00Z`).
// Wall-clock forms are read in the given UTC offset (this machine's by default); impossible calendar dates are
// refused rather than rolled over; the answer repeats the time with its zone so nobody has to guess.
import { formatWithZone, localUtcOffset, timeAgo } from './timeWords';
import { l10n } from './l10n';

export type ParsedPointInTime = { ok: true; ms: number; text: string } | { ok: false; message: string };

export interface NaturalDateOptions {
  now: number;
  /** Minutes east of UTC for wall-clock input; this machine's offset when absent. */
  utcOffsetMinutes?: number;
}

const UNITS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const RELATIVE = /^(?:-\s*(\d+)\s*(m|min|h|d|w)|(\d+)\s*(m|min|h|d|w)\s+ago)$/i;
const DAY_WORD = /^(today|yesterday)(?:\s+(\d{1,2}):(\d{2}))?$/i;
const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

export const pointInTimeHint = (): string => l10n.t('Type now, -2h, yesterday 09:00, 2026-11-30 9:00 or an ISO time such as 2026-11-30T08:00:00Z.');

/** Reads a point in time in the past; the message says what is wrong and which forms work. */
export function parsePointInTime(input: string, options: NaturalDateOptions): ParsedPointInTime {
  const text = input.trim();
  const ms = instantOf(text, options);
  if (ms === undefined) return { ok: false, message: l10n.t('"{0}" is not a time I can read. {1}', text, pointInTimeHint()) };
  if (ms === null) return { ok: false, message: l10n.t('"{0}" is not a date on the calendar (check the month, the day, the hour 0-23 and the minute 0-59).', text) };
  if (ms > options.now) return { ok: false, message: l10n.t('{0} is in the future: restore points exist only for backups already taken.', describe(ms, options)) };
  return { ok: true, ms, text: describe(ms, options) };
}

function describe(ms: number, options: NaturalDateOptions): string {
  return `${formatWithZone(ms, options.utcOffsetMinutes ?? localUtcOffset(ms))} (${timeAgo(ms, options.now)})`;
}

/** undefined: not a recognised form; null: recognised but not a real date or time. */
function instantOf(text: string, options: NaturalDateOptions): number | null | undefined {
  if (/^now$/i.test(text)) return options.now;
  const relative = RELATIVE.exec(text);
  if (relative) {
    const amount = Number(relative[1] ?? relative[3]);
    return options.now - amount * UNITS[(relative[2] ?? relative[4]).toLowerCase()];
  }
  const dayWord = DAY_WORD.exec(text);
  if (dayWord) {
    const offset = options.utcOffsetMinutes ?? localUtcOffset(options.now);
    const today = new Date(options.now + offset * 60_000);
    const back = dayWord[1].toLowerCase() === 'yesterday' ? 1 : 0;
    return wallClock(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate() - back, Number(dayWord[2] ?? 0), Number(dayWord[3] ?? 0), options);
  }
  const wall = WALL.exec(text);
  if (wall) return wallClock(+wall[1], +wall[2], +wall[3], Number(wall[4] ?? 0), Number(wall[5] ?? 0), options, true);
  if (ISO_WITH_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : ms;
  }
  return undefined;
}

/** The instant of a wall-clock time; `strict` refuses day numbers that roll over into the next month. */
function wallClock(year: number, month: number, day: number, hour: number, minute: number, options: NaturalDateOptions, strict = false): number | null {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || (strict && (day < 1 || day > 31))) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(utc);
  if (strict && (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)) return null;
  if (options.utcOffsetMinutes !== undefined) return utc - options.utcOffsetMinutes * 60_000;
  // This machine's zone: its offset at that wall time (two passes settle a DST boundary).
  const first = utc - localUtcOffset(utc) * 60_000;
  return utc - localUtcOffset(first) * 60_000;
}
