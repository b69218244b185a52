// What an admin waits for, done the way the extension does it, on a fresh connection (a new hub, nothing cached):
// each function calls the same vscode-free code the view, the details panel, Retry Failed and Bulk Restore from
// CSV call, in the same order, and checks that what the user would see is complete.
import type { BackupApi } from '../src/backup/api';
import { RUNNING_SESSION_STATUSES, WORKLOADS } from '../src/backup/model';
import { bulkCsvDraft } from '../src/extension/commands/bulkCsvFlow';
import type { BulkPreview } from '../src/backup/bulkResolve';
import { SessionHub } from '../src/extension/sessions/hub';
import { createRetryDraft, retryBasis, sameRetryPlan, suggestedRetryDestination } from '../src/extension/sessions/retryFailures';
import { unitLookup, unitOfArtifact } from '../src/extension/sessions/unitLookup';
import { SessionList } from '../src/extension/tree/sessionList';
import type { LatencySizes, LatencyTenant } from './latencyTenant';

export interface Connection {
  api: BackupApi;
  baseUrl: string;
}

function hubOf(connection: Connection): SessionHub {
  return new SessionHub({ id: 'bench', label: 'Latency bench', baseUrl: connection.baseUrl, api: connection.api });
}

/**
 * The view opens: each workload's first page (provider → workloadNode.loadFirstPage), its running count (asked for
 * by SessionList once the page is in), and the visible rows named by their units (provider.nameLater).
 */
export async function treeOpen(connection: Connection, sizes: LatencySizes): Promise<{ rowsShownMs: number }> {
  const hub = hubOf(connection);
  const started = performance.now();
  let rowsShownMs = 0;
  await Promise.all(WORKLOADS.map(async (w) => {
    const list = new SessionList(w);
    let counted!: () => void;
    const counts = new Promise<void>((resolve) => { counted = resolve; });
    await list.loadFirst(connection.api, { top: sizes.treePageSize }, () => counted());
    if (list.error) throw list.error;
    // The rows are painted now (with their creation times); names and counts follow.
    rowsShownMs = Math.max(rowsShownMs, performance.now() - started);
    hub.observe(w, list.sessions, 'tree');
    await Promise.all([counts, hub.nameSessions(w, list.sessions)]);
    const unnamed = list.sessions.filter((s) => hub.names.nameOf(w, s) === undefined);
    if (unnamed.length) throw new Error(`tree: ${unnamed.length} ${w.label} rows have no name`);
    const running = list.sessions.filter((s) => (RUNNING_SESSION_STATUSES as readonly string[]).includes(s.status ?? '')).length;
    if (list.running === undefined || list.running < running) throw new Error(`tree: ${w.label} running count ${list.running}, ${running} on the first page`);
  }));
  return { rowsShownMs };
}

/** The details panel opens (DetailsPanel.load → hub.load, then postSnapshot: units of every artifact, the title). */
export async function detailsOpen(connection: Connection, tenant: LatencyTenant, sizes: LatencySizes): Promise<void> {
  const hub = hubOf(connection);
  const w = tenant.exchange;
  const read = await hub.load(w, tenant.details.id, 'open');
  const artifacts = [...(read?.contents?.standard ?? []), ...(read?.contents?.granular ?? [])];
  if (artifacts.length !== sizes.detailsArtifacts) throw new Error(`details: ${artifacts.length} of ${sizes.detailsArtifacts} artifacts`);
  const [lookup] = await Promise.all([unitLookup(hub.units, w, artifacts), hub.names.named(w, read!.session)]);
  // Every artifact's unit is known and listed (a deleted user's unit is listed without a name, shown as such).
  const unitOf = unitOfArtifact(lookup);
  const unknown = artifacts.filter((a) => { const id = unitOf(a)?.id; return !id || !lookup.unitNames.has(id); });
  if (unknown.length) throw new Error(`details: ${unknown.length} artifacts whose unit is not known`);
}

/** Retry Failed with the suggested destination and the same points: failures named, plan reviewed, draft created. */
export async function retryFailedDraft(connection: Connection, tenant: LatencyTenant, sizes: LatencySizes): Promise<string> {
  const hub = hubOf(connection);
  const basis = await retryBasis(hub, tenant.exchange, tenant.retry);
  if (basis.failures.length !== sizes.retryFailed || basis.failures.some((f) => !f.unitId)) throw new Error(`retry: ${basis.failures.length} failures, some without a unit`);
  const { items } = sameRetryPlan(basis, suggestedRetryDestination(basis));
  const { session, notAdded } = await createRetryDraft(hub, basis, items);
  if (notAdded.length) throw new Error(`retry: ${notAdded.length} artifacts not added`);
  return session.id;
}

/** Bulk Restore from CSV up to the preview (bulkCsvFlow.ts): the file read, checked and resolved against the units. */
export async function csvPreview(connection: Connection, tenant: LatencyTenant, sizes: LatencySizes): Promise<void> {
  const hub = hubOf(connection);
  let shown: BulkPreview | undefined;
  await bulkCsvDraft(hub, tenant.exchange, {
    formatHelp: async () => true,
    chooseFile: async () => ({ name: 'bench.csv', text: tenant.csv }),
    preview: async (_w, _name, preview) => { shown = preview; return false; },
    destination: async () => undefined,
    days: async () => undefined,
  });
  const rows = (shown?.found.length ?? 0) + (shown?.notFound.length ?? 0) + (shown?.duplicates.length ?? 0) + (shown?.invalid.length ?? 0);
  if (rows !== sizes.csvRows) throw new Error(`csv: the preview accounts for ${rows} of ${sizes.csvRows} rows`);
}
