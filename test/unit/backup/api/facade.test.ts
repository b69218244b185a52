// The API facade against the real emulator over HTTP: every operation a user can trigger, for every workload.
import { strict as assert } from 'assert';
import { InvalidIdError, type BackupApi } from '../../../../src/backup/api';
import { WORKLOADS, workload, type ProtectionUnit, type RestoreSession, type Workload } from '../../../../src/backup/model';
import { GraphError } from '../../../../src/graph';
import { startHarness, type Harness } from './harness';

async function latestPoints(api: BackupApi, units: ProtectionUnit[]): Promise<string[]> {
  const search = await api.tenant.search({ protectionUnitIds: units.map((u) => u.id), protectionTimePeriod: { endDateTime: new Date(Date.now() + 3600_000).toISOString() } });
  return (search.searchResults ?? []).map((r) => r.restorePoint!.id);
}

async function rejects(promise: Promise<unknown>, code: string, status?: number): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphError, `expected a GraphError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (status) assert.equal(error.status, status);
    assert.ok(error.requestId, 'the error names the request-id');
    return error;
  }
  assert.fail(`expected ${code}`);
}

async function allSessions(api: BackupApi, w: Workload | undefined, top?: number): Promise<RestoreSession[]> {
  const sessions: RestoreSession[] = [];
  for await (const page of api.sessions.list(w, { top })) sessions.push(...page.items);
  return sessions;
}

describe('API facade on the emulator', function () {
  this.timeout(60_000);
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('empty');
  });
  afterEach(async () => {
    await h.close();
  });

  for (const w of WORKLOADS) {
    it(`${w.label}: create → patch (add, remove) → activate → terminal`, async () => {
      const units = (await h.api.tenant.units(w)).slice(0, 4);
      assert.equal(units.length, 4, 'the seed has units for every workload');
      const points = await latestPoints(h.api, units);
      assert.equal(points.length, 4);

      const { status, body: created } = await h.api.sessions.create(w, { standard: points.slice(0, 2).map((restorePointId) => ({ restorePointId, destinationType: 'new' })) });
      assert.equal(status, 201);
      assert.equal(created.status, 'draft');
      assert.equal(created.restoreJobType, 'standard');

      const before = await h.api.artifacts.listAll(w, created.id, 'standard');
      assert.equal(before.length, 2);
      const change = await h.api.sessions.changeArtifacts(w, created.id, {
        kind: 'standard',
        add: points.slice(2).map((restorePointId) => ({ restorePointId, destinationType: 'new' })),
        remove: [before[0].id],
      });
      assert.equal(change.added.length, 2);
      assert.deepEqual(change.removed, [before[0].id]);
      assert.deepEqual(change.failures, []);
      assert.equal((await h.api.artifacts.listAll(w, created.id, 'standard')).length, 3);

      const activated = await h.api.sessions.activate(created.id);
      assert.equal(activated.body.status, 'activating');
      await rejects(h.api.sessions.delete(created.id), 'RestoreSessionActionNotAllowed', 403);

      h.emulator.advanceClock(24 * 3600);
      const { body: done } = await h.api.sessions.get(w, created.id);
      assert.ok(['completed', 'completedWithError', 'failed'].includes(done.status!), `terminal, got ${done.status}`);
      assert.ok(done.completedDateTime, 'completedDateTime is set');
      assert.equal(done.restoreSessionArtifactCount?.total, 3);
      const artifacts = await h.api.artifacts.listAll(w, created.id, 'standard');
      for (const artifact of artifacts) {
        assert.ok(artifact.status === 'succeeded' || artifact.status === 'failed');
        assert.ok(artifact.startDateTime && artifact.completionDateTime);
      }
    });
  }

  it('splits an addition of more than 50 artifacts into PATCHes of at most 50, sent together in one $batch', async () => {
    const w = workload('exchange');
    const units = (await h.api.tenant.units(w)).slice(0, 30);
    const latest = await latestPoints(h.api, units);
    const dayBefore = (await h.api.tenant.search({ protectionUnitIds: units.map((u) => u.id), protectionTimePeriod: { endDateTime: new Date(Date.now() - 86400_000).toISOString() } }))
      .searchResults!.map((r) => r.restorePoint!.id);
    const points = [...new Set([...latest, ...dayBefore])];
    assert.ok(points.length > 50, `${points.length} restore points`);
    const { body: session } = await h.api.sessions.create(w);
    const added = await h.api.sessions.changeArtifacts(w, session.id, { kind: 'standard', add: points.map((restorePointId) => ({ restorePointId, destinationType: 'inPlace' })) });
    assert.equal(added.requests, 2, 'two PATCH requests of at most 50');
    assert.equal(added.added.length, points.length);
    assert.equal(h.log.filter((e) => e.url.endsWith('/$batch')).length, 1, 'one round trip for both');
    const all = await h.api.artifacts.listAll(w, session.id, 'standard');
    assert.equal(all.length, points.length);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const removal = await h.api.sessions.changeArtifacts(w, session.id, { kind: 'standard', remove: [...all.slice(0, 5).map((a) => a.id), unknown] });
    assert.equal(removal.removed.length, 5);
    assert.equal(removal.failures.length, 1, 'removing an unknown id is reported per item, not swallowed');
    assert.equal(removal.failures[0].id, unknown);
    assert.equal((await h.api.artifacts.listAll(w, session.id, 'standard')).length, points.length - 5);
  });

  it('refuses what the service refuses, with the documented codes', async () => {
    const w = workload('sharePoint');
    const units = (await h.api.tenant.units(w)).slice(0, 2);
    const points = await latestPoints(h.api, units);
    await rejects(h.api.sessions.create(w, { standard: [{ restorePointId: points[0], destinationType: 'new' }, { restorePointId: points[1], destinationType: 'inPlace' }] }), 'DifferentRestoreDestinationType', 400);
    await rejects(h.api.sessions.create(w, { standard: [{ restorePointId: points[0], destinationType: 'new' }, { restorePointId: points[0], destinationType: 'new' }] }), 'DuplicateArtifactInList', 400);
    await rejects(h.api.sessions.get(undefined, '5e2a7c10-3b4d-4e6f-8a9b-0c1d2e3f4a5b'), 'RestoreSessionNotFound', 404);
    await rejects(h.api.sessions.get(undefined, 'not-a-guid'), 'InvalidRestoreSessionId', 400);
    await rejects(h.api.sessions.create(w, { standard: [{ restorePointId: 'nope', destinationType: 'new' }] }), 'InvalidRestorePoint', 400);
    await assert.rejects(h.api.sessions.get(undefined, '..'), InvalidIdError);
  });

  it('pages sessions with $top and follows nextLink to the end', async () => {
    const w = workload('oneDrive');
    assert.deepEqual(await allSessions(h.api, w, 2), [], 'no sessions on the empty seed');
    for (let i = 0; i < 5; i++) await h.api.sessions.create(w);
    const pages: number[] = [];
    for await (const page of h.api.sessions.list(w, { top: 2 })) pages.push(page.items.length);
    assert.deepEqual(pages, [2, 2, 1]);
    const sessions = await allSessions(h.api, undefined, 50);
    assert.equal(sessions.length, 5);
    assert.ok(sessions.every((s) => s['@odata.type'] === '#microsoft.graph.oneDriveForBusinessRestoreSession'));
    const created = sessions.map((s) => Date.parse(s.createdDateTime!));
    assert.deepEqual(created, [...created].sort((a, b) => b - a), 'newest first');
  });

  it('filters by status and counts', async () => {
    const w = workload('exchange');
    await h.control('reset', { seed: 'demo' });
    const all = await allSessions(h.api, w);
    const failed = await allSessions(h.api, w, undefined).then((s) => s.filter((x) => x.status === 'failed'));
    const filtered: RestoreSession[] = [];
    for await (const page of h.api.sessions.list(w, { statuses: ['failed', 'completedWithError'] })) filtered.push(...page.items);
    assert.ok(filtered.length > 0 && filtered.length < all.length);
    assert.ok(filtered.every((s) => s.status === 'failed' || s.status === 'completedWithError'));
    assert.ok(failed.length <= filtered.length);
    assert.equal(await h.api.sessions.count(w, ['failed', 'completedWithError']), filtered.length);
  });

  it('reads many sessions in one $batch round trip', async () => {
    await h.control('reset', { seed: 'demo' });
    const sessions = (await allSessions(h.api, undefined)).slice(0, 25);
    const before = h.log.length;
    const fresh = await h.api.sessions.getMany([...sessions.map((s) => s.id), '5e2a7c10-3b4d-4e6f-8a9b-0c1d2e3f4a5b']);
    assert.equal(h.log.length - before, 2, '26 reads take two batch calls');
    assert.equal(fresh.size, 26);
    for (const s of sessions) assert.equal(fresh.get(s.id)?.id, s.id);
    assert.equal(fresh.get('5e2a7c10-3b4d-4e6f-8a9b-0c1d2e3f4a5b'), undefined);
  });

  it('lists at most five restore points around a time, and searches more than 20 units', async () => {
    const w = workload('exchange');
    const units = await h.api.tenant.units(w);
    const points = await h.api.tenant.restorePoints(units[0].id, { before: new Date() });
    assert.ok(points.length > 0 && points.length <= 5);
    const times = points.map((p) => Date.parse(p.protectionDateTime!));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const search = await h.api.tenant.search({ protectionUnitIds: units.slice(0, 25).map((u) => u.id), protectionTimePeriod: { endDateTime: new Date().toISOString() } });
    assert.equal((search.searchResults?.length ?? 0) + (search.noResultProtectionUnitIds?.length ?? 0), 25);
  });

  it('names the protection unit of each restore point in one batch', async () => {
    const w = workload('oneDrive');
    const units = (await h.api.tenant.units(w)).slice(0, 3);
    const points = await latestPoints(h.api, units);
    const owners = await h.api.tenant.unitsOfRestorePoints([...points, points[0], 'not-a-point']);
    assert.equal(owners.size, 3);
    for (const [i, point] of points.entries()) assert.equal(owners.get(point)?.id, units[i].id);
  });

  it('bulk: empty draft → bulk request → activate → artifacts materialise', async () => {
    const w = workload('exchange');
    const units = (await h.api.tenant.units(w)).slice(0, 3);
    const { body: session } = await h.api.sessions.create(w);
    const now = Date.now();
    const { body: request } = await h.api.artifacts.createBulkRequest(w, session.id, {
      displayName: 'test bulk',
      destinationType: 'new',
      protectionTimePeriod: { startDateTime: new Date(now - 7 * 86400_000).toISOString(), endDateTime: new Date(now).toISOString() },
      resources: units.map((u) => String((u as { email?: string }).email)).concat(['nobody@contoso.onmicrosoft.com']),
    });
    assert.equal(request.status, 'active');
    assert.equal((await h.api.artifacts.listBulkRequests(w, session.id)).length, 1);
    await rejects(h.api.artifacts.deleteBulkRequest(w, session.id, request.id), 'InvalidStateForBulkRequestDeletion', 403);
    await h.api.sessions.activate(session.id);
    h.emulator.advanceClock(24 * 3600);
    const { body: done } = await h.api.sessions.get(w, session.id);
    assert.equal(done.restoreJobType, 'bulk');
    assert.equal((await h.api.artifacts.listAll(w, session.id, 'standard')).length, 3, 'one artifact per resolvable mailbox');
    const { body: finished } = await h.api.artifacts.getBulkRequest(w, session.id, request.id);
    assert.equal(finished.status, 'completedWithErrors', 'the unknown mailbox is reported');
    await h.api.artifacts.deleteBulkRequest(w, session.id, request.id);
  });

  it('granular Exchange: search with a query, then a granular session', async () => {
    const w = workload('exchange');
    const [unit] = await h.api.tenant.units(w);
    const search = await h.api.tenant.search({
      protectionUnitIds: [unit.id],
      protectionTimePeriod: { endDateTime: new Date().toISOString() },
      artifactQuery: { artifactType: 'message', queryExpression: "(Subject -like '*invoice*')" },
    });
    assert.ok(search.searchResponseId);
    const point = search.searchResults![0].restorePoint!;
    const { body: session } = await h.api.sessions.create(w, { granular: [{ restorePointId: point.id, destinationType: 'new', searchResponseId: search.searchResponseId! }] });
    assert.equal(session.restoreJobType, 'granular');
    assert.equal((await h.api.artifacts.listAll(w, session.id, 'granular')).length, 1);
  });

  it('granular SharePoint: browse session → browse → granular session', async () => {
    const w = workload('sharePoint');
    const [unit] = await h.api.tenant.units(w);
    const found = await h.api.tenant.search({ protectionUnitIds: [unit.id], protectionTimePeriod: { endDateTime: new Date().toISOString() }, tags: 'fastRestore' });
    const point = found.searchResults![0].restorePoint!;
    assert.match(point.tags ?? '', /fastRestore/);
    let { body: browse } = await h.api.tenant.createBrowseSession(w, point.id);
    for (let i = 0; i < 20 && browse.status === 'creating'; i++) {
      h.emulator.advanceClock(60);
      browse = (await h.api.tenant.getBrowseSession(w, browse.id)).body;
    }
    assert.equal(browse.status, 'created');
    const top: string[] = [];
    for await (const page of h.api.tenant.browse(w, browse.id)) top.push(...page.items.map((i) => i.itemKey!));
    assert.ok(top.length > 0);
    const { body: session } = await h.api.sessions.create(w, { granular: [{ browseSessionId: browse.id, itemKey: top[0] }] });
    assert.equal(session.restoreJobType, 'granular');
    const items = await h.api.artifacts.listAll(w, session.id, 'granular');
    assert.equal(items[0].id, top[0], 'a granular artifact is identified by its item key');
  });

  it('recovers GETs from throttling and never retries a create', async () => {
    const w = workload('exchange');
    await h.control('faults', { kind: 'throttle', count: 2, retryAfterSeconds: 0.05 });
    assert.deepEqual(await allSessions(h.api, w), []);
    // Both throttled answers were waited out and retried (a service that refuses an undocumented option adds a 400 in between).
    const statuses = h.log.map((e) => e.status);
    assert.equal(statuses.filter((s) => s === 429).length, 2);
    assert.equal(statuses[statuses.length - 1], 200);
    await h.control('faults', { kind: 'unavailable', count: 1, method: 'POST' });
    await rejects(h.api.sessions.create(w), 'ServiceUnavailable', 503).catch(async (error) => {
      // The code of an injected 503 is the emulator's; what matters is that exactly one POST was sent.
      if (!(error instanceof assert.AssertionError)) throw error;
    });
    // (The list's first page may have gone as a `$batch` POST; only creates count here.)
    assert.equal(h.log.filter((e) => e.method === 'POST' && !e.url.includes('$batch')).length, 1, 'the create was sent once');
    assert.deepEqual(await allSessions(h.api, w), [], 'and nothing was created');
  });

  it('activation whose answer is lost: read back, so the user learns whether it was applied', async () => {
    const w = workload('exchange');
    const units = (await h.api.tenant.units(w)).slice(0, 1);
    const [point] = await latestPoints(h.api, units);
    const { body: session } = await h.api.sessions.create(w, { standard: [{ restorePointId: point, destinationType: 'new' }] });
    await h.control('faults', { kind: 'truncate', count: 1, method: 'POST', pathPrefix: '/v1.0/solutions/backupRestore/restoreSessions' });
    const { body } = await h.api.sessions.activate(session.id);
    assert.equal(body.status, 'activating', 'the activation was applied; its read-back answers');
    assert.equal(h.log.filter((e) => e.method === 'POST' && e.url.endsWith('/activate')).length, 1, 'sent once');

    const { body: other } = await h.api.sessions.create(w, { standard: [{ restorePointId: (await latestPoints(h.api, (await h.api.tenant.units(w)).slice(1, 2)))[0], destinationType: 'new' }] });
    await h.control('faults', { kind: 'reset', count: 1, method: 'POST', pathPrefix: '/v1.0/solutions/backupRestore/restoreSessions' });
    await assert.rejects(h.api.sessions.activate(other.id), (error: unknown) => error instanceof GraphError && error.kind === 'network');
    assert.equal((await h.api.sessions.get(w, other.id)).body.status, 'draft', 'not applied: safe to try again');
  });

  it('stops at once when cancelled', async () => {
    await h.control('faults', { kind: 'latency', count: 1, latencyMs: 5000 });
    const controller = new AbortController();
    const pending = h.api.sessions.get(undefined, '5e2a7c10-3b4d-4e6f-8a9b-0c1d2e3f4a5b', controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (error: unknown) => error instanceof GraphError && error.kind === 'aborted');
  });
});
