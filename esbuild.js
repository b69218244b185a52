// Bundles the extension (Node extension host, `vscode` external), the emulator CLI, and the webview page.
//
// The extension's main file holds only what activation and the tree need. Five heavy parts live in files of
// their own beside it and are required on first use: undici (the HTTP stack, on the first request), msal-node
// (on the first sign-in), the emulator (when the emulator connection is first used; dist/emulator.js is
// also the emulator CLI), the protection-change commands (on the first one run; changes are opt-in) and the
// granular restore flows (on the first Create Granular … Restore). The sources load them with a lazy `require`,
// which `lazyFiles` and `LAZY_COMMANDS` point at those files.
//
// The lazy command files share our own modules with the main file (the localizer, the error classifier, the
// model), and a second copy would be a second localizer never given the language and a second GraphError that
// `instanceof` does not recognise. So the main file exports the very bindings they import (`__shared`), and in
// their files each such module is a stub that reads them from `require('./extension.js')` (the module the host
// has loaded, so the same instances). A module of ours in two lazy files and not in the main one fails the build:
// nothing is bundled twice. `--watch` keeps them all in the main file.
const fs = require('fs');
const path = require('path');
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
/** Commands bundled apart and required on first use: their lazy request, entry point and file (see the header). */
const LAZY_COMMANDS = [
  { request: './commandFamilies', entry: 'src/extension/protection/changes/commandFamilies.ts', file: './protectionChanges.js' },
  { request: './granular/flows', entry: 'src/extension/commands/granular/flows.ts', file: './granularFlows.js' },
];

const lazyFiles = {
  name: 'lazy-files',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_FILES).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: LAZY_FILES[args.path], external: true }));
  },
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const extension = { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyFiles] };

/** The lazy commands' requests resolved to their own files (unset, esbuild bundles them into the main file). */
const lazyCommandFiles = {
  name: 'lazy-command-files',
  setup(build) {
    const byRequest = new Map(LAZY_COMMANDS.map((c) => [c.request, c.file]));
    const filter = new RegExp(`^(${LAZY_COMMANDS.map((c) => c.request.replace(/[./]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: byRequest.get(args.path), external: true }));
  },
};

/**
 * Resolves each of our modules that the main file holds (`inMain`, paths relative to the project) to `shared:`:
 * `scan` leaves it as an external import (whose names the scan reads), otherwise it becomes the stub that takes
 * the main file's bindings.
 */
function sharedModules(inMain, scan) {
  return {
    name: 'shared-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' });
        const file = path.relative(process.cwd(), resolved.path).split(path.sep).join('/');
        if (!inMain.has(file)) return resolved;
        return scan ? { path: `shared:${file}`, external: true } : { path: file, namespace: 'shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
        contents: `module.exports = require('./extension.js').__shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/** The names a lazy command file imports from each module the main file holds, read off an ES module build. */
async function sharedNames(lazy, inMain) {
  const scan = await esbuild.build({ ...node, entryPoints: [lazy.entry], external: ['vscode'], format: 'esm', minify: false, sourcemap: false, write: false, metafile: true, outfile: 'scan.mjs', plugins: [lazyFiles, lazyCommandFiles, sharedModules(inMain, true)] });
  const text = scan.outputFiles.find((f) => f.path.endsWith('.mjs')).text;
  const names = new Map();
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"shared:([^"]+)"/g)) {
    const set = names.get(m[2]) ?? new Set();
    for (const name of m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean)) set.add(name);
    names.set(m[2], set);
  }
  const other = text.replace(/import\s*\{[^}]*\}\s*from\s*"shared:[^"]+";?/g, '');
  if (other.includes('"shared:')) throw new Error(`${lazy.entry}: import shared modules by name only (no namespace or default import)`);
  const own = Object.keys(scan.metafile.inputs).filter((f) => f.startsWith('src/'));
  return { names, own };
}

/** The main file and the lazy command files (dist/protectionChanges.js, …), with nothing of ours in two (see the header). */
async function buildExtension() {
  const first = await esbuild.build({ ...extension, plugins: [lazyFiles, lazyCommandFiles], write: false, metafile: true, minify: false, sourcemap: false });
  const inMain = new Set(Object.keys(first.metafile.inputs));
  const names = new Map();
  const ownerOf = new Map();
  for (const lazy of LAZY_COMMANDS) {
    const scanned = await sharedNames(lazy, inMain);
    for (const [file, set] of scanned.names) names.set(file, new Set([...(names.get(file) ?? []), ...set]));
    for (const file of scanned.own) {
      if (ownerOf.has(file)) throw new Error(`${file} would be bundled into both ${ownerOf.get(file)} and ${lazy.file}: import it from the main file too, or from one of them only`);
      ownerOf.set(file, lazy.file);
    }
    await esbuild.build({ ...node, entryPoints: [lazy.entry], outfile: `dist/${path.basename(lazy.file)}`, external: ['vscode', './extension.js'], plugins: [lazyFiles, lazyCommandFiles, sharedModules(inMain, false)] });
  }
  const files = [...names.keys()];
  const alias = (i, name) => `shared${i}_${name}`;
  const entry = [
    `export * from './${extension.entryPoints[0]}';`,
    ...files.map((f, i) => `import { ${[...names.get(f)].map((n) => `${n} as ${alias(i, n)}`).join(', ')} } from './${f}';`),
    `export const __shared = { ${files.map((f, i) => `${JSON.stringify(f)}: { ${[...names.get(f)].map((n) => `${n}: ${alias(i, n)}`).join(', ')} }`).join(', ')} };`,
  ].join('\n');
  const { entryPoints: _entry, ...rest } = extension;
  await esbuild.build({ ...rest, stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'extension-entry.ts' }, plugins: [lazyFiles, lazyCommandFiles] });
}

const targets = [
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
    for (const options of [extension, ...targets]) {
      const context = await esbuild.context(options);
      await context.watch();
    }
    console.log('esbuild: watching for changes');
    return;
  }
  // A production build writes no source maps; drop a stale one so it is not packaged next to the page.
  if (production) fs.rmSync('media/details.js.map', { force: true });
  await Promise.all([buildExtension(), ...targets.map((options) => esbuild.build(options))]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
