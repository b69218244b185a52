// What a web page or a neighbour on the network could try against a running emulator (issue 14, M2/M3/L6):
// another Host (DNS rebinding), another Origin, a text/plain body, controls and identity shortcuts without the
// control token, a non-loopback bind, a deeply nested $filter, an inherited fault kind, and test-only routes.
import { strict as assert } from 'assert';
import * as http from 'node:http';
import { CONTROL_TOKEN_HEADER, startEmulator, type RunningEmulator } from '../../../../src/emulator';
import type { Client } from './helpers';
import { assertError, ROOT, start } from './helpers';

/** A request with headers fetch would not let us set (Host), answered with status and parsed body. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('emulator: refuses what a web page or the network could send', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'empty', httpsPort: 0 }); });
  after(async () => { await api.emulator.close(); });

  it('answers only its own loopback Host and port', async () => {
    const port = api.emulator.port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `192.168.1.10:${port}`]) {
      const res = await raw(port, `${ROOT}/restoreSessions`, { Host: host });
      assert.equal(res.status, 421, host);
      assert.equal(res.body.error.code, 'MisdirectedRequest');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      assert.equal((await raw(port, `${ROOT}/restoreSessions`, { Host: host })).status, 200, host);
    }
  });

  it('refuses a cross-site Origin, and accepts its own', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${api.emulator.port + 1}`]) {
      assertError(await api.post('/_emulator/reset', { seed: 'demo' }, { Origin: origin }), 403, 'CrossSiteRequestRefused');
      assertError(await api.get('/restoreSessions', { Origin: origin }), 403, 'CrossSiteRequestRefused');
    }
    assertError(await api.get('/restoreSessions', { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'cors' }), 403, 'CrossSiteRequestRefused');
    assert.equal((await api.get('/_emulator/state')).body.sessions, 0, 'a refused reset changed nothing');
    assert.equal((await api.get('/restoreSessions', { Origin: api.url })).status, 200);
  });

  it('refuses a body that is not application/json with 415, before it changes anything', async () => {
    const body = JSON.stringify({});
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      assertError(await api.post('/exchangeRestoreSessions', body, { 'Content-Type': type }), 415, 'UnsupportedMediaType');
      assertError(await api.post('/_emulator/reset', body, { 'Content-Type': type }), 415, 'UnsupportedMediaType');
    }
    assert.equal((await api.get('/_emulator/state')).body.sessions, 0);
    assert.equal((await api.post('/exchangeRestoreSessions', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status, 201);
  });

  it('needs the control token for every control, and leaves the sign-in metadata open', async () => {
    const port = api.emulator.port;
    const host = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' };
    for (const [method, path] of [['POST', '/_emulator/reset'], ['GET', '/_emulator/state'], ['GET', '/_emulator/clock'], ['POST', '/_emulator/faults'], ['DELETE', '/_emulator/faults'], ['POST', '/_emulator/seed/sessions'], ['POST', '/%5Femulator/reset']]) {
      for (const token of [undefined, 'wrong', `${api.emulator.controlToken}x`]) {
        const res = await raw(port, path, token === undefined ? host : { ...host, [CONTROL_TOKEN_HEADER]: token }, method, '{}');
        assert.equal(res.status, 401, `${method} ${path} with ${token ?? 'no token'}`);
        assert.equal(res.body.error.code, 'ControlTokenRequired');
      }
    }
    assert.equal((await raw(port, '/_emulator/state', { ...host, [CONTROL_TOKEN_HEADER]: api.emulator.controlToken })).status, 200);
    assert.equal((await raw(port, '/_emulator/identity/metadata', host)).status, 200);
    const ca = await raw(port, '/_emulator/identity/ca.pem', host);
    assert.equal(ca.status, 200);
    assert.match(ca.body, /BEGIN CERTIFICATE/);
  });

  it('refuses a $filter nested deeper than 400 levels with 400, and still serves', async () => {
    const deep = `${'('.repeat(5000)}status eq 'draft'${')'.repeat(5000)}`;
    assertError(await api.get(`/restoreSessions?$filter=${encodeURIComponent(deep)}`), 400, 'BadRequest');
    assertError(await api.get(`/restoreSessions?$filter=${encodeURIComponent(`${'not '.repeat(401)}status eq 'draft'`)}`), 400, 'BadRequest');
    const fine = `${'('.repeat(50)}status eq 'draft'${')'.repeat(50)}`;
    assert.equal((await api.get(`/restoreSessions?$filter=${encodeURIComponent(fine)}`)).status, 200);
  });

  it('refuses inherited names as a fault kind, and no fault is stored', async () => {
    for (const kind of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assertError(await api.post('/_emulator/faults', { kind }), 400, 'BadRequest');
    }
    assert.deepEqual((await api.get('/_emulator/faults')).body.value, []);
    assert.equal((await api.get('/restoreSessions')).status, 200);
  });

  it('has no test-only route unless started with testHooks', async () => {
    assertError(await api.post('/_emulator/xss', {}), 404, 'ResourceNotFound');
    const hooked = await start({ seed: 'empty', testHooks: true });
    try {
      assert.notEqual((await hooked.post('/_emulator/xss', {})).status, 404);
    } finally {
      await hooked.emulator.close();
    }
  });
});

describe('emulator: identity shortcuts and remote binding', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => { await emulator?.close(); emulator = undefined; });

  it('mints a token or approves a device code only with the control token', async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', auth: 'on', controlToken: 'identity-shortcut-test-token' });
    assert.equal(emulator.controlToken, 'identity-shortcut-test-token');
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${emulator?.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ user: 'admin' }) });
    for (const path of ['/_emulator/identity/token', '/_emulator/identity/approve']) {
      const refused = await post(path);
      assert.equal(refused.status, 401, path);
      assert.equal((await refused.json()).error.code, 'ControlTokenRequired');
    }
    const minted = await post('/_emulator/identity/token', { [CONTROL_TOKEN_HEADER]: 'identity-shortcut-test-token' });
    assert.equal(minted.status, 200);
    const token = (await minted.json()).access_token as string;
    assert.equal((await fetch(`${emulator.url}${ROOT}/restoreSessions`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
  });

  it('refuses a non-loopback host unless allowRemote, which turns authentication on', async () => {
    await assert.rejects(startEmulator({ port: 0, host: '0.0.0.0' }), /not a loopback address/);
    await assert.rejects(startEmulator({ port: 0, host: '0.0.0.0', allowRemote: true, auth: 'off' }), /requires auth 'on'/);
    emulator = await startEmulator({ port: 0, host: '0.0.0.0', allowRemote: true, seed: 'empty' });
    const res = await fetch(`http://127.0.0.1:${emulator.port}${ROOT}/restoreSessions`);
    assert.equal(res.status, 401, 'Graph calls need a token when the emulator is reachable from the network');
  });
});
