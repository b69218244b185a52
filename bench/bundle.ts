// Bundle size: runs the project's own `node esbuild.js --production` in a scratch directory whose `src`,
// `node_modules`, `package.json`, `tsconfig.json` and `esbuild.js` link to the repository, so dist/ and media/
// of the working tree are left alone and any change to esbuild.js is measured as it is. A second build of the
// same entry with `metafile` (bundle.ts's own options, for the breakdown only) says which packages dominate.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface BundleReport {
  /** dist/extension.js of `node esbuild.js --production`, KiB. */
  bundleKB: number;
  /** KiB per package or source folder, largest first (from the metafile build). */
  breakdown: { module: string; kb: number }[];
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
    execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, file: path.join(dir, 'dist', 'extension.js'), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function measureBundle(build: ProductionBuild): Promise<BundleReport> {
  const bytes = fs.statSync(build.file).size;
  return { bundleKB: bytes / 1024, breakdown: await breakdown(build.dir) };
}

async function breakdown(scratch: string): Promise<{ module: string; kb: number }[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: ['src/extension/extension.ts'],
    outfile: path.join(scratch, 'meta', 'extension.js'),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const groups = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const parts = file.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
    groups.set(key, (groups.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]).map(([module, bytes]) => ({ module, kb: bytes / 1024 }));
}
