// Test and demo controls under /_emulator (JSON): reset to a seed, read or advance the simulated clock, inject
// or clear faults, inspect the store, and bulk-seed sessions (seedControl.ts). They are not part of Graph and are
// never subject to faults. They need the control token (guard.ts); test-only routes exist only with `testHooks`.
import type { SeedName } from '../catalog/types';
import { badRequest } from '../errors';
import { created, noContent, ok } from './context';
import type { EmulatorCore } from './core';
import type { FaultInjector } from './faults';
import { iso } from './records';
import { Router } from './router';
import { seedSessionsControl } from './seedControl';
import { bodyObject, rejectUnknown } from './validate';
import { clearXss, xssControl } from './xssControl';

export function buildControlRouter(faults: FaultInjector, testHooks: boolean): Router {
  const r = new Router();
  r.add('POST', 'reset', (core, ctx) => {
    const body = bodyObject(ctx.body, true);
    rejectUnknown(body, ['seed'], 'reset');
    const seed = body.seed ?? core.store.seed;
    if (seed !== 'demo' && seed !== 'empty') throw badRequest('BadRequest', "'seed' must be demo or empty.");
    core.reset(seed as SeedName);
    clearXss(core);
    return ok(summary(core));
  });
  r.add('GET', 'clock', (core) => ok(clockBody(core)));
  r.add('POST', 'clock/advance', (core, ctx) => {
    const body = bodyObject(ctx.body, false);
    rejectUnknown(body, ['seconds'], 'clock/advance');
    const seconds = body.seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 10 * 365 * 24 * 3600) {
      throw badRequest('BadRequest', "'seconds' must be a number from 0 to 315360000 (the clock never goes back).");
    }
    core.clock.advance(seconds);
    core.tick(core.clock.now());
    core.commit();
    return ok(clockBody(core));
  });
  r.add('GET', 'faults', () => ok({ value: faults.list() }));
  r.add('POST', 'faults', (_core, ctx) => created(faults.add(ctx.body)));
  r.add('DELETE', 'faults', () => { faults.clear(); return noContent(); });
  r.add('POST', 'seed/sessions', seedSessionsControl);
  // Test-only (`testHooks`): hostile strings in every free-text field of Graph responses (xssControl.ts).
  if (testHooks) r.add('POST', 'xss', xssControl);
  r.add('GET', 'state', (core, ctx) => {
    const body: Record<string, unknown> = summary(core);
    // `?detail=sessions` dumps the raw records, for tests that check the store's invariants.
    if (ctx.query.get('detail') === 'sessions') body.sessions = core.store.list('all');
    return ok(body);
  });
  return r;
}

function clockBody(core: EmulatorCore): Record<string, unknown> {
  const now = core.clock.now();
  return { now: iso(now), nowMs: now, timeScale: core.clock.timeScale };
}

function summary(core: EmulatorCore): Record<string, unknown> {
  const byWorkload: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let artifacts = 0;
  let bulkRequests = 0;
  for (const record of core.store.list('all')) {
    byWorkload[record.workload] = (byWorkload[record.workload] ?? 0) + 1;
    const status = record.session.status ?? 'draft';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    artifacts += record.standard.length + record.granular.length;
    bulkRequests += record.bulkRequests.length;
  }
  return {
    seed: core.store.seed,
    now: iso(core.clock.now()),
    sessions: core.store.size,
    sessionsByWorkload: byWorkload,
    sessionsByStatus: byStatus,
    artifacts,
    bulkRequests,
    browseSessions: core.store.browseSessions.size,
    runningSessions: core.store.running.size,
  };
}
