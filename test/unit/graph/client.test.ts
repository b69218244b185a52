import { strict as assert } from 'assert';
import { GraphClient, GraphError, RequestLogEntry, TokenProvider } from '../../../src/graph';
import { DEFAULT_USER_AGENT } from '../../../src/graph/client';
import { FAST_RETRY, TestServer, graphErrorBody, sendJson, startServer } from './server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function rejects(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof GraphError, `expected GraphError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

describe('graph/client', () => {
  let server: TestServer | undefined;
  let client: GraphClient | undefined;

  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  describe('headers', () => {
    it('sends Prefer, User-Agent and a fresh client-request-id on every call', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
      client = new GraphClient({ baseUrl: server.base, userAgent: 'm365-restore-sessions/1.2.3' });
      const a = await client.get<{ ok: boolean }>('/solutions/backupRestore');
      const b = await client.get('/solutions/backupRestore');
      assert.deepEqual(a.body, { ok: true });
      assert.equal(server.seen.length, 2);
      for (const s of server.seen) {
        assert.equal(s.url, '/v1.0/solutions/backupRestore');
        assert.equal(s.headers['prefer'], 'include-unknown-enum-members');
        assert.equal(s.headers['user-agent'], 'm365-restore-sessions/1.2.3');
        assert.match(String(s.headers['client-request-id']), UUID);
      }
      assert.notEqual(server.seen[0].headers['client-request-id'], server.seen[1].headers['client-request-id']);
      assert.equal(a.clientRequestId, server.seen[0].headers['client-request-id']);
      assert.equal(b.clientRequestId, server.seen[1].headers['client-request-id']);
      assert.equal(a.requestId, 'srv-200');
      assert.equal(a.attempts, 1);
    });

    it('defaults the User-Agent to name/version and merges caller Prefer values', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, {}));
      client = new GraphClient({ baseUrl: server.base });
      await client.get('/x', { headers: { Prefer: 'odata.maxpagesize=5', 'X-Extra': 'y' } });
      assert.equal(server.seen[0].headers['user-agent'], DEFAULT_USER_AGENT);
      assert.match(DEFAULT_USER_AGENT, /^m365-restore-sessions\/\S+$/);
      assert.equal(server.seen[0].headers['prefer'], 'include-unknown-enum-members, odata.maxpagesize=5');
      assert.equal(server.seen[0].headers['x-extra'], 'y');
    });

    it('sends Authorization only when the token provider gives a token', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, {}));
      const scopesSeen: (readonly string[])[] = [];
      let token: string | undefined = 'tok-123';
      const provider: TokenProvider = {
        getToken: async (scopes) => {
          scopesSeen.push(scopes);
          return token;
        },
      };
      client = new GraphClient({ baseUrl: server.base, tokenProvider: provider, scopes: ['api://x/.default'] });
      await client.get('/a');
      token = undefined;
      await client.get('/b');
      const noProvider = new GraphClient({ baseUrl: server.base });
      await noProvider.get('/c');
      await noProvider.close();
      assert.equal(server.seen[0].headers['authorization'], 'Bearer tok-123');
      assert.equal(server.seen[1].headers['authorization'], undefined);
      assert.equal(server.seen[2].headers['authorization'], undefined);
      assert.deepEqual(scopesSeen[0], ['api://x/.default']);
    });

    it('does not send the token to another origin (absolute URL elsewhere)', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, {}));
      const other = await startServer((_req, res) => sendJson(res, 200, {}));
      try {
        client = new GraphClient({ baseUrl: server.base, tokenProvider: { getToken: async () => 'secret' } });
        await client.get(`${other.base}/x`);
        assert.equal(other.seen[0].headers['authorization'], undefined);
      } finally {
        await other.close();
      }
    });

    it('encodes query values and JSON bodies', async () => {
      server = await startServer((_req, res) => sendJson(res, 201, { id: 'new' }));
      client = new GraphClient({ baseUrl: server.base });
      await client.get('/solutions/backupRestore/restoreSessions', { query: { $filter: "status eq 'draft'", $top: 10 } });
      const created = await client.post<{ id: string }>('/solutions/backupRestore/restoreSessions', { body: { a: 1 } });
      assert.match(server.seen[0].url, /^\/v1\.0\/solutions\/backupRestore\/restoreSessions\?\$filter=status%20eq%20(%27|')draft(%27|')&\$top=10$/);
      assert.equal(new URL(server.seen[0].url, server.origin).searchParams.get('$filter'), "status eq 'draft'");
      assert.equal(server.seen[1].method, 'POST');
      assert.equal(server.seen[1].headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(server.seen[1].body), { a: 1 });
      assert.equal(created.status, 201);
      assert.equal(created.body.id, 'new');
    });

    it('gives body undefined for 204', async () => {
      server = await startServer((_req, res) => {
        res.writeHead(204, { 'request-id': 'r204' });
        res.end();
      });
      client = new GraphClient({ baseUrl: server.base });
      const r = await client.delete('/solutions/backupRestore/restoreSessions/abc');
      assert.equal(r.status, 204);
      assert.equal(r.body, undefined);
      assert.equal(r.requestId, 'r204');
    });
  });

  describe('retries', () => {
    it('GET recovers after 429, waiting at least Retry-After (fractional seconds)', async () => {
      server = await startServer((_req, res, _s, i) => {
        if (i === 0) {
          sendJson(res, 429, graphErrorBody('TooManyRequests', 'Please retry again later.'), { 'retry-after': '0.25' });
        } else {
          sendJson(res, 200, { value: [1] });
        }
      });
      const log: RequestLogEntry[] = [];
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY, onRequest: (e) => log.push(e) });
      const r = await client.get<{ value: number[] }>('/x');
      assert.deepEqual(r.body.value, [1]);
      assert.equal(r.attempts, 2);
      assert.equal(server.seen.length, 2);
      const gap = server.seen[1].at - server.seen[0].at;
      assert.ok(gap >= 245, `second request came ${gap} ms after the first`);
      // same logical request: same client-request-id on both attempts
      assert.equal(server.seen[0].headers['client-request-id'], server.seen[1].headers['client-request-id']);
      assert.equal(log.length, 2);
      assert.equal(log[0].status, 429);
      assert.equal(log[0].attempt, 1);
      assert.equal(log[0].retryInMs, 250);
      assert.ok(log[0].error?.includes('TooManyRequests'));
      assert.equal(log[1].status, 200);
      assert.equal(log[1].error, undefined);
    });

    it('honours Retry-After given as an HTTP date', async () => {
      server = await startServer((_req, res, _s, i) => {
        if (i === 0) {
          // HTTP dates have 1 s resolution: 2 s ahead is at least 1 s away.
          sendJson(res, 503, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
        } else {
          sendJson(res, 200, {});
        }
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      await client.get('/x');
      assert.equal(server.seen.length, 2);
      assert.ok(server.seen[1].at - server.seen[0].at >= 990);
    });

    it('retries 503 and 504 with backoff when there is no Retry-After, then gives up with the last error', async () => {
      server = await startServer((_req, res, _s, i) => sendJson(res, i % 2 === 0 ? 503 : 504, graphErrorBody('ServiceUnavailable', 'busy', `r${i}`)));
      client = new GraphClient({ baseUrl: server.base, retry: { ...FAST_RETRY, maxAttempts: 3 } });
      const e = await rejects(client.get('/x'));
      assert.equal(server.seen.length, 3);
      assert.equal(e.status, 503);
      assert.equal(e.requestId, 'r2');
      assert.equal(e.attempts, 3);
    });

    it('does not start a Retry-After wait longer than the total budget', async () => {
      server = await startServer((_req, res) => sendJson(res, 429, graphErrorBody('TooManyRequests', 'later'), { 'retry-after': '120' }));
      client = new GraphClient({ baseUrl: server.base, retry: { ...FAST_RETRY, maxTotalMs: 1000 } });
      const e = await rejects(client.get('/x'));
      assert.equal(server.seen.length, 1);
      assert.equal(e.retryAfterMs, 120_000);
      assert.ok(e.describe().includes('retry after 120s'));
    });

    it('never retries a POST (create/activate): the server sees exactly one request', async () => {
      server = await startServer((_req, res) => sendJson(res, 503, graphErrorBody('ServiceUnavailable', 'busy'), { 'retry-after': '0' }));
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const e = await rejects(client.post('/solutions/backupRestore/restoreSessions/abc/activate'));
      assert.equal(e.status, 503);
      assert.equal(server.seen.length, 1);
    });

    it('retries a throttled POST and PATCH after Retry-After: the write happens once', async () => {
      server = await startServer((_req, res, _s, i) =>
        i % 2 === 0 ? sendJson(res, 429, graphErrorBody('TooManyRequests', 'x'), { 'retry-after': '0.01' }) : sendJson(res, 200, { id: 'created' }),
      );
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const posted = await client.post<{ id: string }>('/solutions/backupRestore/restoreSessions', { body: { x: 1 } });
      assert.equal(posted.body.id, 'created');
      assert.equal(posted.attempts, 2);
      const patched = await client.patch('/a', { body: { x: 1 } });
      assert.equal(patched.attempts, 2);
      assert.equal(server.seen.length, 4);
    });

    it('never retries a PATCH throttled without Retry-After', async () => {
      server = await startServer((_req, res) => sendJson(res, 429, graphErrorBody('TooManyRequests', 'x')));
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      await rejects(client.patch('/a', { body: { x: 1 } }));
      assert.equal(server.seen.length, 1);
    });

    it('a DELETE whose answer was lost and whose retry finds nothing reports the session deleted', async () => {
      server = await startServer((req, res, _s, i) => {
        if (i === 0) {
          req.socket.destroy();
        } else {
          sendJson(res, 404, graphErrorBody('RestoreSessionNotFound', 'gone'));
        }
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const r = await client.delete('/solutions/backupRestore/restoreSessions/abc');
      assert.equal(r.status, 204);
      assert.equal(r.attempts, 2);
      assert.equal(server.seen.length, 2);
    });

    it('a DELETE that finds nothing on its first attempt is still "not found"', async () => {
      server = await startServer((_req, res) => sendJson(res, 404, graphErrorBody('RestoreSessionNotFound', 'gone')));
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const e = await rejects(client.delete('/solutions/backupRestore/restoreSessions/abc'));
      assert.equal(e.status, 404);
    });

    it('retries a POST the caller marks idempotent (restorePoints/search)', async () => {
      server = await startServer((_req, res, _s, i) => (i === 0 ? sendJson(res, 429, {}, { 'retry-after': '0.01' }) : sendJson(res, 200, { value: [] })));
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const r = await client.post('/solutions/backupRestore/restorePoints/search', { body: { protectionUnitIds: ['a'] }, idempotent: true });
      assert.equal(r.attempts, 2);
      assert.equal(server.seen.length, 2);
      assert.equal(server.seen[1].body, server.seen[0].body);
    });

    it('does not retry other errors (404)', async () => {
      server = await startServer((_req, res) => sendJson(res, 404, graphErrorBody('RestoreSessionNotFound', 'gone')));
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const e = await rejects(client.get('/x'));
      assert.equal(e.code, 'RestoreSessionNotFound');
      assert.equal(server.seen.length, 1);
    });

    it('retries a GET whose connection is destroyed before any response', async () => {
      server = await startServer((req, res, _s, i) => {
        if (i === 0) {
          req.socket.destroy();
        } else {
          sendJson(res, 200, { ok: 1 });
        }
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const r = await client.get('/x');
      assert.deepEqual(r.body, { ok: 1 });
      assert.equal(server.seen.length, 2);
    });

    it('retries a GET whose body is cut off mid-stream (socket destroyed)', async () => {
      server = await startServer((req, res, _s, i) => {
        const full = JSON.stringify({ value: Array.from({ length: 50 }, (_, k) => ({ id: k })) });
        if (i === 0) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(full) });
          res.write(full.slice(0, 100));
          setTimeout(() => req.socket.destroy(), 20);
        } else {
          sendJson(res, 200, JSON.parse(full));
        }
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const r = await client.get<{ value: unknown[] }>('/x');
      assert.equal(r.body.value.length, 50);
      assert.equal(server.seen.length, 2);
    });

    it('a POST cut off by the network fails with kind network and is not retried', async () => {
      server = await startServer((req) => {
        req.socket.destroy();
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const e = await rejects(client.post('/x', { body: {} }));
      assert.equal(e.kind, 'network');
      assert.equal(e.status, 0);
      assert.equal(server.seen.length, 1);
    });

    it('retries a GET with truncated JSON; a POST reports it as parse/InvalidResponse', async () => {
      server = await startServer((req, res, _s, i) => {
        if (req.method === 'POST' || i === 0) {
          res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'trunc' });
          res.end('{"value":[{"id":"a"},{"id":');
        } else {
          sendJson(res, 200, { value: [] });
        }
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const r = await client.get('/x');
      assert.equal(r.attempts, 2);
      const e = await rejects(client.post('/y', { body: {} }));
      assert.equal(e.kind, 'parse');
      assert.equal(e.code, 'InvalidResponse');
      assert.equal(e.requestId, 'trunc');
      assert.equal(server.seen.filter((s) => s.method === 'POST').length, 1);
    });

    it('gives up on an unreachable host with kind network', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, {}));
      const dead = server.base;
      await server.close();
      server = undefined;
      client = new GraphClient({ baseUrl: dead, retry: { ...FAST_RETRY, maxAttempts: 2 } });
      const e = await rejects(client.get('/x'));
      assert.equal(e.kind, 'network');
      assert.equal(e.code, 'ECONNREFUSED');
      assert.equal(e.attempts, 2);
    });
  });

  describe('errors', () => {
    it('parses the error envelope into code, requestId, clientRequestId and date', async () => {
      server = await startServer((_req, res) =>
        sendJson(res, 400, graphErrorBody('RestoreSessionActionNotAllowed', 'Cannot activate an active session.', 'rid-9', 'cid-9', '2026-05-01T10:00:00')),
      );
      client = new GraphClient({ baseUrl: server.base });
      const e = await rejects(client.post('/solutions/backupRestore/restoreSessions/abc/activate'));
      assert.equal(e.kind, 'http');
      assert.equal(e.status, 400);
      assert.equal(e.code, 'RestoreSessionActionNotAllowed');
      assert.equal(e.message, 'Cannot activate an active session.');
      assert.equal(e.requestId, 'rid-9');
      assert.equal(e.clientRequestId, 'cid-9');
      assert.equal(e.date, '2026-05-01T10:00:00');
      assert.equal(e.method, 'POST');
      assert.ok(e.describe().includes('rid-9'));
      assert.deepEqual(e.body, graphErrorBody('RestoreSessionActionNotAllowed', 'Cannot activate an active session.', 'rid-9', 'cid-9', '2026-05-01T10:00:00'));
    });

    it('falls back for non-JSON error bodies, with the request-id header and our client-request-id', async () => {
      server = await startServer((_req, res) => {
        res.writeHead(500, { 'content-type': 'text/html', 'request-id': 'html-1' });
        res.end(`<html>${'x'.repeat(1000)}</html>`);
      });
      client = new GraphClient({ baseUrl: server.base });
      const e = await rejects(client.get('/x'));
      assert.equal(e.code, 'HttpError');
      assert.equal(e.status, 500);
      assert.ok(e.message.startsWith('HTTP 500: "<html>xxx'));
      assert.ok(e.message.length < 260);
      assert.equal(e.requestId, 'html-1');
      assert.equal(e.clientRequestId, server.seen[0].headers['client-request-id']);
    });

    it('never puts tokens in errors or log entries', async () => {
      server = await startServer((_req, res) => sendJson(res, 401, graphErrorBody('InvalidAuthenticationToken', 'expired')));
      const log: RequestLogEntry[] = [];
      client = new GraphClient({ baseUrl: server.base, tokenProvider: { getToken: async () => 'SECRET-TOKEN' }, onRequest: (e) => log.push(e) });
      const e = await rejects(client.get('/x', { query: { access_token: 'SECRET-Q' } }));
      const text = JSON.stringify([e, e.describe(), e.stack, log]);
      assert.ok(!text.includes('SECRET'), text);
      assert.ok(e.url.includes('access_token=***'));
    });
  });

  describe('timeouts and cancellation', () => {
    it('a slow response times out with kind timeout', async () => {
      server = await startServer((_req, res) => {
        setTimeout(() => sendJson(res, 200, {}), 2000).unref();
      });
      client = new GraphClient({ baseUrl: server.base, timeoutMs: 100, retry: { maxAttempts: 1 } });
      const e = await rejects(client.get('/slow'));
      assert.equal(e.kind, 'timeout');
      assert.equal(e.code, 'Timeout');
      assert.equal(e.status, 0);
    });

    it('the timeout is per attempt and idempotent requests retry after it', async () => {
      server = await startServer((_req, res, _s, i) => {
        if (i === 0) {
          setTimeout(() => sendJson(res, 200, { late: true }), 2000).unref();
        } else {
          sendJson(res, 200, { late: false });
        }
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const r = await client.get<{ late: boolean }>('/x', { timeoutMs: 100 });
      assert.equal(r.body.late, false);
      assert.equal(r.attempts, 2);
    });

    it('aborting an in-flight request stops it with kind aborted', async () => {
      // aborted once the server holds the request; had the abort been ignored, the late 200 would resolve it
      const ac = new AbortController();
      server = await startServer((_req, res) => {
        setTimeout(() => sendJson(res, 200, {}), 5000).unref();
        ac.abort();
      });
      client = new GraphClient({ baseUrl: server.base, retry: FAST_RETRY });
      const e = await rejects(client.get('/x', { signal: ac.signal }));
      assert.equal(e.kind, 'aborted');
      assert.equal(server.seen.length, 1);
    });

    it('aborting during a Retry-After wait stops at once', async () => {
      server = await startServer((_req, res) => sendJson(res, 429, graphErrorBody('TooManyRequests', 'later'), { 'retry-after': '30' }));
      // aborted as the client starts its 30 s wait (the attempt is logged with retryInMs just before it);
      // waiting it out would outlast the test's timeout, and a second attempt would show in server.seen
      const ac = new AbortController();
      client = new GraphClient({
        baseUrl: server.base,
        retry: { ...FAST_RETRY, maxTotalMs: 60_000 },
        onRequest: (entry) => { if (entry.retryInMs !== undefined) ac.abort(); },
      });
      const e = await rejects(client.get('/x', { signal: ac.signal }));
      assert.equal(e.kind, 'aborted');
      assert.equal(server.seen.length, 1);
    });

    it('an already-aborted signal sends nothing', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, {}));
      client = new GraphClient({ baseUrl: server.base });
      const e = await rejects(client.get('/x', { signal: AbortSignal.abort() }));
      assert.equal(e.kind, 'aborted');
      assert.equal(server.seen.length, 0);
    });
  });

  describe('connection pool', () => {
    it('reuses keep-alive connections instead of opening one per request', async () => {
      server = await startServer((_req, res) => sendJson(res, 200, {}));
      client = new GraphClient({ baseUrl: server.base });
      for (let i = 0; i < 10; i++) {
        await client.get('/x');
      }
      // undici's pool may open a second socket while the first is being released; never one per request.
      assert.ok(server.connections <= 2, `${server.connections} connections for 10 sequential requests`);
      await Promise.all(Array.from({ length: 10 }, () => client?.get('/y')));
      assert.equal(server.seen.length, 20);
      assert.ok(server.connections <= 12, `${server.connections} connections for 20 requests`);
    });
  });
});
