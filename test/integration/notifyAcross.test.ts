// A restore the admin started on one connection is announced when it finishes even though another connection
// is active by then, in the real host against the launcher's emulator: the watch list follows it through a
// background copy of its own connection, and the notice names the unit, where it went and the connection.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { WORKLOADS } from '../../src/backup/model';
import type { CompletionNoticeShown } from '../../src/extension/completionNotifier';
import { control, seededDrafts, testApi, unitNamesOf, until } from './helpers';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const onedrive = WORKLOADS.find((w) => w.id === 'oneDrive')!;

describe('completion notices across connections', function () {
  this.timeout(180_000);

  it('announces a restore started on one connection that finishes while another is active, naming the unit, where it went and the connection', async () => {
    const ext = await testApi();
    await control('reset', { seed: 'demo' });
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    const home = ext.connections.activeId;
    const homeLabel = (await ext.hubs.active()).label;
    const draft = (await seededDrafts()).find((s) => s['@odata.type']?.includes('oneDrive'));
    assert.ok(draft, 'the demo seed has a OneDrive draft with artifacts');
    const [unitName] = await unitNamesOf(onedrive.sessionCollection, onedrive.standardArtifacts.nav, draft.id);
    const notices: CompletionNoticeShown[] = [];
    const listening = ext.notices.onDidNotify((notice) => notices.push(notice));
    const confirm = ext.ui.confirm;
    ext.ui.confirm = async () => true;
    await settings.update('autoRefresh.intervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await settings.update('connections', [{ id: 'second-emulator', label: 'Second emulator', kind: 'emulator', signIn: 'none', apiVersion: 'v1.0' }], vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('restoreSessions.activateSession', draft.id);
      await ext.connections.switchTo('second-emulator');
      assert.strictEqual((await ext.hubs.active()).connectionId, 'second-emulator', 'another connection is active now');
      await control('clock/advance', { seconds: 7200 });

      const notice = await until('the completion notice from the inactive connection', () => notices.find((n) => n.sessionId === draft.id), 60_000);
      assert.strictEqual(notice.connectionId, home, 'announced for the connection it was started on');
      assert.strictEqual(ext.connections.activeId, 'second-emulator', 'the notice did not switch connections');
      assert.ok(notice.text.startsWith(unitName), `the notice names the unit: ${notice.text}`);
      assert.match(notice.text, /Restored to /, `the notice says where it went: ${notice.text}`);
      assert.ok(notice.text.includes(`Connection "${homeLabel}", not the active one`), `the notice names the connection: ${notice.text}`);
      assert.doesNotMatch(notice.text, GUID);
    } finally {
      listening.dispose();
      ext.ui.confirm = confirm;
      if (ext.connections.activeId !== home) await ext.connections.switchTo(home);
      await settings.update('connections', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('autoRefresh.intervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
