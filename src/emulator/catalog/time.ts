// Time helpers shared by the catalog: ISO-8601 formatting and the retention arithmetic of restore points.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Graph writes DateTimeOffset values in UTC with a `Z`. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Adds an ISO-8601 duration of the simple forms used by retention settings (`P2W`, `P1Y`, `P30D`, `PT10M`).
 * Years and months are calendar steps (2025-02-28 + P1Y = 2026-02-28, as in the documented example).
 */
export function addIsoDuration(ms: number, duration: string): number {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) throw new Error(`Unsupported ISO-8601 duration: ${duration}`);
  const [, y, mo, w, d, h, mi, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(ms);
  if (y || mo) date.setUTCMonth(date.getUTCMonth() + 12 * y + mo);
  return date.getTime() + w * WEEK_MS + d * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * 1000;
}

/** Parses an ISO date-time parameter; undefined when absent, NaN-safe (returns null when malformed). */
export function parseDateTime(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
