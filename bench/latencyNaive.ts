// The same four operations done the way a script would: the Graph SDK with its default middleware, one request
// after another, no `$batch`, no concurrency, no cache beyond the run. It reads what the extension reads (pages,
// artifacts, each restore point's unit, the unit list) and writes what it writes (a create of 50, then PATCHes of
// 50), so the only difference in the comparison is how the requests are arranged.
import type { Client, Context, Middleware, PageCollection } from '@microsoft/microsoft-graph-client';
import { PageIterator } from '@microsoft/microsoft-graph-client';
import { paths } from '../src/backup/api/paths';
import { readBulkCsv } from '../src/backup/bulkCsv';
import { resolveBulkRows } from '../src/backup/bulkResolve';
import type { ProtectionUnit, RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../src/backup/model';
import { chunk, LIMITS, RUNNING_SESSION_STATUSES, stringFieldOf, WORKLOADS } from '../src/backup/model';
import { PREFER } from './contenders';
import type { LatencySizes, LatencyTenant } from './latencyTenant';

/** Every page of a collection, following @odata.nextLink with the SDK's PageIterator. */
async function all<T>(client: Client, path: string): Promise<T[]> {
  const items: T[] = [];
  const first = (await client.api(path).header('Prefer', PREFER).get()) as PageCollection;
  await new PageIterator(client, first, (item) => { items.push(item as T); return true; }, { headers: { Prefer: PREFER } }).iterate();
  return items;
}

function naiveUnits(client: Client) {
  const points = new Map<string, string | undefined>();
  return {
    /** The unit of each artifact's restore point, one GET each (`restorePoints/{id}/protectionUnit`). */
    async ofArtifacts(artifacts: readonly RestoreArtifact[]): Promise<void> {
      for (const a of artifacts) {
        const id = (a as RestoreArtifactBase).restorePoint?.id;
        if (!id || points.has(id)) continue;
        const unit = (await client.api(`${paths.restorePoint(id)}/protectionUnit`).header('Prefer', PREFER).get()) as ProtectionUnit;
        points.set(id, unit.id);
      }
    },
    list: (w: Workload) => all<ProtectionUnit>(client, paths.protectionUnits(w)),
  };
}

export async function naiveTreeOpen(client: Client, sizes: LatencySizes): Promise<void> {
  const units = naiveUnits(client);
  for (const w of WORKLOADS) {
    const sessions = await all<RestoreSession>(client, paths.workloadSessions(w));
    const running = sessions.filter((s) => (RUNNING_SESSION_STATUSES as readonly string[]).includes(s.status ?? '')).length;
    if (running < 1) throw new Error(`naive tree: no running ${w.label} session`);
    await units.list(w);
    for (const session of sessions.slice(0, sizes.treePageSize)) {
      const first = (await client.api(paths.navigation(w, session.id, w.standardArtifacts.nav)).header('Prefer', PREFER).get()) as { value: RestoreArtifact[] };
      await units.ofArtifacts(first.value);
    }
  }
}

export async function naiveDetailsOpen(client: Client, tenant: LatencyTenant, sizes: LatencySizes): Promise<void> {
  const w = tenant.exchange;
  const id = tenant.details.id;
  const units = naiveUnits(client);
  await client.api(paths.workloadSession(w, id)).header('Prefer', PREFER).get();
  const standard = await all<RestoreArtifact>(client, paths.navigation(w, id, w.standardArtifacts.nav));
  await all(client, paths.navigation(w, id, w.granularArtifacts.nav));
  await all(client, paths.navigation(w, id, w.bulkRequests.nav));
  if (standard.length !== sizes.detailsArtifacts) throw new Error(`naive details: ${standard.length} artifacts`);
  await units.list(w);
  await units.ofArtifacts(standard);
}

export async function naiveRetryFailed(client: Client, tenant: LatencyTenant, sizes: LatencySizes): Promise<string> {
  const w = tenant.exchange;
  const id = tenant.retry.id;
  const units = naiveUnits(client);
  await client.api(paths.workloadSession(w, id)).header('Prefer', PREFER).get();
  const failed = (await all<RestoreArtifact>(client, paths.navigation(w, id, w.standardArtifacts.nav))).filter((a) => a.status === 'failed');
  if (failed.length !== sizes.retryFailed) throw new Error(`naive retry: ${failed.length} failures`);
  await units.ofArtifacts(failed);
  await units.list(w);
  const items = failed.map((a) => ({ restorePoint: { id: (a as RestoreArtifactBase).restorePoint?.id }, destinationType: 'new' }));
  const [first, ...rest] = chunk(items, LIMITS.artifactsPerRequest);
  const created = (await client.api(paths.workloadSessions(w)).header('Prefer', PREFER).post({ [w.standardArtifacts.nav]: first })) as RestoreSession;
  for (const part of rest) await client.api(paths.workloadSession(w, created.id)).header('Prefer', PREFER).patch({ [`${w.standardArtifacts.nav}@delta`]: part });
  return created.id;
}

export async function naiveCsvPreview(client: Client, tenant: LatencyTenant): Promise<void> {
  const w = tenant.exchange;
  const read = readBulkCsv(w, tenant.csv);
  const index = new Map<string, ProtectionUnit>();
  for (const unit of await naiveUnits(client).list(w)) {
    for (const field of ['id', w.protectionUnits.resourceIdField, w.protectionUnits.addressField]) {
      const value = stringFieldOf(unit, field);
      if (value) index.set(value.toLowerCase(), unit);
    }
  }
  await resolveBulkRows(w, read, async (values) => new Map(values.flatMap((v) => (index.has(v.toLowerCase()) ? [[v, index.get(v.toLowerCase())!] as const] : []))));
}

/** A middleware in front of the SDK's chain that records each request's path and timing. */
export class RecordingMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly record: (method: string, url: string, startMs: number, endMs: number) => void) {}
  async execute(context: Context): Promise<void> {
    const started = performance.now();
    try {
      await this.next!.execute(context);
    } finally {
      this.record(context.options?.method ?? 'GET', typeof context.request === 'string' ? context.request : context.request.url, started, performance.now());
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}
