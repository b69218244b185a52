// Bundles the extension (Node extension host, `vscode` external), the emulator CLI, and the webview page.
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

const targets = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/emulator/cli.ts'],
    outfile: 'dist/emulator.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
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

async function main() {
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
