import { strict as assert } from 'assert';
import { GraphError, errorFromResponse, invalidResponseError, redactUrl } from '../../../src/graph/errors';
import { buildUrl, encodeQuery, normaliseBaseUrl, resolveNextLink } from '../../../src/graph/url';

describe('graph/url', () => {
  it('encodes OData query values and keeps $ in keys', () => {
    assert.equal(encodeQuery({ $filter: "status eq 'draft'", $top: 5, $count: true, skip: undefined }), "$filter=status%20eq%20'draft'&$top=5&$count=true");
    assert.equal(encodeQuery({ q: 'a&b=c#d' }), 'q=a%26b%3Dc%23d');
  });

  it('builds URLs from paths and absolute URLs', () => {
    const base = 'https://graph.microsoft.com/v1.0';
    assert.equal(buildUrl(base, '/solutions/backupRestore'), `${base}/solutions/backupRestore`);
    assert.equal(buildUrl(base, 'solutions/backupRestore', { $top: 1 }), `${base}/solutions/backupRestore?$top=1`);
    assert.equal(buildUrl(base, 'https://x.test/a?b=1', { $top: 1 }), 'https://x.test/a?b=1&$top=1');
  });

  it('normalises the base URL', () => {
    assert.equal(normaliseBaseUrl('http://127.0.0.1:4000/beta/'), 'http://127.0.0.1:4000/beta');
    assert.throws(() => normaliseBaseUrl('/v1.0'), TypeError);
    assert.throws(() => normaliseBaseUrl('ftp://x/v1.0'), TypeError);
  });

  it('resolves nextLinks: absolute verbatim, relative to the version root', () => {
    const base = 'https://graph.microsoft.com/v1.0';
    const abs = 'https://graph.microsoft.com/v1.0/solutions/backupRestore/restoreSessions?$skiptoken=abc';
    assert.equal(resolveNextLink(base, abs), abs);
    assert.equal(resolveNextLink(base, '/solutions/backupRestore/restoreSessions?$skiptoken=abc'), abs);
    assert.equal(resolveNextLink(base, '/v1.0/solutions/backupRestore/restoreSessions?$skiptoken=abc'), abs);
    assert.equal(resolveNextLink(base, 'solutions/backupRestore/restoreSessions?$skiptoken=abc'), abs);
  });
});

describe('graph/errors', () => {
  const facts = { method: 'GET', url: 'https://g.test/v1.0/x', headers: {} as Record<string, string>, clientRequestId: 'mine' };

  it('parses the OData error envelope', () => {
    const body = JSON.stringify({
      error: {
        code: 'RestoreSessionNotFound',
        message: 'No such session',
        innerError: { date: '2026-05-01T10:00:00', 'request-id': 'rid', 'client-request-id': 'cid' },
      },
    });
    const e = errorFromResponse({ ...facts, status: 404, bodyText: body, headers: { 'request-id': 'hdr' } });
    assert.equal(e.kind, 'http');
    assert.equal(e.status, 404);
    assert.equal(e.code, 'RestoreSessionNotFound');
    assert.equal(e.message, 'No such session');
    assert.equal(e.requestId, 'rid');
    assert.equal(e.clientRequestId, 'cid');
    assert.equal(e.date, '2026-05-01T10:00:00');
    assert.ok(e.describe().includes('request-id rid'));
    assert.ok(e.describe().includes('404 RestoreSessionNotFound'));
  });

  it('falls back to headers for ids (older innerError shape with requestId)', () => {
    const body = JSON.stringify({ error: { code: 'X', message: 'm', innerError: { requestId: 'old-style' } } });
    const e = errorFromResponse({ ...facts, status: 400, bodyText: body, headers: { date: 'Fri, 01 May 2026 10:00:00 GMT' } });
    assert.equal(e.requestId, 'old-style');
    assert.equal(e.clientRequestId, 'mine');
    assert.equal(e.date, 'Fri, 01 May 2026 10:00:00 GMT');
  });

  it('falls back for non-JSON and truncated bodies, quoting the status and ~200 chars', () => {
    const html = `<html><body>${'Bad gateway '.repeat(50)}</body></html>`;
    const e = errorFromResponse({ ...facts, status: 502, bodyText: html, headers: { 'request-id': 'h1' } });
    assert.equal(e.code, 'HttpError');
    assert.ok(e.message.startsWith('HTTP 502: "<html><body>Bad gateway'));
    assert.ok(e.message.length < 260, e.message);
    assert.equal(e.requestId, 'h1');
    const t = errorFromResponse({ ...facts, status: 500, bodyText: '{"error":{"code":"Inter' });
    assert.equal(t.code, 'HttpError');
    assert.ok(t.message.includes('{\\"error\\":{\\"code\\":\\"Inter'), t.message);
    const empty = errorFromResponse({ ...facts, status: 503, bodyText: '' });
    assert.equal(empty.message, 'HTTP 503 with an empty body');
    const p = invalidResponseError({ ...facts, status: 200, bodyText: '{"value":[' }, 'not JSON');
    assert.equal(p.kind, 'parse');
    assert.equal(p.code, 'InvalidResponse');
  });

  it('describes network failures on one line', () => {
    const e = new GraphError({ kind: 'network', status: 0, code: 'ECONNREFUSED', message: 'connect\nECONNREFUSED', method: 'GET', url: 'http://127.0.0.1:1/v1.0/x' });
    assert.equal(e.describe(), 'GET /v1.0/x failed (network): connect ECONNREFUSED');
    assert.ok(e instanceof Error);
  });

  it('redacts credentials and token-like query values from URLs', () => {
    assert.equal(redactUrl('https://u:p@g.test/v1.0/x?$skiptoken=abc&$top=5&access_token=zzz'), 'https://g.test/v1.0/x?$skiptoken=***&$top=5&access_token=***');
    assert.equal(redactUrl("https://g.test/v1.0/x?$filter=status%20eq%20'draft'"), "https://g.test/v1.0/x?$filter=status%20eq%20'draft'");
  });
});
