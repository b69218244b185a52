// `POST /_emulator/seed/sessions`: bulk-inserts draft restore sessions for benchmarks and load tests, e.g.
// {"workload":"exchange","count":10000,"artifactsPerSession":10}. Every session goes through the same
// `createSession` handler as `POST /<workload>RestoreSessions` (body validation, the model's artifact rules,
// restore points resolved against the catalog), so the store only ever holds sessions the API could have made.
// What differs: one persistence commit for the whole batch instead of one per session, and creation times
// spread one second apart ending now, so lists have a realistic order. The work is capped and done in chunks
// that yield to the event loop, so other requests are answered while a large seed runs; one seed at a time.
import type { Workload, WorkloadId } from '../../backup/model';
import { LIMITS, WORKLOADS } from '../../backup/model';
import { badRequest, EmulatorError } from '../errors';
import type { Reply, RequestContext } from './context';
import { ok } from './context';
import type { SessionRecord } from '../state';
import type { EmulatorCore } from './core';
import type { StateChange } from './journal';
import { iso } from './records';
import { createSession } from './sessions';
import { bodyObject, rejectUnknown } from './validate';

export const MAX_SEED_SESSIONS = 20_000;
/** Sessions × artifacts per session, in one seed request. */
export const MAX_SEED_ARTIFACTS = 200_000;
const SPACING_MS = 1000;
/** Artifacts created between two yields to the event loop (a session counts as one when it has none). */
const CHUNK_WORK = 2_000;

const seeding = new WeakSet<EmulatorCore>();
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function seedSessionsControl(core: EmulatorCore, ctx: RequestContext): Promise<Reply> {
  const body = bodyObject(ctx.body, false);
  rejectUnknown(body, ['workload', 'count', 'artifactsPerSession'], 'seed/sessions');
  const w = WORKLOADS.find((x) => x.id === body.workload);
  if (!w) throw badRequest('BadRequest', `'workload' must be one of ${WORKLOADS.map((x) => x.id).join(', ')}.`);
  const count = body.count;
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_SEED_SESSIONS) {
    throw badRequest('BadRequest', `'count' must be an integer from 1 to ${MAX_SEED_SESSIONS}.`);
  }
  const perSession = body.artifactsPerSession ?? 0;
  if (!Number.isInteger(perSession) || (perSession as number) < 0 || (perSession as number) > LIMITS.artifactsPerRequest) {
    throw badRequest('BadRequest', `'artifactsPerSession' must be an integer from 0 to ${LIMITS.artifactsPerRequest} (one create request).`);
  }
  const n = count as number;
  const k = perSession as number;
  if (n * k > MAX_SEED_ARTIFACTS) {
    throw badRequest('BadRequest', `'count' × 'artifactsPerSession' must be at most ${MAX_SEED_ARTIFACTS} artifacts in one request.`);
  }
  if (seeding.has(core)) throw new EmulatorError(409, 'Conflict', 'Another seed/sessions request is still running; send the next one when it has answered.');
  const nowMs = ctx.nowMs;
  const firstMs = nowMs - (n - 1) * SPACING_MS;
  const pool = k > 0 ? restorePointPool(core, w.id, firstMs, k) : [];

  // The creation handler commits after each session; with `--data` that would be n journal records and n fsyncs.
  const created: SessionRecord[] = [];
  const quiet: EmulatorCore = Object.create(core, { commit: { value: (change: StateChange) => created.push(...change.sessions ?? []) } });
  const ids: string[] = [];
  let artifacts = 0;
  const catalog = core.catalog;
  const perChunk = Math.max(1, Math.floor(CHUNK_WORK / Math.max(1, k)));
  seeding.add(core);
  try {
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % perChunk === 0) {
        await yieldToEventLoop();
        // A reset while this seed yielded replaced the tenant; its restore points no longer exist.
        if (core.catalog !== catalog) throw new EmulatorError(409, 'Conflict', `The emulator was reset while seeding; ${i} of ${n} sessions were created before it.`);
      }
      ids.push(seedOne(quiet, ctx, w, i, k, pool, firstMs));
      artifacts += k;
    }
  } finally {
    seeding.delete(core);
  }
  core.commit({ sessions: created });
  return ok({
    workload: w.id,
    count: n,
    artifacts,
    firstCreatedDateTime: iso(firstMs),
    lastCreatedDateTime: iso(nowMs),
    ids,
  });
}

/** Creates the i-th session of a seed through the API's own create handler; returns its id. */
function seedOne(quiet: EmulatorCore, ctx: RequestContext, w: Workload, i: number, k: number, pool: readonly string[], firstMs: number): string {
  const items = [];
  for (let j = 0; j < k; j++) items.push({ restorePoint: { id: pool[(i * k + j) % pool.length] }, destinationType: 'new' });
  const sub: RequestContext = {
    ...ctx,
    method: 'POST',
    segments: [w.sessionCollection],
    query: new Map(),
    body: k > 0 ? { [w.standardArtifacts.nav]: items } : {},
    nowMs: firstMs + i * SPACING_MS,
  };
  return (createSession(quiet, sub, w).body as { id: string }).id;
}

/**
 * Restore points taken before `beforeMs` (so each exists when its session is created), ordered round-robin over
 * the workload's units: any `k` consecutive entries are distinct, and the first ones come from distinct units.
 */
function restorePointPool(core: EmulatorCore, workloadId: WorkloadId, beforeMs: number, k: number): string[] {
  const perUnit = core.catalog.units(workloadId)
    .map((unit) => core.catalog.restorePoints(unit.id, beforeMs, { beforeMs, limit: Math.max(k, 5) }).map((p) => p.id))
    .filter((points) => points.length > 0);
  const pool: string[] = [];
  const depth = Math.max(0, ...perUnit.map((p) => p.length));
  for (let d = 0; d < depth; d++) for (const points of perUnit) if (d < points.length) pool.push(points[d]);
  if (pool.length < k) {
    throw badRequest('BadRequest', `The tenant has only ${pool.length} ${workloadId} restore points; ask for at most that many artifacts per session.`);
  }
  return pool;
}
