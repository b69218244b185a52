// Every path that activates a restore session shows the one confirmation policy, and a "no" leaves the session a
// draft: the tree's Activate, the palette's Activate with a session id, the wizard's "Create and activate now",
// the details panel's Activate, Retry Failed's "Create and activate now", and a bulk session. The confirmation is
// answered by a recorder that declines; each path must have shown the units by name with their points in time
// and ages, and the destination — for in place with the overwrite words and a harmless default button.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MailboxProtectionUnit, RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import type { Node, SessionNode, WorkloadNode } from '../../src/extension/tree/nodes';
import { PROTOCOL_VERSION } from '../../src/protocol/details';
import { BARE_ID, control, graph, leaveNothingOpen, openPanel, recordConfirmations, testApi, until, type Asked } from './helpers';

const exchange = WORKLOADS.find((w) => w.id === 'exchange')!;

async function sessionNodes(ext: ExtensionApi, workloadId: string): Promise<SessionNode[]> {
  const [connection] = await ext.tree.getChildren();
  const workload = ((await ext.tree.getChildren(connection)) as WorkloadNode[]).find((n) => n.workload.id === workloadId)!;
  return ((await ext.tree.getChildren(workload)) as Node[]).filter((n): n is SessionNode => n.kind === 'session');
}

async function status(id: string): Promise<string | null | undefined> {
  return (await graph<RestoreSession>(`restoreSessions/${id}`)).status;
}

describe('one confirmation policy on every activation path', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  let asked: Asked[];
  let units: MailboxProtectionUnit[];
  const names = () => units.map((u) => u.displayName as string);

  /** A draft made by the wizard (scripted), restoring the two units. */
  async function draft(destination: 'new' | 'inPlace', activate = false): Promise<string> {
    const id = await vscode.commands.executeCommand<string>('restoreSessions.createSession', { workload: 'exchange', unitIds: units.map((u) => u.id), destination, activate });
    assert.ok(id, 'the wizard created a session');
    return id;
  }

  /** The one question asked since the last reset names both units with ages, the destination, and no id. */
  function assertPolicy(path: string, destination: 'new' | 'inPlace'): void {
    assert.strictEqual(asked.length, 1, `${path}: one confirmation; got ${JSON.stringify(asked)}`);
    const [{ message, detail, action, options }] = asked;
    for (const name of names()) assert.ok(`${message}\n${detail}`.includes(name), `${path}: names ${name}; got ${message}\n${detail}`);
    assert.match(detail, /as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]?[\d:]* \((just now|\d+ (min|h|days?|weeks?|months?) ago)\)/, `${path}: each point with its time zone and age`);
    assert.doesNotMatch(`${message}\n${detail}`, BARE_ID, `${path}: no bare id`);
    assert.doesNotMatch(detail, /artifact\(s\)/, `${path}: names, not counts`);
    if (destination === 'inPlace') {
      assert.match(detail, /overwrites the current content of/, `${path}: says it overwrites`);
      assert.strictEqual(action, 'Overwrite and Restore', `${path}: the button says what it does`);
      assert.ok(options?.safeChoice, `${path}: a harmless button comes first, so Enter does not overwrite`);
    } else {
      assert.match(detail, /Destination: a new location/, `${path}: says where`);
    }
  }

  before(async function () {
    ext = await testApi();
    await control('reset', { seed: 'demo' });
    const all = (await graph<{ value: MailboxProtectionUnit[] }>(`${exchange.protectionUnits.nav}`)).value;
    units = all.filter((u) => u.status === 'protected' && typeof u.displayName === 'string' && u.displayName).slice(0, 2);
    assert.strictEqual(units.length, 2, 'two protected, named mailboxes in the demo seed');
  });

  beforeEach(() => {
    asked = recordConfirmations(ext);
  });

  leaveNothingOpen(() => ext);

  it("the wizard's Create and activate now (in place) asks, and a no leaves the new session a draft", async () => {
    const id = await draft('inPlace', true);
    assertPolicy('wizard', 'inPlace');
    assert.strictEqual(await status(id), 'draft');
  });

  it("the tree's Activate asks, and a no leaves the draft", async () => {
    const id = await draft('inPlace');
    ext.tree.refreshAll();
    const node = await until('the draft in the tree', async () => (await sessionNodes(ext, 'exchange')).find((n) => n.session.id === id));
    await vscode.commands.executeCommand('restoreSessions.activateSession', node);
    assertPolicy('tree', 'inPlace');
    assert.strictEqual(await status(id), 'draft');
  });

  it("the palette's Activate with a session id asks, and a no leaves the draft", async () => {
    const id = await draft('new');
    await vscode.commands.executeCommand('restoreSessions.activateSession', id);
    assertPolicy('palette', 'new');
    assert.strictEqual(await status(id), 'draft');
  });

  it("the details panel's Activate asks, and a no leaves the draft", async () => {
    const id = await draft('inPlace');
    const panel = await openPanel(ext, id);
    await panel.whenReady();
    await panel.receive({ type: 'action', version: PROTOCOL_VERSION, action: 'activate' });
    assertPolicy('panel', 'inPlace');
    assert.strictEqual(await status(id), 'draft');
    assert.strictEqual(panel.session?.status, 'draft');
  });

  it("Retry Failed's Create and activate now asks, and a no leaves the retry a draft", async () => {
    const sessions = (await graph<{ value: RestoreSession[] }>(`${exchange.sessionCollection}?$top=999`)).value;
    const finished = sessions.find((s) => s.status === 'completedWithError' && (s.restoreSessionArtifactCount?.failed ?? 0) > 0)!;
    assert.ok(finished, 'a seeded Exchange session completed with errors');
    const retryId = await vscode.commands.executeCommand<string>('restoreSessions.retryFailed', finished.id, { activate: true });
    assert.ok(retryId, 'the retry created a session');
    assert.strictEqual(asked.length, 1, `one confirmation; got ${JSON.stringify(asked)}`);
    assert.match(asked[0].detail, /as of .+ago\)/);
    assert.doesNotMatch(`${asked[0].message}\n${asked[0].detail}`, BARE_ID);
    assert.strictEqual(await status(retryId), 'draft');
  });

  it('a bulk session asks naming its request (the service lists its rows back empty), and a no leaves the draft', async () => {
    const session = await graph<RestoreSession>(exchange.sessionCollection, { method: 'POST', body: '{}' });
    const mailboxes = units.map((u) => u.email as string);
    const now = Date.now();
    await graph(`${exchange.sessionCollection}/${session.id}/${exchange.bulkRequests.nav}`, {
      method: 'POST',
      body: JSON.stringify({
        displayName: 'Bulk from the safety test', mailboxes: [...mailboxes, 'someone.else@contoso.com'], destinationType: 'inPlace', restorePointPreference: 'latest',
        protectionTimePeriod: { startDateTime: new Date(now - 14 * 86_400_000).toISOString(), endDateTime: new Date(now).toISOString() },
      }),
    });
    await vscode.commands.executeCommand('restoreSessions.activateSession', session.id);
    assert.strictEqual(asked.length, 1, `one confirmation; got ${JSON.stringify(asked)}`);
    const detail = `${asked[0].message}\n${asked[0].detail}`;
    assert.match(detail, /The mailboxes listed in the bulk request "Bulk from the safety test" are resolved now, each at its latest restore point at or before .+ \((just now|.+ ago)\)\. Rows the service cannot find are skipped/, detail);
    assert.match(detail, /overwrites the current content of the mailboxes of bulk request "Bulk from the safety test"/, detail);
    assert.doesNotMatch(detail, /Nothing to restore|\b0 artifact/, detail);
    assert.strictEqual(asked[0].action, 'Overwrite and Restore');
    assert.ok(asked[0].options?.safeChoice);
    assert.strictEqual(await status(session.id), 'draft');
  });
});
