// The tenant the latency benchmark works on, built through the API before any latency is added (so setting it up
// is quick): three workloads with sessions for the tree, a few of them running; an Exchange draft with 1,000
// artifacts for the details panel; a finished Exchange session with 500 failed artifacts for Retry Failed (the
// catalog's failing mailboxes, outcomes.ts); and a 10,000-row CSV of addresses, part of them the tenant's.
import type { BackupApi } from '../src/backup/api';
import type { RestoreSession, Workload } from '../src/backup/model';
import { isTerminalSession, stringFieldOf, workload, WORKLOADS } from '../src/backup/model';
import { FAILING_UNITS } from '../src/emulator/catalog/outcomes';
import type { EmulatorProcess } from './emulatorProcess';

export interface LatencySizes {
  treeSessions: number;
  treeRunning: number;
  /** The explorer's page size setting. */
  treePageSize: number;
  detailsArtifacts: number;
  retryFailed: number;
  csvRows: number;
}

export const LATENCY_FULL: LatencySizes = { treeSessions: 150, treeRunning: 3, treePageSize: 50, detailsArtifacts: 1000, retryFailed: 500, csvRows: 10_000 };
export const LATENCY_SMOKE: LatencySizes = { treeSessions: 12, treeRunning: 2, treePageSize: 50, detailsArtifacts: 60, retryFailed: 20, csvRows: 200 };

export interface LatencyTenant {
  exchange: Workload;
  details: RestoreSession;
  retry: RestoreSession;
  csv: string;
}

export async function buildLatencyTenant(emulator: EmulatorProcess, api: BackupApi, sizes: LatencySizes): Promise<LatencyTenant> {
  const exchange = workload('exchange');
  const units = await api.tenant.units(exchange);
  const failing = units.filter((u) => Object.keys(FAILING_UNITS).some((key) => key.startsWith('exchange:') && stringFieldOf(u, 'email')?.startsWith(`${key.slice('exchange:'.length)}@`)));
  if (!failing.length) throw new Error('latency tenant: the catalog has no failing mailbox');

  // Retry Failed: a session of failing mailboxes only, activated and run to its end.
  const failedPoints = await pointsOf(api, failing.map((u) => u.id), sizes.retryFailed);
  const retryDraft = await api.sessions.createWith(exchange, 'standard', failedPoints.map((id) => ({ restorePointId: id, destinationType: 'new' as const })));
  await api.sessions.activate(retryDraft.session.id);
  let retry = retryDraft.session;
  for (let i = 0; i < 50 && !isTerminalSession(retry.status); i++) {
    await emulator.control('POST', '/_emulator/clock/advance', { seconds: 3600 });
    retry = (await api.sessions.get(exchange, retry.id)).body;
  }
  if (!isTerminalSession(retry.status)) throw new Error(`latency tenant: the retry session is still ${retry.status}`);

  // Details: a draft with many artifacts of every mailbox that has restore points.
  const detailPoints = await pointsOf(api, units.map((u) => u.id), sizes.detailsArtifacts);
  const details = (await api.sessions.createWith(exchange, 'standard', detailPoints.map((id) => ({ restorePointId: id, destinationType: 'new' as const })))).session;

  // The tree: newest sessions of each workload, some of them running.
  for (const w of WORKLOADS) {
    const seeded = await emulator.control<{ ids: string[] }>('POST', '/_emulator/seed/sessions', { workload: w.id, count: sizes.treeSessions, artifactsPerSession: 3 });
    for (const id of seeded.ids.slice(-sizes.treeRunning)) await api.sessions.activate(id);
  }

  const addresses = units.map((u) => stringFieldOf(u, exchange.protectionUnits.addressField)).filter((a): a is string => !!a);
  const rows = Array.from({ length: sizes.csvRows }, (_, i) => (i < addresses.length ? addresses[i] : `person${i}@contoso-bench.example`));
  return { exchange, details, retry, csv: ['UPN', ...rows].join('\n') };
}

/** `count` distinct restore points spread over these units, newest first (5 per request, as Graph answers). */
async function pointsOf(api: BackupApi, unitIds: readonly string[], count: number): Promise<string[]> {
  // Twice the even share, so units with few or no points (not protected yet, deleted) are made up for by others.
  const perUnit = 2 * Math.ceil(count / unitIds.length);
  const points: string[] = [];
  for (const unitId of unitIds) {
    let before = new Date();
    for (let got = 0; got < perUnit && points.length < count;) {
      const page = await api.tenant.restorePoints(unitId, { before });
      if (!page.length) break;
      for (const p of page) if (got < perUnit && points.length < count) { points.push(p.id); got++; }
      before = new Date(Date.parse(page[page.length - 1].protectionDateTime ?? '') - 1);
    }
  }
  if (points.length < count) throw new Error(`latency tenant: only ${points.length} of ${count} restore points found`);
  return points;
}
