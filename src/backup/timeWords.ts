// Times as people read them: an age ("2 h ago"), a local date and time with its time zone named by its UTC
// offset ("2026-11-30 09:00 UTC+1"), and both together for a point in time. The offset is a parameter (minutes
// east of UTC) so tests and other zones get the same words; by default it is this machine's offset at that instant.

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
  const abs = Math.abs(diff);
  let amount: string;
  if (abs < MINUTE) return 'just now';
  if (abs < HOUR) amount = `${Math.floor(abs / MINUTE)} min`;
  else if (abs < DAY) amount = `${Math.floor(abs / HOUR)} h`;
  else if (abs < 14 * DAY) amount = plural(Math.floor(abs / DAY), 'day');
  else if (abs < 60 * DAY) amount = plural(Math.floor(abs / (7 * DAY)), 'week');
  else amount = plural(Math.floor(abs / (30 * DAY)), 'month');
  return diff >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** `2026-11-30 09:00 UTC+1 (1 day ago)`; '' for a missing or placeholder (`0001-01-01`) value. */
export function pointInTimeText(iso: string | null | undefined, nowMs: number, offsetMinutes?: number): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return '';
  return `${formatWithZone(ms, offsetMinutes ?? localUtcOffset(ms))} (${timeAgo(ms, nowMs)})`;
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
