import { strict as assert } from 'assert';
import { GraphClient, GraphError } from '../../../src/graph';
import { iteratePages } from '../../../src/graph/paging';
import { TestServer, sendJson, startServer } from './server';

/** A collection of 7 items served 3 per page; the link style alternates by page. */
function pagedHandler(server: () => TestServer, style: 'absolute' | 'relative' | 'mixed') {
  const all = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}` }));
  return (req: { url?: string }, res: import('node:http').ServerResponse): void => {
    const u = new URL(req.url ?? '/', 'http://x');
    const skip = Number(u.searchParams.get('$skiptoken') ?? '0');
    const value = all.slice(skip, skip + 3);
    const body: Record<string, unknown> = { '@odata.context': 'ctx', '@odata.count': all.length, value };
    if (skip + 3 < all.length) {
      const rel = `/solutions/backupRestore/restoreSessions?$skiptoken=${skip + 3}`;
      const useAbsolute = style === 'absolute' || (style === 'mixed' && skip === 0);
      body['@odata.nextLink'] = useAbsolute ? `${server().base}${rel}` : rel;
    }
    sendJson(res, 200, body);
  };
}

describe('graph/paging', () => {
  let server: TestServer | undefined;
  let client: GraphClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  for (const style of ['absolute', 'relative', 'mixed'] as const) {
    it(`follows ${style} @odata.nextLink values to the end`, async () => {
      server = await startServer(pagedHandler(() => server as TestServer, style));
      client = new GraphClient({ baseUrl: server.base, tokenProvider: { getToken: async () => 't' } });
      const pages = [];
      for await (const page of client.pages<{ id: string }>('/solutions/backupRestore/restoreSessions', { query: { $top: 3 } })) {
        pages.push(page);
      }
      assert.deepEqual(
        pages.map((p) => p.items.map((i) => i.id)),
        [['s0', 's1', 's2'], ['s3', 's4', 's5'], ['s6']],
      );
      assert.equal(pages[0].count, 7);
      assert.ok(pages[0].nextLink);
      assert.equal(pages[2].nextLink, undefined);
      assert.deepEqual(
        server.seen.map((s) => s.url),
        [
          '/v1.0/solutions/backupRestore/restoreSessions?$top=3',
          '/v1.0/solutions/backupRestore/restoreSessions?$skiptoken=3',
          '/v1.0/solutions/backupRestore/restoreSessions?$skiptoken=6',
        ],
      );
      // every page, not just the first, carries the standard headers and the token (same origin)
      for (const s of server.seen) {
        assert.equal(s.headers['authorization'], 'Bearer t');
        assert.equal(s.headers['prefer'], 'include-unknown-enum-members');
      }
    });
  }

  it('collectAll gathers every item, or stops at maxItems without reading further pages', async () => {
    server = await startServer(pagedHandler(() => server as TestServer, 'relative'));
    client = new GraphClient({ baseUrl: server.base });
    const all = await client.collectAll<{ id: string }>('/solutions/backupRestore/restoreSessions');
    assert.equal(all.length, 7);
    assert.equal(server.seen.length, 3);
    const some = await client.collectAll<{ id: string }>('/solutions/backupRestore/restoreSessions', { maxItems: 4 });
    assert.deepEqual(
      some.map((i) => i.id),
      ['s0', 's1', 's2', 's3'],
    );
    assert.equal(server.seen.length, 5);
  });

  it('handles an empty collection and a page without value', async () => {
    server = await startServer((_req, res, _s, i) => sendJson(res, 200, i === 0 ? { value: [] } : {}));
    client = new GraphClient({ baseUrl: server.base });
    assert.deepEqual(await client.collectAll('/a'), []);
    assert.deepEqual(await client.collectAll('/b'), []);
  });

  it('stops with InvalidResponse when a nextLink loops back', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { value: [1], '@odata.nextLink': '/a' }));
    client = new GraphClient({ baseUrl: server.base });
    await assert.rejects(client.collectAll('/a'), (e: unknown) => e instanceof GraphError && e.code === 'InvalidResponse');
    assert.equal(server.seen.length, 1);
  });

  it('stops with an error at a nextLink to another server, never sending it the request or the token', async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, { value: [{ id: 'foreign' }] }));
    try {
      server = await startServer((_req, res) => sendJson(res, 200, { value: [{ id: 'own' }], '@odata.nextLink': `${other.base}/page2` }));
      client = new GraphClient({ baseUrl: server.base, tokenProvider: { getToken: async () => 't' } });
      await assert.rejects(client.collectAll('/solutions/backupRestore/restoreSessions'), (e: unknown) => e instanceof GraphError && /another server/.test(e.message));
      assert.equal(other.seen.length, 0);
    } finally {
      await other.close();
    }
  });

  it('stops with an error after the page cap', async () => {
    server = await startServer((req, res) => {
      const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('p') ?? '0');
      sendJson(res, 200, { value: [{ id: n }], '@odata.nextLink': `/next?p=${n + 1}` });
    });
    client = new GraphClient({ baseUrl: server.base });
    const pages = iteratePages(server.base, `${server.base}/next?p=0`, (url) => (client as GraphClient).get(url), 5);
    await assert.rejects((async () => { for await (const page of pages) void page; })(), (e: unknown) => e instanceof GraphError && /more than 5 pages/.test(e.message));
    assert.equal(server.seen.length, 5);
  });

  it('a failing page rejects the iteration with the GraphError', async () => {
    server = await startServer((_req, res, _s, i) =>
      i === 0 ? sendJson(res, 200, { value: [1], '@odata.nextLink': '/next' }) : sendJson(res, 403, { error: { code: 'Forbidden', message: 'no' } }),
    );
    client = new GraphClient({ baseUrl: server.base });
    const got: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const p of client!.pages<number>('/a')) {
          got.push(...p.items);
        }
      })(),
      (e: unknown) => e instanceof GraphError && e.status === 403 && e.code === 'Forbidden',
    );
    assert.deepEqual(got, [1]);
  });
});
