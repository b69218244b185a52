import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client, Response } from './helpers';
import { assertError, PREFER, start } from './helpers';

/** A data file holding `count` sessions, so large lists are set up without thousands of requests. */
function dataFileWith(count: number, status: (i: number) => string = () => 'draft'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-odata-')), 'state.json');
  const workloads = ['exchange', 'sharePoint', 'oneDrive'];
  const base = Date.now() - 3600_000;
  const sessions = Array.from({ length: count }, (_, i) => ({
    workload: workloads[i % 3],
    session: {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      status: status(i),
      restoreJobType: 'standard',
      restoreSessionArtifactCount: { total: 0, completed: 0, inProgress: 0, failed: 0 },
      createdDateTime: new Date(base + Math.floor(i / 2) * 1000).toISOString(),
      lastModifiedDateTime: new Date(base).toISOString(),
      completedDateTime: null,
      error: null,
    },
    standard: [], granular: [], bulkRequests: [],
  }));
  fs.writeFileSync(file, JSON.stringify({ version: 1, seed: 'empty', sessions, browseSessions: [] }));
  return file;
}

async function collect(api: Client, first: string, headers: Record<string, string> = {}): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let next: string | undefined = first;
  let pages = 0;
  while (next) {
    const res: Response = await api.get(next, headers);
    assert.equal(res.status, 200, res.text);
    ids.push(...res.body.value.map((s: { id: string }) => s.id));
    next = res.body['@odata.nextLink'];
    if (next) assert.ok(next.startsWith(api.url + '/v1.0/solutions/backupRestore/'), `nextLink is absolute: ${next}`);
    pages++;
  }
  return { ids, pages };
}

describe('emulator: OData query options and paging', () => {
  for (const [count, top, pages] of [[0, 5, 1], [1, 5, 1], [5, 5, 1], [6, 5, 2]] as const) {
    it(`pages ${count} sessions with $top=${top} into ${pages} page(s)`, async () => {
      const api = await start({ dataFile: dataFileWith(count) });
      try {
        const result = await collect(api, `/restoreSessions?$top=${top}`);
        assert.equal(result.ids.length, count);
        assert.equal(new Set(result.ids).size, count);
        assert.equal(result.pages, pages);
      } finally { await api.emulator.close(); }
    });
  }

  describe('on 10,000 sessions', () => {
    let api: Client;
    before(async () => { api = await start({ dataFile: dataFileWith(10_000, (i) => (i % 10 === 0 ? 'failed' : i % 2 ? 'completed' : 'draft')) }); });
    after(async () => { await api.emulator.close(); });

    it('pages all of them at 50, newest first by default, with no duplicates', async () => {
      const { ids, pages } = await collect(api, '/restoreSessions?$top=50');
      assert.equal(ids.length, 10_000);
      assert.equal(new Set(ids).size, 10_000);
      assert.equal(pages, 200);
      const first = await api.get('/restoreSessions?$top=2');
      assert.ok(Date.parse(first.body.value[0].createdDateTime) >= Date.parse(first.body.value[1].createdDateTime));
    });

    it('keeps pages stable when sessions are inserted between page requests (keyset $skiptoken)', async () => {
      const page1 = await api.get('/exchangeRestoreSessions?$top=3&$orderby=createdDateTime asc');
      await api.post('/exchangeRestoreSessions', {});
      const page2 = await api.get(page1.body['@odata.nextLink']);
      const ids = [...page1.body.value, ...page2.body.value].map((s: { id: string }) => s.id);
      assert.equal(new Set(ids).size, 6);
      assert.ok(Date.parse(page2.body.value[0].createdDateTime) >= Date.parse(page1.body.value[2].createdDateTime));
    });

    it('filters on status (eq, in, and/or) and createdDateTime, counts, orders and selects', async () => {
      const completed = await api.get("/sharePointRestoreSessions?$filter=status eq 'completed'&$count=true&$top=5");
      assert.equal(completed.status, 200, completed.text);
      assert.ok(completed.body['@odata.count'] > 0);
      assert.ok(completed.body.value.every((s: { status: string }) => s.status === 'completed'));
      const both = await api.get("/restoreSessions?$filter=status in ('draft', 'completed')&$count=true&$top=1");
      const drafts = await api.get("/restoreSessions?$filter=status eq 'draft'&$count=true&$top=1");
      const done = await api.get("/restoreSessions?$filter=status eq 'completed' or status eq 'draft'&$count=true&$top=1");
      assert.equal(both.body['@odata.count'], done.body['@odata.count']);
      assert.ok(drafts.body['@odata.count'] < both.body['@odata.count']);
      const cutoff = (await api.get('/restoreSessions?$top=1&$orderby=createdDateTime asc')).body.value[0].createdDateTime;
      const since = await api.get(`/restoreSessions?$filter=createdDateTime ge ${cutoff} and status eq 'draft'&$count=true`);
      assert.equal(since.status, 200, since.text);
      assert.ok(since.body['@odata.count'] >= 1);
      const selected = await api.get('/restoreSessions?$top=1&$select=status,createdDateTime');
      assert.deepEqual(Object.keys(selected.body.value[0]).sort(), ['@odata.type', 'createdDateTime', 'id', 'status']);
    });

    it('substitutes evolvable members and filters on them only with Prefer', async () => {
      assertError(await api.get("/restoreSessions?$filter=status eq 'failed'"), 400, 'BadRequest');
      const withPrefer = await api.get("/restoreSessions?$filter=status eq 'failed'&$top=3", PREFER);
      assert.equal(withPrefer.status, 200, withPrefer.text);
      assert.equal(withPrefer.headers.get('preference-applied'), 'include-unknown-enum-members');
      assert.ok(withPrefer.body.value.every((s: { status: string }) => s.status === 'failed'));
      const hidden = await api.get("/restoreSessions?$filter=status eq 'unknownFutureValue'&$top=3");
      assert.equal(hidden.status, 200);
      assert.ok(hidden.body.value.length > 0 && hidden.body.value.every((s: { status: string }) => s.status === 'unknownFutureValue'));
      assert.equal(hidden.headers.get('preference-applied'), null);
      // Prefer may carry several preferences.
      const combined = await api.get("/restoreSessions?$filter=status eq 'failed'&$top=1", { Prefer: 'odata.maxpagesize=5, include-unknown-enum-members' });
      assert.equal(combined.status, 200);
    });
  });

  describe('rejects what it does not support', () => {
    let api: Client;
    before(async () => { api = await start(); });
    after(async () => { await api.emulator.close(); });
    const cases: [string, RegExp][] = [
      ['/restoreSessions?$search=foo', /\$search/],
      ['/restoreSessions?$skip=5', /\$skip/],
      ['/restoreSessions?$bogus=1', /\$bogus/],
      ["/restoreSessions?$filter=createdBy eq 'x'", /createdBy/],
      ["/restoreSessions?$filter=status eq 'sleeping'", /sleeping/],
      ['/restoreSessions?$filter=status eq', /value/],
      ['/restoreSessions?$top=1000', /999/],
      ['/restoreSessions?$top=-1', /\$top/],
      ['/restoreSessions?$orderby=status', /orderby/],
      ['/restoreSessions?$select=nope', /nope/],
      ['/restoreSessions?$skiptoken=garbage', /skiptoken/],
      ['/restoreSessions?$count=maybe', /count/],
      ['/restoreSessions?$top=1&$top=2', /more than once/],
      ["/protectionUnits?$filter=status eq 'offboarded'", /Prefer/],
    ];
    for (const [url, message] of cases) {
      it(`400 for ${url}`, async () => {
        const res = await api.get(url);
        assertError(res, 400, res.body?.error?.code === 'BadRequest' ? 'BadRequest' : res.body?.error?.code);
        assert.match(res.body.error.message, message);
      });
    }
  });
});
