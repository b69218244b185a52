// The emulator write benchmark (bench/emulatorWrites.ts) at smoke sizes: both of issue 17's figures are there and
// are numbers, and the emulators it started are gone with their files. Never asserts on time (project rule).
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { emulatorWriteBench } from '../../../bench/emulatorWrites';

describe('bench: emulator writes with --data (smoke)', function () {
  this.timeout(60_000);

  it('reports emulatorWriteRatio10k and emulatorLoadMs10k as numbers and leaves no data file behind', async () => {
    const before = new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('bench-emulator-writes-')));
    const result = await emulatorWriteBench({ smoke: true });
    assert.deepEqual(Object.keys(result).sort(), ['emulatorLoadMs10k', 'emulatorWriteRatio10k']);
    for (const [key, value] of Object.entries(result)) assert.ok(Number.isFinite(value) && value > 0, `${key} is ${value}`);
    const left = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('bench-emulator-writes-') && !before.has(n));
    assert.deepEqual(left, [], 'the benchmark removes its data files');
  });
});
