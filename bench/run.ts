// `npm run bench [-- --json] [-- --runs N] [-- --only client,latency,host] [-- --latency MS] [-- --smoke] [-- --no-host]`:
// runs the suite (suite.ts) and prints a table of figures, targets and met / missed, or with --json only the JSON
// document on stdout (progress goes to stderr). Pure JSON from npm needs `npm run -s bench -- --json`.
import type { BenchResult } from './suite';
import { MODULES, runBench, TARGETS } from './suite';
import { round } from './stats';

export interface CliOptions { json: boolean; smoke: boolean; host: boolean; runs?: number; latencyMs?: number; only?: string[] }

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { json: false, smoke: false, host: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i] ?? '');
    if (arg === '--json') options.json = true;
    else if (arg === '--smoke') options.smoke = true;
    else if (arg === '--no-host') options.host = false;
    else if (arg === '--runs' || arg.startsWith('--runs=')) options.runs = positiveInteger('--runs', value());
    else if (arg === '--latency' || arg.startsWith('--latency=')) options.latencyMs = positiveInteger('--latency', value());
    else if (arg === '--only' || arg.startsWith('--only=')) {
      options.only = value().split(',').map((m) => m.trim()).filter(Boolean);
      const unknown = options.only.filter((m) => !MODULES.some((x) => x.name === m));
      if (!options.only.length || unknown.length) throw new Error(`--only takes module names: ${MODULES.map((m) => m.name).join(', ')}`);
    } else throw new Error(`unknown option ${arg} (known: --json, --runs N, --only ${MODULES.map((m) => m.name).join(',')}, --latency MS, --smoke, --no-host)`);
  }
  return options;
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
  return n;
}

export function targetStatus(key: string, value: number): string {
  const target = TARGETS[key];
  if (!target) return '';
  return (target.strict ? value < target.max : value <= target.max) ? 'met' : 'MISSED';
}

/** Unit and meaning of each key, in report order. */
export const ROWS: [string, string, string][] = [
  ['latencyTreeOpenRtt', '× latency', 'view opens: 3 workloads\' first pages, running counts, visible rows named by their units'],
  ['latencyTreeOpenRequests', 'requests', '  … requests it sent'],
  ['latencyDetails1kRtt', '× latency', 'details panel opens on a session of 1,000 artifacts, every unit named'],
  ['latencyDetails1kRequests', 'requests', '  … requests it sent'],
  ['latencyRetry500Rtt', '× latency', 'Retry Failed on 500 failed artifacts: failures named, plan, draft created'],
  ['latencyRetry500Requests', 'requests', '  … requests it sent'],
  ['latencyCsv10kRtt', '× latency', 'Bulk Restore from CSV: 10,000 rows checked and resolved (the preview)'],
  ['latencyCsv10kRequests', 'requests', '  … requests it sent'],
  ['latencyVsNaive', 'ratio', 'sum of the four walls ÷ the same work as a script (Graph SDK, sequential, no $batch)'],
  ['listVsUndici', 'ratio', 'page 10k sessions ($top=100): client ÷ bare undici'],
  ['listVsGraphSdk', 'ratio', 'page 10k sessions ($top=100): client ÷ Graph SDK PageIterator'],
  ['artifactsVsUndici', 'ratio', '100k artifacts across sessions: client ÷ bare undici'],
  ['artifactsVsGraphSdk', 'ratio', '100k artifacts across sessions: client ÷ Graph SDK'],
  ['refreshRequests25', 'requests', 'refresh 25 active sessions with $batch'],
  ['refreshMs25', 'ms', 'refresh 25 active sessions with $batch'],
  ['firstPageMs', 'ms', 'tree model: first page of a workload, 10k present (loopback)'],
  ['loadAllMs', 'ms', 'tree model: load all 10k sessions (loopback)'],
  ['emulatorRps', 'req/s', 'emulator: session GET, concurrent clients'],
  ['emulatorRpsList', 'req/s', 'emulator: list page ($top=100), concurrent clients'],
  ['rssMB10k', 'MB', 'RSS with 10k sessions in the tree model'],
  ['emulatorWriteRatio10k', 'ratio', 'emulator create p50 with --data at 10k sessions ÷ without --data'],
  ['emulatorLoadMs10k', 'ms', 'emulator start-up with that data file'],
  ['bundleKB', 'KiB', 'minified dist/extension.js'],
  ['hostStallMs', 'ms', 'largest host event-loop stall while the built-in emulator seeds 10k × 10'],
  ['activationRatio', 'ratio', 'median cold activation ÷ median empty-extension activation (see activationSource)'],
  ['activationMs', 'ms', 'median cold activation (real host when activationSource = host)'],
  ['activationProxyMs', 'ms', 'plain Node + vscode stub: require + activate of the bundle'],
];

export function formatTable(result: BenchResult): string {
  const cell = (value: number) => String(value >= 100 ? Math.round(value) : round(value, value >= 10 ? 1 : 3));
  const header = ['metric', 'value', 'unit', 'target', 'status', 'what'];
  const body = ROWS.filter(([key]) => typeof result[key] === 'number').map(([key, unit, what]) => {
    const value = result[key] as number;
    const t = TARGETS[key];
    return [key, cell(value), unit, t ? `${t.strict ? '<' : '≤'} ${t.max}` : '', targetStatus(key, value), what];
  });
  if (typeof result.activationSource === 'string') body.push(['activationSource', result.activationSource, '', '', '', 'host = code-server extension host; proxy = plain Node stand-in']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const row = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const lines = [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(row)];
  const d = result.details as Record<string, Record<string, unknown> | undefined>;
  const latency = d.latency as Record<string, Record<string, unknown>> | undefined;
  if (latency) {
    lines.push('', `Latency profile (${String(latency.latencyMs)} ms ± ${String(latency.jitterMs)} per request, emulator profile ${String(latency.profile)}):`);
    for (const what of ['tree', 'details', 'retry', 'csv']) {
      const p = latency[what];
      const rows = p.rowsShownRtt === undefined ? '' : ` (rows painted after ${cell(Number(p.rowsShownRtt))} × latency)`;
      lines.push(`  ${what.padEnd(8)} ${cell(Number(p.wallMs))} ms${rows}, ${String(p.requests)} requests, longest chain ${String(p.chain)} round trips; script ${cell(Number(p.naiveWallMs))} ms`);
      lines.push(`           chain: ${(p.chainRequests as string[]).map(shorten).join(' → ')}`);
    }
  }
  const m = d.machine as Record<string, unknown>;
  lines.push('', `machine: ${String(m.nproc)} × ${String(m.cpu)}, ${String(m.memoryGB)} GB, node ${String(m.node)}; commit ${String(m.commit)}${m.dirty ? ' (+ local changes)' : ''}; ${String(m.date)}; ${cell(Number(d.totalSeconds))} s`);
  return lines.join('\n');
}

/** `GET …/mailboxRestoreArtifacts?$skiptoken=…` for the chain line. */
function shorten(request: string): string {
  return request.replace('/solutions/backupRestore/', '…/').replace(/\/[0-9a-f-]{36}[^/?]*/gi, '/{id}').replace(/\?.*$/, (q) => (q.length > 30 ? `${q.slice(0, 30)}…` : q));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const result = await runBench({ runs: options.runs, smoke: options.smoke, host: options.host, latencyMs: options.latencyMs, only: options.only, log });
  if (options.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(formatTable(result) + '\n');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
