#!/usr/bin/env node
// Idempotent provisioning of the headless VS Code host under .vscode-test/ (ignored by git):
//   - Debian packages: chromium (the browser that opens the workbench) and libkrb5-dev (headers for
//     code-server's kerberos addon). Provisioning never installs system packages itself (no sudo, no apt):
//     when one is missing it stops and prints the exact command to run (.ci/run installs them in CI);
//   - .vscode-test/node24: npm package node@<pin> (Node 24 binary + headers);
//   - .vscode-test/code-server-<lock hash>: code-server with its whole tree pinned by
//     test/host/code-server/package-lock.json, installed by `npm ci` running on Node 24 (its postinstall
//     refuses other majors and builds native addons with node-gyp against Node 24's headers).
// playwright-core is a devDependency of the project (driver only, it downloads no browser).
// Node 24 is checked by its version, code-server by a stamp in its folder: a second run takes well under a second.
//   node test/host/provision.js [--force]
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const host = require('./host');

const t0 = Date.now();
const log = (msg) => console.log(`[provision ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const LOCK = path.join(host.CACHE, 'provision.lock');
const PLATFORM = `${process.platform}-${process.arch}`;
const CS_STAMP = path.join(host.CS_DIR, 'provisioned.json');
const SYSTEM_PACKAGES = ['chromium', 'libkrb5-dev'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: 20 * 60 * 1000, ...opts });
  if (opts.stdio === 'pipe' && r.status !== 0) { process.stdout.write(r.stdout || ''); process.stderr.write(r.stderr || ''); }
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function aptPackagesMissing(pkgs) {
  return pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !/install ok installed/.test(r.stdout);
  });
}

/** Stops with the exact install command when a Debian package the host needs is missing. */
function checkSystemPackages() {
  if (process.platform !== 'linux') { log(`not Linux: install chromium and the Kerberos headers yourself; set CHROMIUM to the browser (now ${host.CHROMIUM})`); return; }
  const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
  if (!hasDpkg) { log(`no dpkg: make sure chromium (CHROMIUM=${host.CHROMIUM}) and the krb5 headers are installed`); return; }
  const missing = aptPackagesMissing(SYSTEM_PACKAGES);
  if (!missing.length) return;
  throw new Error(`missing Debian package(s): ${missing.join(' ')}. Install them, then run this again:\n`
    + `    sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
}

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}
const stampMatches = (file, want) => { const s = readJson(file); return !!s && Object.keys(want).every((k) => s[k] === want[k]); };
const writeStamp = (file, want) => fs.writeFileSync(file, JSON.stringify({ ...want, at: new Date().toISOString() }, null, 2) + '\n');

function npmInstallInto(dir, deps, env) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true, dependencies: deps }, null, 2) + '\n');
  const tmp = path.join(host.CACHE, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  env = { ...env, TMPDIR: tmp };
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: dir, env });
}

/** `code-server --version`, with its config and XDG dirs kept inside .vscode-test (else it writes ~/.config). */
function codeServerVersion() {
  const state = host.makeState(path.join(host.CACHE, 'runs', 'version-check'));
  const r = spawnSync(host.CODE_SERVER_BIN, ['--config', path.join(state, 'config.yaml'), '--version'],
    { encoding: 'utf8', env: host.codeServerEnv(state), timeout: 60000 });
  fs.rmSync(state, { recursive: true, force: true });
  return (r.stdout || '').split('\n').find((l) => /^\d+\.\d+\.\d+ /.test(l)) || (r.stdout || '') + (r.stderr || '');
}

const node24Version = () => spawnSync(path.join(host.NODE24_BIN_DIR, 'node'), ['-v'], { encoding: 'utf8' }).stdout?.trim();
const CS_WANT = { codeServer: host.PINS.codeServer, codeServerLock: host.PINS.codeServerLock, node: host.PINS.node, platform: PLATFORM };
const node24Ready = () => fs.existsSync(path.join(host.NODE24_BIN_DIR, 'node')) && node24Version() === `v${host.PINS.node}`
  && fs.existsSync(path.join(host.N24_HOME, 'include/node/node.h'));
const codeServerReady = () => stampMatches(CS_STAMP, CS_WANT) && fs.existsSync(host.CODE_SERVER_BIN);
const upToDate = () => node24Ready() && codeServerReady();

function provisionNode24() {
  log(`Node ${host.PINS.node} from npm -> ${path.relative(host.ROOT, host.NODE24_DIR)}`);
  npmInstallInto(host.NODE24_DIR, { node: host.PINS.node }, host.cleanEnv());
  const v = node24Version();
  if (v !== `v${host.PINS.node}`) throw new Error(`expected node v${host.PINS.node}, got ${v}`);
  if (!fs.existsSync(path.join(host.N24_HOME, 'include/node/node.h'))) throw new Error(`no Node headers in ${host.N24_HOME}`);
}

/** `npm ci` of test/host/code-server's lockfile into CS_DIR, on Node 24. */
function provisionCodeServer() {
  log(`code-server ${host.PINS.codeServer} (lock ${host.PINS.codeServerLock}) built with Node ${host.PINS.node} (native addons, about 2 min) -> ${path.relative(host.ROOT, host.CS_DIR)}`);
  fs.rmSync(host.CS_DIR, { recursive: true, force: true });
  fs.mkdirSync(host.CS_DIR, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(host.CS_LOCK_DIR, f), path.join(host.CS_DIR, f));
  const tmp = path.join(host.CACHE, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: host.CS_DIR, env: host.node24Env({ TMPDIR: tmp }) });
  const cv = codeServerVersion();
  if (!cv.startsWith(host.PINS.codeServer)) throw new Error(`code-server --version printed: ${cv}`);
  log(`code-server --version: ${cv}`);
  writeStamp(CS_STAMP, CS_WANT);
}

function acquireLock() {
  for (let i = 0; ; i++) {
    try { fs.mkdirSync(LOCK); fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid)); return; } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let pid = 0;
    try { pid = +fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'); } catch { /* being created */ }
    let alive = false;
    if (pid) { try { process.kill(pid, 0); alive = true; } catch { alive = false; } }
    if (pid && !alive) { fs.rmSync(LOCK, { recursive: true, force: true }); continue; }
    if (i % 30 === 0) log('another provisioning run is in progress; waiting');
    if (i > 1500) throw new Error(`lock ${LOCK} held too long`);
    spawnSync('sleep', ['1']);
  }
}

function main() {
  const force = process.argv.includes('--force');
  fs.mkdirSync(host.CACHE, { recursive: true });
  checkSystemPackages();
  const summary = `node ${host.PINS.node}, code-server ${host.PINS.codeServer} (lock ${host.PINS.codeServerLock})`;
  if (!force && upToDate()) { log(`up to date (${summary})`); return; }
  acquireLock();
  try {
    if (!force && upToDate()) { log('up to date (provisioned by a concurrent run)'); return; }
    if (force || !node24Ready()) provisionNode24();
    if (force || !codeServerReady()) provisionCodeServer();
    log(`done (${summary})`);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  console.error(`[provision] FAILED: ${e.message}`);
  process.exit(1);
}
