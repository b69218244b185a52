// Restore points as a person chooses them: the documented backup cadence (how far apart points normally are at
// a given age), whether a point is much older than the time asked for, and the real points around a chosen time
// for a pick list, fast-restore points marked. Cadence from the protection policy example in the Graph docs:
// retentionSettings `{interval: "R/PT10M", period: "P2W"}` and `{interval: "R/P1W", period: "P1Y"}` — a point
// every 10 minutes for 14 days, then one a week up to a year.
import { flagMembers, INCLUDE_NEWER_ITEMS_TAG, type RestorePoint } from './model';
import { formatWithZone, localUtcOffset, parseInstant, timeAgo, timeSpan } from './timeWords';
import { l10n } from './l10n';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DOCUMENTED_CADENCE: readonly { period: string; withinMs: number; intervalMs: number; words: string }[] = [
  { period: 'P2W', withinMs: 14 * DAY, intervalMs: 10 * MINUTE, get words() { return l10n.t('every 10 minutes for the last 14 days'); } },
  { period: 'P1Y', withinMs: 365 * DAY, intervalMs: 7 * DAY, get words() { return l10n.t('weekly for a year'); } },
];

/** The normal distance between restore points at `ageMs` before now; undefined beyond the documented retention. */
export function cadenceAt(ageMs: number): (typeof DOCUMENTED_CADENCE)[number] | undefined {
  return DOCUMENTED_CADENCE.find((c) => ageMs <= c.withinMs);
}

/**
 * How much older a point is than the time asked for, when that is more than one and a half times the normal
 * cadence at that age (the service had no point where one was expected), else undefined.
 */
export function staleBy(pointMs: number, chosenMs: number, nowMs: number): number | undefined {
  const gap = chosenMs - pointMs;
  const cadence = cadenceAt(Math.max(0, nowMs - chosenMs));
  if (gap <= 0) return undefined;
  if (!cadence || gap > cadence.intervalMs * 1.5) return gap;
  return undefined;
}

export function isFastRestore(point: Pick<RestorePoint, 'tags'>): boolean {
  return hasTag(point, 'fastRestore');
}

/** Beta: the point (an artifact's, when the service sent it) also brings back items created after it (`includeNewerItems`). */
export function includesNewerItems(point: Pick<RestorePoint, 'tags'> | null | undefined): boolean {
  return !!point && hasTag(point, INCLUDE_NEWER_ITEMS_TAG);
}

function hasTag(point: Pick<RestorePoint, 'tags'>, tag: string): boolean {
  return flagMembers(point.tags).includes(tag);
}

/**
 * A chosen time whose restore points should also bring back the items created after them (beta
 * `includeNewerItems`). It is a Date, so every step that reads the time keeps working unchanged; only the
 * restore point search asks for the tag, and the review says whether the service's answer carries it.
 */
export class TimeWithNewerItems extends Date {}

export interface PointChoice {
  id: string;
  ms: number;
  fastRestore: boolean;
  /** Before (or at) the chosen time, or after it. */
  side: 'before' | 'after';
  /** The point the service's `latest` preference would pick for the chosen time. */
  closest: boolean;
  /** `2026-11-30 09:00 UTC+1 (1 day ago)`. */
  label: string;
  /** `fast restore · 5 min before the time you chose`. */
  description: string;
}

export interface PointsAroundOptions {
  now: number;
  before?: number;
  after?: number;
  utcOffsetMinutes?: number;
}

/** The real restore points nearest a chosen time, newest first: up to `before` at or before it and `after` after it. */
export function pointsAround(points: readonly RestorePoint[], chosenMs: number, options: PointsAroundOptions): PointChoice[] {
  const known = points
    .map((p) => ({ point: p, ms: parseInstant(p.protectionDateTime) }))
    .filter((p): p is { point: RestorePoint; ms: number } => p.ms !== undefined)
    .sort((a, b) => b.ms - a.ms);
  const after = known.filter((p) => p.ms > chosenMs).slice(-(options.after ?? 2));
  const before = known.filter((p) => p.ms <= chosenMs).slice(0, options.before ?? 3);
  return [...after, ...before].map(({ point, ms }, index) => {
    const side = ms > chosenMs ? 'after' : 'before';
    const fastRestore = isFastRestore(point);
    const distance = Math.abs(ms - chosenMs) < 60_000 ? l10n.t('at the time you chose') : side === 'after' ? l10n.t('{0} after the time you chose', timeSpan(ms, chosenMs)) : l10n.t('{0} before the time you chose', timeSpan(ms, chosenMs));
    return {
      id: point.id,
      ms,
      fastRestore,
      side,
      closest: side === 'before' && index === after.length,
      label: l10n.t('{0} ({1})', formatWithZone(ms, options.utcOffsetMinutes ?? localUtcOffset(ms)), timeAgo(ms, options.now)),
      description: [fastRestore ? l10n.t('fast restore') : '', includesNewerItems(point) ? l10n.t('with items created since') : '', distance].filter(Boolean).join(' · '),
    };
  });
}
