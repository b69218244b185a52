#!/usr/bin/env node
// `npm run package`: production bundle, then `vsce package` into <name>-<version>.vsix at the repo root.
// Checks that the package holds only what the extension needs at run time (dist/extension.js, media,
// package.json, README, licence/changelog; no sources, tests, maps or node_modules) and prints its size.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
// No repository yet: the README's screenshots (docs/images) stay relative links, which vsce would otherwise refuse
// to package without a repository URL to rewrite them against.
const VSCE_ARGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 300000, ...opts });
  if (r.status !== 0) {
    process.stdout.write(r.stdout || '');
    process.stderr.write(r.stderr || '');
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.error ? r.error.message : r.status ?? r.signal})`);
  }
  return r.stdout;
}

try {
  run(process.execPath, ['esbuild.js', '--production'], { stdio: 'inherit' });
  // the production build writes no source maps; maps left by a development build are stale now, and
  // .vscodeignore cannot exclude them (in vsce a "!media/**" re-include wins over "media/**/*.map")
  for (const dir of ['dist', 'media']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir), { recursive: true })) {
      if (String(f).endsWith('.map')) fs.rmSync(path.join(ROOT, dir, String(f)));
    }
  }
  const files = run(process.execPath, [vsce, 'ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean);
  const allowed = /^(dist\/(extension|undici|msal|emulator|protectionChanges|granularFlows)\.js|dist\/metadata\/[\w-]+\.xml|package\.json|package\.nls\.json|l10n\/bundle\.l10n(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE(\.md|\.txt)?|media\/.+)$/;
  const bad = files.filter((f) => !allowed.test(f) || /\.map$|(^|\/)(node_modules|src|test|out)\//.test(f));
  if (bad.length) throw new Error(`unexpected files would be packaged (fix .vscodeignore):\n  ${bad.join('\n  ')}`);
  // dist/metadata: the CSDL the emulator's $metadata serves (esbuild.js copies it there).
  for (const f of ['dist/extension.js', 'dist/undici.js', 'dist/msal.js', 'dist/emulator.js', 'dist/protectionChanges.js', 'dist/granularFlows.js', 'dist/metadata/graph-v1-backup-csdl.xml']) if (!files.includes(f)) throw new Error(`${f} would not be packaged`);
  fs.rmSync(vsix, { force: true });
  run(process.execPath, [vsce, 'package', ...VSCE_ARGS, '-o', vsix], { stdio: 'inherit' });
  const size = fs.statSync(vsix).size;
  console.log(`${path.basename(vsix)}: ${files.length} files, ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);
  for (const f of files) console.log(`  ${f}`);
} catch (e) {
  console.error(`package: ${e.message}`);
  process.exit(1);
}
