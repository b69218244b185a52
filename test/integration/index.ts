// Mocha entry point for the integration suite, loaded by VS Code as `extensionTestsPath` inside a real
// extension host (code-server's Node host via test/host/run-integration.js, or desktop VS Code via
// @vscode/test-electron when VSCODE_EXECUTABLE is set). Runs every `*.test.js` next to this file.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  const grep = process.env.RESTORE_SESSIONS_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        const pending = runner.stats?.pending ?? 0;
        const resultFile = process.env.RESTORE_SESSIONS_TEST_RESULT;
        if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ passed, failed, pending }));
        console.log(`${passed} passed, ${failed} failed`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
