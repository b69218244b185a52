// $batch as Graph documents it (https://learn.microsoft.com/en-us/graph/json-batching): each sub-request has only
// its own headers, `dependsOn` orders requests and fails dependents of a failed request with 424, and a throttle
// fault can hit one sub-request (429 + Retry-After inside the batch response).
import { strict as assert } from 'assert';
import { assertError, PREFER, ROOT, start, type Client } from './helpers';

const BASE = '/solutions/backupRestore';

describe('emulator: $batch sub-requests', () => {
  let api: Client;
  let failedId: string;
  before(async () => {
    api = await start({ seed: 'demo' });
    failedId = (await api.get("/restoreSessions?$filter=status eq 'failed'", PREFER)).body.value[0].id;
  });
  after(() => api.emulator.close());
  afterEach(async () => { assert.equal((await api.delete('/_emulator/faults')).status, 204); });

  it('the outer Prefer does not apply to sub-requests; their own does', async () => {
    const res = await api.post('/v1.0/$batch', {
      requests: [
        { id: 'bare', method: 'GET', url: `${BASE}/restoreSessions/${failedId}` },
        { id: 'own', method: 'GET', url: `${BASE}/restoreSessions/${failedId}`, headers: PREFER },
      ],
    }, PREFER);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    assert.equal(byId.bare.body.status, 'unknownFutureValue');
    assert.equal(byId.own.body.status, 'failed');
    assert.ok(byId.bare.headers['client-request-id'], 'every sub-response carries a client-request-id');
  });

  it('dependsOn: a dependent of a failed request answers 424; of a successful one, runs', async () => {
    const res = await api.post('/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${BASE}/restoreSessions/00000000-0000-0000-0000-000000000000` },
        { id: '2', method: 'GET', url: BASE, dependsOn: ['1'] },
        { id: '3', method: 'GET', url: BASE },
        { id: '4', method: 'GET', url: BASE, dependsOn: ['3'] },
      ],
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.responses.map((r: { status: number }) => r.status), [404, 424, 200, 200]);
    assert.equal(res.body.responses[1].body.error.code, 'FailedDependency');
    assertError(await api.post('/v1.0/$batch', { requests: [{ id: '1', method: 'GET', url: BASE, dependsOn: ['2'] }, { id: '2', method: 'GET', url: BASE }] }), 400, 'BadRequest');
  });

  it('a throttle fault hits one sub-request: 429 with Retry-After inside a 200 batch answer', async () => {
    await api.post('/_emulator/faults', { kind: 'throttle', count: 1, pathPrefix: `${ROOT}/restoreSessions/${failedId}`, retryAfterSeconds: 7 });
    const res = await api.post('/v1.0/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: `${BASE}/restoreSessions?$top=1` },
        { id: 'b', method: 'GET', url: `${BASE}/restoreSessions/${failedId}` },
      ],
    });
    assert.equal(res.status, 200);
    const [a, b] = res.body.responses;
    assert.equal(a.status, 200);
    assert.equal(b.status, 429);
    assert.equal(b.headers['Retry-After'], '7');
    assert.equal(b.body.error.code, 'TooManyRequests');
  });
});
