// The "tiny smoke run" of the benchmarks: the whole suite in-process with --smoke sizes (one run, tiny seeds),
// checking only that every figure is there and is a number. Never asserts on time (project rule).
import { strict as assert } from 'assert';
import { formatTable, parseArgs } from '../../../bench/run';
import { NUMERIC_KEYS, runBench } from '../../../bench/suite';

describe('bench: smoke run', function () {
  this.timeout(60_000);

  it('produces every key of the --json document with a number', async () => {
    const result = await runBench({ smoke: true });
    for (const key of NUMERIC_KEYS) {
      assert.equal(typeof result[key], 'number', `${key} is ${typeof result[key]}`);
      assert.ok(Number.isFinite(result[key]), `${key} is ${result[key]}`);
    }
    // The keys, spelled out, so a rename in the suite cannot drop one silently.
    for (const key of ['listVsUndici', 'listVsGraphSdk', 'refreshRequests25', 'refreshMs25', 'firstPageMs', 'loadAllMs', 'bundleKB', 'activationMs', 'emulatorRps', 'rssMB10k']) {
      assert.ok((NUMERIC_KEYS as readonly string[]).includes(key), key);
    }
    const parsed = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    assert.equal(typeof parsed.details, 'object');
    assert.match(formatTable(result), /\| listVsUndici +\|/);
  });

  it('parses the command line', () => {
    assert.deepEqual(parseArgs(['--json', '--runs', '3']), { json: true, smoke: false, host: true, runs: 3 });
    assert.deepEqual(parseArgs(['--runs=2', '--smoke', '--no-host']), { json: false, smoke: true, host: false, runs: 2 });
    assert.throws(() => parseArgs(['--runs', '0']));
    assert.throws(() => parseArgs(['--fast']));
  });
});
