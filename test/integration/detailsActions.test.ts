// What the details panel says after an action, in the real host against the launcher's emulator: a refused
// Activate shows the service's words with the request-id (never "The session is draft."), and a declined
// confirmation shows that nothing happened. Both leave the session a draft on the service. And a panel keeps
// the connection it was opened on: after a switch it still names that connection and stops polling.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import type { DetailsPanel } from '../../src/extension/webview/detailsPanel';
import { PROTOCOL_VERSION, type HostMessage } from '../../src/protocol/details';
import { control, graph, leaveNothingOpen, openPanel, seededDrafts, testApi, until } from './helpers';

/** Presses Activate on the page and returns the notices the panel posted meanwhile. */
async function activateFromPage(panel: DetailsPanel): Promise<Extract<HostMessage, { type: 'notice' }>[]> {
  const notices: Extract<HostMessage, { type: 'notice' }>[] = [];
  const listening = panel.onDidPost((m) => {
    if (m.type === 'notice') notices.push(m);
  });
  try {
    await panel.receive({ type: 'action', version: PROTOCOL_VERSION, action: 'activate' });
  } finally {
    listening.dispose();
  }
  return notices;
}

describe('session details panel: the outcome of Activate', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;

  before(async function () {
    ext = await testApi();
    await control('reset', { seed: 'demo' });
  });

  leaveNothingOpen(() => ext);

  it('shows the service refusing to activate an empty draft, with the request-id', async () => {
    const workload = WORKLOADS[0];
    const empty = await graph<RestoreSession>(workload.sessionCollection, { method: 'POST', body: '{}' });
    const panel = await openPanel(ext, empty.id);
    await panel.whenReady();
    ext.ui.confirm = async () => true;
    const notices = await activateFromPage(panel);
    const errors = notices.filter((n) => n.level === 'error');
    assert.strictEqual(errors.length, 1, `one error notice; got ${JSON.stringify(notices)}`);
    assert.match(errors[0].text, /InvalidArtifactRequest: The restore session has no artifacts/);
    assert.match(errors[0].text, /request-id [0-9a-f-]{36}/i, 'the notice names the request-id for a support case');
    assert.ok(!notices.some((n) => /is draft/i.test(n.text)), 'no "the session is draft" after a refusal');
    assert.strictEqual((await graph<RestoreSession>(`restoreSessions/${empty.id}`)).status, 'draft');
  });

  it('shows a declined confirmation as cancelled and sends no activation', async () => {
    const [draft] = await seededDrafts();
    const panel = await openPanel(ext, draft.id);
    await panel.whenReady();
    let asked = '';
    ext.ui.confirm = async (message) => {
      asked = message;
      return false;
    };
    const notices = await activateFromPage(panel);
    assert.match(asked, /^(Restore .+ to a new location|Overwrite .+)\?$/, 'the activation confirmation was asked');
    assert.deepStrictEqual(notices.map((n) => n.level), ['info'], `one notice; got ${JSON.stringify(notices)}`);
    assert.match(notices[0].text, /cancelled/i);
    assert.strictEqual((await graph<RestoreSession>(`restoreSessions/${draft.id}`)).status, 'draft');
    assert.strictEqual(panel.session?.status, 'draft');
  });

  it('keeps the connection it was opened on: after a switch its name stays and polling stops, until switched back', async () => {
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    await settings.update('connections', [{ id: 'second', label: 'Second tenant', kind: 'emulator', signIn: 'none', apiVersion: 'v1.0' }], vscode.ConfigurationTarget.Global);
    const home = ext.connections.activeId;
    try {
      const [draft] = await seededDrafts();
      const panel = await openPanel(ext, draft.id);
      await panel.whenReady();
      const label = panel.lastSnapshot!.connectionLabel;
      assert.ok(panel.lastSnapshot!.live.polling, 'a draft panel of the active connection polls');

      await ext.connections.switchTo('second');
      const away = await until('the panel to stop polling', () => (panel.lastSnapshot?.live.polling === false ? panel.lastSnapshot : undefined));
      assert.strictEqual(away.connectionLabel, label, 'the panel still names its own connection');
      assert.match(away.live.reason, /not the active one/);
      await panel.refresh('refresh');
      assert.match(panel.lastSnapshot!.error ?? '', /not the active connection/, 'a refresh says why it cannot read');
      assert.notStrictEqual(panel.lastSnapshot!.connectionLabel, 'Second tenant');

      await ext.connections.switchTo(home);
      await until('polling again', () => (panel.lastSnapshot?.live.polling ? true : undefined));
      await panel.refresh('refresh');
      assert.strictEqual(panel.lastSnapshot!.error, undefined);
    } finally {
      if (ext.connections.activeId !== home) await ext.connections.switchTo(home);
      await settings.update('connections', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
