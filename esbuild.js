// Bundles the extension (Node extension host, `vscode` external), the emulator CLI, and the webview page.
//
// The extension's main file holds only what activation and the tree need. Three heavy parts live in files of
// their own beside it and are required on first use: undici (the HTTP stack, on the first request), msal-node
// (on the first sign-in) and the emulator (when the emulator connection is first used; dist/emulator.js is
// also the emulator CLI). The sources load them with a lazy `require`, which `lazyFiles` points at those files.
const fs = require('fs');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

/** Module requests in the extension's sources → the separate file (next to dist/extension.js) that serves them. */
const LAZY_FILES = { undici: './undici.js', '@azure/msal-node': './msal.js', '../emulator': './emulator.js' };

const lazyFiles = {
  name: 'lazy-files',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_FILES).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: LAZY_FILES[args.path], external: true }));
  },
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const targets = [
  {
    ...node,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazyFiles],
  },
  { ...node, entryPoints: [require.resolve('undici')], outfile: 'dist/undici.js' },
  { ...node, entryPoints: [require.resolve('@azure/msal-node')], outfile: 'dist/msal.js' },
  { ...node, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator.js' },
  {
    // The session details page: browser code, one IIFE loaded by the webview under a nonce CSP.
    ...common,
    entryPoints: ['src/webview/details/main.ts'],
    outfile: 'media/details.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** The emulator's $metadata reads Microsoft's CSDL from beside the bundle (src/emulator/metadata/metadata.ts). */
function copyMetadata() {
  fs.mkdirSync('dist/metadata', { recursive: true });
  for (const file of ['graph-v1-backup-csdl.xml', 'beta-backup-csdl.xml']) fs.copyFileSync(`src/emulator/metadata/${file}`, `dist/metadata/${file}`);
}

async function main() {
  copyMetadata();
  if (watch) {
    for (const options of targets) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    console.log('esbuild: watching for changes');
    return;
  }
  // A production build writes no source maps; drop a stale one so it is not packaged next to the page.
  if (production) fs.rmSync('media/details.js.map', { force: true });
  await Promise.all(targets.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
