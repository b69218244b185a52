// Every activation passes the one confirmation policy because only `activateSession` can activate: no file
// of the extension but actions/sessionActions.ts calls the facade's `sessions.activate`, and none but it calls
// `confirmActivation`. A new path that activates on its own fails here (the integration test in
// test/integration/safety.test.ts checks the known paths in the real host).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Files (relative to src/) whose code, comments left out, matches `pattern`. */
function filesCalling(pattern: RegExp): string[] {
  return sourceFiles(SRC)
    .filter((file) => pattern.test(fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
    .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
    .sort();
}

describe('activation paths', () => {
  it('finds the sources it checks', () => {
    assert.ok(sourceFiles(SRC).some((f) => f.endsWith(path.join('actions', 'sessionActions.ts'))), `no src/extension/actions/sessionActions.ts under ${SRC}`);
  });

  it("calls the facade's sessions.activate only from actions/sessionActions.ts", () => {
    // (the emulator's own `activateSession` answers the request; it never calls the facade)
    assert.deepStrictEqual(filesCalling(/\bsessions\s*\.\s*activate\s*\(/), ['extension/actions/sessionActions.ts']);
  });

  it('asks confirmActivation only from actions/sessionActions.ts', () => {
    assert.deepStrictEqual(filesCalling(/\bconfirmActivation\s*\(/).filter((f) => f !== 'extension/actions/confirmActivation.ts'), ['extension/actions/sessionActions.ts']);
  });

  it('builds no activate request path in the extension itself', () => {
    // a path ending in /activate built in src/extension would bypass the facade (exports only write it as text)
    assert.deepStrictEqual(filesCalling(/['"`][^'"`]*\/(microsoft\.graph\.)?activate['"`]/).filter((f) => f.startsWith('extension/')), []);
  });
});
