// Client under faults: the emulator's fault controls throw 429 storms with Retry-After, 503s, responses slower
// than the client's timeout, connections reset before the body, and truncated JSON at the real GraphClient +
// BackupApi. GETs recover within the retry bounds; creates, artifact changes and activations are sent once and
// are never duplicated (checked by listing afterwards); every error names its request-id (or, when no response
// arrived, its client-request-id).
import { strict as assert } from 'assert';
import { workload } from '../../src/backup/model';
import { GraphError } from '../../src/graph';
import { type Harness, ROOT, prng, recordFigures, restorePointIds, scaled, sleep, startHarness } from './support';

type Kind = 'throttle' | 'unavailable' | 'latency' | 'reset' | 'truncate';
const KINDS: Kind[] = ['throttle', 'unavailable', 'latency', 'reset', 'truncate'];
const exchange = workload('exchange');

/** What a person reads: the error's one-line description must name the id to quote to support. */
/** A throttled write was not processed, so the client sends it again after Retry-After; other faults never repeat it. */
const sends = (kind: Kind): number => (kind === 'throttle' ? 2 : 1);
/** The outcome a person sees: a throttled write succeeds on its retry, other faults show the error. */
function assertOutcome(kind: Kind, err: unknown): void {
  if (kind === 'throttle') assert.equal(err, undefined, 'a throttled write succeeds after Retry-After');
  else assertNamesRequestId(err);
}

function assertNamesRequestId(err: unknown): GraphError {
  assert.ok(err instanceof GraphError, `expected a GraphError, got ${String(err)}`);
  const text = err.describe();
  if (err.kind === 'http' || err.kind === 'parse') {
    assert.ok(err.requestId, `no request-id on ${text}`);
    assert.ok(text.includes(`request-id ${err.requestId}`), text);
  } else {
    assert.ok(text.includes(`client-request-id ${err.clientRequestId}`), text);
  }
  return err;
}

export function faultsSuite(): void {
  describe('hardening: client under injected faults', function () {
    this.timeout(120_000);
    let h: Harness;
    const figures = { faultsInjected: 0, failedAttemptsSeen: 0, getsUnderFault: 0, getsRecovered: 0, writesUnderFault: 0, writeAttempts: 0, duplicates: 0, errorsShown: 0, errorsNamingRequestId: 0 };
    const fault = async (body: Record<string, unknown>): Promise<void> => {
      await h.control('faults', body);
      figures.faultsInjected += typeof body.count === 'number' ? body.count : 1;
    };

    before(async () => {
      h = await startHarness({ retry: { maxAttempts: 6, baseDelayMs: 10, maxDelayMs: 100, maxTotalMs: 15_000 }, timeoutMs: 400 });
    });
    afterEach(async () => { await h.control('faults', undefined, 'DELETE'); });
    after(async () => {
      figures.failedAttemptsSeen = h.log.filter((e) => e.error).length;
      recordFigures('faults', figures);
      await h.close();
    });

    it('GETs ride out a 429 storm, honouring Retry-After, within the attempt bound', async () => {
      const id = await firstSessionId(h);
      await fault({ kind: 'throttle', count: 5, retryAfterSeconds: 0.05, method: 'GET' });
      const logged = h.log.length;
      const res = await h.api.sessions.get(undefined, id);
      assert.equal(res.status, 200);
      assert.equal(res.attempts, 6, 'five throttled attempts, then the sixth succeeds');
      const waits = h.log.slice(logged).map((e) => e.retryInMs).filter((ms) => ms !== undefined);
      assert.equal(waits.length, 5, 'a wait scheduled after each throttled attempt');
      // `retryInMs` is the delay the client scheduled (from the Retry-After header), not a measured duration
      assert.ok(waits.every((ms) => ms >= 50), `each wait honours the 50 ms Retry-After: ${waits.join(', ')}`);
      figures.getsUnderFault++; figures.getsRecovered++;
      // A storm longer than the bound ends in a clear error, not an endless loop.
      await fault({ kind: 'throttle', count: 10, retryAfterSeconds: 0.01, method: 'GET' });
      const err = await h.api.sessions.get(undefined, id).then(() => undefined, (e: unknown) => e);
      const ge = assertNamesRequestId(err);
      assert.equal(ge.status, 429);
      assert.equal(ge.attempts, 6);
      assert.ok(ge.retryAfterMs !== undefined);
      figures.getsUnderFault++; figures.errorsShown++; figures.errorsNamingRequestId++;
    });

    it('GETs recover from each fault kind (503, slower than the timeout, reset, truncated JSON)', async () => {
      for (const kind of ['unavailable', 'latency', 'reset', 'truncate'] as Kind[]) {
        await fault({ kind, count: 2, method: 'GET', pathPrefix: `${ROOT}/restoreSessions`, retryAfterSeconds: 0, latencyMs: 1_000 });
        const pages: number[] = [];
        for await (const page of h.api.sessions.list(undefined, { top: 5 })) {
          pages.push(page.items.length);
          if (pages.length >= 3) break;
        }
        assert.ok(pages[0] > 0, `${kind}: listed sessions`);
        figures.getsUnderFault++; figures.getsRecovered++;
      }
    });

    it('a paged listing under a random mix of faults equals the listing without faults', async () => {
      const expected = (await h.client.collectAll<{ id: string }>('/solutions/backupRestore/restoreSessions', { query: { $top: 7 } })).map((s) => s.id);
      const rounds = scaled(2, 6);
      for (let round = 0; round < rounds; round++) {
        for (const kind of KINDS) await fault({ kind, fraction: 0.12, seed: 100 + round, method: 'GET', retryAfterSeconds: 0, latencyMs: 600 });
        const got = (await h.client.collectAll<{ id: string }>('/solutions/backupRestore/restoreSessions', { query: { $top: 7 } })).map((s) => s.id);
        assert.deepEqual(got, expected, `round ${round}`);
        figures.getsUnderFault++; figures.getsRecovered++;
        await h.control('faults', undefined, 'DELETE');
      }
    });

    it('creates are sent once under every fault kind and never duplicated (checked by listing)', async () => {
      const points = await restorePointIds(h, 'exchange', KINDS.length * scaled(1, 3));
      assert.ok(points.length >= KINDS.length);
      const rng = prng(7);
      for (const [i, point] of points.entries()) {
        const kind = KINDS[i % KINDS.length];
        const before = await sessionsWithPoint(h, point);
        await fault({ kind, count: 1, method: 'POST', pathPrefix: `${ROOT}/exchangeRestoreSessions`, retryAfterSeconds: 0, latencyMs: 900 + rng.int(300) });
        const logStart = h.log.length;
        const err = await h.api.sessions.create(exchange, { standard: [{ restorePointId: point, destinationType: 'new' }] }).then(() => undefined, (e: unknown) => e);
        const attempts = h.log.slice(logStart).filter((e) => e.method === 'POST').length;
        figures.writesUnderFault++; figures.writeAttempts += attempts;
        assert.equal(attempts, sends(kind), `${kind}: the create was sent ${sends(kind)} time(s)`);
        assertOutcome(kind, err);
        if (err) { figures.errorsShown++; figures.errorsNamingRequestId++; }
        await sleep(kind === 'latency' ? 1_400 : 20); // let a slow server finish what the client gave up on
        const after = await sessionsWithPoint(h, point);
        const created = after - before;
        if (created > 1) figures.duplicates++;
        assert.ok(created <= 1, `${kind}: ${created} sessions created by one create`);
        // Faults that answer before the handler runs create nothing; truncate runs it once. After a timeout the
        // emulator drops the request whose client has gone (0), a real service may still apply it (1): never 2.
        if (kind !== 'latency') assert.equal(created, kind === 'truncate' || kind === 'throttle' ? 1 : 0, `${kind}: sessions created`);
      }
    });

    it('activations and artifact changes are sent once under every fault kind and never duplicated', async () => {
      const points = await restorePointIds(h, 'exchange', KINDS.length * 2);
      for (const [i, kind] of KINDS.entries()) {
        const draft = await h.api.sessions.create(exchange, { standard: [{ restorePointId: points[2 * i], destinationType: 'new' }] });
        const id = draft.body.id;
        // PATCH @delta under the fault.
        await fault({ kind, count: 1, method: 'PATCH', retryAfterSeconds: 0, latencyMs: 900 });
        let logStart = h.log.length;
        const patchErr = await h.api.sessions.changeArtifacts(exchange, id, { kind: 'standard', add: [{ restorePointId: points[2 * i + 1], destinationType: 'new' }] })
          .then(() => undefined, (e: unknown) => e);
        assert.equal(h.log.slice(logStart).filter((e) => e.method === 'PATCH').length, sends(kind), `${kind}: PATCH sent ${sends(kind)} time(s)`);
        assertOutcome(kind, patchErr);
        figures.writesUnderFault++; figures.writeAttempts += sends(kind);
        if (patchErr) { figures.errorsShown++; figures.errorsNamingRequestId++; }
        await sleep(kind === 'latency' ? 1_300 : 20);
        const artifacts = (await h.api.artifacts.listAll(exchange, id, 'standard')).map((a) => (a as { restorePoint?: { id?: string } }).restorePoint?.id);
        const copies = artifacts.filter((p) => p === points[2 * i + 1]).length;
        if (copies > 1) figures.duplicates++;
        assert.ok(copies <= 1, `${kind}: artifact added ${copies} times`);
        // Activation under the fault.
        await fault({ kind, count: 1, method: 'POST', pathPrefix: `${ROOT}/restoreSessions/${id}/activate`, retryAfterSeconds: 0, latencyMs: 900 });
        logStart = h.log.length;
        const actErr = await h.api.sessions.activate(id).then(() => undefined, (e: unknown) => e);
        assert.equal(h.log.slice(logStart).filter((e) => e.url.endsWith('/activate')).length, sends(kind), `${kind}: activation sent ${sends(kind)} time(s)`);
        figures.writesUnderFault++; figures.writeAttempts += sends(kind);
        if (kind === 'throttle') {
          assertOutcome(kind, actErr);
        } else if (kind === 'truncate') {
          // The activation was applied and only its answer was lost: the facade reads the session back and
          // answers with it, so the user is told it is activating rather than shown an error.
          assert.equal(actErr, undefined, 'a lost answer to an applied activation is recovered by reading back');
        } else {
          assertNamesRequestId(actErr);
          figures.errorsShown++; figures.errorsNamingRequestId++;
        }
        await sleep(kind === 'latency' ? 1_300 : 20);
        const session = (await h.api.sessions.get(exchange, id)).body;
        const activated = session.status !== 'draft';
        if (kind !== 'latency') assert.equal(activated, kind === 'truncate' || kind === 'throttle', `${kind}: status ${session.status}`);
        // A second, deliberate activation of an activated session is refused by the service, not repeated silently.
        if (activated) await assert.rejects(h.api.sessions.activate(id), (e: unknown) => e instanceof GraphError && e.status >= 400 && e.status < 500);
      }
    });
  });
}

async function firstSessionId(h: Harness): Promise<string> {
  const res = await h.raw('GET', `${ROOT}/restoreSessions?$top=1`);
  return res.body.value[0].id as string;
}

/** How many exchange sessions in the store hold an artifact from this restore point (read around faults). */
async function sessionsWithPoint(h: Harness, point: string): Promise<number> {
  const state = (await h.control('state?detail=sessions', undefined, 'GET')) as { sessions: { workload: string; standard: { restorePoint?: { id?: string } }[] }[] };
  return state.sessions.filter((r) => r.workload === 'exchange' && r.standard.some((a) => a.restorePoint?.id === point)).length;
}
