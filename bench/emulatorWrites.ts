// What `--data` costs a write once the tenant is large: two emulator CLIs in their own processes hold the same
// 10,000 sessions × 10 artifacts, one with a data file and one without, and creates (10 artifacts each) go to
// them in turn. `emulatorWriteRatio10k` is the create p50 with the data file ÷ without (goal ≤ 2: the journal
// makes a write cost the same at 10 or 10,000 sessions); `emulatorLoadMs10k` is the start-up time (spawn to
// listening) of an emulator loading that file. The details add the same creates against a data file of 10
// sessions (the cost must not grow with the tenant) and the disk's fsync time (the floor a durable write pays).
// Run alone: `node out/bench/emulatorWrites.js` prints them.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, round, timed } from './stats';
import type { BenchModule } from './module';

const CLI = path.join(__dirname, '..', 'src', 'emulator', 'cli.js');
const ROOT = '/v1.0/solutions/backupRestore';
const CONTROL_TOKEN = `emulator-writes-bench-${process.pid}`;
const CONTROL = { 'x-emulator-control-token': CONTROL_TOKEN };

export interface EmulatorWriteSizes { sessions: number; artifactsPerSession: number; creates: number; loads: number }
const FULL: EmulatorWriteSizes = { sessions: 10_000, artifactsPerSession: 10, creates: 200, loads: 3 };
/** Tiny sizes for the smoke run (bench --smoke and its unit test): every figure is there, none means anything. */
const SMOKE: EmulatorWriteSizes = { sessions: 20, artifactsPerSession: 2, creates: 3, loads: 1 };

export interface EmulatorWriteDetails {
  emulatorWriteRatio10k: number;
  emulatorLoadMs10k: number;
  createP50WithDataMs: number;
  createP50WithoutDataMs: number;
  /** The same creates against a data file holding 10 sessions × 10 artifacts. */
  createP50WithData10Ms: number;
  /** p50 of appending 6 KB and fdatasync in the data file's folder: what a durable write costs on this disk. */
  fsyncP50Ms: number;
  dataFileMB: number;
  sizes: EmulatorWriteSizes;
}

interface Cli { child: ChildProcess; url: string; startedMs: number }

function startCli(args: readonly string[]): Promise<Cli> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'empty', '--control-token', CONTROL_TOKEN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1], startedMs: performance.now() - started });
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${err}`)));
  });
}

function stopCli(cli: Cli): Promise<void> {
  return new Promise((resolve) => {
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) return resolve();
    cli.child.once('exit', () => resolve());
    cli.child.kill('SIGTERM');
  });
}

async function call<T>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function seed(cli: Cli, sizes: EmulatorWriteSizes): Promise<void> {
  await call(`${cli.url}/_emulator/seed/sessions`, 'POST', { workload: 'exchange', count: sizes.sessions, artifactsPerSession: sizes.artifactsPerSession }, CONTROL);
}

/** The body of a create with `count` mailbox artifacts, from restore points the emulator lists. */
async function createBody(cli: Cli, count: number): Promise<unknown> {
  const units = await call<{ value: { id: string; status: string }[] }>(`${cli.url}${ROOT}/protectionUnits/microsoft.graph.mailboxProtectionUnit`, 'GET');
  const before = new Date().toISOString();
  const points: string[] = [];
  for (const unit of units.value.filter((u) => u.status === 'protected')) {
    if (points.length === count) break;
    const list = await call<{ value: { id: string }[] }>(`${cli.url}${ROOT}/restorePoints?$expand=protectionUnit($filter=id eq '${unit.id}')&$filter=protectionDateTime lt ${before}`, 'GET');
    if (list.value[0]) points.push(list.value[0].id);
  }
  return { mailboxRestoreArtifacts: points.map((id) => ({ restorePoint: { id }, destinationType: 'new' })) };
}

function fsyncP50(dir: string): number {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'wx', 0o600);
  const bytes = Buffer.alloc(6000, 'x');
  const times: number[] = [];
  try {
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      fs.writeSync(fd, bytes);
      fs.fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file);
  }
  return median(times);
}

export async function measureEmulatorWrites(sizes: EmulatorWriteSizes = FULL): Promise<EmulatorWriteDetails> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-emulator-writes-'));
  const file = path.join(dir, 'state.json');
  const running: Cli[] = [];
  try {
    // The data file: seeded once by an emulator that writes it, then stopped.
    const writer = await startCli(['--data', file]);
    await seed(writer, sizes);
    await stopCli(writer);
    const loads: number[] = [];
    for (let i = 0; i < sizes.loads; i++) {
      const cli = await startCli(['--data', file]);
      loads.push(cli.startedMs);
      await stopCli(cli);
    }
    const withData = await startCli(['--data', file]);
    running.push(withData);
    const withoutData = await startCli([]);
    running.push(withoutData);
    await seed(withoutData, sizes);
    const small = await startCli(['--data', path.join(dir, 'small.json')]);
    running.push(small);
    await seed(small, { ...sizes, sessions: 10 });
    const body = await createBody(withData, sizes.artifactsPerSession);
    const create = (cli: Cli) => () => call(`${cli.url}${ROOT}/exchangeRestoreSessions`, 'POST', body);
    const times = { with: [] as number[], without: [] as number[], small: [] as number[] };
    // A few unrecorded creates warm them up; then they take turns, so machine noise falls on all alike.
    for (let i = 0; i < 5; i++) { await create(withData)(); await create(withoutData)(); await create(small)(); }
    for (let i = 0; i < sizes.creates; i++) {
      times.with.push(await timed(create(withData)));
      times.without.push(await timed(create(withoutData)));
      times.small.push(await timed(create(small)));
    }
    const p50With = median(times.with);
    const p50Without = median(times.without);
    return {
      emulatorWriteRatio10k: round(p50With / p50Without),
      emulatorLoadMs10k: Math.round(median(loads)),
      createP50WithDataMs: round(p50With),
      createP50WithoutDataMs: round(p50Without),
      createP50WithData10Ms: round(median(times.small)),
      fsyncP50Ms: round(fsyncP50(dir)),
      dataFileMB: round(fs.statSync(file).size / 1e6, 1),
      sizes,
    };
  } finally {
    for (const cli of running) await stopCli(cli);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench module: the two figures of issue 17, with the measurements behind them (`smoke`: tiny sizes). */
export const emulatorWritesModule: BenchModule = {
  name: 'emulator',
  keys: ['emulatorWriteRatio10k', 'emulatorLoadMs10k'],
  async run(ctx) {
    const { emulatorWriteRatio10k, emulatorLoadMs10k, ...details } = await measureEmulatorWrites(ctx.smoke ? SMOKE : FULL);
    return { values: { emulatorWriteRatio10k, emulatorLoadMs10k }, details };
  },
};

if (require.main === module) {
  measureEmulatorWrites().then((details) => console.log(JSON.stringify(details, null, 2)), (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
