// Shared helpers for the emulator tests: a real emulator on 127.0.0.1 (port 0, started by the one harness in
// test/support/emulator.ts), plain `fetch` (controls carry the run's control token), and small builders that
// find protection units and restore points through the API the way a client would.
import { strict as assert } from 'assert';
import type { EmulatorOptions, RunningEmulator } from '../../../../src/emulator';
import { controlHeaders, controlTarget, startTestEmulator } from '../../../support/emulator';

export const ROOT = '/v1.0/solutions/backupRestore';
export const PREFER = { Prefer: 'include-unknown-enum-members' };

export interface Response<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class Client {
  constructor(readonly emulator: RunningEmulator) {}

  get url(): string {
    return this.emulator.url;
  }

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const full = path.startsWith('http') ? path : this.emulator.url + (path.startsWith('/_emulator') || path.startsWith('/v1.0') || path.startsWith('/beta') ? path : ROOT + path);
    const controls = full.startsWith(`${this.emulator.url}/_emulator`) ? controlHeaders(controlTarget(this.emulator)) : {};
    const init: RequestInit = { method, headers: { ...controls, ...headers } };
    if (body !== undefined) {
      init.body = (typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit;
      (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(full, init);
    const text = await res.text();
    let parsed: unknown = undefined;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) { return this.call<T>('GET', path, undefined, headers); } // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.call<T>('POST', path, body, headers); } // eslint-disable-line @typescript-eslint/no-explicit-any
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.call<T>('PATCH', path, body, headers); } // eslint-disable-line @typescript-eslint/no-explicit-any
  delete<T = any>(path: string, headers?: Record<string, string>) { return this.call<T>('DELETE', path, undefined, headers); } // eslint-disable-line @typescript-eslint/no-explicit-any

  async advance(seconds: number): Promise<void> {
    const res = await this.post('/_emulator/clock/advance', { seconds });
    assert.equal(res.status, 200, res.text);
  }

  async now(): Promise<number> {
    return (await this.get('/_emulator/clock')).body.nowMs;
  }

  /** Units of a workload's type that restore successfully (the catalog's failing units excluded). */
  async units(unitType: string): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await this.get(`/protectionUnits/microsoft.graph.${unitType}?$top=999`);
    assert.equal(res.status, 200, res.text);
    return res.body.value;
  }

  /** Up to five restore points of a unit before now (newest first). */
  async points(unitId: string, beforeMs?: number): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const before = new Date(beforeMs ?? await this.now()).toISOString();
    const res = await this.get(`/restorePoints?$expand=protectionUnit($filter=id eq '${unitId}')&$filter=protectionDateTime lt ${before}`);
    assert.equal(res.status, 200, res.text);
    return res.body.value;
  }

  /** The newest restore point of each of `count` protected units of a type, skipping units without points. */
  async pointIds(unitType: string, count: number, options: { fast?: boolean; exclude?: string[] } = {}): Promise<string[]> {
    const ids: string[] = [];
    // Fast-restore points fall on the hour; the list returns the five newest points, so look just after the last
    // full hour, or a run in the last ten minutes of an hour would find none.
    const now = await this.now();
    const before = options.fast ? Math.floor(now / 3_600_000) * 3_600_000 + 1000 : now;
    for (const unit of await this.units(unitType)) {
      if (ids.length === count) break;
      if (unit.status !== 'protected' || options.exclude?.some((e) => JSON.stringify(unit).includes(e))) continue;
      const points = (await this.points(unit.id, before)).filter((p) => !options.fast || p.tags.includes('fastRestore'));
      if (points.length) ids.push(points[0].id);
    }
    assert.equal(ids.length, count, `not enough ${unitType} restore points`);
    return ids;
  }
}

/** Emulator tests exercise every option the emulator implements, so they run it with `honour` unless told otherwise. */
export async function start(options: EmulatorOptions = {}): Promise<Client> {
  return new Client((await startTestEmulator({ undocumentedOptions: 'honour', ...options })).emulator);
}

export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function assertError(res: Response, status: number, code: string): void {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status}: ${res.text}`);
  assert.equal(res.body?.error?.code, code, res.text);
  assert.ok(typeof res.body.error.message === 'string' && res.body.error.message.length > 0);
  assert.ok(isGuid(res.body.error.innerError['request-id']));
  assert.equal(res.headers.get('request-id'), res.body.error.innerError['request-id']);
  assert.ok(res.body.error.innerError.date);
}

/** Failing units in the seeded tenant (their restores always fail); standard tests avoid them. */
export const FAILING = ['lidiah', 'pattif', 'Legal', 'Archive2023', 'gradya', 'christiec'];
/** The same, per workload (a person's mailbox may restore while their OneDrive fails). */
export const FAILING_BY_WORKLOAD: Record<string, string[]> = { exchange: ['lidiah', 'pattif'], sharePoint: ['/Legal'], oneDrive: ['gradya', 'christiec'] };
