// Mocha entry point for the integration suite, loaded by VS Code as `extensionTestsPath` inside a real
// extension host (code-server's Node host via test/host/run-integration.js, or desktop VS Code via
// @vscode/test-electron when VSCODE_EXECUTABLE is set). Runs every `*.test.js` next to this file.
// The launcher always starts an emulator and turns the test hooks on; without them the suite refuses to
// run rather than skip. Skipped tests are reported by full title in the result file, and the launcher fails
// the run on any that is not on its printed expected-skip list (test/host/expected-skips.js).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** What the launcher must hand the extension host, and why the suite needs it. */
const REQUIRED_ENV: Record<string, string> = {
  RESTORE_SESSIONS_EMULATOR_URL: 'the emulator the tests talk to',
  RESTORE_SESSIONS_TEST_HOOKS: 'the test-only hooks of the extension (panel render reports)',
};

export function run(): Promise<void> {
  const missing = Object.keys(REQUIRED_ENV).filter((name) => !process.env[name]);
  if (missing.length) {
    const what = missing.map((name) => `${name} (${REQUIRED_ENV[name]})`).join(', ');
    return Promise.reject(new Error(`the launcher did not set ${what}: run the suite with test/host/run-integration.js`));
  }
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  const grep = process.env.RESTORE_SESSIONS_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const skipped: string[] = [];
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        const resultFile = process.env.RESTORE_SESSIONS_TEST_RESULT;
        if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed, failed, pending: skipped.length, skipped }));
        console.log(`${passed} passed, ${failed} failed`);
        for (const title of skipped) console.log(`  skipped: ${title}`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
      runner.on('pending', (test) => skipped.push(test.fullTitle()));
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
