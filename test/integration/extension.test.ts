// The extension as VS Code sees it: installed, activates, and everything its manifest contributes is
// registered. Everything is read from the manifest, so these tests grow with package.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activated, extension, manifest } from './helpers';

describe('extension', () => {
  it('is installed in the extension host', () => {
    const ext = extension();
    assert.strictEqual(ext.id.toLowerCase(), EXTENSION_ID);
    console.log(`    host: vscode ${vscode.version}, node ${process.versions.node}, uiKind ${vscode.env.uiKind}, remote ${vscode.env.remoteName ?? '-'}`);
  });

  it('activates', async () => {
    const ext = await activated();
    assert.ok(ext.isActive, 'extension is not active after activate()');
  });

  it('registers every command contributed in package.json', async () => {
    await activated();
    const contributed = (manifest().contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    console.log(`    ${contributed.length} contributed commands registered`);
  });

  it('contributes views that can be opened', async () => {
    await activated();
    const views = Object.values(manifest().contributes?.views ?? {}).flat();
    for (const view of views) {
      // VS Code registers `<viewId>.focus` for every contributed view; running it opens the view.
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
    console.log(`    ${views.length} contributed views opened`);
  });

  it('contributes settings with defaults', () => {
    const cfg = manifest().contributes?.configuration;
    const sections = Array.isArray(cfg) ? cfg : cfg ? [cfg] : [];
    for (const section of sections) {
      for (const key of Object.keys(section.properties ?? {})) {
        const inspected = vscode.workspace.getConfiguration().inspect(key);
        assert.ok(inspected, `setting ${key} is not known to VS Code`);
      }
    }
  });
});
