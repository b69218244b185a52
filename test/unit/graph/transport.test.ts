import { strict as assert } from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { GraphClient, GraphError, HttpTransport, TransportError } from '../../../src/graph';
import { FAST_RETRY, TestServer, sendJson, startServer } from './server';

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];

/** Runs `fn` with the given proxy variables set (and the others cleared), then restores them. */
async function withEnv(vars: Record<string, string>, fn: () => Promise<void>): Promise<void> {
  const saved = new Map(PROXY_VARS.map((k) => [k, process.env[k]]));
  for (const k of PROXY_VARS) {
    delete process.env[k];
  }
  Object.assign(process.env, vars);
  try {
    await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
  }
}

/** A real CONNECT proxy that sends every tunnel to `target` (whatever host was asked for) and records the asks. */
async function startProxy(target: () => number): Promise<{ url: string; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const upstream = net.connect(target(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) {
          s.destroy();
        }
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it. */
function makeCerts(): { ca: string; key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-tls-'));
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Graph test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    run(['req', ...ec, '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=127.0.0.1']);
    fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n');
    run(['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'srv.pem', '-days', '2', '-extfile', 'ext.cnf']);
    const read = (f: string): string => fs.readFileSync(path.join(dir, f), 'utf8');
    return { ca: read('ca.pem'), key: read('srv.key'), cert: read('srv.pem') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('graph/transport', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('returns status, lower-case headers and the body text for any status', async () => {
    server = await startServer((_req, res) => sendJson(res, 418, { teapot: true }, { 'X-Thing': 'v' }));
    const t = new HttpTransport();
    try {
      const r = await t.send({ method: 'GET', url: `${server.origin}/a` });
      assert.equal(r.status, 418);
      assert.equal(r.headers['x-thing'], 'v');
      assert.equal(r.body, '{"teapot":true}');
    } finally {
      await t.close();
    }
  });

  it('reports timeouts, aborts and network failures as TransportError kinds', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/reset') {
        req.socket.destroy();
      } else {
        setTimeout(() => sendJson(res, 200, {}), 3000).unref();
      }
    });
    const t = new HttpTransport({ timeoutMs: 80 });
    try {
      await assert.rejects(t.send({ method: 'GET', url: `${server.origin}/slow` }), (e: unknown) => e instanceof TransportError && e.kind === 'timeout');
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 20);
      await assert.rejects(
        t.send({ method: 'GET', url: `${server.origin}/slow`, signal: ac.signal, timeoutMs: 0 }),
        (e: unknown) => e instanceof TransportError && e.kind === 'aborted',
      );
      await assert.rejects(t.send({ method: 'GET', url: `${server.origin}/reset` }), (e: unknown) => e instanceof TransportError && e.kind === 'network');
    } finally {
      await t.close();
    }
  });

  describe('proxy', () => {
    it('routes requests through HTTP_PROXY, and not loopback or NO_PROXY hosts', async () => {
      server = await startServer((req, res) => sendJson(res, 200, { host: req.headers.host }));
      const proxy = await startProxy(() => Number(new URL((server as TestServer).origin).port));
      try {
        await withEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'skip.test' }, async () => {
          const client = new GraphClient({ baseUrl: 'http://graph.example.test/v1.0', retry: { maxAttempts: 1 } });
          try {
            const r = await client.get<{ host: string }>('/solutions/backupRestore');
            assert.equal(r.body.host, 'graph.example.test');
            assert.deepEqual(proxy.connects, ['graph.example.test:80']);
            // NO_PROXY host: goes direct (and fails to resolve), never to the proxy
            // (a short timeout so that a slow resolver cannot stall the suite)
            await assert.rejects(client.get('http://api.skip.test/v1.0/x', { timeoutMs: 1000 }), (e: unknown) => e instanceof GraphError && e.kind !== 'http');
            // loopback (the emulator) is never proxied
            await client.get(`${(server as TestServer).base}/direct`);
            assert.deepEqual(proxy.connects, ['graph.example.test:80']);
          } finally {
            await client.close();
          }
          const noProxy = new GraphClient({ baseUrl: 'http://graph.example.test/v1.0', proxyFromEnv: false, retry: { maxAttempts: 1 } });
          try {
            await assert.rejects(noProxy.get('/x', { timeoutMs: 1000 }), (e: unknown) => e instanceof GraphError && e.kind !== 'http');
            assert.equal(proxy.connects.length, 1);
          } finally {
            await noProxy.close();
          }
        });
      } finally {
        await proxy.close();
      }
    });

    it('uses an explicit proxy option without any environment variable', async () => {
      server = await startServer((req, res) => sendJson(res, 200, { host: req.headers.host }));
      const proxy = await startProxy(() => Number(new URL((server as TestServer).origin).port));
      try {
        await withEnv({}, async () => {
          const client = new GraphClient({ baseUrl: 'http://graph.example.test/v1.0', proxy: proxy.url });
          try {
            const r = await client.get<{ host: string }>('/a');
            assert.equal(r.body.host, 'graph.example.test');
            assert.equal(proxy.connects.length, 1);
          } finally {
            await client.close();
          }
        });
      } finally {
        await proxy.close();
      }
    });
  });

  describe('extra CA certificate', function () {
    let certs: { ca: string; key: string; cert: string } | undefined;
    let tlsServer: https.Server | undefined;
    let base = '';

    before(function () {
      if (!hasOpenssl()) {
        this.skip();
      }
      certs = makeCerts();
    });

    beforeEach(async () => {
      tlsServer = https.createServer({ key: certs?.key, cert: certs?.cert }, (_req, res) => sendJson(res, 200, { secure: true }));
      await new Promise<void>((resolve) => tlsServer?.listen(0, '127.0.0.1', resolve));
      base = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}/v1.0`;
    });

    afterEach(async () => {
      tlsServer?.closeAllConnections();
      await new Promise<void>((resolve) => (tlsServer ? tlsServer.close(() => resolve()) : resolve()));
    });

    it('rejects an unknown CA (TLS checks stay on) without retrying', async () => {
      const client = new GraphClient({ baseUrl: base, retry: FAST_RETRY });
      const log: number[] = [];
      const c2 = new GraphClient({ baseUrl: base, retry: FAST_RETRY, onRequest: (e) => log.push(e.attempt) });
      try {
        const e = await client.get('/x').then(
          () => assert.fail('should not trust the test CA'),
          (err: unknown) => err,
        );
        assert.ok(e instanceof GraphError);
        assert.equal(e.kind, 'network');
        assert.match(e.describe(), /certificate|UNABLE_TO_VERIFY|SELF_SIGNED/i);
        await assert.rejects(c2.get('/x'));
        assert.deepEqual(log, [1]);
      } finally {
        await client.close();
        await c2.close();
      }
    });

    it('trusts the extra CA given as the ca option', async () => {
      const client = new GraphClient({ baseUrl: base, ca: certs?.ca });
      try {
        const r = await client.get<{ secure: boolean }>('/x');
        assert.equal(r.body.secure, true);
      } finally {
        await client.close();
      }
    });
  });
});
