// The benchmark suite behind `npm run bench`: the modules below, run in turn (all by default, `--only a,b` for a
// subset), each returning its figures; the report compares them with the targets. Nothing here asserts on
// time. A module is a name, its keys and a run function (module.ts); adding one is one entry in MODULES.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { REPO } from './bundle';
import { clientModule } from './clientBench';
import { emulatorWritesModule } from './emulatorWrites';
import { hostModule } from './hostBench';
import { LATENCY_KEYS, latencyModule } from './latencyBench';
import type { BenchModule } from './module';

export interface BenchOptions {
  /** Measured rounds per comparison (default 5; smoke 1). */
  runs?: number;
  /** Tiny sizes, one run, no warm-up: for the unit test. */
  smoke?: boolean;
  /** Measure activation in the real host (code-server), provisioning it first when needed. Default true; never in smoke runs. */
  host?: boolean;
  /** The latency module's added latency per request (ms); default 100. */
  latencyMs?: number;
  /** Names of the modules to run (default: all). */
  only?: readonly string[];
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

/** The modules, in run order. */
export const MODULES: readonly BenchModule[] = [
  {
    name: 'client',
    keys: ['listVsUndici', 'listVsGraphSdk', 'artifactsVsUndici', 'artifactsVsGraphSdk', 'refreshRequests25', 'refreshMs25', 'firstPageMs', 'loadAllMs', 'emulatorRps', 'emulatorRpsList', 'rssMB10k'],
    run: clientModule,
  },
  { name: 'latency', keys: LATENCY_KEYS, run: latencyModule },
  emulatorWritesModule,
  { name: 'host', keys: ['bundleKB', 'hostStallMs', 'activationRatio', 'activationMs', 'activationProxyMs'], run: hostModule },
];

/** The targets; `max` is inclusive (≤) unless `strict` (<). */
export const TARGETS: Record<string, { max: number; strict?: boolean }> = {
  listVsUndici: { max: 1.10 },
  listVsGraphSdk: { max: 0.80 },
  artifactsVsGraphSdk: { max: 0.5 },
  refreshRequests25: { max: 2 },
  bundleKB: { max: 300, strict: true },
  hostStallMs: { max: 50, strict: true },
  activationRatio: { max: 1.2 },
  emulatorWriteRatio10k: { max: 2 },
  latencyTreeOpenRtt: { max: 2 },
  latencyDetails1kRtt: { max: 6 },
  latencyRetry500Rtt: { max: 12 },
  latencyCsv10kRtt: { max: 15 },
  latencyVsNaive: { max: 0.25 },
};

/** Every numeric key of a full run (the smoke test checks each); `activationSource` is the one key in words. */
export const NUMERIC_KEYS: readonly string[] = MODULES.flatMap((m) => m.keys);

export interface BenchResult {
  [key: string]: number | string | Record<string, unknown>;
  details: Record<string, unknown>;
}

export async function runBench(options: BenchOptions = {}): Promise<BenchResult> {
  const smoke = options.smoke ?? false;
  const unknown = (options.only ?? []).filter((name) => !MODULES.some((m) => m.name === name));
  if (unknown.length) throw new Error(`unknown module(s) ${unknown.join(', ')} (known: ${MODULES.map((m) => m.name).join(', ')})`);
  const ctx = {
    runs: Math.max(1, options.runs ?? (smoke ? 1 : 5)),
    warmup: smoke ? 0 : 1,
    smoke,
    host: options.host !== false && !smoke,
    latencyMs: options.latencyMs ?? 100,
    log: options.log ?? (() => undefined),
  };
  const started = performance.now();
  const values: Record<string, number | string> = {};
  const details: Record<string, unknown> = {};
  for (const module of MODULES) {
    if (options.only?.length && !options.only.includes(module.name)) continue;
    ctx.log(`module ${module.name}`);
    const result = await module.run(ctx);
    Object.assign(values, result.values);
    Object.assign(details, result.details);
  }
  details.run = { runs: ctx.runs, warmup: ctx.warmup, modules: MODULES.filter((m) => !options.only?.length || options.only.includes(m.name)).map((m) => m.name) };
  details.machine = machine();
  details.totalSeconds = (performance.now() - started) / 1000;
  return { ...values, details };
}

export function machine(): Record<string, unknown> {
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    commit,
    dirty,
    node: process.version,
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
  };
}
