// `npm run test:hardening`: the whole hardening suite in full mode (10,000 fuzzed requests, 25 kill -9s, the
// whole XSS corpus, ...), then docs/reliability.md regenerated from the figures of this run. Prints
// `N passed, N failed` and exits non-zero on a failure. Quick mode runs inside `npm test` (test/unit/hardening).
import * as fs from 'node:fs';
import * as path from 'node:path';

process.env.HARDENING_MODE = process.env.HARDENING_MODE === 'quick' ? 'quick' : 'full';

async function main(): Promise<void> {
  // Loaded after the mode is set: support.ts reads it once.
  const { figuresFile, recordFigures } = await import('./support');
  const { writeReport } = await import('./report');
  const Mocha = (await import('mocha')).default;
  fs.rmSync(figuresFile(), { force: true });
  const mocha = new Mocha({ timeout: 600_000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'entry.js'));
  const started = Date.now();
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${passes} passed, ${failures} failed (${process.env.HARDENING_MODE} mode, ${seconds} s)`);
  recordFigures('run', { passes, failures, seconds });
  if (process.env.HARDENING_MODE === 'full') {
    const target = writeReport(figuresFile(), { passes, failures, seconds });
    console.log(`figures: ${figuresFile()}\nreport:  ${target}`);
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
