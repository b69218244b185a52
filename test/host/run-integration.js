#!/usr/bin/env node
// Runs the integration suite (out/test/integration, mocha) inside a real VS Code extension host.
//  - default: code-server's Node 24 extension host, opened headless in Debian chromium with a `payload`
//    of extensionDevelopmentPath + extensionTestsPath (needs `--vscode-option enable-smoke-test-driver`);
//    the workbench reports the suite's exit code through window.codeAutomationExit().
//  - VSCODE_EXECUTABLE=/path/to/code: desktop VS Code through @vscode/test-electron's runTests().
// Before the suite, the emulator CLI (dist/emulator.js) is started on port 0; its URL goes into the host's
// user settings (restoreSessions.emulator.url) and into RESTORE_SESSIONS_EMULATOR_URL; the host also gets
// RESTORE_SESSIONS_TEST_HOOKS=1 and the emulator's control token (RESTORE_SESSIONS_EMULATOR_CONTROL_TOKEN).
// A test that skips counts as a failure unless it is on the printed expected-skip list (expected-skips.js).
// Prints "N passed, N failed" alone on a line; exits non-zero on any failure or on the hard timeout
// (INTEGRATION_TIMEOUT_MS, default 600000), after killing every process group it started.
// Prerequisites (npm run test:integration does them): provision.js, node esbuild.js, tsc -p .
//   env: RESTORE_SESSIONS_TEST_GREP (mocha grep), KEEP_STATE=1, VERBOSE=1
/* global setTimeout */
const fs = require('fs');
const path = require('path');
const host = require('./host');
const { unexpectedSkips } = require('./expected-skips');

const TIMEOUT_MS = +(process.env.INTEGRATION_TIMEOUT_MS || 600000);
const TESTS = path.join(host.ROOT, 'out/test/integration/index');
const RESULTS = path.join(host.ROOT, 'test-results/integration');
const t0 = Date.now();
const log = (...a) => console.log(`[integration ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

const cleanups = [];
const seen = { passed: 0, failed: 0 }; // from the forwarded reporter output
async function cleanupAll() {
  while (cleanups.length) { try { await cleanups.pop()(); } catch (e) { log('cleanup:', e.message); } }
}
let finishing = false;
let failedRun = false; // set before the cleanups run, so that they keep a screenshot and the logs
async function finish(code, result) {
  if (finishing) return;
  finishing = true;
  failedRun = code !== 0 || !result || result.failed > 0;
  await cleanupAll();
  const r = result || { ...seen };
  if (code !== 0 && r.failed === 0) r.failed = 1; // a crash or timeout counts as a failure
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exit(code !== 0 || r.failed > 0 ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { log(`${sig}: stopping`); finish(130); });

/** The emulator CLI (dist/emulator.js) on port 0, demo seed; its absence or failure fails the run. */
async function startEmulator(stateDir) {
  // The suites read the emulator directly with `$top` / `$orderby` (test/integration/helpers.ts), so it honours them.
  const emu = await host.startEmulatorCli({ seed: 'demo', timeScale: 60, logFile: path.join(stateDir, 'emulator.log'), undocumentedOptions: 'honour' });
  cleanups.push(() => emu.stop());
  log(`emulator on ${emu.url}${emu.controlToken ? ' (with a control token)' : ''}`);
  return emu;
}

function readResult(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}

async function runInCodeServer(stateDir, workspace, emu, resultFile) {
  const server = await host.startCodeServer({
    stateDir, args: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { ...host.testHostEnv(emu), RESTORE_SESSIONS_TEST_RESULT: resultFile },
  });
  cleanups.push(() => server.stop());
  log(`code-server ${host.PINS.codeServer} up on ${server.url}`);
  const browser = await host.launchChromium(path.join(stateDir, 'chromium-home'));
  cleanups.push(() => browser.close());
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const exited = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    // the workbench forwards its log, including the extension host's console output, here
    page.exposeFunction('codeAutomationLog', (type, args) => {
      args = Array.isArray(args) ? [...args] : [args];
      let msg = typeof args[0] === 'string' ? args.shift() : '';
      msg = msg.replace(/%[sdifoOc]/g, () => (args.length ? String(args.shift()) : ''));
      const line = [msg, ...args.map(String)].join(' ').replace(/\s+$/, '');
      if (/^\d+ passed, \d+ failed$/.test(line.trim())) return; // printed once by this launcher
      // mocha's spec reporter lines, counted in case the suite never finishes (timeout)
      if (/^\s*✔ /.test(line)) seen.passed++;
      else if (/^\s*\d+\) /.test(line) && !/^\s*\d+\) .*:$/.test(line)) seen.failed++;
      if (process.env.VERBOSE === '1' || !/Resolv|socket|grace|AgentHost|AccountPolicy|builtin extensions cache|Service Worker|open-vsx|vsda|^\s*$/.test(line)) {
        console.log(`  ${type === 'error' ? '[err] ' : ''}${line}`);
      }
    });
  });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  cleanups.push(async () => {
    if (failedRun) {
      fs.mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'last-screen.png') }).catch(() => {});
    }
  });
  const authority = `127.0.0.1:${server.port}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${authority}${host.ROOT}`],
    ['extensionTestsPath', `vscode-remote://${authority}${TESTS}`],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  const code = await exited;
  log(`extension host exited with code ${code}`);
  return code;
}

async function runInElectron(stateDir, workspace, emu, resultFile) {
  // @vscode/test-electron's runTests in a child process of its own process group, so that the hard
  // timeout can kill VS Code and everything it started.
  const { spawn } = require('child_process');
  const script = `
    require('@vscode/test-electron').runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: ${JSON.stringify(host.ROOT)},
      extensionTestsPath: ${JSON.stringify(TESTS)},
      launchArgs: [${JSON.stringify(workspace)}, '--user-data-dir', ${JSON.stringify(path.join(stateDir, 'user-data'))},
        '--extensions-dir', ${JSON.stringify(path.join(stateDir, 'extensions'))}, '--disable-workspace-trust',
        '--skip-welcome', '--skip-release-notes', '--disable-updates'],
      extensionTestsEnv: ${JSON.stringify({ ...host.testHostEnv(emu), RESTORE_SESSIONS_TEST_RESULT: resultFile })},
    }).then(() => process.exit(0), (e) => { console.error(String(e)); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: host.ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  cleanups.push(() => host.stopGroup(child.pid));
  child.stdout.on('data', (d) => {
    const text = String(d).split('\n').filter((l) => !/^\d+ passed, \d+ failed$/.test(l.trim())).join('\n');
    if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  });
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  log(`VS Code (${process.env.VSCODE_EXECUTABLE}) test run exited with code ${code}`);
  return code;
}

function saveArtifacts(stateDir) {
  fs.mkdirSync(RESULTS, { recursive: true });
  for (const f of ['server.log', 'emulator.log']) {
    const src = path.join(stateDir, f);
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(RESULTS, f));
  }
  log(`logs saved under ${path.relative(host.ROOT, RESULTS)}/`);
}

async function main() {
  if (!fs.existsSync(TESTS + '.js')) throw new Error(`${TESTS}.js missing: run "tsc -p ." first`);
  if (!fs.existsSync(path.join(host.ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js missing: run "node esbuild.js" first');
  const electron = !!process.env.VSCODE_EXECUTABLE;
  if (!electron && !fs.existsSync(host.CODE_SERVER_BIN)) throw new Error('code-server is not provisioned: run "node test/host/provision.js"');
  fs.mkdirSync(path.join(host.CACHE, 'runs'), { recursive: true });
  const stateDir = fs.mkdtempSync(path.join(host.CACHE, 'runs', 'integration-'));
  cleanups.push(async () => { if (process.env.KEEP_STATE !== '1') fs.rmSync(stateDir, { recursive: true, force: true }); });
  cleanups.push(async () => { if (failedRun) saveArtifacts(stateDir); }); // runs after the servers stopped
  const workspace = path.join(stateDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.rmSync(RESULTS, { recursive: true, force: true });
  const resultFile = path.join(stateDir, 'result.json');

  const emu = await startEmulator(stateDir);
  host.makeState(stateDir, { 'restoreSessions.emulator.url': emu.url });
  const code = electron
    ? await runInElectron(stateDir, workspace, emu, resultFile)
    : await runInCodeServer(stateDir, workspace, emu, resultFile);
  const result = readResult(resultFile);
  if (!result) log('the suite wrote no result (it did not run to the end)');
  else {
    const skipped = result.skipped || [];
    if (skipped.length) log(`${skipped.length} pending/skipped`);
    result.failed += unexpectedSkips('integration', skipped.map((name) => ({ name })), log).length;
  }
  await finish(code === 0 && result ? 0 : 1, result);
}

setTimeout(() => { log(`TIMEOUT after ${TIMEOUT_MS / 1000} s`); finish(1); }, TIMEOUT_MS);

main().catch((e) => { log('ERROR', e.message); finish(1); });
