import { strict as assert } from 'assert';
import type { Client } from './helpers';
import { assertError, ROOT, start } from './helpers';

describe('emulator: fault injection', () => {
  let api: Client;
  before(async () => { api = await start(); });
  after(async () => { await api.emulator.close(); });
  afterEach(async () => { assert.equal((await api.delete('/_emulator/faults')).status, 204); });

  it('throttles the next N requests with 429 and Retry-After, then serves normally', async () => {
    const created = await api.post('/_emulator/faults', { kind: 'throttle', count: 2, retryAfterSeconds: 3 });
    assert.equal(created.status, 201, created.text);
    for (let i = 0; i < 2; i++) {
      const res = await api.get('/restoreSessions');
      assertError(res, 429, 'TooManyRequests');
      assert.equal(res.headers.get('retry-after'), '3');
    }
    assert.equal((await api.get('/restoreSessions')).status, 200);
  });

  it('answers 503 with Retry-After only for a path prefix and method', async () => {
    await api.post('/_emulator/faults', { kind: '503', count: 1, pathPrefix: `${ROOT}/exchangeRestoreSessions`, method: 'POST' });
    assert.equal((await api.get('/exchangeRestoreSessions')).status, 200);
    assert.equal((await api.post('/sharePointRestoreSessions', {})).status, 201);
    const res = await api.post('/exchangeRestoreSessions', {});
    assertError(res, 503, 'ServiceUnavailable');
    assert.ok(res.headers.get('retry-after'));
    assert.equal((await api.post('/exchangeRestoreSessions', {})).status, 201);
  });

  it('resets the connection', async () => {
    await api.post('/_emulator/faults', { kind: 'reset', count: 1 });
    await assert.rejects(fetch(`${api.url}${ROOT}/restoreSessions`));
    assert.equal((await api.get('/restoreSessions')).status, 200);
  });

  it('truncates the body to half of the JSON', async () => {
    await api.post('/_emulator/faults', { kind: 'truncate', count: 1 });
    const res = await fetch(`${api.url}${ROOT}`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.throws(() => JSON.parse(text));
    const full = await api.get('');
    assert.ok(text.length < full.text.length && full.text.startsWith(text.slice(0, 20)));
  });

  it('adds latency and still answers', async () => {
    await api.post('/_emulator/faults', { kind: 'latency', count: 1, latencyMs: 30 });
    assert.equal((await api.get('/restoreSessions')).status, 200);
  });

  it('takes a jitter for latency, listed with the rule, and refuses a negative one', async () => {
    const created = await api.post('/_emulator/faults', { kind: 'latency', count: 2, latencyMs: 30, jitterMs: 6 });
    assert.equal(created.status, 201, created.text);
    assert.equal((JSON.parse(created.text) as { jitterMs: number }).jitterMs, 6);
    assert.equal((await api.get('/restoreSessions')).status, 200);
    assertError(await api.post('/_emulator/faults', { kind: 'latency', jitterMs: -1 }), 400, 'BadRequest');
  });

  it('hits a deterministic fraction of requests, and never /_emulator', async () => {
    const pattern = async () => {
      await api.delete('/_emulator/faults');
      await api.post('/_emulator/faults', { kind: 'throttle', fraction: 0.5, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await api.get('')).status);
      assert.equal((await api.get('/_emulator/clock')).status, 200);
      return statuses;
    };
    const first = await pattern();
    const second = await pattern();
    assert.deepEqual(first, second);
    const throttled = first.filter((s) => s === 429).length;
    assert.ok(throttled > 5 && throttled < 35, `throttled ${throttled} of 40`);
    const listed = await api.get('/_emulator/faults');
    assert.equal(listed.body.value.length, 1);
  });

  it('rejects malformed fault requests', async () => {
    assertError(await api.post('/_emulator/faults', { kind: 'explode' }), 400, 'BadRequest');
    assertError(await api.post('/_emulator/faults', { kind: 'throttle', fraction: 2 }), 400, 'BadRequest');
    assertError(await api.post('/_emulator/faults', { kind: 'throttle', extra: true }), 400, 'BadRequest');
  });
});
