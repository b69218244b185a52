// The session details panel in the real extension host, against the emulator the launcher started (demo
// seed): open a panel for a seeded draft, receive its snapshot after the page's ready handshake, activate
// from the panel and watch the status history grow to a terminal status as the emulator clock advances;
// the HTML's CSP; links, compare, exports and delete.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { isTerminalSession, WORKLOADS } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import { HISTORY_SCHEME } from '../../src/extension/webview/historyDocuments';
import { DETAILS_VIEW_TYPE, type HostMessage, PROTOCOL_VERSION } from '../../src/protocol/details';
import { control, openPanel, seededDrafts, testApi, until } from './helpers';


describe('session details panel', function () {
  this.timeout(180_000);
  let ext: ExtensionApi;

  before(async function () {
    ext = await testApi();
    ext.ui.confirm = async () => true;
    await control('reset', { seed: 'demo' });
    ext.tree.refreshAll();
  });

  afterEach(() => {
    for (const panel of ext?.details.all() ?? []) panel.dispose();
  });

  after(async () => {
    // Leave the workbench as we found it: no editors, no notifications (suites that follow wait on toasts).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('opens a panel for a seeded session; the page says ready and receives a full snapshot; opening again reveals it', async () => {
    const [draft] = await seededDrafts();
    assert.ok(draft, 'the demo seed has a draft session with artifacts');
    const posted: HostMessage[] = [];
    await vscode.commands.executeCommand('restoreSessions.openDetails', draft.id);
    const panel = await until('the panel', () => ext.details.get(draft.id));
    panel.onDidPost((m) => posted.push(m));
    await Promise.race([panel.whenReady(), new Promise((_, reject) => setTimeout(() => reject(new Error('the page never posted ready')), 60_000))]);
    const snapshot = await until('a snapshot', () => panel.lastSnapshot?.header.status ? panel.lastSnapshot : undefined);
    assert.strictEqual(snapshot.identity.sessionId, draft.id);
    assert.strictEqual(snapshot.header.status, 'draft');
    assert.strictEqual(snapshot.artifacts.length, draft.restoreSessionArtifactCount?.total);
    assert.ok(snapshot.actions.includes('activate') && snapshot.actions.includes('delete'));
    assert.ok(snapshot.payload[0].response.status === 200 && snapshot.payload[0].response.requestId, 'the payload names its response');
    assert.ok(snapshot.history.snapshots.length >= 1, 'opening records a snapshot');
    console.log(`    page ready; ${snapshot.artifacts.length} artifact(s); ${posted.filter((m) => m.type === 'snapshot').length} snapshot message(s) after ready`);

    await vscode.commands.executeCommand('restoreSessions.openDetails', draft.id);
    assert.strictEqual(ext.details.all().filter((p) => p.identity.sessionId === draft.id).length, 1, 'one panel per session');
    assert.strictEqual(ext.details.get(draft.id), panel);
  });

  it('serves HTML with a strict nonce CSP and no inline handlers or styles', async () => {
    const [draft] = await seededDrafts();
    const panel = await openPanel(ext, draft.id);
    const html = panel.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, `a nonce in the CSP: ${csp}`);
    assert.match(csp, /style-src [^;]+;/, 'styles only from the webview source');
    console.log(`    CSP: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.ok(scripts.length === 1 && scripts[0].includes(`nonce="${nonce}"`), 'the one script carries the nonce');
    assert.doesNotMatch(html, /\son[a-z]+=|\sstyle=|<style/i);
    assert.match(html, /media\/details\.js/);
    assert.match(html, /media\/details\.css/);
  });

  it('activates from the panel and records the history up to a terminal status as the emulator clock advances', async () => {
    const [draft] = await seededDrafts();
    const panel = await openPanel(ext, draft.id);
    await panel.whenReady();
    const before = (await ext.details.recorder.list(panel.key)).length;
    await panel.receive({ type: 'action', version: PROTOCOL_VERSION, action: 'activate' });
    assert.notStrictEqual(panel.session?.status, 'draft', 'activated');
    for (let i = 0; i < 40 && !isTerminalSession(panel.session?.status); i++) {
      await control('clock/advance', { seconds: 1800 });
      await panel.refresh('poll');
    }
    assert.ok(isTerminalSession(panel.session?.status), `terminal, got ${panel.session?.status}`);
    const history = await ext.details.recorder.list(panel.key);
    const statuses = history.map((s) => s.session.status);
    console.log(`    history: ${statuses.join(' → ')}`);
    assert.ok(history.length >= before + 2, 'the history grew');
    assert.ok(statuses.includes('draft'));
    assert.ok(isTerminalSession(statuses[statuses.length - 1]));
    assert.ok(history.some((s) => s.source === 'action' && s.note === 'after Activate'));
    const snapshot = panel.lastSnapshot!;
    assert.strictEqual(snapshot.live.polling, false, 'polling stops at a terminal status');
    const lane = snapshot.history.lanes[0];
    assert.ok(lane.points.some((p) => p.source === 'observed') && lane.points.some((p) => p.how === 'from payload createdDateTime'));
    assert.ok(snapshot.history.lanes.length > 1, 'one lane per artifact');
    const tree = ext.tree.findSession(draft.id);
    if (tree) assert.strictEqual(tree.session.status, panel.session?.status, 'the tree agrees');

    // Compare the first and last snapshots in the diff editor.
    const posted: HostMessage[] = [];
    panel.onDidPost((m) => posted.push(m));
    await panel.receive({ type: 'compare', version: PROTOCOL_VERSION, a: history[0].seq, b: history[history.length - 1].seq });
    const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === HISTORY_SCHEME);
    assert.ok(diff, `a diff of two snapshots is open; notices: ${JSON.stringify(posted)}`);
    const right = await vscode.workspace.openTextDocument((diff.input as vscode.TabInputTextDiff).modified);
    assert.strictEqual(JSON.parse(right.getText()).session.status, panel.session?.status);

    // Export the history to a file (the save dialog answered by the test), then clear it.
    const target = vscode.Uri.file(path.join(os.tmpdir(), `details-history-${Date.now()}.json`));
    const saveLocation = ext.details.ui.saveLocation;
    ext.details.ui.saveLocation = async () => target;
    try {
      await panel.runAction('exportHistory');
    } finally {
      ext.details.ui.saveLocation = saveLocation;
    }
    const exported = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
    assert.strictEqual(exported.sessionId, draft.id);
    assert.strictEqual(exported.snapshots.length, history.length);
    await vscode.workspace.fs.delete(target);
    await panel.runAction('clearHistory');
    assert.deepStrictEqual(await ext.details.recorder.list(panel.key), []);
    assert.strictEqual(panel.lastSnapshot!.history.snapshots.length, 0);
  });

  it('refuses non-http links and invalid messages; exports a .http file with the token redacted', async () => {
    const [draft] = await seededDrafts();
    const panel = await openPanel(ext, draft.id);
    await panel.whenReady();
    const posted: HostMessage[] = [];
    panel.onDidPost((m) => posted.push(m));
    await panel.receive({ type: 'openLink', version: PROTOCOL_VERSION, url: 'javascript:alert(1)' });
    assert.ok(posted.some((m) => m.type === 'notice' && m.level === 'error'), 'a javascript: link is refused');
    const count = posted.length;
    await panel.receive({ type: 'action', version: PROTOCOL_VERSION, action: 'rm -rf' });
    await panel.receive({ type: 'ready' });
    assert.strictEqual(posted.length, count, 'invalid messages are ignored');

    await panel.runAction('exportHttp');
    const doc = await until('the .http document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.uri.path.endsWith('.http') && d.getText().includes(draft.id)));
    assert.match(doc.getText(), /^Authorization: Bearer <redacted>$/m);
    assert.match(doc.getText(), /\/activate$/m);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('keeps the history after the session is deleted from the panel', async () => {
    const drafts = await seededDrafts();
    const draft = drafts[drafts.length - 1];
    const panel = await openPanel(ext, draft.id);
    await panel.whenReady();
    await panel.runAction('delete');
    await until('the deletion', () => (panel.lastSnapshot?.exists === false ? true : undefined));
    assert.strictEqual(panel.lastSnapshot!.live.polling, false);
    assert.ok(panel.lastSnapshot!.history.snapshots.length >= 1, 'history kept');
    assert.ok((await ext.details.recorder.list(panel.key)).length >= 1);
  });

  it('restores a panel from the identity its page saved (the WebviewPanelSerializer path) and closes one without', async () => {
    const [draft] = await seededDrafts();
    const connection = await ext.connections.get();
    const workload = WORKLOADS.find((w) => draft['@odata.type']?.endsWith(w.sessionType))!;
    const raw = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, {});
    await ext.details.deserializeWebviewPanel(raw, { identity: { connectionId: connection.id, workload: workload.id, sessionId: draft.id }, ui: { folds: {} } });
    const panel = await until('the restored panel', () => ext.details.get(draft.id));
    assert.strictEqual(panel.panel, raw);
    await panel.whenReady();
    await until('its snapshot', () => (panel.lastSnapshot?.header.status === 'draft' ? true : undefined));
    const history = await ext.details.recorder.list(panel.key);
    assert.ok(history.some((s) => s.source === 'restore') || history.length > 0);

    let closed = false;
    const junk = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, 'junk', vscode.ViewColumn.Active, {});
    junk.onDidDispose(() => (closed = true));
    await ext.details.deserializeWebviewPanel(junk, { identity: { sessionId: '../../etc' } });
    assert.ok(closed, 'a panel without a valid identity is closed');
  });
});
