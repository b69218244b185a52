// The Restore Sessions explorer in the real extension host, against the emulator the launcher started
// (demo seed, time scale 60): what the tree shows per workload, paging, filters, and every command end to end.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { LoadMoreNode, Node, SessionNode, WorkloadNode } from '../../src/extension/tree/nodes';
import type { RestoreSession } from '../../src/backup/model';
import { control, graph, testApi, until } from './helpers';

async function workloadNodes(ext: ExtensionApi): Promise<WorkloadNode[]> {
  const [connection] = await ext.tree.getChildren();
  assert.strictEqual(connection.kind, 'connection');
  return (await ext.tree.getChildren(connection)) as WorkloadNode[];
}

async function sessionsOf(ext: ExtensionApi, workloadId: string): Promise<Node[]> {
  const node = (await workloadNodes(ext)).find((n) => n.workload.id === workloadId)!;
  return ext.tree.getChildren(node);
}


describe('Restore Sessions explorer', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;

  before(async function () {
    ext = await testApi();
    ext.ui.confirm = async () => true;
  });

  beforeEach(async () => {
    await control('reset', { seed: 'demo' });
    await ext.filter.set({ statuses: [] });
    await vscode.workspace.getConfiguration('restoreSessions').update('pageSize', 50, vscode.ConfigurationTarget.Global);
    ext.tree.refreshAll();
  });

  it('shows the connection, the three workloads and each workload\'s seeded sessions, newest first', async () => {
    const workloads = await workloadNodes(ext);
    assert.deepStrictEqual(workloads.map((w) => w.workload.label), ['Exchange', 'SharePoint', 'OneDrive']);
    for (const w of workloads) {
      const children = (await ext.tree.getChildren(w)) as SessionNode[];
      const expected = await graph<{ value: RestoreSession[] }>(`${w.workload.sessionCollection}?$top=999`);
      assert.strictEqual(children.length, expected.value.length, `${w.workload.label} sessions`);
      assert.ok(children.length > 0, `${w.workload.label} has seeded sessions`);
      const times = children.map((c) => Date.parse(c.session.createdDateTime!));
      assert.deepStrictEqual(times, [...times].sort((a, b) => b - a));
      const item = await ext.tree.getTreeItem(w);
      assert.match(String(item.description), /\d/, 'the workload shows its counts');
    }
  });

  it('pages with Load more and Load all', async () => {
    await vscode.workspace.getConfiguration('restoreSessions').update('pageSize', 3, vscode.ConfigurationTarget.Global);
    ext.tree.refreshAll();
    const first = await sessionsOf(ext, 'exchange');
    assert.strictEqual(first.filter((n) => n.kind === 'session').length, 3);
    const more = first.find((n): n is LoadMoreNode => n.kind === 'loadMore');
    assert.ok(more, 'a Load more node follows the first page');
    await vscode.commands.executeCommand('restoreSessions.loadMore', more);
    assert.strictEqual((await sessionsOf(ext, 'exchange')).filter((n) => n.kind === 'session').length, 6);
    await vscode.commands.executeCommand('restoreSessions.loadAll', more);
    const all = await sessionsOf(ext, 'exchange');
    const total = (await graph<{ value: unknown[] }>('exchangeRestoreSessions?$top=999')).value.length;
    assert.strictEqual(all.filter((n) => n.kind === 'session').length, total);
    assert.ok(!all.some((n) => n.kind === 'loadMore'));
  });

  it('filters by status', async () => {
    await ext.filter.set({ statuses: ['failed', 'completedWithError'] });
    ext.tree.refreshAll();
    const children = (await sessionsOf(ext, 'sharePoint')) as SessionNode[];
    assert.ok(children.length > 0);
    assert.ok(children.every((c) => c.kind === 'session' && ['failed', 'completedWithError'].includes(c.session.status!)));
  });

  it('filters to the sessions created by me', async () => {
    const mine = await graph<RestoreSession>('sharePointRestoreSessions', { method: 'POST', body: '{}' });
    await ext.filter.set({ statuses: [], createdByMe: true });
    ext.tree.refreshAll();
    const children = (await sessionsOf(ext, 'sharePoint')) as SessionNode[];
    assert.deepStrictEqual(children.map((c) => c.session.id), [mine.id], 'only the session this user created, not the seeded ones');
  });

  it('shows artifacts with the protection unit name, failed first', async () => {
    const sessions = (await sessionsOf(ext, 'exchange')) as SessionNode[];
    const withError = sessions.find((s) => s.session.status === 'completedWithError')!;
    const artifacts = await ext.tree.getChildren(withError);
    assert.ok(artifacts.length > 1);
    assert.strictEqual(artifacts[0].kind, 'artifact');
    assert.strictEqual((artifacts[0] as { artifact: { status: string } }).artifact.status, 'failed');
    const item = await ext.tree.getTreeItem(artifacts[0]);
    assert.doesNotMatch(String(item.label), /^[0-9a-f]{8}-/, 'the label is a name, not an id');
  });

  it('creates, activates and follows a session to a terminal status', async () => {
    await vscode.workspace.getConfiguration('restoreSessions').update('autoRefresh.intervalSeconds', 1, vscode.ConfigurationTarget.Global);
    const units = await graph<{ value: { id: string }[] }>('mailboxProtectionUnits');
    const id = await vscode.commands.executeCommand<string>('restoreSessions.createSession', { workload: 'exchange', unitIds: units.value.slice(0, 2).map((u) => u.id), destination: 'new' });
    assert.ok(id, 'the scripted create returns the new session id');
    const draft = await until('the new draft in the tree', async () => ((await sessionsOf(ext, 'exchange')) as SessionNode[]).find((n) => n.session.id === id));
    assert.strictEqual(draft.session.status, 'draft');
    await vscode.commands.executeCommand('restoreSessions.explorer.focus');
    await vscode.commands.executeCommand('restoreSessions.activateSession', draft);
    const running = ext.tree.findSession(id)!;
    assert.ok(['activating', 'active'].includes(running.session.status!), running.session.status!);
    await control('clock/advance', { seconds: 24 * 3600 });
    const done = await until('auto-refresh to show a terminal status', async () => {
      const node = ext.tree.findSession(id);
      return node && ['completed', 'completedWithError', 'failed'].includes(node.session.status!) ? node : undefined;
    });
    assert.ok(done.session.completedDateTime);
    await vscode.workspace.getConfiguration('restoreSessions').update('autoRefresh.intervalSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  it('deletes a draft, and refuses to delete a session that is not a draft', async () => {
    const created = await graph<RestoreSession>('oneDriveForBusinessRestoreSessions', { method: 'POST', body: '{}' });
    ext.tree.refreshAll();
    await until('the draft in the tree', async () => ((await sessionsOf(ext, 'oneDrive')) as SessionNode[]).find((n) => n.session.id === created.id));
    await vscode.commands.executeCommand('restoreSessions.deleteSession', created.id);
    assert.ok(!((await sessionsOf(ext, 'oneDrive')) as SessionNode[]).some((n) => n.kind === 'session' && n.session.id === created.id));
    await assert.rejects(graph(`restoreSessions/${created.id}`), /404/);

    const completed = ((await sessionsOf(ext, 'oneDrive')) as SessionNode[]).find((n) => n.session.status === 'completed')!;
    await vscode.commands.executeCommand('restoreSessions.deleteSession', completed.session.id);
    await graph(`restoreSessions/${completed.session.id}`);
  });

  it('retries failed artifacts as a new draft', async () => {
    const failed = ((await sessionsOf(ext, 'sharePoint')) as SessionNode[]).find((n) => n.session.status === 'completedWithError' || n.session.status === 'failed')!;
    const before = (await graph<{ value: RestoreSession[] }>('sharePointRestoreSessions?$top=999')).value.length;
    await vscode.commands.executeCommand('restoreSessions.retryFailed', failed);
    const after = (await graph<{ value: RestoreSession[] }>('sharePointRestoreSessions?$top=999&$orderby=createdDateTime desc')).value;
    assert.strictEqual(after.length, before + 1);
    assert.strictEqual(after[0].status, 'draft');
    assert.strictEqual(after[0].restoreSessionArtifactCount?.total, failed.session.restoreSessionArtifactCount?.failed);
  });

  it('opens a session as a read-only JSON document and exports it as .http and cURL without a token', async () => {
    const session = ((await sessionsOf(ext, 'exchange')) as SessionNode[]).find((n) => n.session.status === 'completedWithError')!;
    await vscode.commands.executeCommand('restoreSessions.openJson', session);
    const json = await until('the session document', async () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'restore-session' && d.uri.path.includes(session.session.id)));
    const parsed = JSON.parse(json.getText());
    assert.strictEqual(parsed.id, session.session.id);
    assert.ok(Array.isArray(parsed.mailboxRestoreArtifacts) && parsed.mailboxRestoreArtifacts.length > 0, 'artifacts inline');
    await vscode.commands.executeCommand('restoreSessions.exportCurl', session.session.id);
    const curl = await until('the cURL script', async () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.uri.path.endsWith('.sh') && d.getText().includes(session.session.id)));
    assert.match(curl.getText(), /Authorization: Bearer \$\{TOKEN:-<redacted>\}/);
    await vscode.commands.executeCommand('restoreSessions.exportHttp', session.session.id);
    const http = await until('the .http file', async () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.uri.path.endsWith('.http') && d.getText().includes(session.session.id)));
    assert.match(http.getText(), /^Authorization: Bearer <redacted>$/m);
    for (const doc of [curl, http]) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
