// `npm run test:profiles`: the facade, tree-model and session-hub (auto-refresh) unit tests, plus the client's
// profile tests, once per emulator profile for undocumented query options (refuse, ignore, honour; see
// src/emulator/service/queryOptions.ts). Prints "N passed, N failed" per profile; exits non-zero if any failed.
const { spawnSync } = require('child_process');
const path = require('path');

const PROFILES = ['refuse', 'ignore', 'honour'];
const SPECS = ['out/test/unit/backup/api/facade.test.js', 'out/test/unit/backup/api/profiles.test.js', 'out/test/unit/extension/tree/*.test.js', 'out/test/unit/extension/sessions/*.test.js'];
const mocha = path.join(path.dirname(require.resolve('mocha/package.json')), 'bin', 'mocha.js');

let failedAny = false;
const lines = [];
for (const profile of PROFILES) {
  const run = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '60000', '--reporter', 'json', ...SPECS], {
    env: { ...process.env, EMULATOR_UNDOCUMENTED_OPTIONS: profile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let stats;
  try {
    stats = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))).stats;
  } catch {
    process.stderr.write(run.stdout + run.stderr);
    stats = { passes: 0, failures: 1 };
  }
  if (stats.failures > 0 || run.status !== 0) failedAny = true;
  const line = `${profile}: ${stats.passes} passed, ${stats.failures} failed`;
  lines.push(line);
  console.log(line);
  if (stats.failures > 0) {
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    for (const failure of report.failures) console.log(`  ✗ ${failure.fullTitle}: ${String(failure.err.message).split('\n')[0]}`);
  }
}
process.exit(failedAny ? 1 : 0);
