// The client measurements of `npm run bench` (module "client"): one emulator child seeded with 10,000 sessions,
// then paging them with the client against bare undici and the Graph SDK, 100,000 artifacts across sessions, the
// explorer's page model, memory with 10k sessions loaded, a $batch refresh of 25 active sessions and the
// emulator's throughput. Contenders that are compared run interleaved after a warm-up round, and ratios are
// medians of per-round ratios, so a noisy machine slows both sides of a pair alike.
import * as path from 'node:path';
import { Agent, request } from 'undici';
import { BackupApi } from '../src/backup/api';
import type { Workload } from '../src/backup/model';
import { workload } from '../src/backup/model';
import { SessionList } from '../src/extension/tree/sessionList';
import { GraphClient } from '../src/graph';
import { clientContender, PREFER, sdkContender, undiciContender } from './contenders';
import type { EmulatorProcess } from './emulatorProcess';
import { startEmulatorProcess } from './emulatorProcess';
import { runNode, type ModuleContext, type ModuleResult } from './module';
import { interleaved, median, pairedRatio, timed } from './stats';

export interface ClientSizes {
  sessions: number;
  artifactsPerSession: number;
  listTop: number;
  /** The explorer's default page size (setting restoreSessions.pageSize). */
  treePageSize: number;
  refreshSessions: number;
  artifactConcurrency: number;
  rpsClients: number;
  rpsWindowMs: number;
}

const FULL: ClientSizes = {
  sessions: 10_000, artifactsPerSession: 10, listTop: 100, treePageSize: 50, refreshSessions: 25,
  artifactConcurrency: 4, rpsClients: 8, rpsWindowMs: 1000,
};
const SMOKE: ClientSizes = {
  sessions: 120, artifactsPerSession: 2, listTop: 50, treePageSize: 50, refreshSessions: 25,
  artifactConcurrency: 4, rpsClients: 2, rpsWindowMs: 50,
};

export async function clientModule(ctx: ModuleContext): Promise<ModuleResult> {
  const sizes = ctx.smoke ? SMOKE : FULL;
  const { runs, warmup, log } = ctx;
  const emulator = await startEmulatorProcess('honour');
  try {
    const w = workload('exchange');
    log(`seeding ${sizes.sessions} ${w.id} sessions with ${sizes.artifactsPerSession} artifacts each`);
    let seeded: string[] = [];
    const seedMs = await timed(async () => {
      seeded = (await emulator.control<{ ids: string[] }>('POST', '/_emulator/seed/sessions', {
        workload: w.id, count: sizes.sessions, artifactsPerSession: sizes.artifactsPerSession,
      })).ids;
    });
    log('list: client / undici / Graph SDK');
    const list = await listBench(emulator, w, sizes, runs, warmup, ctx.smoke);
    log('artifacts: client / undici / Graph SDK');
    const artifacts = await artifactBench(emulator, w, seeded, sizes, runs, warmup);
    log('tree model: first page, load all');
    const tree = await treeBench(emulator, w, sizes, runs, warmup);
    log('memory: 10k sessions in the tree model');
    const memory = await memoryBench(emulator, w, sizes);
    log(`refresh ${sizes.refreshSessions} active sessions: $batch / one GET each`);
    const refresh = await refreshBench(emulator, sizes, runs, warmup);
    log('emulator throughput');
    const rps = await rpsBench(emulator, w, seeded, sizes, runs);
    return {
      values: {
        listVsUndici: list.vsUndici,
        listVsGraphSdk: list.vsSdk,
        artifactsVsUndici: artifacts.vsUndici,
        artifactsVsGraphSdk: artifacts.vsSdk,
        refreshRequests25: refresh.batchRequests,
        refreshMs25: refresh.batchMs,
        firstPageMs: tree.firstPageMs,
        loadAllMs: tree.loadAllMs,
        emulatorRps: rps.sessionGet,
        emulatorRpsList: rps.listPage,
        rssMB10k: memory.rssMB,
      },
      details: { clientSizes: sizes, seedMs, list: list.medians, artifacts: artifacts.medians, tree: tree.details, refresh, rps, memory },
    };
  } finally {
    await emulator.stop();
  }
}

// ---- 1. list: 10,000 sessions at $top=100, and 100,000 artifacts across sessions ----

async function listBench(emulator: EmulatorProcess, w: Workload, sizes: ClientSizes, runs: number, warmup: number, smoke: boolean) {
  const root = `${emulator.url}/v1.0`;
  const graph = new GraphClient({ baseUrl: root });
  const client = clientContender(new BackupApi(graph), w);
  const undici = undiciContender(root);
  const sdk = sdkContender(emulator.url);
  // The URL the client builds ($orderby is the facade's default), so all three read the same pages.
  const path = `/solutions/backupRestore/${w.sessionCollection}?$top=${sizes.listTop}&$orderby=createdDateTime%20desc`;
  try {
    const counts = [await client.sessions(sizes.listTop), await undici.list(path), await sdk.list(path)];
    if (counts.some((n) => n !== sizes.sessions)) throw new Error(`list: expected ${sizes.sessions} sessions from each, got ${counts.join('/')}`);
    // A round is short (~0.1-0.3 s), so this comparison gets 2 × runs + 1 rounds: on a noisy 2-core machine the
    // median of the paired ratios settles only after a dozen or so.
    const t = await interleaved({
      client: () => client.sessions(sizes.listTop),
      undici: () => undici.list(path),
      sdk: () => sdk.list(path),
    }, smoke ? runs : 2 * runs + 1, warmup);
    return {
      vsUndici: pairedRatio(t.client, t.undici),
      vsSdk: pairedRatio(t.client, t.sdk),
      // The best any client could do against the SDK on this server: the bare loop's own ratio.
      medians: { clientMs: median(t.client), undiciMs: median(t.undici), sdkMs: median(t.sdk), floorVsGraphSdk: pairedRatio(t.undici, t.sdk), pages: Math.ceil(sizes.sessions / sizes.listTop), rounds: t.client.length, raw: t },
    };
  } finally {
    await Promise.all([graph.close(), undici.close(), sdk.close()]);
  }
}

async function artifactBench(emulator: EmulatorProcess, w: Workload, ids: string[], sizes: ClientSizes, runs: number, warmup: number) {
  const root = `${emulator.url}/v1.0`;
  const graph = new GraphClient({ baseUrl: root });
  const client = clientContender(new BackupApi(graph), w);
  const undici = undiciContender(root);
  const sdk = sdkContender(emulator.url);
  const path = (id: string) => `/solutions/backupRestore/${w.sessionCollection}/${id}/${w.standardArtifacts.nav}`;
  const expected = ids.length * sizes.artifactsPerSession;
  const across = (one: (id: string) => Promise<number>) => async () => {
    let next = 0;
    let total = 0;
    const worker = async () => {
      while (next < ids.length) {
        const n = await one(ids[next++]);
        total += n; // not `total += await ...`: that reads `total` before the await
      }
    };
    await Promise.all(Array.from({ length: sizes.artifactConcurrency }, worker));
    if (total !== expected) throw new Error(`artifacts: expected ${expected}, got ${total}`);
  };
  try {
    const t = await interleaved({
      client: across((id) => client.artifacts(id)),
      undici: across((id) => undici.list(path(id))),
      sdk: across((id) => sdk.list(path(id))),
    }, runs, warmup);
    return {
      vsUndici: pairedRatio(t.client, t.undici),
      vsSdk: pairedRatio(t.client, t.sdk),
      medians: { clientMs: median(t.client), undiciMs: median(t.undici), sdkMs: median(t.sdk), floorVsGraphSdk: pairedRatio(t.undici, t.sdk), artifacts: expected, requests: ids.length, raw: t },
    };
  } finally {
    await Promise.all([graph.close(), undici.close(), sdk.close()]);
  }
}

// ---- 3. the explorer's page model ----

function countingClient(root: string): { client: GraphClient; requests: () => number } {
  let n = 0;
  const client = new GraphClient({ baseUrl: root, onRequest: () => { n++; } });
  return { client, requests: () => n };
}

async function treeBench(emulator: EmulatorProcess, w: Workload, sizes: ClientSizes, runs: number, warmup: number) {
  const { client, requests } = countingClient(`${emulator.url}/v1.0`);
  const api = new BackupApi(client);
  const first: number[] = [];
  const all: number[] = [];
  let firstPageRequests = 0;
  let loadAllRequests = 0;
  try {
    for (let round = 0; round < warmup + runs; round++) {
      let list = new SessionList(w);
      let before = requests();
      const firstMs = await timed(() => list.loadFirst(api, { top: sizes.treePageSize }));
      if (list.error) throw list.error;
      if (list.sessions.length !== Math.min(sizes.treePageSize, sizes.sessions)) throw new Error(`tree: first page has ${list.sessions.length}`);
      firstPageRequests = requests() - before;

      list = new SessionList(w);
      before = requests();
      const allMs = await timed(async () => {
        await list.loadFirst(api, { top: sizes.treePageSize });
        await list.loadMore(api, true);
      });
      if (list.error) throw list.error;
      if (list.sessions.length !== sizes.sessions) throw new Error(`tree: loaded ${list.sessions.length} of ${sizes.sessions}`);
      loadAllRequests = requests() - before;
      if (round >= warmup) {
        first.push(firstMs);
        all.push(allMs);
      }
    }
  } finally {
    await client.close();
  }
  return {
    firstPageMs: median(first),
    loadAllMs: median(all),
    details: { pageSize: sizes.treePageSize, firstPageRequests, loadAllRequests, firstPageRaw: first, loadAllRaw: all },
  };
}

async function memoryBench(emulator: EmulatorProcess, w: Workload, sizes: ClientSizes) {
  const out = await runNode(['--expose-gc', path.join(__dirname, 'memoryChild.js'), `${emulator.url}/v1.0`, w.id, String(sizes.treePageSize)]);
  const m = JSON.parse(out) as { rssMB: number; baselineRssMB: number; heapUsedMB: number; baselineHeapUsedMB: number; sessions: number };
  if (m.sessions !== sizes.sessions) throw new Error(`memory: loaded ${m.sessions} of ${sizes.sessions}`);
  return m;
}

// ---- 2. refresh of active sessions ----

async function refreshBench(emulator: EmulatorProcess, sizes: ClientSizes, runs: number, warmup: number) {
  // Its own workload, so the list benchmarks' collection is untouched; the sessions are activated for real.
  const w = workload('oneDrive');
  const seeded = await emulator.control<{ ids: string[] }>('POST', '/_emulator/seed/sessions', { workload: w.id, count: sizes.refreshSessions, artifactsPerSession: 1 });
  const { client, requests } = countingClient(`${emulator.url}/v1.0`);
  const api = new BackupApi(client);
  try {
    for (const id of seeded.ids) await api.sessions.activate(id);
    const counts = { batch: 0, single: 0 };
    const t = await interleaved({
      batch: async () => {
        const before = requests();
        const got = await api.sessions.getMany(seeded.ids);
        counts.batch = requests() - before;
        if ([...got.values()].some((s) => !s || (s.status !== 'activating' && s.status !== 'active' && s.status !== 'completed'))) {
          throw new Error('refresh: a session is missing or not active');
        }
      },
      single: async () => {
        const before = requests();
        await Promise.all(seeded.ids.map((id) => api.sessions.get(undefined, id)));
        counts.single = requests() - before;
      },
    }, runs, warmup);
    return {
      sessions: seeded.ids.length,
      batchRequests: counts.batch,
      batchMs: median(t.batch),
      singleRequests: counts.single,
      singleMs: median(t.single),
      batchVsSingle: pairedRatio(t.batch, t.single),
    };
  } finally {
    await client.close();
  }
}

// ---- 5. emulator throughput ----

async function rpsBench(emulator: EmulatorProcess, w: Workload, ids: string[], sizes: ClientSizes, runs: number) {
  const agent = new Agent({ connections: sizes.rpsClients, keepAliveTimeout: 30_000 });
  const root = `${emulator.url}/v1.0/solutions/backupRestore`;
  const headers = { accept: 'application/json', prefer: PREFER };
  const hammer = async (url: (i: number) => string): Promise<number> => {
    let done = 0;
    const deadline = performance.now() + sizes.rpsWindowMs;
    const started = performance.now();
    const worker = async (k: number) => {
      for (let i = k; performance.now() < deadline; i += sizes.rpsClients) {
        const res = await request(url(i), { dispatcher: agent, headers });
        await res.body.text();
        if (res.statusCode !== 200) throw new Error(`rps: HTTP ${res.statusCode}`);
        done++;
      }
    };
    await Promise.all(Array.from({ length: sizes.rpsClients }, (_, k) => worker(k)));
    return done / ((performance.now() - started) / 1000);
  };
  const get: number[] = [];
  const list: number[] = [];
  try {
    for (let round = 0; round < runs; round++) {
      get.push(await hammer((i) => `${root}/restoreSessions/${ids[i % ids.length]}`));
      list.push(await hammer(() => `${root}/${w.sessionCollection}?$top=100`));
    }
  } finally {
    await agent.close();
  }
  return { clients: sizes.rpsClients, sessionGet: median(get), listPage: median(list), windowMs: sizes.rpsWindowMs };
}
