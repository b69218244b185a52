// The three ways to read a collection that the list benchmarks compare, over the same URLs and headers:
//  - the project's client (BackupApi over GraphClient: undici pool, retries, logging hook, typed pages),
//  - the floor: a bare undici loop (request, JSON.parse, follow @odata.nextLink), nothing else,
//  - what a developer would pick instead: @microsoft/microsoft-graph-client with its default middleware chain
//    (auth, retry, redirect, telemetry, fetch) and its PageIterator.
import { Client, MiddlewareFactory, PageIterator } from '@microsoft/microsoft-graph-client';
import type { AuthenticationProvider, Context, Middleware, PageCollection } from '@microsoft/microsoft-graph-client';
import { Agent, request } from 'undici';
import type { BackupApi } from '../src/backup/api';
import type { Workload } from '../src/backup/model';

/** Every contender sends this, so the emulator does the same work for all of them. */
export const PREFER = 'include-unknown-enum-members';

export interface Contender {
  /** Items of every page of `path` (under the version root, with its query), in order. */
  list(path: string): Promise<number>;
  close(): Promise<void>;
}

// ---- the project's client ----

export function clientContender(api: BackupApi, workload: Workload): { sessions(top: number): Promise<number>; artifacts(sessionId: string): Promise<number> } {
  return {
    async sessions(top) {
      let n = 0;
      for await (const page of api.sessions.list(workload, { top })) n += page.items.length;
      return n;
    },
    async artifacts(sessionId) {
      return (await api.artifacts.listAll(workload, sessionId, 'standard')).length;
    },
  };
}

// ---- bare undici ----

interface ODataPage { value?: unknown[]; '@odata.nextLink'?: string }

export function undiciContender(versionRoot: string): Contender {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  return {
    async list(path) {
      let n = 0;
      let url: string | undefined = versionRoot + path;
      while (url) {
        const res = await request(url, { dispatcher: agent, headers: { accept: 'application/json', prefer: PREFER } });
        const body = JSON.parse(await res.body.text()) as ODataPage;
        if (res.statusCode !== 200) throw new Error(`undici: HTTP ${res.statusCode} for ${url}`);
        n += body.value?.length ?? 0;
        url = body['@odata.nextLink'];
      }
      return n;
    },
    close: () => agent.close(),
  };
}

// ---- Microsoft Graph SDK ----

/**
 * The SDK only strips `https://<host>/<version>/` from absolute URLs (GraphRequest.parsePath), so an
 * `http://127.0.0.1:<port>/v1.0/...` nextLink from the emulator would be appended to the base URL. Against Graph
 * the links are https and this never happens; here one middleware in front of the default chain cuts the doubled
 * prefix. It costs one indexOf per request.
 */
class LoopbackLinks implements Middleware {
  private next?: Middleware;
  async execute(context: Context): Promise<void> {
    if (typeof context.request === 'string') {
      const at = context.request.indexOf('/http://', 8);
      if (at >= 0) context.request = context.request.slice(at + 1);
    }
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

const noToken: AuthenticationProvider = { getAccessToken: async () => '' };

/** The SDK with its default middleware chain; `first` middlewares run before it (e.g. a request recorder). */
export function sdkClient(origin: string, first: Middleware[] = []): Client {
  const chain = [...first, new LoopbackLinks(), ...MiddlewareFactory.getDefaultMiddlewareChain(noToken)];
  return Client.initWithMiddleware({ baseUrl: origin, defaultVersion: 'v1.0', middleware: chain });
}

export function sdkContender(origin: string): Contender & { client: Client } {
  const client = sdkClient(origin);
  return {
    client,
    async list(path) {
      let n = 0;
      const first = (await client.api(path).header('Prefer', PREFER).get()) as PageCollection;
      const iterator = new PageIterator(client, first, () => {
        n++;
        return true;
      }, { headers: { Prefer: PREFER } });
      await iterator.iterate();
      return n;
    },
    close: async () => undefined,
  };
}
