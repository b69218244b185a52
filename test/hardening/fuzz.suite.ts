// Emulator under abuse: thousands of fuzzed requests (random methods, paths, headers, query options; bodies with
// invalid UTF-8, deep nesting, wrong types and over the size limit; raw malformed HTTP on a socket) with a
// liveness probe throughout and the whole store validated against the domain types afterwards. Then concurrent
// writers on one draft session, whose end state must equal some serial order of the writes that succeeded.
import { strict as assert } from 'assert';
import * as net from 'node:net';
import { workload } from '../../src/backup/model';
import { controlHeaders } from '../support/emulator';
import { type Harness, ROOT, assertStoreValid, prng, recordFigures, restorePointIds, scaled, startHarness } from './support';

const exchange = workload('exchange');

function rawSocket(port: number, data: Buffer, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => { socket.destroy(); resolve('timeout'); }, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => { clearTimeout(timer); resolve(Buffer.concat(chunks).toString('latin1')); });
    socket.on('error', () => undefined);
    socket.end(data);
  });
}

/** A `$filter` nested `depth` parentheses deep (the parser must refuse it with a 400, not overflow its stack). */
const deepFilter = (depth: number): string => `?$filter=${'('.repeat(depth)}status eq 'draft'${')'.repeat(depth)}`;

/** Control paths (`/_emulator/<path>`) the control fuzzer calls, with a few that do not exist. */
const CONTROL_PATHS = ['state', 'state?detail=sessions', 'clock', 'clock/advance', 'faults', 'reset', 'seed/sessions', 'xss', 'identity/approve',
  'identity/token', 'identity/ca.pem', 'nope', 'faults/constructor', '..%2fstate', '__proto__'];

export function fuzzSuite(): void {
  describe('hardening: emulator under abuse', function () {
    this.timeout(600_000);
    let h: Harness;
    before(async () => { h = await startHarness({ seed: 'demo' }); });
    after(async () => { await h.close(); });

    it(`answers ${scaled(1_000, 10_000).toLocaleString('en-US')} fuzzed requests throughout and keeps a valid store`, async () => {
      const total = scaled(1_000, 10_000);
      const rng = prng(20261123);
      const sessions = (await h.raw('GET', `${ROOT}/restoreSessions?$top=50`)).body.value.map((s: { id: string }) => s.id) as string[];
      const [point] = await restorePointIds(h, 'exchange', 1);
      const huge = Buffer.alloc(4 * 1024 * 1024 + 17, 0x20);
      const segs = ['restoreSessions', 'exchangeRestoreSessions', 'sharePointRestoreSessions', 'oneDriveForBusinessRestoreSessions', 'protectionUnits',
        'restorePoints', 'sharePointBrowseSessions', 'oneDriveForBusinessBrowseSessions', 'mailboxRestoreArtifacts', 'siteRestoreArtifacts',
        'driveRestoreArtifacts', 'granularMailboxRestoreArtifacts', 'activate', 'search', 'browse', 'mailboxRestoreArtifactsBulkAdditionRequests',
        'protectionPolicies', 'serviceApps', '%ZZ', '%2e%2e', '..', '.', '', '$batch', '$count', '$value', 'microsoft.graph.mailboxProtectionUnit',
        ...sessions.slice(0, 12), 'not-a-guid', '\u00e9\u4e2d', 'x'.repeat(3000), '%00', "a'b", '<script>', '..%2f..%2fetc%2fpasswd'];
      const queries = ['', '?$top=3', '?$top=-1', '?$top=99999999999', '?$top=abc', "?$filter=status eq 'draft'", '?$filter=((((', "?$filter=status in ('draft','x')",
        '?$filter=createdDateTime ge 2026-13-45T99:00:00Z', '?$skiptoken=AAAA', '?$skiptoken=%FF%FE', '?$orderby=createdDateTime desc', '?$orderby=;drop',
        '?$select=id,status', '?$select=*', '?$search="x"', '?$expand=*', '?$expand=protectionUnit($filter=id eq \'x\')', '?%%%', '?$count=true', '?$count=maybe',
        '?$top=1&$top=2', '?' + 'a=b&'.repeat(2000), '?$format=xml', deepFilter(400), deepFilter(5_000), deepFilter(50_000)];
      const methods = ['GET', 'GET', 'POST', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD', 'TRACE', 'MERGE', 'PROPFIND'];
      const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
      const jsonish = (): unknown => {
        const pickValue = (): unknown => rng.pick([null, true, 0, -1, 1e308, 'x', '', '\u0000', '\ud800', [], {}, [1, 'a'], { id: point }, 'x'.repeat(rng.int(5000))]);
        const keys = ['mailboxRestoreArtifacts', 'mailboxRestoreArtifacts@delta', 'siteRestoreArtifacts', 'restorePoint', 'destinationType', 'displayName',
          '@removed', 'id', 'status', '@odata.type', 'mailboxes', 'protectionUnitIds', 'protectionTimePeriod', 'requests', '__proto__', 'constructor'];
        const o: Record<string, unknown> = {};
        for (let i = rng.int(5); i >= 0; i--) o[rng.pick(keys)] = rng.chance(0.3) ? [{ restorePoint: { id: rng.chance(0.5) ? point : pickValue() }, destinationType: rng.pick(['new', 'inPlace', 'x', 1]) }] : pickValue();
        return o;
      };
      const bodies: (() => string | Buffer | undefined)[] = [
        () => undefined, () => '{}', () => '[]', () => 'null', () => '{"a":', () => '"str"', () => '12', () => '\ufeff{}',
        () => JSON.stringify(jsonish()), () => JSON.stringify(jsonish()), () => JSON.stringify(jsonish()),
        () => JSON.stringify({ mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: rng.pick(['new', 'inPlace']) }] }),
        () => JSON.stringify({ 'mailboxRestoreArtifacts@delta': [{ restorePoint: { id: point }, destinationType: 'new' }, { '@removed': { reason: 'changed' }, id: rng.pick(sessions) }] }),
        () => JSON.stringify({ requests: Array.from({ length: rng.int(25) }, (_, i) => ({ id: String(i), method: rng.pick(['GET', 'POST', 'DELETE']), url: rng.pick(['/solutions/backupRestore/restoreSessions', '/solutions/backupRestore/exchangeRestoreSessions', '../../x', 'https://evil.example/']), body: rng.chance(0.5) ? {} : undefined })) }),
        () => deep(1 + rng.int(200_000)),
        () => '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
        () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
        () => Buffer.from(Array.from({ length: rng.int(2000) }, () => rng.int(256))),
        () => 'x'.repeat(rng.int(20_000)),
        () => (rng.chance(0.08) ? huge : '{}'),
      ];
      const headerNames = ['prefer', 'content-type', 'client-request-id', 'accept', 'authorization', 'if-match', 'x-forwarded-for', 'host', 'content-encoding', 'x-' + 'a'.repeat(200)];
      const headerValues = ['include-unknown-enum-members', 'odata.maxpagesize=1', 'application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x',
        'x'.repeat(8_000), 'Bearer abc', '*', 'gzip', '', ',,,', '../../', '\u00e9'];
      const stats = { deepFilters: 0, requests: 0, answered: 0, refusedByClient: 0, rawMalformed: 0, rawAnswered: 0, oversized: 0, invalidUtf8: 0, deepJson: 0, serverErrors: 0, envelopes: 0, livenessProbes: 0 };
      const raws = [
        () => Buffer.from('GARBAGE\r\n\r\n'),
        () => Buffer.from(`GET ${ROOT}/restoreSessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`),
        () => Buffer.from(`POST ${ROOT}/exchangeRestoreSessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{"a":`),
        () => Buffer.from(`GET /${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
        () => Buffer.from(`GET ${ROOT} HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n`, 'latin1'),
        () => Buffer.concat([Buffer.from(`POST ${ROOT}/exchangeRestoreSessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 6\r\nConnection: close\r\n\r\n`), Buffer.from([0x22, 0xff, 0xc0, 0xaf, 0x22, 0x0a])]),
        () => Buffer.from(`PATCH ${ROOT}/exchangeRestoreSessions/${rng.pick(sessions)} HTTP/1.0\r\n\r\n`),
      ];

      const one = async (i: number): Promise<void> => {
        stats.requests++;
        if (rng.chance(0.04)) {
          stats.rawMalformed++;
          const text = await rawSocket(h.emulator.port, rng.pick(raws)());
          if (/^HTTP\/1\.[01] \d{3}/.test(text) || text === '') stats.rawAnswered++;
          if (/^HTTP\/1\.[01] 5\d\d/.test(text)) stats.serverErrors++;
          return;
        }
        const depth = 1 + rng.int(4);
        const path = '/' + Array.from({ length: depth }, () => rng.pick(segs)).join('/');
        const prefix = rng.pick([ROOT, ROOT, ROOT, '/beta/solutions/backupRestore', '/v1.0', '', '/v1.0/$batch', '/_emulator']);
        const method = rng.pick(methods);
        const body = method === 'GET' || method === 'HEAD' ? undefined : rng.pick(bodies)();
        const headers: Record<string, string> = {};
        for (let k = rng.int(4); k > 0; k--) headers[rng.pick(headerNames)] = rng.pick(headerValues);
        if (body !== undefined && !headers['content-type'] && rng.chance(0.9)) headers['content-type'] = 'application/json';
        if (body instanceof Buffer && body.length > 4 * 1024 * 1024) stats.oversized++;
        if (body instanceof Buffer && body.length < 4 * 1024 * 1024) stats.invalidUtf8++;
        if (typeof body === 'string' && /^(\[\[\[|\{"a":\{"a")/.test(body)) stats.deepJson++;
        const query = rng.pick(queries);
        if (query.startsWith('?$filter=((((((')) stats.deepFilters++;
        let res: Response;
        try {
          res = await fetch(h.emulator.url + (prefix === '/_emulator' ? '/_emulator/state' : prefix + path) + query, {
            method, headers, body: body as BodyInit | undefined, signal: AbortSignal.timeout(15_000),
          });
        } catch (err) {
          // fetch refuses some inputs (TRACE, bad header values) before sending; an oversized body may see its
          // connection closed after the 413. Neither reached a handler that could fail.
          stats.refusedByClient++;
          if ((err as Error).name === 'TimeoutError') throw new Error(`request ${i} (${method} ${prefix}${path}) got no answer in 15 s`);
          return;
        }
        const text = await res.text().catch(() => '');
        stats.answered++;
        // 500 TooManyActiveRestoreSessions and 501 for documented endpoints not emulated yet are answers, not crashes.
        if (res.status >= 500 && !/TooManyActiveRestoreSessions/.test(text) && !(res.status === 501 && /not emulated yet/.test(text))) {
          stats.serverErrors++;
          assert.fail(`${method} ${prefix}${path} → ${res.status} ${text.slice(0, 300)}`);
        }
        if (method !== 'HEAD' && res.status >= 400 && text) {
          const parsed = JSON.parse(text) as { error?: { code?: string; innerError?: Record<string, string> } };
          assert.ok(parsed.error?.code && parsed.error.innerError?.['request-id'], `${method} ${prefix}${path} → ${res.status} without the Graph envelope`);
          stats.envelopes++;
        }
      };

      // Deep `$filter`s on a real collection, every depth at least once (the random loop mostly reaches other paths)
      for (const depth of [400, 5_000, 50_000]) {
        stats.deepFilters++;
        const res = await fetch(`${h.emulator.url}${ROOT}/restoreSessions${deepFilter(depth)}`);
        const text = await res.text();
        if (res.status >= 500) stats.serverErrors++;
        assert.ok(res.status < 500, `a $filter nested ${depth} deep → ${res.status} ${text.slice(0, 200)}`);
      }

      const concurrency = 8;
      let next = 0;
      const deadline = Date.now() + scaled(45_000, 480_000);
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < total && Date.now() < deadline) {
          const i = next++;
          await one(i);
          if (i % 200 === 0) {
            stats.livenessProbes++;
            const probe = await fetch(`${h.emulator.url}${ROOT}`);
            assert.equal(probe.status, 200, `liveness probe after ${i} requests`);
            await probe.text();
            if (i % 2000 === 0) await h.control('clock/advance', { seconds: rng.int(7200) });
          }
        }
      }));
      assert.equal(stats.requests, total, `sent ${stats.requests} of ${total} before the time bound`);
      const store = await assertStoreValid(h.target);
      recordFigures('fuzz', { ...stats, sessionsValidated: store.sessions, artifactsValidated: store.artifacts, invalidRecords: 0, processCrashes: 0 });
    });

    it(`answers ${scaled(300, 3_000).toLocaleString('en-US')} fuzzed control calls without a server error and keeps a valid store`, async () => {
      const total = scaled(300, 3_000);
      const rng = prng(20261201);
      // Values chosen to reach the controls' validation: prototype keys, wrong types, out-of-range numbers, and
      // sizes past the seed cap (never an accepted huge seed, which would only measure the machine).
      const values: Record<string, unknown[]> = {
        kind: ['unavailable', 'throttle', 'reset', 'truncate', 'latency', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 1, null, {}],
        count: [-1, 0, 1, 3, 1e9, 1.5, 'x', null, []],
        fraction: [-0.5, 0, 0.5, 1, 2, 'x', null],
        method: ['GET', 'POST', 'get', 'BREW', '', 1],
        pathPrefix: ['/v1.0', '', '../', 'x'.repeat(5_000), 1],
        retryAfterSeconds: [-1, 0, 1e308, 'x'],
        latencyMs: [-1, 0, 1e12, 'x'],
        seconds: [-3600, 0, 60, 1e308, 'x', null],
        seed: ['demo', 'empty', 'constructor', '__proto__', 'toString', 1, null],
        workload: ['exchange', 'sharePoint', 'oneDrive', 'constructor', '__proto__', 'x', 1],
        artifactsPerSession: [-1, 0, 1, 51, 1e9, 'x'],
        payload: [null, '<script>alert(1)</script>', '', 1, {}, 'x'.repeat(20_000)],
        user_code: ['', 'ABCD-EFGH', 'constructor', 1, null],
        user: ['admin', 'reader', 'constructor', '__proto__', '', 1],
      };
      const bodyFor = (): string | undefined => {
        if (rng.chance(0.1)) return rng.pick([undefined, '', '{', '[]', 'null', '"x"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}']);
        const body: Record<string, unknown> = {};
        for (let k = rng.int(4); k >= 0; k--) {
          const key = rng.pick(Object.keys(values));
          body[key] = rng.pick(values[key]);
        }
        return JSON.stringify(body);
      };
      const stats = { controlCalls: 0, controlsAccepted: 0, controlsRefused: 0, controlEnvelopes: 0, controlServerErrors: 0 };
      for (let i = 0; i < total; i++) {
        const path = rng.pick(CONTROL_PATHS);
        const method = rng.pick(['POST', 'POST', 'POST', 'GET', 'DELETE', 'PUT']);
        const body = method === 'GET' ? undefined : bodyFor();
        const res = await fetch(`${h.emulator.url}/_emulator/${path}`, {
          method, body, signal: AbortSignal.timeout(15_000),
          headers: { ...controlHeaders(h.target), ...(body === undefined ? {} : { 'content-type': rng.chance(0.9) ? 'application/json' : 'text/plain' }) },
        });
        const text = await res.text();
        stats.controlCalls++;
        if (res.status >= 500) {
          stats.controlServerErrors++;
          assert.fail(`${method} /_emulator/${path} ${body ?? ''} → ${res.status} ${text.slice(0, 300)}`);
        }
        if (res.status >= 400) {
          stats.controlsRefused++;
          if (text) {
            const parsed = JSON.parse(text) as { error?: { code?: string } };
            assert.ok(parsed.error?.code, `${method} /_emulator/${path} → ${res.status} without an error code: ${text.slice(0, 200)}`);
            stats.controlEnvelopes++;
          }
        } else {
          stats.controlsAccepted++;
          const kind = body?.startsWith('{') ? (JSON.parse(body) as { kind?: unknown }).kind : undefined;
          const inherited = typeof kind === 'string' && kind in Object.prototype;
          assert.ok(!(path === 'faults' && method === 'POST' && inherited), `a fault kind found on Object.prototype was accepted: ${body}`);
        }
        assert.equal(({} as Record<string, unknown>).polluted, undefined, `prototype polluted by ${method} /_emulator/${path} ${body}`);
        // whatever the call did, the API still answers (faults are lifted first: they are meant to break calls)
        await h.control('faults', undefined, 'DELETE');
        const probe = await fetch(`${h.emulator.url}${ROOT}/restoreSessions?$top=1`);
        assert.equal(probe.status, 200, `the API answers after ${method} /_emulator/${path} ${body ?? ''}`);
        await probe.text();
      }
      const store = await assertStoreValid(h.target);
      recordFigures('fuzz', { ...stats, controlSessionsValidated: store.sessions });
    });

    it('concurrent writers to one draft end in a state equal to some serial order', async () => {
      const rounds = scaled(3, 20);
      const points = await restorePointIds(h, 'exchange', 24);
      assert.ok(points.length >= 12, `only ${points.length} restore points`);
      const rng = prng(99);
      const figures = { rounds: 0, concurrentWrites: 0, acceptedWrites: 0, rejectedWrites: 0, serialisabilityViolations: 0 };
      for (let round = 0; round < rounds; round++) {
        const base = points.slice(0, 6);
        const draft = await h.api.sessions.create(exchange, { standard: base.map((restorePointId) => ({ restorePointId, destinationType: 'new' as const })) });
        const id = draft.body.id;
        const initial = await h.api.artifacts.listAll(exchange, id, 'standard');
        const pointOf = (a: unknown) => (a as { restorePoint?: { id?: string } }).restorePoint?.id ?? '';
        // Writers: adds of new points (some points added by two writers at once) and removes of base artifacts (some twice).
        type Op = { kind: 'add'; point: string } | { kind: 'remove'; id: string; point: string };
        const ops: Op[] = [];
        const fresh = points.slice(6);
        for (let k = 0; k < 16; k++) ops.push({ kind: 'add', point: fresh[rng.int(fresh.length)] });
        for (let k = 0; k < 6; k++) {
          const a = initial[rng.int(initial.length)];
          ops.push({ kind: 'remove', id: a.id, point: pointOf(a) });
        }
        const results = await Promise.all(ops.map(async (op) => {
          const res = await h.raw('PATCH', `${ROOT}/exchangeRestoreSessions/${id}`, {
            'mailboxRestoreArtifacts@delta': [op.kind === 'add' ? { restorePoint: { id: op.point }, destinationType: 'new' } : { '@removed': { reason: 'changed' }, id: op.id }],
          });
          const echo = res.body?.['mailboxRestoreArtifacts@delta'] as Record<string, unknown>[] | undefined;
          const failed = echo?.some((e) => e['@Core.DataModificationException']);
          return { op, ok: res.status >= 200 && res.status < 300 && !failed };
        }));
        const final = await h.api.artifacts.listAll(exchange, id, 'standard');
        const finalPoints = final.map(pointOf);
        const count = (p: string) => finalPoints.filter((x) => x === p).length;
        const violations: string[] = [];
        // Serial order: in any order, a point is added at most once (the second add of the same point is a duplicate),
        // a second removal of the same id is a no-op or refused, and what remains is base − removed + added.
        const okAdds = results.filter((r) => r.ok && r.op.kind === 'add').map((r) => r.op.point);
        const okRemoves = results.filter((r) => r.ok && r.op.kind === 'remove').map((r) => (r.op as { id: string }).id);
        if (new Set(okAdds).size !== okAdds.length) violations.push('the same point was added twice');
        for (const p of okAdds) if (count(p) !== 1) violations.push(`added point present ${count(p)} times`);
        for (const r of okRemoves) if (final.some((a) => a.id === r)) violations.push(`removed artifact ${r} still present`);
        const expected = new Set([...initial.filter((a) => !okRemoves.includes(a.id)).map(pointOf), ...okAdds]);
        if (expected.size !== finalPoints.length || finalPoints.some((p) => !expected.has(p))) violations.push(`final set ${finalPoints.length} ≠ expected ${expected.size}`);
        // Every add refused must be refused because that point was already in the session (by a serial predecessor).
        for (const r of results.filter((x) => !x.ok && x.op.kind === 'add')) if (!finalPoints.includes(r.op.point)) violations.push(`add of a new point refused`);
        const session = (await h.api.sessions.get(exchange, id)).body;
        if (session.restoreSessionArtifactCount?.total !== final.length) violations.push('artifact count differs from the list');
        figures.rounds++;
        figures.concurrentWrites += ops.length;
        figures.acceptedWrites += results.filter((r) => r.ok).length;
        figures.rejectedWrites += results.filter((r) => !r.ok).length;
        figures.serialisabilityViolations += violations.length;
        assert.deepEqual(violations, [], `round ${round}`);
        await h.api.sessions.delete(id);
      }
      await assertStoreValid(h.target);
      recordFigures('concurrency', figures);
    });
  });
}
