// The latency module of `npm run bench` (`--latency <ms>`, default 100): what an admin waits for on Graph, where
// every request costs a round trip of ~100-300 ms. An emulator child with the default profile (undocumented query
// options refused, as strict as Microsoft's docs) adds the latency ± 20 % to every Graph request (its `latency`
// fault on /v1.0/solutions: a `$batch` waits for its slowest sub-request, as Graph serves one); then each
// operation runs as the extension does it (latencyScenarios.ts) on a fresh connection, and once as a script
// would do it (latencyNaive.ts). Figures are walls ÷ the latency, with the request count and the longest chain
// of round trips that had to wait for one another (requestProfile.ts).
import { BackupApi } from '../src/backup/api';
import { GraphClient } from '../src/graph';
import { sdkClient } from './contenders';
import { startEmulatorProcess } from './emulatorProcess';
import { RecordingMiddleware, naiveCsvPreview, naiveDetailsOpen, naiveRetryFailed, naiveTreeOpen } from './latencyNaive';
import { csvPreview, detailsOpen, retryFailedDraft, treeOpen, type Connection } from './latencyScenarios';
import { buildLatencyTenant, LATENCY_FULL, LATENCY_SMOKE } from './latencyTenant';
import type { ModuleContext, ModuleResult } from './module';
import { requestProfile, type RequestProfile, type TimedRequest } from './requestProfile';
import { median, timed } from './stats';

/** The four operations, in report order, with their keys. */
const OPERATIONS = [
  { key: 'latencyTreeOpenRtt', what: 'tree' },
  { key: 'latencyDetails1kRtt', what: 'details' },
  { key: 'latencyRetry500Rtt', what: 'retry' },
  { key: 'latencyCsv10kRtt', what: 'csv' },
] as const;
type Operation = (typeof OPERATIONS)[number]['what'];

export const LATENCY_KEYS = [...OPERATIONS.flatMap((o) => [o.key, o.key.replace(/Rtt$/, 'Requests')]), 'latencyVsNaive'] as const;

interface Measured { wallMs: number; profile: RequestProfile }

export async function latencyModule(ctx: ModuleContext): Promise<ModuleResult> {
  const sizes = ctx.smoke ? LATENCY_SMOKE : LATENCY_FULL;
  const latencyMs = ctx.smoke ? 5 : ctx.latencyMs;
  const runs = ctx.smoke ? 1 : Math.max(3, Math.min(ctx.runs, 5));
  const emulator = await startEmulatorProcess('refuse');
  const root = `${emulator.url}/v1.0`;
  const setup = new GraphClient({ baseUrl: root });
  try {
    const setupApi = new BackupApi(setup);
    ctx.log(`latency: building the tenant (${sizes.treeSessions} sessions per workload, ${sizes.detailsArtifacts} artifacts, ${sizes.retryFailed} failed, ${sizes.csvRows} CSV rows)`);
    const tenant = await buildLatencyTenant(emulator, setupApi, sizes);
    await emulator.control('POST', '/_emulator/faults', { kind: 'latency', fraction: 1, latencyMs, jitterMs: Math.round(latencyMs / 5), pathPrefix: '/v1.0/solutions', seed: 17 });

    const ours: Record<Operation, () => Promise<Measured>> = {
      tree: () => measure(root, async (c) => { rowsShown.push((await treeOpen(c, sizes)).rowsShownMs); }),
      details: () => measure(root, (c) => detailsOpen(c, tenant, sizes)),
      retry: () => measure(root, async (c) => { createdDrafts.push(await retryFailedDraft(c, tenant, sizes)); }),
      csv: () => measure(root, (c) => csvPreview(c, tenant, sizes)),
    };
    const createdDrafts: string[] = [];
    /** When the tree's rows were painted (before their names and counts), per run. */
    const rowsShown: number[] = [];
    const samples: Record<Operation, Measured[]> = { tree: [], details: [], retry: [], csv: [] };
    for (let round = 0; round < ctx.warmup + runs; round++) {
      ctx.log(`latency ${latencyMs} ms: round ${round + 1} of ${ctx.warmup + runs}${round < ctx.warmup ? ' (warm-up)' : ''}`);
      for (const { what } of OPERATIONS) {
        const m = await ours[what]();
        if (round >= ctx.warmup) samples[what].push(m);
        // The retry's drafts would become the newest Exchange rows of the next tree: removed between runs.
        for (const id of createdDrafts.splice(0)) await setupApi.sessions.delete(id);
      }
    }

    ctx.log('latency: the same work as a script would do it (Graph SDK, one request after another)');
    const naive = await measureNaive(emulator.url, async (client) => {
      const walls: Record<Operation, number> = { tree: 0, details: 0, retry: 0, csv: 0 };
      walls.tree = await timed(() => naiveTreeOpen(client, sizes));
      walls.details = await timed(() => naiveDetailsOpen(client, tenant, sizes));
      walls.retry = await timed(async () => { createdDrafts.push(await naiveRetryFailed(client, tenant, sizes)); });
      walls.csv = await timed(() => naiveCsvPreview(client, tenant));
      return walls;
    });
    for (const id of createdDrafts.splice(0)) await setupApi.sessions.delete(id);

    const values: Record<string, number> = {};
    const details: Record<string, unknown> = { latencyMs, jitterMs: Math.round(latencyMs / 5), runs, sizes: sizes, profile: 'refuse (undocumented query options answer 400)' };
    let oursTotal = 0;
    for (const { key, what } of OPERATIONS) {
      const walls = samples[what].map((m) => m.wallMs);
      const wall = median(walls);
      const typical = samples[what].find((m) => m.wallMs === walls.slice().sort((a, b) => a - b)[walls.length >> 1]) ?? samples[what][0];
      oursTotal += wall;
      values[key] = wall / latencyMs;
      values[key.replace(/Rtt$/, 'Requests')] = typical.profile.requests;
      details[what] = { wallMs: wall, walls, ...typical.profile, naiveWallMs: naive.walls[what] };
    }
    (details.tree as Record<string, unknown>).rowsShownRtt = median(rowsShown.slice(-runs)) / latencyMs;
    const naiveTotal = Object.values(naive.walls).reduce((a, b) => a + b, 0);
    values.latencyVsNaive = oursTotal / naiveTotal;
    details.naive = { totalMs: naiveTotal, requests: naive.profile.requests, byKind: naive.profile.byKind };
    return { values, details: { latency: details } };
  } finally {
    await setup.close();
    await emulator.stop();
  }
}

/** One operation on a fresh connection whose every request is recorded. */
async function measure(root: string, work: (connection: Connection) => Promise<void>): Promise<Measured> {
  const requests: TimedRequest[] = [];
  const client = new GraphClient({
    baseUrl: root,
    onRequest: (entry) => {
      const endMs = performance.now();
      requests.push({ method: entry.method, path: entry.url.replace(root, ''), startMs: endMs - entry.durationMs, endMs });
    },
  });
  try {
    const wallMs = await timed(() => work({ api: new BackupApi(client), baseUrl: root }));
    return { wallMs, profile: requestProfile(requests) };
  } finally {
    await client.close();
  }
}

async function measureNaive<T>(origin: string, work: (client: ReturnType<typeof sdkClient>) => Promise<T>): Promise<{ walls: T; profile: RequestProfile }> {
  const requests: TimedRequest[] = [];
  const recorder = new RecordingMiddleware((method, url, startMs, endMs) => requests.push({ method, path: url.slice(url.lastIndexOf('/v1.0/') + '/v1.0'.length), startMs, endMs }));
  const walls = await work(sdkClient(origin, [recorder]));
  return { walls, profile: requestProfile(requests) };
}
