// Sessions named by what they restore, in the real extension host against the launcher's emulator (demo seed):
// rows get their units' names after the batched load, "Find Restores of…" finds a unit's sessions across
// workloads, the tree filter by unit keeps only those, and a session started while its workload was never
// expanded is announced when it finishes, naming the unit and where it went.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import type { CompletionNoticeShown } from '../../src/extension/completionNotifier';
import { findRestores } from '../../src/extension/commands/findRestores';
import type { ExtensionApi } from '../../src/extension/extension';
import type { Node, SessionNode, WorkloadNode } from '../../src/extension/tree/nodes';
import { control, emulatorUrl, graph, seededDrafts, testApi, unitNamesOf, until } from './helpers';

const exchange = WORKLOADS.find((w) => w.id === 'exchange')!;
const DATE_LABEL = /^\d{4}-\d\d-\d\d \d\d:\d\d$/;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function workloadNode(ext: ExtensionApi, workloadId: string): Promise<WorkloadNode> {
  const [connection] = await ext.tree.getChildren();
  const nodes = (await ext.tree.getChildren(connection)) as WorkloadNode[];
  return nodes.find((n) => n.workload.id === workloadId)!;
}

async function sessionRows(ext: ExtensionApi, workloadId: string): Promise<SessionNode[]> {
  const children: Node[] = await ext.tree.getChildren(await workloadNode(ext, workloadId));
  return children.filter((n): n is SessionNode => n.kind === 'session');
}

describe('Sessions named by what they restore', function () {
  this.timeout(180_000);
  let ext: ExtensionApi;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    ext = await testApi();
    ext.ui.confirm = async () => true;
  });

  beforeEach(async () => {
    await control('reset', { seed: 'demo' });
    await ext.filter.set({ statuses: [] });
    ext.tree.refreshAll();
  });

  it('names each row by its units once the batched artifacts arrive, with status and "by" in the description', async () => {
    const rows = await sessionRows(ext, 'exchange');
    const standard = rows.filter((r) => r.session.restoreJobType === 'standard' && (r.session.restoreSessionArtifactCount?.total ?? 0) > 0);
    assert.ok(standard.length >= 2, 'the demo seed has Exchange sessions with artifacts');
    for (const row of standard) {
      const expected = await unitNamesOf(exchange.sessionCollection, exchange.standardArtifacts.nav, row.session.id);
      const item = await until(`the row of ${row.session.id} named`, async () => {
        const rendered = await ext.tree.getTreeItem(row);
        return DATE_LABEL.test(String(rendered.label)) ? undefined : rendered;
      });
      const label = String(item.label);
      // A unit the directory no longer names (a deleted user) reads "Deleted user (…)", never its id.
      if (expected[0]) assert.ok(label.startsWith(expected[0]), `row named by its first unit: "${label}" (units ${expected.join(', ')})`);
      else assert.match(label, /^Deleted user \(/);
      const others = new Set(expected).size - 1;
      if (others > 0) assert.ok(label.endsWith(`+${others}`), `"${label}" counts the other units`);
      assert.doesNotMatch(label, GUID);
      assert.match(String(item.description), /^(Draft|Activating|Active|Completed|Completed with errors|Failed)\b/);
      if (row.session.createdBy?.user?.displayName) assert.match(String(item.description), new RegExp(`by ${row.session.createdBy.user.displayName}$`));
      // (appendText escapes Markdown and writes spaces as &nbsp;: read it back as text)
      const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      assert.ok(tooltip.includes(`• ${expected[0] || 'Deleted user ('}`), `the tooltip lists the unit: ${tooltip}`);
    }
  });

  it('finds the restores of a unit across workloads, newest first, and filters the tree by it', async () => {
    const rows = await sessionRows(ext, 'exchange');
    const row = rows.find((r) => r.session.restoreJobType === 'standard' && (r.session.restoreSessionArtifactCount?.total ?? 0) > 0)!;
    const [name] = await unitNamesOf(exchange.sessionCollection, exchange.standardArtifacts.nav, row.session.id);
    const hub = await ext.hubs.active();
    const refs = await hub.names.unitRefs(exchange);
    const unit = [...refs.values()].find((u) => u.name === name)!;

    const found = await findRestores(hub, unit);
    assert.ok(found.some((f) => f.session.id === row.session.id), `the restores of ${name} include ${row.session.id}`);
    const times = found.map((f) => f.session.createdDateTime ?? '');
    assert.deepStrictEqual(times, [...times].sort().reverse(), 'newest first');
    for (const { workload, session } of found) {
      const units = hub.names.unitsOf(workload, session) ?? [];
      assert.ok(units.some((u) => u.id === unit.id || (!!u.address && u.address.toLowerCase() === unit.address?.toLowerCase())), `${session.id} restores ${name}`);
    }
    // Every Exchange session that restores the unit (asked of the emulator) is found.
    const { value } = await graph<{ value: RestoreSession[] }>(`${exchange.sessionCollection}?$top=999`);
    for (const session of value.filter((s) => s.restoreJobType === 'standard')) {
      const names = await unitNamesOf(exchange.sessionCollection, exchange.standardArtifacts.nav, session.id);
      assert.strictEqual(found.some((f) => f.session.id === session.id), names.includes(name), `${session.id} (${names.join(', ')})`);
    }

    await ext.filter.set({ statuses: [], unit: name });
    ext.tree.refreshAll();
    assert.match(ext.filter.describe() ?? '', new RegExp(`restores of ${name}`));
    const filtered = await sessionRows(ext, 'exchange');
    assert.deepStrictEqual(
      filtered.map((r) => r.session.id).sort(),
      found.filter((f) => f.workload.id === 'exchange').map((f) => f.session.id).sort(),
      'the filtered tree lists exactly the restores of the unit',
    );
  });

  it('keeps the workload\'s running count fresh when a session it lists starts', async () => {
    const draft = (await seededDrafts()).find((d) => d['@odata.type']?.includes('exchange'));
    assert.ok(draft, 'the demo seed has an Exchange draft with artifacts');
    const node = await workloadNode(ext, 'exchange');
    await sessionRows(ext, 'exchange');
    const running = async () => (await graph<{ '@odata.count': number }>(`${exchange.sessionCollection}?$top=1&$count=true&$filter=${encodeURIComponent("status in ('activating','active')")}`))['@odata.count'];
    const before = await running();
    await vscode.commands.executeCommand('restoreSessions.activateSession', draft.id);
    const after = await running();
    assert.strictEqual(after, before + 1, 'the service counts one more running session');
    await until(`the Exchange row says ${after} active`, async () => {
      const item = await ext.tree.getTreeItem(node);
      return String(item.description).startsWith(`${after} active`) ? item : undefined;
    });
  });

  it('announces a finished session whose workload was never expanded, naming its unit and where it went', async () => {
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    await settings.update('autoRefresh.intervalSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      const draft = (await seededDrafts()).find((s) => s['@odata.type']?.includes('oneDrive'));
      assert.ok(draft, 'the demo seed has a OneDrive draft with artifacts');
      const onedrive = WORKLOADS.find((w) => w.id === 'oneDrive')!;
      const names = await unitNamesOf(onedrive.sessionCollection, onedrive.standardArtifacts.nav, draft.id);
      assert.strictEqual(ext.tree.findSession(draft.id), undefined, 'the OneDrive workload was never expanded');

      const notices: CompletionNoticeShown[] = [];
      const listening = ext.notices.onDidNotify((notice) => notices.push(notice));
      try {
        await vscode.commands.executeCommand('restoreSessions.activateSession', draft.id);
        await control('clock/advance', { seconds: 7200 });
        const notice = await until('the completion notice', () => notices.find((n) => n.sessionId === draft.id), 60_000);
        assert.ok(notice.text.startsWith(names[0]), `the notice names the unit: ${notice.text}`);
        assert.match(notice.text, /Restored to /, `the notice says where it went: ${notice.text}`);
        assert.doesNotMatch(notice.text, GUID);
        assert.strictEqual(ext.tree.findSession(draft.id), undefined, 'still never expanded');
      } finally {
        listening.dispose();
      }
    } finally {
      await settings.update('autoRefresh.intervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
