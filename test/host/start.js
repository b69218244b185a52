#!/usr/bin/env node
// `npm start`: a ready-to-use development host for the extension.
//   1. provisions the headless host (test/host/provision.js; quick when already done) and builds (esbuild),
//      then keeps esbuild watching so that "Developer: Reload Window" picks up edits;
//   2. starts the emulator CLI with the demo seed (EMULATOR_PORT, default a free port);
//   3. desktop `code` on PATH (and RESTORE_SESSIONS_HOST != code-server): opens it with
//      --extensionDevelopmentPath on .vscode-test/workspace (its .vscode/settings.json points
//      restoreSessions.emulator.url at the emulator);
//      otherwise: code-server on 127.0.0.1:<PORT, default 8080 or a free port> with the extension folder
//      symlinked into its extensions dir and restoreSessions.emulator.url in its user settings (state kept in
//      .vscode-test/start between runs), protected by a password generated for this run (code-server
//      `--auth password`, PASSWORD in its environment), and prints the URL and the password.
// Ctrl-C (SIGINT/SIGTERM/SIGHUP) stops every process group it started.
//   node test/host/start.js [--port N] [--no-watch] [--code-server]

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const host = require('./host');

const argv = process.argv.slice(2);
const argValue = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const log = (msg) => console.log(`[start] ${msg}`);
const manifest = host.readManifest();
const WORKSPACE = path.join(host.CACHE, 'workspace');
const STATE = path.join(host.CACHE, 'start');

const groups = []; // { name, pid }
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const g of groups.reverse()) { await host.stopGroup(g.pid); }
  log('stopped');
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { console.log(); log(`${sig}: stopping`); stopAll(0); });

function watchGroup(name, proc) {
  groups.push({ name, pid: proc.pid });
  proc.on('exit', (code, signal) => {
    if (!stopping) { log(`${name} exited (${code ?? signal}); stopping everything`); stopAll(1); }
  });
}

function onPath(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir || dir.startsWith(path.join(host.ROOT, 'node_modules'))) continue;
    const p = path.join(dir, cmd);
    try { fs.accessSync(p, fs.constants.X_OK); if (fs.statSync(p).isFile()) return p; } catch { /* next */ }
  }
  return undefined;
}

async function portFree(port) {
  const net = require('net');
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: host.ROOT, stdio: 'inherit', timeout: 30 * 60 * 1000 });
  if (r.status !== 0) { log(`${path.basename(args[0] || cmd)} failed`); process.exit(1); }
}

/** The emulator's URL and control token for the extension (no test hooks: this is the product as shipped). */
function emulatorEnv(emu) {
  return { RESTORE_SESSIONS_EMULATOR_URL: emu.url, ...(emu.controlToken ? { [host.CONTROL_TOKEN_ENV]: emu.controlToken } : {}) };
}

async function main() {
  const desktop = process.env.RESTORE_SESSIONS_HOST !== 'code-server' && !argv.includes('--code-server') ? onPath('code') : undefined;
  if (!desktop) run(process.execPath, [path.join(__dirname, 'provision.js')]);
  run(process.execPath, ['esbuild.js']);

  if (!argv.includes('--no-watch')) {
    const watch = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: host.ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    watchGroup('esbuild --watch', watch);
  }

  const emu = await host.startEmulatorCli({ seed: 'demo', port: +(process.env.EMULATOR_PORT || 0), testHooks: false });
  watchGroup('emulator', emu.proc);
  emu.proc.stdout.on('data', () => {}); // keep draining its output
  emu.proc.stderr.on('data', () => {});
  log(`emulator (demo seed) on ${emu.url}`);
  fs.mkdirSync(WORKSPACE, { recursive: true });

  if (desktop) {
    const wsSettings = path.join(WORKSPACE, '.vscode/settings.json');
    fs.mkdirSync(path.dirname(wsSettings), { recursive: true });
    fs.writeFileSync(wsSettings, JSON.stringify({ 'restoreSessions.emulator.url': emu.url }, null, 2) + '\n');
    log(`opening desktop VS Code (${desktop}) with --extensionDevelopmentPath=${host.ROOT}`);
    const code = spawn(desktop, ['--new-window', '--wait', `--extensionDevelopmentPath=${host.ROOT}`, WORKSPACE], {
      stdio: 'inherit', detached: true, env: { ...host.cleanEnv(), ...emulatorEnv(emu) },
    });
    watchGroup('code', code);
    log('close the VS Code window or press Ctrl-C to stop the emulator');
    return;
  }

  // code-server: the extension folder itself, symlinked into the extensions dir (reload the window after edits)
  host.makeState(STATE, { 'restoreSessions.emulator.url': emu.url });
  const extDir = path.join(STATE, 'extensions');
  for (const e of fs.readdirSync(extDir)) {
    if (e.startsWith(`${host.EXTENSION_ID}-`)) fs.rmSync(path.join(extDir, e), { recursive: true, force: true });
  }
  fs.symlinkSync(host.ROOT, path.join(extDir, `${host.EXTENSION_ID}-${manifest.version}`), 'dir');

  let port = +(argValue('--port') || process.env.PORT || 8080);
  if (!(await portFree(port))) { const p = await host.freePort(); log(`port ${port} is busy; using ${p}`); port = p; }
  // anyone who can reach 127.0.0.1 could otherwise drive this workbench (and its terminal): a fresh password per run
  const password = crypto.randomBytes(18).toString('base64url');
  const server = await host.startCodeServer({ stateDir: STATE, port, args: [WORKSPACE], logFile: path.join(STATE, 'server.log'), password, env: emulatorEnv(emu) });
  watchGroup('code-server', server.proc);
  const url = `${server.url}/?folder=${encodeURIComponent(WORKSPACE).replace(/%2F/g, '/')}`;
  console.log('');
  console.log(`  code-server ${host.PINS.codeServer} with ${manifest.displayName} (extension folder symlinked)`);
  console.log(`  emulator:  ${emu.url}   (restoreSessions.emulator.url)`);
  console.log(`  log:       ${path.relative(host.ROOT, path.join(STATE, 'server.log'))}`);
  console.log('');
  console.log(`  Open ${url}`);
  console.log(`  Password:  ${password}   (new at every npm start)`);
  console.log('');
  log('Ctrl-C stops everything');
}

main().catch((e) => { log(`ERROR ${e.message}`); stopAll(1); });

