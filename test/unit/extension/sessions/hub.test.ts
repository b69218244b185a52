// The session hub against the real emulator (demo seed): one read with contents, the latest copy kept, one
// announcement per change, a 404 announced as gone, and artifacts of many sessions in $batch calls of 20.
import { strict as assert } from 'assert';
import { WORKLOADS } from '../../../../src/backup/model';
import { SessionHub, type SessionChange } from '../../../../src/extension/sessions/hub';
import { startHarness, type Harness } from '../../backup/api/harness';

describe('session hub', () => {
  let h: Harness;
  let hub: SessionHub;
  let changes: SessionChange[];
  const exchange = WORKLOADS[0];

  beforeEach(async () => {
    h = await startHarness('demo');
    hub = new SessionHub({ id: 'emulator', label: 'Local emulator', baseUrl: `${h.emulator.url}/v1.0`, api: h.api });
    changes = [];
    hub.onDidChangeSession((change) => changes.push(change));
  });

  afterEach(async () => {
    await h.close();
  });

  async function sessionsOf(count: number): Promise<string[]> {
    const page = await h.api.sessions.firstPage(exchange, { top: count });
    return (page?.items ?? []).map((s) => s.id);
  }

  it('reads a session with its contents in parallel, keeps it and announces it once, with the response metadata', async () => {
    const [id] = await sessionsOf(1);
    const before = h.log.length;
    const read = await hub.load(exchange, id, 'open');
    assert.ok(read?.contents, 'contents were read');
    // (the artifacts' units are looked up alongside, in a $batch, as each page arrives)
    assert.equal(h.log.slice(before).filter((e) => e.method === 'GET').length, 4, 'the session, standard and granular artifacts, bulk requests');
    assert.ok(read.response.response.requestId, 'the session read names its request-id');
    assert.equal(hub.latest(id)?.session.id, id);
    assert.deepEqual(changes.map((c) => [c.sessionId, c.source, !!c.read]), [[id, 'open', true]]);
  });

  it('announces a fresh copy only when it differs, and keeps first sightings quietly', async () => {
    const [id] = await sessionsOf(1);
    const { body } = await h.api.sessions.get(exchange, id);
    assert.deepEqual(hub.observe(exchange, [body], 'tree'), [], 'first sighting: kept, not announced');
    assert.deepEqual(hub.observe(exchange, [body], 'tree'), [], 'the same copy again: nothing');
    const activated = { ...body, status: 'active' as const };
    assert.deepEqual(hub.observe(exchange, [activated], 'poll').map((s) => s.status), ['active']);
    assert.deepEqual(changes.map((c) => c.session?.status), ['active']);
  });

  it('announces a session the service no longer has as gone', async () => {
    const { body } = await h.api.sessions.create(exchange);
    await h.api.sessions.delete(body.id);
    assert.equal(await hub.load(exchange, body.id, 'poll'), undefined);
    assert.deepEqual(changes.map((c) => [c.sessionId, c.session]), [[body.id, undefined]]);
    assert.equal(hub.latest(body.id), undefined);
  });

  it('names many sessions from their artifacts read in $batch calls of at most 20, never one GET per session', async () => {
    await h.control('seed/sessions', { workload: exchange.id, count: 45, artifactsPerSession: 2 });
    const sessions = (await h.api.sessions.firstPage(exchange, { top: 45 }))?.items ?? [];
    assert.equal(sessions.length, 45);
    const before = h.log.length;
    const named = await hub.nameSessions(exchange, sessions);
    const requests = h.log.slice(before).map((r) => `${r.method} ${new URL(r.url).pathname.split('/').pop()}`);
    assert.ok(!requests.some((r) => r.endsWith(exchange.standardArtifacts.nav)), `no per-session artifact read: ${requests.join(', ')}`);
    assert.ok(requests.filter((r) => r === 'POST $batch').length >= 3, `45 sessions need three batches of 20: ${requests.join(', ')}`);
    assert.equal(named.length, 45);
    for (const session of sessions) {
      const name = hub.names.nameOf(exchange, session) ?? '';
      assert.ok(name && !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(name), `a name in words: "${name}"`);
    }
  });
});
