// Times as people read them: an age ("2 h ago"), a local date and time with its time zone named by its UTC
// offset ("2026-11-30 09:00 UTC+1"), and both together for a point in time. The offset is a parameter (minutes
// east of UTC) so tests and other zones get the same words; by default it is this machine's offset at that instant.
import { l10n } from './l10n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Minutes east of UTC of this machine's time zone at `ms` (UTC+1 → 60). */
export function localUtcOffset(ms: number): number {
  const offset = -new Date(ms).getTimezoneOffset();
  return offset === 0 ? 0 : offset; // never -0, which would print as "UTC-0"
}

/** `UTC`, `UTC+1`, `UTC-3`, `UTC+5:30`. */
export function utcOffsetName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** `2026-11-30 09:00 UTC+1`: the wall-clock time at that offset, and the offset named. */
export function formatWithZone(ms: number, offsetMinutes: number = localUtcOffset(ms)): string {
  const wall = new Date(ms + offsetMinutes * MINUTE);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  return `${date} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())} ${utcOffsetName(offsetMinutes)}`;
}

/** `just now`, `5 min ago`, `2 h ago`, `1 day ago`, `3 weeks ago`; `in 5 min` for a future time. */
export function timeAgo(thenMs: number, nowMs: number): string {
  const diff = nowMs - thenMs;
  if (Math.abs(diff) < MINUTE) return l10n.t('just now');
  const amount = timeSpan(thenMs, nowMs);
  return diff >= 0 ? l10n.t('{0} ago', amount) : l10n.t('in {0}', amount);
}

/** The distance between two times in the unit timeAgo uses: `5 min`, `2 h`, `1 day`, `3 weeks`, `4 months`. */
export function timeSpan(aMs: number, bMs: number): string {
  const abs = Math.abs(bMs - aMs);
  if (abs < HOUR) return l10n.t('{0} min', Math.floor(abs / MINUTE));
  if (abs < DAY) return l10n.t('{0} h', Math.floor(abs / HOUR));
  const days = Math.floor(abs / DAY);
  const weeks = Math.floor(abs / (7 * DAY));
  const months = Math.floor(abs / (30 * DAY));
  if (abs < 14 * DAY) return days === 1 ? l10n.t('1 day') : l10n.t('{0} days', days);
  if (abs < 60 * DAY) return weeks === 1 ? l10n.t('1 week') : l10n.t('{0} weeks', weeks);
  return months === 1 ? l10n.t('1 month') : l10n.t('{0} months', months);
}

/** `2026-11-30 09:00 UTC+1 (1 day ago)`; '' for a missing or placeholder (`0001-01-01`) value. */
export function pointInTimeText(iso: string | null | undefined, nowMs: number, offsetMinutes?: number): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return '';
  return l10n.t('{0} ({1})', formatWithZone(ms, offsetMinutes ?? localUtcOffset(ms)), timeAgo(ms, nowMs));
}

/** Milliseconds of a service timestamp, or undefined when missing, unparseable or the `0001-01-01` placeholder. */
export function parseInstant(iso: string | null | undefined): number | undefined {
  if (!iso || iso.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
