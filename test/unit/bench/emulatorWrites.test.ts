// The emulator write benchmark (bench/emulatorWrites.ts) at smoke sizes: both of issue 17's figures are there and
// are numbers, and the data files it wrote are gone. Never asserts on time (project rule).
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emulatorWritesModule } from '../../../bench/emulatorWrites';

describe('bench: emulator writes with --data (smoke)', function () {
  this.timeout(60_000);

  it('reports emulatorWriteRatio10k and emulatorLoadMs10k as numbers and leaves no data file behind', async () => {
    // A temp folder of its own, so other runs on the machine cannot make the check below pass or fail.
    const previous = process.env.TMPDIR;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-writes-test-'));
    process.env.TMPDIR = tmp;
    try {
      const result = (await emulatorWritesModule.run({ runs: 1, warmup: 0, smoke: true, host: false, latencyMs: 0, log: () => undefined })).values;
      assert.deepEqual(Object.keys(result).sort(), ['emulatorLoadMs10k', 'emulatorWriteRatio10k']);
      for (const [key, value] of Object.entries(result)) assert.ok(Number.isFinite(value) && typeof value === 'number' && value > 0, `${key} is ${value}`);
      assert.deepEqual(fs.readdirSync(tmp), [], 'the benchmark removes its data files');
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
