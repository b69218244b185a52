// The extension as VS Code sees it: installed, activates, and everything its manifest contributes is
// registered. Everything is read from the manifest, so these tests grow with package.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activated, extension, manifest, testApi, until } from './helpers';

const EXPLORER = 'restoreSessions.explorer';

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

  it('contributes views that open and become visible', async () => {
    const ext = await testApi();
    const ours: Record<string, { visible: boolean }> = { [EXPLORER]: ext.view, 'restoreSessions.protection': ext.protection.view };
    const views = Object.values(manifest().contributes?.views ?? {}).flat();
    assert.ok(views.length > 0, 'the manifest contributes views');
    for (const view of views) {
      const shown = ours[view.id];
      assert.ok(shown, `the test knows how to check the view ${view.id}`);
      // VS Code registers `<viewId>.focus` for every contributed view; running it opens the view.
      await vscode.commands.executeCommand(`${view.id}.focus`);
      await until(`${view.id} to be visible`, () => (shown.visible ? true : undefined));
    }
    console.log(`    ${views.length} contributed view(s) opened and visible`);
  });

  it('contributes settings that VS Code knows, with their declared defaults', () => {
    const cfg = manifest().contributes?.configuration;
    const sections = Array.isArray(cfg) ? cfg : cfg ? [cfg] : [];
    const keys = sections.flatMap((section) => Object.entries(section.properties ?? {}));
    assert.ok(keys.length > 0, 'the manifest contributes settings');
    for (const [key, declared] of keys) {
      // An unknown key is inspected with no default at all, so a setting VS Code did not register fails here.
      const inspected = vscode.workspace.getConfiguration().inspect(key);
      assert.deepStrictEqual(inspected?.defaultValue, declared.default, `default of ${key}`);
    }
  });
});
