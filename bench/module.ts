// What a bench module is: a named group of measurements that `npm run bench` runs (all by default, a subset with
// `--only a,b`), each returning its top-level figures (keys of the --json document) and the details behind them.
// The modules are listed in one place, suite.ts.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from './bundle';

export interface ModuleContext {
  /** Measured rounds per comparison. */
  runs: number;
  warmup: number;
  /** Tiny sizes, one run, no warm-up: for the unit test. */
  smoke: boolean;
  /** Measure activation in the real host (code-server), provisioning it when needed. */
  host: boolean;
  /** The latency the latency module adds to every request, in ms. */
  latencyMs: number;
  /** Progress lines (stderr). */
  log: (line: string) => void;
}

export interface ModuleResult {
  /** Top-level keys of the report: numbers, and a few words where the issue asks for them (activationSource). */
  values: Record<string, number | string>;
  details: Record<string, unknown>;
}

export interface BenchModule {
  name: string;
  /** The keys `values` holds, for the report and the smoke test. */
  keys: readonly string[];
  run(ctx: ModuleContext): Promise<ModuleResult>;
}

/** Runs `node <args>` and resolves to the last line it printed (the child's JSON answer). */
export function runNode(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(args.find((a) => a.endsWith('.js')) ?? 'node')}: ${err.message}\n${stderr}`));
      else resolve(stdout.trim().split('\n').pop() ?? '');
    });
  });
}
