#!/usr/bin/env node
// UI end-to-end walk: installs the packaged .vsix (npm run package) into a fresh code-server, starts the
// emulator CLI with the demo seed and points restoreSessions.emulator.url at it (plus a second one with
// --auth on, for the steps that sign in as the read-only demo user), opens the workbench in
// Debian chromium (playwright-core, 1400x900, reduced motion) and runs the named steps of
// test/e2e/steps.ts (compiled to out/test/e2e/steps.js). A PNG per step goes to test-results/e2e/.
// A step that skips counts as a failure unless it is on the printed expected-skip list (expected-skips.js).
// The extension host gets RESTORE_SESSIONS_TEST_HOOKS=1 (test-only hooks) and the emulator's control token
// (RESTORE_SESSIONS_EMULATOR_CONTROL_TOKEN, also ctx.emulatorControlToken for the steps).
// Prints "N passed, N failed" alone on a line; exits non-zero on any failure or on the hard timeout
// (E2E_TIMEOUT_MS, default 480000), after killing every process group it started.
//   env: E2E_STEP_TIMEOUT_MS (default 150000), KEEP_STATE=1, E2E_ONLY=step,step (iteration only)
/* global setTimeout, clearTimeout */
const fs = require('fs');
const path = require('path');
const host = require('./host');
const { unexpectedSkips } = require('./expected-skips');

const TIMEOUT_MS = +(process.env.E2E_TIMEOUT_MS || 480000);
const STEP_TIMEOUT_MS = +(process.env.E2E_STEP_TIMEOUT_MS || 150000);
const SHOTS = path.join(host.ROOT, 'test-results/e2e');
const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

const cleanups = [];
const counts = { passed: 0, failed: 0 };
const skipped = []; // { name, reason }
let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  while (cleanups.length) { try { await cleanups.pop()(); } catch (e) { log('cleanup:', e.message); } }
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  if (skipped.length) log(`${skipped.length} skipped`);
  counts.failed += unexpectedSkips('e2e', skipped, log).length;
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code !== 0 || counts.failed > 0 ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { log(`${sig}: stopping`); finish(130); });

async function main() {
  const manifest = host.readManifest();
  const vsix = path.join(host.ROOT, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} missing: run "npm run package" first`);
  const stepsFile = path.join(host.ROOT, 'out/test/e2e/steps.js');
  if (!fs.existsSync(stepsFile)) throw new Error('out/test/e2e/steps.js missing: run "tsc -p ." first');
  if (!fs.existsSync(host.CODE_SERVER_BIN)) throw new Error('code-server is not provisioned: run "node test/host/provision.js"');
  const { steps: allSteps } = require(stepsFile);
  // E2E_ONLY=name,name (for a developer's iteration, never set in CI): the first three steps, which open the
  // view, then only the named ones, in walk order.
  const only = (process.env.E2E_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
  const steps = only.length ? allSteps.filter((s, i) => i < 3 || only.includes(s.name)) : allSteps;
  if (only.length) log(`E2E_ONLY: running ${steps.length} of ${allSteps.length} steps`);

  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.mkdirSync(path.join(host.CACHE, 'runs'), { recursive: true });
  const stateDir = fs.mkdtempSync(path.join(host.CACHE, 'runs', 'e2e-'));
  cleanups.push(async () => { if (process.env.KEEP_STATE !== '1') fs.rmSync(stateDir, { recursive: true, force: true }); });
  const workspace = path.join(stateDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  // Both emulators run the default profile, `--undocumented-options refuse`: an OData option Microsoft does not
  // document for an API answers 400, so the walk proves the extension needs none (and its own direct reads page
  // through @odata.nextLink and sort on this side, test/support/pages.ts).
  const emu = await host.startEmulatorCli({ seed: 'demo', timeScale: 60, logFile: path.join(stateDir, 'emulator.log') });
  cleanups.push(() => emu.stop());
  const emulatorUrl = emu.url;
  log(`emulator on ${emulatorUrl}`);
  // the permission steps switch restoreSessions.emulator.url to this one and sign in as `reader`
  const authEmu = await host.startEmulatorCli({ seed: 'demo', timeScale: 60, args: ['--auth', 'on'], logFile: path.join(stateDir, 'emulator-auth.log') });
  cleanups.push(() => authEmu.stop());
  log(`emulator with --auth on at ${authEmu.url}`);
  host.makeState(stateDir, {
    'restoreSessions.emulator.url': emulatorUrl,
    // the preview-API steps (test/e2e/steps/beta.ts) switch to this connection to the same emulator's /beta
    'restoreSessions.connections': [{ id: 'preview-emulator', label: 'Preview API emulator', kind: 'emulator', signIn: 'none', apiVersion: 'beta' }],
  });
  await host.runCodeServer(stateDir, ['--install-extension', vsix]);
  log(`installed ${path.basename(vsix)}`);

  const server = await host.startCodeServer({ stateDir, args: [workspace], env: host.testHostEnv(emu) });
  cleanups.push(async () => {
    await server.stop();
    if (counts.failed) fs.copyFileSync(path.join(stateDir, 'server.log'), path.join(SHOTS, 'server.log'));
  });
  log(`code-server ${host.PINS.codeServer} up on ${server.url}`);
  const browser = await host.launchChromium(path.join(stateDir, 'chromium-home'));
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);

  const ctx = {
    page, manifest, emulatorUrl, authEmulatorUrl: authEmu.url, log,
    emulatorControlToken: emu.controlToken, authEmulatorControlToken: authEmu.controlToken,
  };
  let n = 0;
  for (const step of steps) {
    const id = `${String(++n).padStart(2, '0')}-${step.name}`;
    const reason = step.skip ? step.skip(ctx) : undefined;
    if (reason) { skipped.push({ name: step.name, reason }); log(`- ${id}: skipped (${reason})`); continue; }
    const s0 = Date.now();
    let timer;
    try {
      await Promise.race([
        step.run(ctx),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`step timed out after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS); }),
      ]);
      clearTimeout(timer);
      await page.mouse.move(900, 600); // park the pointer on the empty editor area: no hover tooltips
      await page.waitForTimeout(400); // settle fades so the screenshot is deterministic
      await page.screenshot({ path: path.join(SHOTS, `${id}.png`), animations: 'disabled' });
      counts.passed++;
      log(`✔ ${id} (${((Date.now() - s0) / 1000).toFixed(1)}s)`);
    } catch (e) {
      clearTimeout(timer);
      counts.failed++;
      await page.screenshot({ path: path.join(SHOTS, `${id}-FAILED.png`), animations: 'disabled' }).catch(() => {});
      log(`✖ ${id}: ${e.message.split('\n')[0]}`);
    }
  }
  if (counts.failed && errors.length) log(`browser errors (first 5):\n  ${errors.slice(0, 5).join('\n  ')}`);
  log(`screenshots in ${path.relative(host.ROOT, SHOTS)}/`);
  await finish(counts.failed ? 1 : 0);
}

setTimeout(() => { log(`TIMEOUT after ${TIMEOUT_MS / 1000} s`); finish(1); }, TIMEOUT_MS);
main().catch((e) => { log('ERROR', e.message); finish(1); });
