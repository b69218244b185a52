// What only /beta answers carry, in the real host against the launcher's emulator (demo seed): on a beta
// connection the Protection view's Exchange policy says its protection mode and that a billing policy pays for it
// (the id only on a line of its own), its mailboxes say how long their backups are kept and which kind of mailbox
// they are, and a shared mailbox's row says so, and the granular file picker's rows say who changed each file or
// folder last and when; on the v1.0 connection the same rows say none of it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BrowseQueryResponseItem, MailboxProtectionUnit } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import { browseItemRows } from '../../src/extension/commands/granular/browsePicker';
import type { ExtensionApi } from '../../src/extension/extension';
import type { PolicyNode, ProtectionNode, UnitNode } from '../../src/extension/protection/nodes';
import { control, testApi, until } from './helpers';

const BETA = 'beta-emulator';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Row { description: string; tooltip: string }
interface ExchangeRows { policy: Row; shared: Row & { unit: MailboxProtectionUnit }; user: Row & { unit: MailboxProtectionUnit } }

/** A tree item's description and its tooltip as the admin reads it (the Markdown escapes undone). */
function rowOf(item: vscode.TreeItem): Row {
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
  return { description: String(item.description ?? ''), tooltip: tooltip.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1') };
}

/** The Exchange policy that protects both a shared and a user mailbox, and those two rows, as the view shows them. */
async function exchangeRows(ext: ExtensionApi): Promise<ExchangeRows> {
  const tree = ext.protection.tree;
  const children = (node?: ProtectionNode) => tree.getChildren(node);
  const [service] = await children();
  const exchange = (await children(service)).find((n) => n.kind === 'workload' && n.workload.id === 'exchange');
  assert.ok(exchange, 'the view lists Exchange');
  for (const policy of (await children(exchange)).filter((n): n is PolicyNode => n.kind === 'policy')) {
    const units = (await children(policy)).filter((n): n is UnitNode => n.kind === 'unit' && n.unit.status === 'protected');
    // Which mailbox is shared is the directory's fact, so it is asked of the seed, not of the answer under test.
    const shared = units.find((u) => /^(finance|hr|sales|helpdesk)@/.test((u.unit as MailboxProtectionUnit).email ?? ''));
    const user = units.find((u) => u !== shared && !/^(finance|hr|sales|helpdesk)@/.test((u.unit as MailboxProtectionUnit).email ?? ''));
    if (!shared || !user) continue;
    const row = async (u: UnitNode) => ({ ...rowOf(await tree.getTreeItem(u)), unit: u.unit as MailboxProtectionUnit });
    return { policy: rowOf(await tree.getTreeItem(policy)), shared: await row(shared), user: await row(user) };
  }
  throw new Error('no Exchange policy protects both a shared and a user mailbox');
}

const sharePoint = WORKLOADS.find((w) => w.id === 'sharePoint')!;

/** The top level of a protected site's latest fast-restore point, read through the active connection as the picker reads it. */
async function browsedTopLevel(ext: ExtensionApi): Promise<BrowseQueryResponseItem[]> {
  const { api } = await ext.hubs.active();
  const site = (await api.tenant.units(sharePoint)).find((u) => u.status === 'protected');
  assert.ok(site, 'the seed protects a site');
  const point = (await api.tenant.search({ protectionUnitIds: [site.id], protectionTimePeriod: { endDateTime: new Date().toISOString() }, restorePointPreference: 'latest', tags: 'fastRestore' })).searchResults?.[0]?.restorePoint;
  assert.ok(point?.id, 'the site has a fast-restore point');
  const { body: created } = await api.tenant.createBrowseSession(sharePoint, point.id);
  // The emulator opens a backup for browsing after a simulated while: its clock is moved on instead of waited for.
  await control('clock/advance', { seconds: 30 });
  await until('the backup open for browsing', async () => (await api.tenant.getBrowseSession(sharePoint, created.id)).body.status === 'created' || undefined);
  const items: BrowseQueryResponseItem[] = [];
  for await (const page of api.tenant.browse(sharePoint, created.id)) items.push(...page.items);
  assert.ok(items.length > 0, 'the site has files or folders');
  return items;
}

describe('beta-only facts in the Protection view and the file picker', function () {
  this.timeout(180_000);
  let ext: ExtensionApi;
  let home: string;
  const settings = () => vscode.workspace.getConfiguration('restoreSessions');

  before(async () => {
    ext = await testApi();
    home = ext.connections.activeId;
    await control('reset', { seed: 'demo' });
    await settings().update('connections', [{ id: BETA, label: 'Beta emulator', kind: 'emulator', signIn: 'none', apiVersion: 'beta' }], vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!ext) return;
    if (ext.connections.activeId !== home) await ext.connections.switchTo(home);
    await settings().update('connections', undefined, vscode.ConfigurationTarget.Global);
    ext.protection.tree.refresh();
  });

  it('says nothing beta-only on the v1.0 connection, in the Protection view or the file picker', async () => {
    assert.match((await ext.hubs.active()).baseUrl, /\/v1\.0$/, 'the built-in connection reads v1.0');
    ext.protection.tree.refresh();
    const rows = await exchangeRows(ext);
    for (const text of [rows.policy.tooltip, rows.shared.tooltip, rows.user.tooltip]) {
      assert.doesNotMatch(text, /Backups kept for|Shared mailbox|User mailbox|Standard backup|billing policy|Offboarding requested/i, text);
    }
    assert.match(rows.shared.description, /^Protected · since \d{4}-\d\d-\d\d \d\d:\d\d$/, 'a v1.0 shared mailbox row reads as before');
    for (const row of browseItemRows(await browsedTopLevel(ext), Date.now())) {
      assert.match(row.description ?? '', /^(\d+ items?|\d+ bytes?|\d+ KB|[\d.]+ MB|file)$/, `a v1.0 picker row says its size or item count alone: ${row.description}`);
    }
  });

  it('says on a beta connection how long backups are kept, which mailboxes are shared, the policy\'s mode and billing, and who changed each file', async () => {
    await ext.connections.switchTo(BETA);
    assert.match((await ext.hubs.active()).baseUrl, /\/beta$/, 'the beta connection is active');
    ext.protection.tree.refresh();
    const rows = await exchangeRows(ext);

    const days = rows.shared.unit.backupRetentionPeriodInDays;
    assert.ok(typeof days === 'number' && days > 0, 'the beta answer carries the retention days');
    for (const unit of [rows.shared, rows.user]) assert.ok(unit.tooltip.includes(`Backups kept for ${days} days`), unit.tooltip);
    assert.ok(rows.shared.tooltip.includes('Shared mailbox'), rows.shared.tooltip);
    assert.match(rows.shared.description, /^Shared mailbox · Protected · since \d{4}-\d\d-\d\d \d\d:\d\d$/, 'the row names the shared mailbox');
    assert.ok(rows.user.tooltip.includes('User mailbox'), rows.user.tooltip);
    assert.match(rows.user.description, /^Protected · since /, 'a user mailbox row stays short');
    assert.doesNotMatch(rows.shared.tooltip, /Retention change/, 'no pending retention change is shown when its status is none');

    const lines = rows.policy.tooltip.split(/\n+/);
    assert.ok(lines.includes('Standard backup'), rows.policy.tooltip);
    assert.ok(lines.includes('Billed through a billing policy'), rows.policy.tooltip);
    assert.deepEqual(lines.filter((l) => GUID.test(l)).map((l) => l.replace(GUID, '<id>')), ['Billing policy id: <id>'], 'the billing policy id only on its own, named line');
    assert.doesNotMatch(rows.policy.tooltip, /Offboarding requested/, 'the never-requested 0001-01-01 default says nothing');
    assert.doesNotMatch(rows.policy.tooltip, /\bstandard\b|fullServiceBackup|mailboxType/, 'no raw enum value');

    const picked = browseItemRows(await browsedTopLevel(ext), Date.now());
    for (const row of picked) {
      const text = `${row.label} | ${row.description}`;
      assert.match(row.description ?? '', / · (changed|created) (\d+ (min|h|days?|weeks?|months?) ago|just now) by [A-Z][a-z]+ [A-Z]/, `a beta picker row says who changed it and when: ${text}`);
      assert.doesNotMatch(text, GUID, `no id: ${text}`);
    }
  });
});
