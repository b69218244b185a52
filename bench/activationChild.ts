// Times activation in a fresh Node process, as a stand-in for the extension host (which does the same two steps:
// require the `main` file, then call `activate`): `node activationChild.js <file.js>` prints
// {"requireMs", "activateMs", "loaded": {...}} on stdout. `vscode` is the do-nothing stub of vscodeStub.ts. With
// the tsc output (out/src/extension/extension.js) instead of the bundle, `loaded` tells which heavy modules the
// activation pulled in (msal-node, the emulator, undici).
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { extensionContext, vscodeStub } from './vscodeStub';

const file = path.resolve(process.argv[2]);
const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const original = loader._load;
loader._load = function (request: string, parent: unknown, isMain: boolean): unknown {
  if (request === 'vscode') return vscodeStub;
  return original.call(this, request, parent, isMain);
};

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(file) as { activate(context: unknown): unknown };
const t1 = performance.now();
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-sessions-activation-'));
const context = extensionContext(path.resolve(__dirname, '../..'), storage, '0.0.0-bench');
extension.activate(context);
const t2 = performance.now();

const loadedFiles = Object.keys(require.cache);
const has = (pattern: RegExp) => loadedFiles.some((f) => pattern.test(f.split(path.sep).join('/')));
/** How the first module matching `pattern` got loaded: its chain of importers, outermost last (repo-relative). */
function chainOf(pattern: RegExp): string[] {
  const repo = path.resolve(__dirname, '../..') + path.sep;
  const hit = loadedFiles.find((f) => pattern.test(f.split(path.sep).join('/')));
  const chain: string[] = [];
  for (let m: NodeJS.Module | null | undefined = hit ? require.cache[hit] : undefined; m && chain.length < 12; m = m.parent) {
    chain.push(m.filename.replace(repo, ''));
  }
  return chain;
}

process.stdout.write(JSON.stringify({
  requireMs: t1 - t0,
  activateMs: t2 - t1,
  loaded: {
    msalNode: has(/node_modules\/@azure\/msal-node\//),
    emulator: has(/\/src\/emulator\//),
    undici: has(/node_modules\/undici\//),
  },
  chains: {
    msalNode: chainOf(/node_modules\/@azure\/msal-node\//),
    emulator: chainOf(/\/src\/emulator\//),
    undici: chainOf(/node_modules\/undici\//),
  },
}) + '\n');
// Activation may have scheduled timers or opened handles (auto-refresh); the measurement is done.
fs.rmSync(storage, { recursive: true, force: true });
process.exit(0);
