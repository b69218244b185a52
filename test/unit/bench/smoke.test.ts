// The "tiny smoke run" of the benchmarks: the whole suite in-process with --smoke sizes (one run, tiny seeds),
// checking only that every figure is there and is a number. Never asserts on time (project rule).
import { strict as assert } from 'assert';
import { formatTable, parseArgs } from '../../../bench/run';
import { NUMERIC_KEYS, runBench } from '../../../bench/suite';

describe('bench: smoke run', function () {
  this.timeout(120_000);

  it('produces every key of the --json document with a number, and says where activation was measured', async () => {
    const result = await runBench({ smoke: true });
    for (const key of NUMERIC_KEYS) {
      assert.equal(typeof result[key], 'number', `${key} is ${typeof result[key]}`);
      assert.ok(Number.isFinite(result[key]), `${key} is ${String(result[key])}`);
    }
    // A smoke run never starts the real host, and says so.
    assert.equal(result.activationSource, 'proxy');
    // The keys, spelled out, so a rename in the suite cannot drop one silently.
    for (const key of [
      'listVsUndici', 'listVsGraphSdk', 'artifactsVsGraphSdk', 'refreshRequests25', 'firstPageMs', 'bundleKB', 'rssMB10k', 'hostStallMs',
      'activationRatio', 'latencyTreeOpenRtt', 'latencyDetails1kRtt', 'latencyRetry500Rtt', 'latencyCsv10kRtt', 'latencyVsNaive',
    ]) {
      assert.ok(NUMERIC_KEYS.includes(key), key);
    }
    const parsed = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    assert.equal(typeof parsed.details, 'object');
    assert.match(formatTable(result), /\| listVsUndici +\|/);
    assert.match(formatTable(result), /\| latencyTreeOpenRtt +\|/);
  });

  it('parses the command line', () => {
    assert.deepEqual(parseArgs(['--json', '--runs', '3']), { json: true, smoke: false, host: true, runs: 3 });
    assert.deepEqual(parseArgs(['--runs=2', '--smoke', '--no-host']), { json: false, smoke: true, host: false, runs: 2 });
    assert.deepEqual(parseArgs(['--latency', '150', '--only', 'latency,host']), { json: false, smoke: false, host: true, latencyMs: 150, only: ['latency', 'host'] });
    assert.throws(() => parseArgs(['--runs', '0']));
    assert.throws(() => parseArgs(['--latency', 'x']));
    assert.throws(() => parseArgs(['--only', 'nothing']));
    assert.throws(() => parseArgs(['--fast']));
  });
});
