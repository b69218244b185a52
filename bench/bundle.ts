// Bundle size: runs the project's own `node esbuild.js --production` in a scratch directory whose `src`,
// `node_modules`, `package.json`, `tsconfig.json` and `esbuild.js` link to the repository, so dist/ and media/
// of the working tree are left alone and any change to esbuild.js is measured as it is. A preloaded hook asks
// that same build for its metafile, which says which packages and folders the main bundle is made of.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface BundleReport {
  /** dist/extension.js of `node esbuild.js --production`, KiB. */
  bundleKB: number;
  /** KiB per package or source folder, largest first (from the metafile build). */
  breakdown: { module: string; kb: number }[];
  /** The other files esbuild.js writes next to it (loaded on first use), KiB. */
  siblings: { file: string; kb: number }[];
}

export const REPO = path.resolve(__dirname, '../..');

export interface ProductionBuild {
  /** The scratch copy of dist/extension.js. */
  file: string;
  dir: string;
  dispose(): void;
}

export function buildProduction(): ProductionBuild {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-sessions-bundle-'));
  try {
    for (const name of ['src', 'node_modules', 'package.json', 'tsconfig.json', 'esbuild.js']) {
      fs.symlinkSync(path.join(REPO, name), path.join(dir, name));
    }
    // Preloaded into that run: hands esbuild.js an esbuild whose build() also writes the metafile of
    // dist/extension.js, so the breakdown is of the real build, whatever esbuild.js splits off or marks external.
    fs.writeFileSync(path.join(dir, 'metafile-hook.js'), METAFILE_HOOK);
    execFileSync(process.execPath, ['-r', './metafile-hook.js', 'esbuild.js', '--production'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, file: path.join(dir, 'dist', 'extension.js'), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const METAFILE_HOOK = `
const Module = require('module');
const fs = require('fs');
const load = Module._load;
let wrapped;
Module._load = function (request, parent, isMain) {
  const real = load.call(this, request, parent, isMain);
  if (request !== 'esbuild') return real;
  wrapped ??= { ...real, build: async (options) => {
    const result = await real.build({ ...options, metafile: true });
    if (options.outfile === 'dist/extension.js') fs.writeFileSync('extension.meta.json', JSON.stringify(result.metafile));
    return result;
  } };
  return wrapped;
};
`;

export async function measureBundle(build: ProductionBuild): Promise<BundleReport> {
  const bytes = fs.statSync(build.file).size;
  const dist = path.dirname(build.file);
  const siblings = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'extension.js')
    .map((f) => ({ file: `dist/${f}`, kb: fs.statSync(path.join(dist, f)).size / 1024 }));
  return { bundleKB: bytes / 1024, breakdown: breakdown(build.dir), siblings };
}

function breakdown(dir: string): { module: string; kb: number }[] {
  const metafile = JSON.parse(fs.readFileSync(path.join(dir, 'extension.meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith('extension.js'))?.[1];
  const groups = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    // Inputs are relative to the scratch directory, through the symlinks: make them repository-relative.
    const parts = path.relative(REPO, path.resolve(dir, file)).split(path.sep);
    const at = parts.lastIndexOf('node_modules');
    const key = at >= 0 ? parts.slice(at, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join('/') : parts.slice(0, 2).join('/');
    groups.set(key, (groups.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).map(([module, bytes]) => ({ module, kb: bytes / 1024 }));
}
