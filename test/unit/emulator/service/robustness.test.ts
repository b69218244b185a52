import { strict as assert } from 'assert';
import * as net from 'node:net';
import type { ArtifactRestoreStatus } from '../../../../src/backup/model';
import { aggregateSessionStatus, WORKLOADS } from '../../../../src/backup/model';
import type { Client } from './helpers';
import { assertError, FAILING, ROOT, start } from './helpers';

/** Sends raw bytes and returns the raw response text (for bodies fetch cannot produce). */
function rawRequest(port: number, data: Buffer | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.end(data);
  });
}

/** The store's invariants: aggregated status, counts, one destination type, unique ids. */
export async function assertConsistent(api: Client): Promise<void> {
  const state = await api.get('/_emulator/state?detail=sessions');
  assert.equal(state.status, 200);
  const ids = new Set<string>();
  for (const record of state.body.sessions) {
    const s = record.session;
    assert.ok(!ids.has(s.id), `duplicate session id ${s.id}`);
    ids.add(s.id);
    const artifacts = [...record.standard, ...record.granular];
    const statuses = artifacts.map((a: { status: ArtifactRestoreStatus }) => a.status);
    assert.equal(s.status, aggregateSessionStatus(statuses, s.status), `session ${s.id}`);
    if (artifacts.length > 0) assert.equal(s.restoreSessionArtifactCount.total, artifacts.length);
    const destinations = new Set(artifacts.map((a: { destinationType?: string }) => a.destinationType).filter(Boolean));
    assert.ok(destinations.size <= 1, `session ${s.id} mixes destination types`);
    const artifactIds = artifacts.map((a: { id: string }) => a.id);
    assert.equal(new Set(artifactIds).size, artifactIds.length, `duplicate artifact ids in ${s.id}`);
    assert.ok(!(record.standard.length && record.granular.length), `session ${s.id} mixes standard and granular`);
  }
  assert.equal(state.body.sessions.length, state.body.sessions.length);
}

describe('emulator: bad input and robustness', () => {
  let api: Client;
  before(async () => { api = await start(); });
  after(async () => { await api.emulator.close(); });

  it('answers unknown segments with 400 naming the segment, paths outside the API with 404, wrong methods with 405 + Allow', async () => {
    const unknown = await api.get('/nothingHere');
    assertError(unknown, 400, 'BadRequest');
    assert.equal(unknown.body.error.message, "Resource not found for the segment 'nothingHere'.");
    assertError(await api.get('/v1.0/users'), 404, 'ResourceNotFound');
    assertError(await api.get(`${api.url}/v2.0/solutions/backupRestore`), 404, 'ResourceNotFound');
    const put = await api.call('PUT', '/restoreSessions');
    assertError(put, 405, 'MethodNotAllowed');
    assert.equal(put.headers.get('allow'), 'GET');
    const patchBase = await api.patch('/restoreSessions/00000000-0000-4000-8000-000000000000', {});
    assertError(patchBase, 405, 'MethodNotAllowed');
    assert.equal(patchBase.headers.get('allow'), 'DELETE, GET');
  });

  it('echoes client-request-id in the body and as a header', async () => {
    const res = await api.get('/restoreSessions/nope', { 'client-request-id': 'abc-123' });
    assertError(res, 400, 'InvalidRestoreSessionId');
    assert.equal(res.body.error.innerError['client-request-id'], 'abc-123');
    assert.equal(res.headers.get('client-request-id'), 'abc-123');
    const ok = await api.get('/restoreSessions', { 'client-request-id': 'abc-124' });
    assert.equal(ok.headers.get('client-request-id'), 'abc-124');
    assert.ok(ok.headers.get('request-id'));
  });

  it('rejects invalid JSON, non-object bodies, unsupported media types, invalid UTF-8 and deep nesting', async () => {
    assertError(await api.post('/exchangeRestoreSessions', '{"mailboxRestoreArtifacts": ['), 400, 'BadRequest');
    assertError(await api.post('/exchangeRestoreSessions', '[1,2]'), 400, 'BadRequest');
    assertError(await api.post('/exchangeRestoreSessions', '{}', { 'Content-Type': 'application/xml' }), 415, 'UnsupportedMediaType');
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const utf = await api.call('POST', '/exchangeRestoreSessions', new Uint8Array(bad));
    assertError(utf, 400, 'BadRequest');
    assert.match(utf.body.error.message, /UTF-8/);
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assertError(await api.post('/exchangeRestoreSessions', deep), 400, 'BadRequest');
    const deepObject = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    assertError(await api.post('/exchangeRestoreSessions', deepObject), 400, 'BadRequest');
    const raw = await rawRequest(api.emulator.port, `POST ${ROOT}/exchangeRestoreSessions HTTP/1.1\r\nHost: 127.0.0.1:${api.emulator.port}\r\nContent-Type: application/json\r\nContent-Length: 3\r\nConnection: close\r\n\r\n\xff\xff\xff`);
    assert.match(raw, /^HTTP\/1\.1 400/);
  });

  it('refuses bodies over 4 MB with 413 without reading them', async () => {
    const big = JSON.stringify({ mailboxRestoreArtifacts: [{ restorePoint: { id: 'x'.repeat(5 * 1024 * 1024) } }] });
    const res = await api.post('/exchangeRestoreSessions', big);
    assertError(res, 413, 'RequestEntityTooLarge');
    // A chunked body (no Content-Length) that grows past the limit is cut off too.
    const raw = await rawRequest(api.emulator.port, Buffer.concat([
      Buffer.from(`POST ${ROOT}/exchangeRestoreSessions HTTP/1.1\r\nHost: 127.0.0.1:${api.emulator.port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`),
      Buffer.from(`${(5 * 1024 * 1024).toString(16)}\r\n`), Buffer.alloc(5 * 1024 * 1024, 0x20), Buffer.from('\r\n0\r\n\r\n'),
    ])).catch((err: Error) => `error ${err.message}`);
    assert.match(raw, /^HTTP\/1\.1 413|^error/);
    assert.equal((await api.get('')).status, 200, 'still serving');
  });

  it('turns a handler exception into a 500 envelope and keeps serving', async () => {
    let explode = true;
    const fragile = await start({ authenticate: () => { if (explode) throw new Error('boom'); } });
    try {
      const res = await fragile.get('/restoreSessions');
      assertError(res, 500, 'InternalServerError');
      assert.doesNotMatch(res.text, /boom/);
      explode = false;
      assert.equal((await fragile.get('/restoreSessions')).status, 200);
    } finally { await fragile.emulator.close(); }
  });

  it('validates a whole PATCH before applying any of it', async () => {
    const [p1, p2] = await api.pointIds('mailboxProtectionUnit', 2, { exclude: FAILING });
    const id = (await api.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: p1 }, destinationType: 'new' }] })).body.id;
    const existing = (await api.get(`/exchangeRestoreSessions/${id}/mailboxRestoreArtifacts`)).body.value[0].id;
    const res = await api.patch(`/exchangeRestoreSessions/${id}`, {
      'mailboxRestoreArtifacts@delta': [
        { '@removed': { reason: 'changed' }, id: existing },
        { restorePoint: { id: p2 }, destinationType: 'new' },
        { restorePoint: { id: 'invalid' }, destinationType: 'new' },
      ],
    });
    assertError(res, 400, 'InvalidRestorePoint');
    const after = (await api.get(`/exchangeRestoreSessions/${id}/mailboxRestoreArtifacts`)).body.value;
    assert.deepEqual(after.map((a: { id: string }) => a.id), [existing]);
    assertError(await api.patch(`/exchangeRestoreSessions/${id}`, { 'mailboxRestoreArtifacts@delta': [{ restorePoint: { id: p2 }, destinationType: 'inPlace' }] }), 400, 'DifferentRestoreDestinationType');
    assertError(await api.patch(`/exchangeRestoreSessions/${id}`, { 'mailboxRestoreArtifacts@delta': [{ restorePoint: { id: p1 }, destinationType: 'new' }] }), 400, 'DuplicateArtifactInList');
    assertError(await api.patch(`/exchangeRestoreSessions/${id}`, { status: 'active' }), 400, 'BadRequest');
  });

  it('survives 1,500 random and malformed requests and keeps its store consistent', async function () {
    this.timeout(60_000);
    await api.post('/_emulator/reset', { seed: 'demo' });
    let seed = 12345;
    const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const sessions = (await api.get('/restoreSessions?$top=999')).body.value.map((s: { id: string }) => s.id);
    const [point] = await api.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    const segments = ['restoreSessions', 'exchangeRestoreSessions', 'sharepointRestoreSessions', 'oneDriveForBusinessRestoreSessions', 'protectionUnits',
      'restorePoints', 'browseSessions', 'sharePointBrowseSessions', 'mailboxRestoreArtifacts', 'siteRestoreArtifacts', 'activate', 'search', 'browse',
      'mailboxRestoreArtifactsBulkAdditionRequests', '%ZZ', '..', '', '$batch', 'microsoft.graph.mailboxProtectionUnit', ...sessions.slice(0, 10), 'not-a-guid', '\u00e9'];
    const queries = ['', '?$top=3', '?$top=abc', '?$filter=status eq \'draft\'', '?$filter=((((', '?$skiptoken=AAAA', '?$orderby=createdDateTime desc', '?$select=id', '?$search=x', '?$expand=*', '?%%%', '?$count=true'];
    const bodies: (() => string | Uint8Array | undefined)[] = [
      () => undefined, () => '{}', () => '[]', () => 'null', () => '{"a":', () => '"str"', () => '12',
      () => JSON.stringify({ mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: pick(['new', 'inPlace', 'x']) }] }),
      () => JSON.stringify({ 'mailboxRestoreArtifacts@delta': [{ restorePoint: { id: point }, destinationType: 'new' }, { '@removed': { reason: 'changed' }, id: pick(sessions) }] }),
      () => JSON.stringify({ mailboxes: ['a@contoso.com', 'bad'], displayName: 1 }),
      () => JSON.stringify({ restorePointId: point }),
      () => JSON.stringify({ requests: [{ id: '1', method: 'POST', url: '/solutions/backupRestore/exchangeRestoreSessions', body: {} }] }),
      () => '['.repeat(5000),
      () => new Uint8Array([0xc3, 0x28, 0xa0, 0xa1]),
      () => JSON.stringify({ [pick(['x', '@odata.type', 'siteRestoreArtifacts'])]: pick([1, 'x', null, [], {}]) }),
      () => 'x'.repeat(Math.floor(random() * 10_000)),
    ];
    const methods = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD'];
    const headerSets: Record<string, string>[] = [{}, { Prefer: 'include-unknown-enum-members' }, { 'Content-Type': 'text/xml' }, { 'client-request-id': 'x'.repeat(500) }, { Prefer: ',,,' }];
    let answered = 0;
    for (let i = 0; i < 1500; i++) {
      const depth = 1 + Math.floor(random() * 4);
      const path = '/' + Array.from({ length: depth }, () => pick(segments)).join('/');
      const prefix = pick([ROOT, ROOT, ROOT, '/beta/solutions/backupRestore', '/v1.0', '']);
      const method = pick(methods);
      const body = method === 'GET' || method === 'HEAD' ? undefined : pick(bodies)();
      const headers = { ...pick(headerSets) };
      if (body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
      try {
        const res = await fetch(api.url + prefix + path + pick(queries), { method, headers, body: body as BodyInit | undefined });
        const text = await res.text();
        assert.ok(res.status < 500 || res.status === 500 && /TooManyActiveRestoreSessions/.test(text), `${method} ${prefix}${path} → ${res.status} ${text.slice(0, 300)}`);
        if (method !== 'HEAD' && res.status !== 204 && res.status >= 400) {
          const parsed = JSON.parse(text);
          assert.ok(parsed.error.code && parsed.error.innerError['request-id']);
        }
        answered++;
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        // fetch itself may refuse some inputs (e.g. a body with HEAD); those never reached the server.
      }
      if (i % 250 === 0) await api.advance(random() * 3600);
    }
    assert.ok(answered > 1400);
    assert.equal((await api.get('')).status, 200);
    await assertConsistent(api);
  });

  it('keeps the store consistent across activations of every workload', async () => {
    await api.post('/_emulator/reset', { seed: 'demo' });
    for (const w of WORKLOADS) {
      const [p] = await api.pointIds(w.protectionUnits.type.replace('microsoft.graph.', ''), 1, { exclude: FAILING });
      const id = (await api.post(`/${w.sessionCollection}`, { [w.standardArtifacts.nav]: [{ restorePoint: { id: p }, destinationType: 'new' }] })).body.id;
      await api.post(`/restoreSessions/${id}/activate`);
    }
    for (const seconds of [5, 40, 100, 1000, 86400]) {
      await api.advance(seconds);
      await assertConsistent(api);
    }
  });
});
