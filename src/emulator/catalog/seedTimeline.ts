// The clock of a seeded session: when it was created and activated, and where each artifact's restore stands at
// `now`. Activation schedules artifacts one after another, each taking its unit's fixed outcome duration, so
// statuses and timestamps agree with each other and with what the service's lifecycle engine produces.
import type { ArtifactRestoreStatus, RestorePoint } from '../../backup/model';
import type { BrowseNode } from './browseTree';
import { pick } from './hash';
import type { SessionSpec } from './sessionSpecs';
import { MINUTE_MS } from './time';
import type { RestoreOutcome } from './types';
import type { UnitRecord } from './units';

/** Activation schedules artifacts one after another: the first starts a minute in, then one every 45 seconds. */
export const startOffsetMs = (index: number) => (60 + 45 * index) * 1000;

/** One artifact to be: the unit it restores, how that ends, and (granular files) the item. */
export interface Plan {
  id: string;
  record: UnitRecord;
  outcome: RestoreOutcome;
  item?: BrowseNode;
  /** Known up front for bulk artifacts (resolved from the request's window); otherwise picked before the session. */
  restorePoint?: RestorePoint;
}

export interface Timeline {
  createdMs: number;
  activatedMs?: number;
}

export interface ArtifactTimes {
  status: ArtifactRestoreStatus;
  startMs?: number;
  endMs?: number;
}

export function timelineOf(spec: SessionSpec, plans: Plan[], nowMs: number): Timeline {
  let createdMs = nowMs - spec.createdMinutesAgo * MINUTE_MS - pick(`ms:${spec.name}`, 0, 59_999);
  const ends = plans.map((p, i) => startOffsetMs(i) + p.outcome.durationSeconds * 1000);
  let activatedMs: number | undefined;
  if (spec.phase === 'activating') activatedMs = nowMs - 20_000;
  else if (spec.phase === 'active') {
    // Late enough that the quickest artifact has just finished and the others are still running; with a single
    // artifact, halfway through it.
    activatedMs = plans.length > 1
      ? nowMs - Math.min(...ends) - 10_000
      : nowMs - startOffsetMs(0) - (plans[0].outcome.durationSeconds * 1000) / 2;
  } else if (spec.phase === 'finished') activatedMs = createdMs + pick(`activate:${spec.name}`, 2, 25) * MINUTE_MS;
  if (activatedMs !== undefined) createdMs = Math.min(createdMs, activatedMs - 2 * MINUTE_MS);
  return { createdMs, activatedMs };
}

export function statusAt(plan: Plan, index: number, spec: SessionSpec, timeline: Timeline, nowMs: number): ArtifactRestoreStatus {
  if (timeline.activatedMs === undefined) return 'added';
  if (spec.phase === 'activating') return 'scheduling';
  const elapsed = nowMs - timeline.activatedMs;
  if (elapsed >= startOffsetMs(index) + plan.outcome.durationSeconds * 1000) return plan.outcome.succeeds ? 'succeeded' : 'failed';
  return elapsed >= startOffsetMs(index) ? 'inProgress' : 'scheduled';
}
