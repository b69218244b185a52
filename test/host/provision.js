#!/usr/bin/env node
// Idempotent provisioning of the headless VS Code host under .vscode-test/ (ignored by git):
//   - apt: chromium (the browser that opens the workbench) and libkrb5-dev (headers for code-server's
//     kerberos addon), installed only when missing (apt-get update runs only then);
//   - .vscode-test/node24:      npm package node@<pin> (Node 24 binary + headers);
//   - .vscode-test/code-server: npm package code-server@<pin>, installed by npm running on Node 24 (its
//     postinstall refuses other majors and builds native addons with node-gyp against Node 24's headers).
// playwright-core is a devDependency of the project (driver only, it downloads no browser).
// A stamp file keyed on the pins makes a second run take well under a second.
//   node test/host/provision.js [--force]
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const host = require('./host');

const t0 = Date.now();
const log = (msg) => console.log(`[provision ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const STAMP = path.join(host.CACHE, 'provisioned.json');
const LOCK = path.join(host.CACHE, 'provision.lock');
const WANT = { ...host.PINS, platform: `${process.platform}-${process.arch}` };

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

function ensureApt() {
  if (process.platform !== 'linux') { log('not Linux: skipping apt (install chromium yourself and set CHROMIUM)'); return; }
  const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
  if (!hasDpkg) { log('no dpkg: make sure chromium and the krb5 headers are installed'); return; }
  const missing = aptPackagesMissing(['chromium', 'libkrb5-dev']);
  if (!missing.length) return;
  const sudo = process.getuid && process.getuid() !== 0 ? ['sudo', '-n'] : [];
  log(`apt: installing ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { env, stdio: 'pipe', encoding: 'utf8' };
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args], opts) : run('apt-get', args, opts));
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', ...missing]);
}

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

function readStamp() {
  try { return JSON.parse(fs.readFileSync(STAMP, 'utf8')); } catch { return null; }
}
function upToDate() {
  const s = readStamp();
  return s && Object.keys(WANT).every((k) => s[k] === WANT[k])
    && fs.existsSync(host.CODE_SERVER_BIN) && fs.existsSync(path.join(host.NODE24_BIN_DIR, 'node'));
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
  ensureApt();
  if (!force && upToDate()) { log(`up to date (node ${WANT.node}, code-server ${WANT.codeServer})`); return; }
  acquireLock();
  try {
    if (!force && upToDate()) { log('up to date (provisioned by a concurrent run)'); return; }
    fs.rmSync(STAMP, { force: true });
    log(`Node ${WANT.node} from npm -> ${path.relative(host.ROOT, host.NODE24_DIR)}`);
    npmInstallInto(host.NODE24_DIR, { node: WANT.node }, host.cleanEnv());
    const v = spawnSync(path.join(host.NODE24_BIN_DIR, 'node'), ['-v'], { encoding: 'utf8' }).stdout.trim();
    if (v !== `v${WANT.node}`) throw new Error(`expected node v${WANT.node}, got ${v}`);
    if (!fs.existsSync(path.join(host.N24_HOME, 'include/node/node.h'))) throw new Error(`no Node headers in ${host.N24_HOME}`);
    log(`code-server ${WANT.codeServer} built with Node ${v} (native addons, about 2 min) -> ${path.relative(host.ROOT, host.CS_DIR)}`);
    fs.rmSync(path.join(host.CS_DIR, 'node_modules'), { recursive: true, force: true });
    npmInstallInto(host.CS_DIR, { 'code-server': WANT.codeServer }, host.node24Env());
    const cv = codeServerVersion();
    if (!cv.startsWith(WANT.codeServer)) throw new Error(`code-server --version printed: ${cv}`);
    log(`code-server --version: ${cv}`);
    fs.writeFileSync(STAMP, JSON.stringify({ ...WANT, at: new Date().toISOString() }, null, 2) + '\n');
    log('done');
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
