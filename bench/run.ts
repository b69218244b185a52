// `npm run bench [-- --json] [-- --runs N] [-- --smoke] [-- --no-host]`: runs the suite (suite.ts) and prints a table of medians,
// paired ratios and targets, or with --json only the JSON document on stdout (progress goes to stderr).
// Pure JSON from npm needs `npm run -s bench -- --json` (npm prints its own banner on stdout otherwise).
import type { BenchResult } from './suite';
import { runBench, TARGETS } from './suite';
import { round } from './stats';

export interface CliOptions { json: boolean; smoke: boolean; host: boolean; runs?: number }

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { json: false, smoke: false, host: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--smoke') options.smoke = true;
    else if (arg === '--no-host') options.host = false;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = Number(arg.includes('=') ? arg.split('=')[1] : argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error('--runs needs a positive integer');
      options.runs = value;
    } else throw new Error(`unknown option ${arg} (known: --json, --runs N, --smoke, --no-host)`);
  }
  return options;
}

export function targetStatus(key: string, value: number): string {
  const target = TARGETS[key];
  if (!target) return '';
  return (target.strict ? value < target.max : value <= target.max) ? 'met' : 'MISSED';
}

const ROWS: [keyof BenchResult, string, string][] = [
  ['listVsUndici', 'ratio', 'page 10k sessions ($top=100): client ÷ bare undici'],
  ['listVsGraphSdk', 'ratio', 'page 10k sessions ($top=100): client ÷ Graph SDK PageIterator'],
  ['artifactsVsUndici', 'ratio', '100k artifacts across sessions: client ÷ bare undici'],
  ['artifactsVsGraphSdk', 'ratio', '100k artifacts across sessions: client ÷ Graph SDK'],
  ['refreshRequests25', 'requests', 'refresh 25 active sessions with $batch'],
  ['refreshMs25', 'ms', 'refresh 25 active sessions with $batch'],
  ['firstPageMs', 'ms', 'tree model: first page of a workload, 10k present'],
  ['loadAllMs', 'ms', 'tree model: load all 10k sessions'],
  ['bundleKB', 'KiB', 'minified dist/extension.js'],
  ['activationMs', 'ms', 'activation in the real host (code-server) if provisioned, else = proxy'],
  ['activationProxyMs', 'ms', 'activation proxy: plain Node, require + activate'],
  ['emulatorRps', 'req/s', 'emulator: session GET, concurrent clients'],
  ['emulatorRpsList', 'req/s', 'emulator: list page ($top=100), concurrent clients'],
  ['rssMB10k', 'MB', 'RSS with 10k sessions in the tree model'],
  ['hostStallMs', 'ms', 'largest host event-loop stall while the built-in emulator seeds 10k × 10'],
];

export function formatTable(result: BenchResult): string {
  const lines: string[] = [];
  const cell = (value: number) => String(value >= 100 ? Math.round(value) : round(value, value >= 10 ? 1 : 3));
  const header = ['metric', 'value', 'unit', 'target', 'status', 'what'];
  const body = ROWS.map(([key, unit, what]) => {
    const value = result[key] as number;
    const t = TARGETS[key];
    return [key, cell(value), unit, t ? `${t.strict ? '<' : '≤'} ${t.max}` : '', targetStatus(key, value), what];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const row = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  lines.push(row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(row));

  const d = result.details as Record<string, Record<string, unknown>>;
  const ms = (v: unknown) => `${cell(Number(v))} ms`;
  lines.push('', 'Medians:');
  lines.push(`  list 10k:        client ${ms(d.list.clientMs)}, undici ${ms(d.list.undiciMs)}, Graph SDK ${ms(d.list.sdkMs)} (${d.list.pages} pages); floor undici ÷ SDK ${cell(Number(d.list.floorVsGraphSdk))}`);
  lines.push(`  artifacts 100k:  client ${ms(d.artifacts.clientMs)}, undici ${ms(d.artifacts.undiciMs)}, Graph SDK ${ms(d.artifacts.sdkMs)} (${d.artifacts.requests} requests, ${(d.sizes as Record<string, unknown>).artifactConcurrency} in flight); floor undici ÷ SDK ${cell(Number(d.artifacts.floorVsGraphSdk))}`);
  lines.push(`  refresh 25:      $batch ${d.refresh.batchRequests} requests ${ms(d.refresh.batchMs)}; one GET each ${d.refresh.singleRequests} requests ${ms(d.refresh.singleMs)}`);
  lines.push(`  tree model:      first page ${d.tree.firstPageRequests} requests (pageSize ${d.tree.pageSize}); load all ${d.tree.loadAllRequests} requests`);
  lines.push(`  memory:          RSS ${cell(Number(d.memory.baselineRssMB))} → ${cell(Number(d.memory.rssMB))} MB, heap ${cell(Number(d.memory.baselineHeapUsedMB))} → ${cell(Number(d.memory.heapUsedMB))} MB`);
  const host = d.activation.host as Record<string, unknown> | undefined;
  const samples = (v: unknown) => (v as number[]).map((x) => Math.round(x)).join(', ');
  const hostText = host?.activationMs !== undefined
    ? `real host ${ms(host.activationMs)} (${samples(host.samples)}), an empty extension ${ms(host.emptyExtensionMs)} (${samples(host.emptySamples)})`
    : host?.error ? `real host failed: ${String(host.error).split('\n')[0]}` : 'real host not measured';
  lines.push(`  activation:      ${hostText}; Node proxy ${ms(d.activation.proxyMs)} = require ${ms(d.activation.requireMs)} + activate ${ms(d.activation.activateMs)}`);
  lines.push(`                   loaded at activation: ${JSON.stringify(d.activation.loadedAtActivation)}`);
  const largest = (d.bundle.largest as { module: string; kb: number }[]).map((m) => `${m.module} ${cell(m.kb)}`).join(', ');
  const lazy = (d.bundle.loadedOnFirstUse as { file: string; kb: number }[]).map((m) => `${m.file} ${cell(m.kb)}`).join(', ');
  lines.push(`  bundle KiB:      ${largest}; loaded on first use: ${lazy || 'none'}`);
  lines.push(`  host stall:      emulator child ${ms(d.hostStall.hostStallMs)} (seed ${ms(d.hostStall.childSeedMs)}); emulator in the host's process ${ms(d.hostStall.inProcessStallMs)} (seed ${ms(d.hostStall.inProcessSeedMs)})`);
  const m = d.machine;
  lines.push('', `machine: ${m.nproc} × ${m.cpu}, ${m.memoryGB} GB, node ${m.node}; commit ${m.commit}${m.dirty ? ' (+ local changes)' : ''}; ${m.date}; ${cell(Number(d.totalSeconds))} s`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const result = await runBench({ runs: options.runs, smoke: options.smoke, host: options.host, log });
  if (options.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(formatTable(result) + '\n');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
