// Connections and exports as an admin meets them, in the real host against the launcher's emulator: adding a
// Graph connection through the Add Connection wizard leaves the emulator active (the toast offers "Switch Now"),
// and an open details panel keeps its connection and keeps polling; Copy Session JSON in the tree and the panel's
// Copy JSON copy the same document (the session with its artifacts) and both say what they copied.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { Node, SessionNode } from '../../src/extension/tree/nodes';
import { PROTOCOL_VERSION, type HostMessage } from '../../src/protocol/details';
import { answering, control, openPanel, seededDrafts, testApi, until } from './helpers';

/** The tree's session rows (the first page of every workload, as the explorer shows them). */
async function sessionRows(ext: ExtensionApi): Promise<Node[]> {
  const [connection] = await ext.tree.getChildren();
  const rows: Node[] = [];
  for (const workloadNode of await ext.tree.getChildren(connection)) rows.push(...await ext.tree.getChildren(workloadNode));
  return rows;
}

describe('panelx: connections keep their place, copies agree', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;

  before(async () => {
    ext = await testApi();
    await control('reset', { seed: 'demo' });
  });

  afterEach(() => {
    for (const panel of ext?.details.all() ?? []) panel.dispose();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('adds a Graph connection without switching to it: the emulator stays active and an open panel keeps its connection', async () => {
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    const home = ext.connections.activeId;
    const [draft] = await seededDrafts();
    const panel = await openPanel(ext, draft.id);
    await panel.whenReady();
    await until('the panel to show the session', () => panel.lastSnapshot?.header.status);
    const label = panel.lastSnapshot!.connectionLabel;
    const offers: { message: string; choices: unknown[] }[] = [];
    try {
      await answering({
        showQuickPick: async (items, options) => {
          const list = (await items) as vscode.QuickPickItem[];
          const title = (options as vscode.QuickPickOptions).title ?? '';
          if (/where to/.test(title)) return list.find((i) => i.label === 'Microsoft Graph');
          if (/API version/.test(title)) return list.find((i) => i.label === 'v1.0');
          if (/sign-in method/.test(title)) return list[0];
          throw new Error(`unexpected pick "${title}"`);
        },
        showInputBox: async (options) => {
          const title = (options as vscode.InputBoxOptions).title ?? '';
          if (/name/.test(title)) return 'Fabrikam production';
          if (/tenant/.test(title)) return 'fabrikam.onmicrosoft.com';
          if (/client id/.test(title)) return '11111111-2222-3333-4444-555555555555';
          throw new Error(`unexpected input "${title}"`);
        },
        // The admin reads the offer and lets it go.
        showInformationMessage: async (message, ...choices) => {
          offers.push({ message: String(message), choices });
          return undefined;
        },
      }, () => vscode.commands.executeCommand('restoreSessions.addConnection'));

      const added = ext.connections.list().find((c) => c.label === 'Fabrikam production');
      assert.ok(added, 'the connection was saved');
      assert.strictEqual(added.kind, 'graph');
      assert.strictEqual(ext.connections.activeId, home, 'adding a connection does not switch to it');
      assert.strictEqual((await ext.hubs.active()).connectionId, home, 'the view reads the same connection');
      assert.strictEqual(offers.length, 1, `one offer after adding; got ${JSON.stringify(offers)}`);
      assert.match(offers[0].message, /Added the connection "Fabrikam production"\. The active connection is still "[^"]+"/);
      assert.ok(offers[0].choices.includes('Switch Now'), `"Switch Now" is offered; got ${JSON.stringify(offers[0].choices)}`);

      await panel.refresh('refresh');
      const shown = panel.lastSnapshot!;
      assert.strictEqual(shown.connectionLabel, label, 'the panel still names its own connection');
      assert.strictEqual(shown.error, undefined, 'the panel still reads its session');
      assert.ok(shown.live.polling, 'the panel keeps polling: its connection is still the active one');
    } finally {
      if (ext.connections.activeId !== home) await ext.connections.switchTo(home);
      await settings.update('connections', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('copies the same JSON from the tree and from the panel, artifacts included, and says so', async () => {
    const drafts = await seededDrafts();
    ext.tree.refreshAll(); // the lists loaded before the emulator's reset hold sessions it no longer has
    const rows = await sessionRows(ext);
    const row = rows.find((n): n is SessionNode => n.kind === 'session' && drafts.some((d) => d.id === n.session.id));
    assert.ok(row, `a seeded draft with artifacts is on the first page of its workload; rows: ${rows.map((n) => `${n.kind} ${n.id}`).join(', ')}`);
    const toasts: string[] = [];
    await answering({
      showInformationMessage: async (message) => {
        toasts.push(String(message));
        return undefined;
      },
    }, () => vscode.commands.executeCommand('restoreSessions.copySessionJson', row));
    const fromTree = await vscode.env.clipboard.readText();

    await vscode.env.clipboard.writeText('');
    const panel = await openPanel(ext, row.session.id);
    await panel.whenReady();
    const notices: string[] = [];
    const listening = panel.onDidPost((m: HostMessage) => {
      if (m.type === 'notice') notices.push(`${m.level}: ${m.text}`);
    });
    try {
      await panel.receive({ type: 'action', version: PROTOCOL_VERSION, action: 'copyJson' });
    } finally {
      listening.dispose();
    }
    const fromPanel = await vscode.env.clipboard.readText();

    assert.strictEqual(fromPanel, fromTree, 'the tree and the panel copy the same document');
    const doc = JSON.parse(fromTree) as Record<string, unknown>;
    const artifacts = doc[row.workload.standardArtifacts.nav];
    assert.ok(Array.isArray(artifacts) && artifacts.length > 0, `the copy holds the artifacts under ${row.workload.standardArtifacts.nav}`);
    assert.strictEqual(doc.id, row.session.id);
    const said = new RegExp(`^Copied the JSON of .+ \\(${artifacts.length} artifacts?\\)\\.$`);
    assert.strictEqual(toasts.length, 1, `one toast from the tree; got ${JSON.stringify(toasts)}`);
    assert.match(toasts[0], said);
    assert.doesNotMatch(toasts[0], /[0-9a-f]{8}-[0-9a-f]{4}-/i, 'the toast names the restore, not an id');
    assert.deepStrictEqual(notices, [`info: ${toasts[0]}`], 'the panel says the same');
  });
});
