import { strict as assert } from 'assert';
import { BatchRequestItem, GraphClient } from '../../../src/graph';
import { FAST_RETRY, TestServer, sendJson, startServer } from './server';
import { PREFER, ROOT, start, type Client } from '../emulator/service/helpers';

interface WireReq {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A $batch endpoint that answers each sub-request with its own id, in reverse order. */
function batchHandler(statusFor: (r: WireReq) => number = () => 200) {
  return (req: { url?: string; method?: string }, res: import('node:http').ServerResponse, seen: { body: string }): void => {
    if (req.method !== 'POST' || !req.url?.endsWith('/$batch')) {
      sendJson(res, 404, { error: { code: 'NotFound', message: req.url } });
      return;
    }
    const { requests } = JSON.parse(seen.body) as { requests: WireReq[] };
    if (requests.length > 20) {
      sendJson(res, 400, { error: { code: 'BadRequest', message: 'too many' } });
      return;
    }
    const responses = requests
      .map((r) => ({ id: r.id, status: statusFor(r), headers: { 'Content-Type': 'application/json' }, body: { echo: r.url, method: r.method } }))
      .reverse();
    sendJson(res, 200, { responses });
  };
}

describe('graph/batch', () => {
  let server: TestServer | undefined;
  let client: GraphClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  it('splits 45 requests into 3 calls of at most 20 and returns responses in request order', async () => {
    server = await startServer(batchHandler());
    client = new GraphClient({ baseUrl: server.base });
    const requests: BatchRequestItem[] = Array.from({ length: 45 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: `/solutions/backupRestore/restoreSessions/s${i}`,
    }));
    const out = await client.batch(requests);
    assert.equal(server.seen.length, 3);
    const sizes = server.seen.map((s) => (JSON.parse(s.body) as { requests: unknown[] }).requests.length).sort((a, b) => b - a);
    assert.deepEqual(sizes, [20, 20, 5]);
    for (const s of server.seen) {
      assert.equal(s.url, '/v1.0/$batch');
      assert.equal(s.headers['content-type'], 'application/json');
      assert.equal(s.headers['prefer'], 'include-unknown-enum-members');
    }
    assert.deepEqual(
      out.map((r) => r.id),
      requests.map((r) => r.id),
    );
    assert.deepEqual(out[44].body, { echo: '/solutions/backupRestore/restoreSessions/s44', method: 'GET' });
    assert.equal(out[0].status, 200);
    assert.equal(out[0].headers['content-type'], 'application/json');
  });

  it('sends sub-request bodies with a Content-Type and makes absolute URLs relative to the version root', async () => {
    server = await startServer(batchHandler((r) => (r.method === 'PATCH' ? 429 : 200)));
    client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
    const out = await client.batch([
      { id: 'a', method: 'patch', url: '/solutions/backupRestore/restoreSessions/x', body: { description: 'd' } },
      { id: 'b', method: 'GET', url: `${server.base}/solutions/backupRestore/restoreSessions/y` },
    ]);
    const sent = (JSON.parse(server.seen[0].body) as { requests: WireReq[] }).requests;
    assert.deepEqual(sent[0], {
      id: 'a',
      method: 'PATCH',
      url: '/solutions/backupRestore/restoreSessions/x',
      body: { description: 'd' },
      headers: { Prefer: 'include-unknown-enum-members', 'Content-Type': 'application/json' },
    });
    // Graph gives a sub-request only its own headers: each one asks for the new enum members itself.
    assert.deepEqual(sent[1], { id: 'b', method: 'GET', url: '/solutions/backupRestore/restoreSessions/y', headers: { Prefer: 'include-unknown-enum-members' } });
    // a sub-request still throttled when the retry policy gives up is reported, not hidden; only it was re-sent
    assert.equal(out[0].status, 429);
    assert.equal(out[1].status, 200);
    assert.equal(server.seen.length, FAST_RETRY.maxAttempts);
    for (const later of server.seen.slice(1)) assert.deepEqual((JSON.parse(later.body) as { requests: WireReq[] }).requests.map((r) => r.id), ['a']);
  });

  it('keeps a caller Prefer on a sub-request and adds the enum preference to it', async () => {
    server = await startServer(batchHandler());
    client = new GraphClient({ baseUrl: server.base });
    await client.batch([{ id: 'a', method: 'GET', url: '/a', headers: { prefer: 'odata.maxpagesize=5' } }]);
    const sent = (JSON.parse(server.seen[0].body) as { requests: WireReq[] }).requests;
    assert.deepEqual(sent[0].headers, { prefer: 'include-unknown-enum-members, odata.maxpagesize=5' });
  });

  it('retries a throttled $batch call after Retry-After, but a failed write batch (503) only once', async () => {
    let calls = 0;
    server = await startServer((req, res, seen) => {
      calls++;
      if (calls === 1 || calls === 3) {
        sendJson(res, 429, { error: { code: 'TooManyRequests', message: 'later' } }, { 'retry-after': '0.01' });
        return;
      }
      if (calls === 5) {
        sendJson(res, 503, { error: { code: 'ServiceUnavailable', message: 'busy' } }, { 'retry-after': '0.01' });
        return;
      }
      batchHandler()(req, res, seen);
    });
    client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
    const ok = await client.batch([{ id: '1', method: 'GET', url: '/a' }]);
    assert.equal(ok.length, 1);
    assert.equal(server.seen.length, 2);
    // A throttled call was not processed, so even a batch of writes goes again.
    const written = await client.batch([{ id: '1', method: 'POST', url: '/a/activate' }]);
    assert.equal(written.length, 1);
    assert.equal(server.seen.length, 4);
    // A 503 may have been processed: a batch of writes is not repeated.
    await assert.rejects(client.batch([{ id: '1', method: 'POST', url: '/a/activate' }]), { status: 503 });
    assert.equal(server.seen.length, 5);
  });

  it('rejects duplicate ids before sending anything, and returns [] for no requests', async () => {
    server = await startServer(batchHandler());
    client = new GraphClient({ baseUrl: server.base });
    await assert.rejects(
      client.batch([
        { id: 'x', method: 'GET', url: '/a' },
        { id: 'x', method: 'GET', url: '/b' },
      ]),
      TypeError,
    );
    assert.deepEqual(await client.batch([]), []);
    assert.equal(server.seen.length, 0);
  });
});

describe('graph/batch against the emulator', () => {
  let api: Client;
  let client: GraphClient;
  const calls: string[] = [];
  before(async () => {
    api = await start({ seed: 'demo' });
    client = new GraphClient({ baseUrl: `${api.url}/v1.0`, retry: FAST_RETRY, onRequest: (e) => calls.push(`${e.method} ${e.status}`) });
  });
  after(async () => {
    await client.close();
    await api.emulator.close();
  });

  it('each sub-request asks for evolvable enum members itself, so failed sessions read as failed', async () => {
    const failed = await api.get("/restoreSessions?$filter=status eq 'failed'", PREFER);
    assert.ok(failed.body.value.length > 0, 'the demo seed has a failed session');
    const [out] = await client.batch([{ id: '1', method: 'GET', url: `/solutions/backupRestore/restoreSessions/${failed.body.value[0].id}` }]);
    assert.equal(out.status, 200);
    assert.equal((out.body as { status: string }).status, 'failed');
  });

  it('sends again only the sub-requests throttled inside the batch, after their Retry-After, POST included', async () => {
    const sessions = (await api.get('/restoreSessions?$top=2')).body.value as { id: string }[];
    const throttled = `${ROOT}/restoreSessions/${sessions[1].id}`;
    assert.equal((await api.post('/_emulator/faults', { kind: 'throttle', count: 2, pathPrefix: throttled, retryAfterSeconds: 0.01 })).status, 201);
    calls.length = 0;
    const out = await client.batch([
      { id: 'a', method: 'GET', url: `/solutions/backupRestore/restoreSessions/${sessions[0].id}` },
      { id: 'b', method: 'POST', url: `/solutions/backupRestore/restoreSessions/${sessions[1].id}/activate` },
    ]);
    assert.deepEqual(calls, ['POST 200', 'POST 200', 'POST 200'], 'two throttled rounds, then the answer');
    assert.equal(out[0].status, 200);
    assert.notEqual(out[1].status, 429, 'the throttled activate was sent again until it was processed');
  });
});
