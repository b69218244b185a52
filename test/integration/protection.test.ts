// The Protection view in the real extension host against the launcher's emulator (demo seed): the service status
// in words, workloads → policies with unit counts → units by name with status and protected-since → a unit's
// restore points by day (hour axis, fast-restore marked) and its restore history; "Restore…" on a restore point
// runs the create wizard from the destination step, through the plan review and the one activation confirmation,
// and leaves a draft restoring that unit from that point; "Find Restores of…" on a unit searches that unit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreArtifactBase, RestoreSession } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import type { DayNode, PointNode, PolicyNode, ProtectionNode, UnitNode } from '../../src/extension/protection/nodes';
import { control, emulatorUrl, graph, testApi, until } from './helpers';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

async function children(ext: ExtensionApi, node?: ProtectionNode): Promise<ProtectionNode[]> {
  return ext.protection.tree.getChildren(node);
}

async function item(ext: ExtensionApi, node: ProtectionNode): Promise<vscode.TreeItem> {
  return ext.protection.tree.getTreeItem(node);
}

/** The Exchange policy and a protected unit of it. */
async function exchangeUnit(ext: ExtensionApi): Promise<{ policy: PolicyNode; unit: UnitNode }> {
  const [service] = await children(ext);
  const exchange = (await children(ext, service)).find((n) => n.kind === 'workload' && n.workload.id === 'exchange')!;
  for (const policy of (await children(ext, exchange)).filter((n): n is PolicyNode => n.kind === 'policy')) {
    const units = (await children(ext, policy)).filter((n): n is UnitNode => n.kind === 'unit');
    const unit = units.find((u) => u.unit.status === 'protected' && u.ref.name);
    if (unit) return { policy, unit };
  }
  throw new Error('no Exchange policy protects a named mailbox');
}

async function days(ext: ExtensionApi, unit: UnitNode): Promise<DayNode[]> {
  const [points] = await children(ext, unit);
  return (await children(ext, points)).filter((n): n is DayNode => n.kind === 'day');
}

/** Quick picks the extension creates while `body` runs, kept so the test can act in them as a person would. */
async function watchingPicks<T>(body: (picks: vscode.QuickPick<vscode.QuickPickItem>[]) => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = window.createQuickPick;
  const picks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  window.createQuickPick = (<I extends vscode.QuickPickItem>() => {
    const pick = original<I>();
    picks.push(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    return pick;
  }) as typeof vscode.window.createQuickPick;
  try {
    return await body(picks);
  } finally {
    window.createQuickPick = original;
  }
}

/** Waits for the shown pick titled like `title`, moves to the row matching `row` with the keyboard commands and accepts it. */
async function choose(picks: vscode.QuickPick<vscode.QuickPickItem>[], title: RegExp, row: RegExp): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const pick = await until(`the "${title.source}" step`, () => picks.find((p) => title.test(p.title ?? '') && p.items.length > 0 && !p.busy));
  // The workbench reports the active row once it shows the list: from then on its keyboard commands reach it.
  await until('the list shown', () => pick.activeItems.length > 0);
  const selectable = pick.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
  const target = selectable.findIndex((i) => row.test(i.label));
  assert.ok(target >= 0, `no row ${row} in ${selectable.map((i) => i.label).join(' | ')}`);
  for (let i = 0; i < target; i++) {
    const before = pick.activeItems[0];
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await until('the next row active', () => pick.activeItems[0] !== before);
  }
  assert.match(pick.activeItems[0].label, row);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return pick;
}

describe('Protection view', function () {
  this.timeout(180_000);
  let ext: ExtensionApi;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    ext = await testApi();
  });

  beforeEach(async () => {
    await control('reset', { seed: 'demo' });
    ext.protection.tree.refresh();
  });

  it('shows the service status, policies with unit counts, and units by name with status and protected-since', async () => {
    const [service] = await children(ext);
    assert.equal(service.kind, 'service');
    const serviceRow = await item(ext, service);
    assert.equal(serviceRow.description, 'Backup is on');
    assert.equal(serviceRow.contextValue, 'protectionService');
    const workloads = await children(ext, service);
    assert.deepEqual(await Promise.all(workloads.map(async (w) => (await item(ext, w)).label)), ['Exchange', 'SharePoint', 'OneDrive']);
    const { policy, unit } = await exchangeUnit(ext);
    const policyRow = await item(ext, policy);
    assert.equal(policyRow.contextValue, 'protectionPolicy');
    assert.match(String(policyRow.description), /^(Active|Updating|Active with errors) · \d+ mailboxes: \d+ protected/);
    const units = (await children(ext, policy)).filter((n): n is UnitNode => n.kind === 'unit');
    for (const u of units) {
      const row = await item(ext, u);
      assert.doesNotMatch(String(row.label), GUID, 'a unit is named in words');
      assert.doesNotMatch(String(row.description), /protectRequested|unprotected\b/, 'its status in words');
    }
    const unitRow = await item(ext, unit);
    assert.equal(unitRow.contextValue, 'protectionUnit');
    assert.match(String(unitRow.description), /^Protected · since \d{4}-\d\d-\d\d \d\d:\d\d$/);
    assert.deepEqual((await children(ext, unit)).map((n) => n.kind), ['points', 'history']);
  });

  it('lists a unit\'s restore points by day, newest first, with an hour axis and fast-restore points marked', async () => {
    const { unit } = await exchangeUnit(ext);
    const byDay = await days(ext, unit);
    assert.ok(byDay.length >= 14, `14 days of 10-minute points, got ${byDay.length}`);
    const yesterday = await item(ext, byDay[1]);
    assert.match(String(yesterday.label), /yesterday/);
    assert.match(String(yesterday.description), /^0h █{24} 24h · 144 points, 24 fast restore$/);
    const rows = (await children(ext, byDay[1])).filter((n): n is PointNode => n.kind === 'point');
    assert.equal(rows.length, 144);
    // `point.ms` is the point's instant (epoch ms), not a duration: the first row is the latest point of the day
    assert.ok(rows[0].point.ms > rows[143].point.ms, 'newest first');
    const fast = await item(ext, rows.find((r) => r.point.fastRestore)!);
    assert.equal(fast.contextValue, 'protectionPoint');
    assert.match(String(fast.description), /^fast restore · /);
    assert.ok((await children(ext, (await children(ext, unit))[0])).some((n) => n.kind === 'weekly'), 'weekly points older than 14 days');

    // the demo seed's mailbox whose protection was paused from 10 to 4 days ago: those days show the gap
    const policy = unit.parent;
    const paused = (await children(ext, policy)).find((n): n is UnitNode => n.kind === 'unit' && n.ref.name === 'Fatima Khan')!;
    const pausedDays = await days(ext, paused);
    const gapDay = await item(ext, pausedDays[6]);
    assert.match(String(gapDay.description), /^0h ░{24} 24h · 0 points, 1 gap$/);
    const [gap] = await children(ext, pausedDays[6]);
    assert.equal(gap.kind, 'gap');
    assert.match(String((await item(ext, gap)).label), /^No restore point for 1 d 0 h$|^No restore point for \d+ h 0 min$/);
  });

  it('"Restore…" on a restore point reaches a draft of that unit and point through the review and the confirmation', async () => {
    const { unit } = await exchangeUnit(ext);
    const [, yesterday] = await days(ext, unit);
    const point = (await children(ext, yesterday)).find((n): n is PointNode => n.kind === 'point' && !n.point.fastRestore)!;
    const asked: string[] = [];
    ext.ui.confirm = async (message, detail) => {
      asked.push(`${message}\n${detail}`);
      return false; // declined: the draft stays, nothing is restored
    };
    const before = await newestExchangeSession();
    await watchingPicks(async (picks) => {
      const running = vscode.commands.executeCommand('restoreSessions.restoreFromUnit', point);
      await choose(picks, /: destination$/, /New location/);
      const review = await choose(picks, /: review$/, /Create and activate now/);
      assert.ok(review.items.some((i) => i.label.includes(unit.ref.name!)), 'the review names the unit');
      await running;
    });
    assert.equal(asked.length, 1, 'the one activation confirmation was asked');
    assert.match(asked[0], new RegExp(unit.ref.name!));
    const draft = await newestExchangeSession();
    assert.notEqual(draft.id, before.id);
    assert.equal(draft.status, 'draft');
    const { value } = await graph<{ value: RestoreArtifactBase[] }>(`exchangeRestoreSessions/${draft.id}/mailboxRestoreArtifacts`);
    assert.deepEqual(value.map((a) => a.restorePoint?.id), [point.point.id]);
  });

  it('shows the sessions that restored a unit, newest first, and "Find Restores of…" on the unit searches it', async () => {
    const { unit } = await exchangeUnit(ext);
    ext.ui.confirm = async () => true;
    const id = await vscode.commands.executeCommand<string>('restoreSessions.createSession', { workload: 'exchange', unitIds: [unit.unit.id], destination: 'new' });
    const [, history] = await children(ext, unit);
    const rows = await children(ext, history);
    assert.equal(rows[0].kind, 'restore');
    assert.ok(rows[0].kind === 'restore' && rows[0].session.id === id, 'the newest restore first');
    const row = await item(ext, rows[0]);
    assert.equal(row.label, unit.ref.name);
    assert.deepEqual(row.command?.arguments, [id]);
    assert.equal(row.command?.command, 'restoreSessions.openDetails');

    type ShowQuickPick = (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => Promise<undefined>;
    const window = vscode.window as unknown as { showQuickPick: ShowQuickPick };
    const original = window.showQuickPick;
    let offered: { title?: string; labels: string[] } | undefined;
    window.showQuickPick = async (items, options) => {
      offered = { title: options?.title, labels: (await items).map((i) => i.label) };
      return undefined;
    };
    try {
      await vscode.commands.executeCommand('restoreSessions.findRestoresOf', unit);
    } finally {
      window.showQuickPick = original;
    }
    assert.ok(offered, 'the sessions were offered without asking for a unit first');
    assert.match(offered.title ?? '', new RegExp(`^Restores of ${unit.ref.name} \\(\\d+, newest first\\)$`));
    assert.equal(offered.labels[0], unit.ref.name);
  });
});

async function newestExchangeSession(): Promise<RestoreSession> {
  const { value } = await graph<{ value: RestoreSession[] }>(`exchangeRestoreSessions?$orderby=${encodeURIComponent('createdDateTime desc')}&$top=1`);
  return value[0];
}
