// Shared pieces of the hardening suite: the mode (quick for `npm test`, full for `npm run test:hardening`),
// the figures file every part records into (docs/reliability.md is generated from it by report.ts), a
// seeded PRNG, a real emulator + BackupApi harness on 127.0.0.1, and the store validator used after abuse.
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BackupApi } from '../../src/backup/api';
import {
  ARTIFACT_RESTORE_STATUSES, DESTINATION_TYPES, RESTORE_JOB_TYPES, RESTORE_SESSION_STATUSES, WORKLOADS, aggregateSessionStatus,
} from '../../src/backup/model';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator';
import { GraphClient, type RequestLogEntry, type RetryOptions } from '../../src/graph';
import { controlHeaders, startTestEmulator, type ControlTarget } from '../support/emulator';

export type Mode = 'quick' | 'full';
export const MODE: Mode = process.env.HARDENING_MODE === 'full' ? 'full' : 'quick';
export const full = MODE === 'full';
/** `quick` in `npm test`, `full` in `npm run test:hardening`. */
export function scaled(quick: number, fullValue: number): number {
  return full ? fullValue : quick;
}

export const RESULTS_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results', 'hardening');
export const figuresFile = (mode: Mode = MODE): string => path.join(RESULTS_DIR, `figures-${mode}.json`);

export type Figures = Record<string, number | string>;
export interface FiguresDocument {
  mode: Mode;
  updatedAt: string;
  parts: Record<string, Figures>;
}

/** Merges one part's figures into the results file of this mode (read-modify-write; parts run one after another). */
export function recordFigures(part: string, figures: Figures): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = figuresFile();
  let doc: FiguresDocument = { mode: MODE, updatedAt: '', parts: {} };
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as FiguresDocument;
    if (parsed && parsed.mode === MODE && parsed.parts) doc = parsed;
  } catch { /* first part of the run */ }
  doc.parts[part] = { ...(doc.parts[part] ?? {}), ...figures };
  doc.updatedAt = new Date().toISOString();
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
}

/** Deterministic PRNG (mulberry32): a failing run is reproducible from its seed. */
export function prng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(items: readonly T[]) => T; chance: (p: number) => boolean } {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

export const ROOT = '/v1.0/solutions/backupRestore';
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Harness {
  emulator: RunningEmulator;
  client: GraphClient;
  api: BackupApi;
  log: RequestLogEntry[];
  /** The emulator's URL and control token, for `assertStoreValid` and direct control calls. */
  target: ControlTarget;
  control(pathName: string, body?: unknown, method?: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw(method: string, pathName: string, body?: unknown): Promise<{ status: number; body: any; text: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions & { retry?: RetryOptions; timeoutMs?: number } = {}): Promise<Harness> {
  const { retry, timeoutMs, ...emulatorOptions } = options;
  // The hardening suites drive every option the emulator implements with raw requests, so they run it with `honour`.
  const running = await startTestEmulator({ seed: 'demo', undocumentedOptions: 'honour', ...emulatorOptions });
  const { emulator } = running;
  const log: RequestLogEntry[] = [];
  const client = new GraphClient({
    baseUrl: `${emulator.url}/v1.0`,
    retry: retry ?? { baseDelayMs: 10, maxDelayMs: 100, maxTotalMs: 10_000 },
    timeoutMs: timeoutMs ?? 5_000,
    proxyFromEnv: false,
    onRequest: (entry) => log.push(entry),
  });
  const raw: Harness['raw'] = async (method, pathName, body) => {
    const res = await fetch(`${emulator.url}${pathName}`, {
      method,
      headers: body === undefined ? { prefer: 'include-unknown-enum-members' } : { 'content-type': 'application/json', prefer: 'include-unknown-enum-members' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
    return { status: res.status, body: parsed, text };
  };
  return {
    emulator, client, api: new BackupApi(client), log, raw,
    target: running.target,
    control: (pathName, body, method) => running.control(pathName, body, method),
    async close() {
      await client.close();
      await running.close();
    },
  };
}

/** Newest restore point of up to `count` distinct protected units of one workload (the catalog's failing units skipped). */
export async function restorePointIds(h: Harness, workloadId: 'exchange' | 'sharePoint' | 'oneDrive', count: number): Promise<string[]> {
  const workload = WORKLOADS.find((w) => w.id === workloadId)!;
  const units = await h.api.tenant.units(workload);
  const ids: string[] = [];
  const failing = ['lidiah', 'pattif', 'Legal', 'Archive2023', 'gradya', 'christiec'];
  const before = new Date(h.emulator.now());
  for (const unit of units) {
    if (ids.length >= count) break;
    if (unit.status !== 'protected' || failing.some((f) => JSON.stringify(unit).includes(f))) continue;
    const points = await h.api.tenant.restorePoints(unit.id, { before });
    if (points.length) ids.push(points[0].id);
  }
  return ids;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isDate = (v: unknown): boolean => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * Every session and artifact in the store is valid against the domain types: ids are GUIDs and unique, enums
 * are members of their CSDL enum, dates parse, counts match, a session's status is the aggregate of its
 * artifacts', a session never mixes standard and granular artifacts or destination types. Returns the number
 * of records checked; throws on the first violation.
 */
export async function assertStoreValid(target: ControlTarget): Promise<{ sessions: number; artifacts: number }> {
  const res = await fetch(`${target.url}/_emulator/state?detail=sessions`, { headers: controlHeaders(target) });
  assert.equal(res.status, 200);
  const state = (await res.json()) as { sessions: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ids = new Set<string>();
  let artifacts = 0;
  for (const record of state.sessions) {
    const s = record.session;
    const where = `session ${s?.id}`;
    assert.ok(WORKLOADS.some((w) => w.id === record.workload), `${where}: workload ${record.workload}`);
    assert.ok(typeof s.id === 'string' && GUID.test(s.id), `${where}: id`);
    assert.ok(!ids.has(s.id.toLowerCase()), `${where}: duplicate id`);
    ids.add(s.id.toLowerCase());
    assert.ok((RESTORE_SESSION_STATUSES as readonly string[]).includes(s.status ?? 'draft'), `${where}: status ${s.status}`);
    assert.ok(s.restoreJobType === undefined || s.restoreJobType === null || (RESTORE_JOB_TYPES as readonly string[]).includes(s.restoreJobType), `${where}: restoreJobType`);
    assert.ok(isDate(s.createdDateTime), `${where}: createdDateTime`);
    for (const field of ['lastModifiedDateTime', 'completedDateTime']) assert.ok(s[field] === undefined || s[field] === null || isDate(s[field]), `${where}: ${field}`);
    assert.ok(Array.isArray(record.standard) && Array.isArray(record.granular) && Array.isArray(record.bulkRequests), `${where}: collections`);
    assert.ok(!(record.standard.length && record.granular.length), `${where}: mixes standard and granular`);
    const all = [...record.standard, ...record.granular];
    const artifactIds = new Set<string>();
    for (const a of all) {
      assert.ok(typeof a.id === 'string' && a.id.length > 0, `${where}: artifact id`);
      assert.ok(!artifactIds.has(a.id), `${where}: duplicate artifact ${a.id}`);
      artifactIds.add(a.id);
      assert.ok((ARTIFACT_RESTORE_STATUSES as readonly string[]).includes(a.status), `${where}: artifact status ${a.status}`);
      assert.ok(a.destinationType === undefined || a.destinationType === null || (DESTINATION_TYPES as readonly string[]).includes(a.destinationType), `${where}: destinationType ${a.destinationType}`);
      for (const field of ['startDateTime', 'completionDateTime']) assert.ok(a[field] === undefined || a[field] === null || isDate(a[field]), `${where}: artifact ${field}`);
    }
    artifacts += all.length;
    const destinations = new Set(all.map((a: { destinationType?: string }) => a.destinationType).filter(Boolean));
    assert.ok(destinations.size <= 1, `${where}: mixes destination types`);
    assert.equal(s.status ?? 'draft', aggregateSessionStatus(all.map((a: { status: never }) => a.status), s.status), `${where}: aggregate status`);
    if (all.length > 0) assert.equal(s.restoreSessionArtifactCount?.total, all.length, `${where}: artifact count`);
    for (const b of record.bulkRequests) assert.ok(typeof b.id === 'string' && b.id.length > 0, `${where}: bulk request id`);
  }
  return { sessions: state.sessions.length, artifacts };
}
