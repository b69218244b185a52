// Changes to protection are opt-in (issue 15, item 4). With restoreSessions.protection.allowChanges off, a change
// command run anyway (the palette hides it) refuses and sends nothing; on, it asks one confirmation that names
// what stops being protected, a "no" sends nothing, and a "yes" lands in the emulator. Every check reads the
// emulator's state, not the extension's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MailboxProtectionUnit, ProtectionPolicyBase } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import { GraphError } from '../../src/graph';
import { classifyError } from '../../src/extension/errors';
import { BARE_ID, control, emulatorUrl, graph, manifest, recordConfirmations, testApi, type Asked } from './helpers';

const exchange = WORKLOADS.find((w) => w.id === 'exchange')!;
const REMOVE = 'restoreSessions.protection.removeUnits';
const CHANGE_COMMANDS = [
  'createPolicy', 'addUnits', 'removeUnits', 'bulkAddUnits', 'activatePolicy', 'deactivatePolicy', 'deletePolicy', 'runRule',
  'deleteRuleAndUnprotect', 'offboardUnit', 'cancelOffboard', 'enableService', 'editEmailNotifications',
].map((name) => `restoreSessions.protection.${name}`);

describe('protection changes are opt-in and confirmed', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  let asked: Asked[];
  let answer: boolean;
  let policy: ProtectionPolicyBase;
  let units: MailboxProtectionUnit[] = [];

  const settings = () => vscode.workspace.getConfiguration('restoreSessions');
  const allowChanges = (on: boolean | undefined) => settings().update('protection.allowChanges', on, vscode.ConfigurationTarget.Global);
  const statuses = async () => {
    const now = (await graph<{ value: MailboxProtectionUnit[] }>(`${exchange.policyCollection}/${policy.id}/${exchange.protectionUnits.nav}`)).value;
    return units.map((u) => now.find((n) => n.id === u.id)?.status);
  };

  before(async function () {
    ext = await testApi();
    await control('reset', { seed: 'demo' });
    // the Exchange policy with the most mailboxes protected by hand (whatever its status: the seed has one updating)
    for (const candidate of (await graph<{ value: ProtectionPolicyBase[] }>(exchange.policyCollection)).value) {
      const held = (await graph<{ value: MailboxProtectionUnit[] }>(`${exchange.policyCollection}/${candidate.id}/${exchange.protectionUnits.nav}`)).value;
      const byHand = held.filter((u) => u.status === 'protected' && u.displayName && !(u.protectionSources ?? '').includes('dynamicRule'));
      if (byHand.length > units.length) [policy, units] = [candidate, byHand.slice(0, 6)];
    }
    assert.strictEqual(units.length, 6, 'six named mailboxes protected by hand in the demo seed');
  });

  beforeEach(() => {
    answer = false;
    asked = recordConfirmations(ext, () => answer);
  });

  afterEach(() => {
    ext.ui.confirm = async () => true;
  });

  after(async () => {
    await allowChanges(undefined);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('is a user-scope setting, off by default, and every change command is hidden from the palette while it is off', () => {
    const contributes = manifest().contributes as { configuration?: { properties?: Record<string, { default?: unknown; scope?: string }> }; menus?: { commandPalette?: { command: string; when?: string }[] } };
    const setting = contributes.configuration?.properties?.['restoreSessions.protection.allowChanges'];
    assert.deepStrictEqual({ default: setting?.default, scope: setting?.scope }, { default: false, scope: 'application' });
    for (const id of CHANGE_COMMANDS) {
      assert.ok(manifest().contributes?.commands?.some((c) => c.command === id), `${id} is contributed`);
      const entry = contributes.menus?.commandPalette?.find((e) => e.command === id);
      assert.match(entry?.when ?? '', /\brestoreSessions\.protectionChangesAllowed\b/, `${id} shows in the palette only when changes are allowed`);
    }
  });

  it('off: Remove Units refuses without asking, and the units stay protected', async () => {
    await allowChanges(false);
    const outcome = await vscode.commands.executeCommand(REMOVE, { policyId: policy.id, unitIds: units.map((u) => u.id) });
    assert.strictEqual(outcome, 'notAllowed');
    assert.strictEqual(asked.length, 0, 'no confirmation while changes are off');
    assert.deepStrictEqual(await statuses(), units.map(() => 'protected'));
  });

  it('on: the confirmation names the units that stop being protected, and a no sends nothing', async () => {
    await allowChanges(true);
    const outcome = await vscode.commands.executeCommand(REMOVE, { policyId: policy.id, unitIds: units.map((u) => u.id) });
    assert.strictEqual(outcome, 'declined');
    assert.strictEqual(asked.length, 1, `one confirmation; got ${JSON.stringify(asked)}`);
    const [{ message, detail, action, options }] = asked;
    assert.strictEqual(message, `Stop protecting ${units[0].displayName}, ${units[1].displayName} and 4 more?`);
    for (const unit of units.slice(0, 5)) assert.ok(detail.includes(`• ${unit.displayName}`), `names ${unit.displayName}; got ${detail}`);
    assert.ok(detail.includes('• and 1 more'), detail);
    assert.ok(detail.includes(`in "${policy.displayName}"`), 'names the policy');
    assert.doesNotMatch(`${message}\n${detail}`, BARE_ID, 'no bare id');
    assert.strictEqual(action, 'Stop Protecting 6 Mailboxes', 'the button says what it does');
    assert.ok(options?.safeChoice, 'a harmless button comes first, so Enter changes nothing');
    assert.deepStrictEqual(await statuses(), units.map(() => 'protected'));
  });

  it('on: a yes removes the units from the policy in the emulator', async () => {
    await allowChanges(true);
    answer = true;
    const chosen = units.slice(0, 2);
    const outcome = await vscode.commands.executeCommand(REMOVE, { policyId: policy.id, unitIds: chosen.map((u) => u.id) });
    assert.strictEqual(outcome, 'done');
    assert.strictEqual(asked.length, 1);
    const after = await statuses();
    for (const [i, status] of after.slice(0, 2).entries()) assert.ok(status === 'removeRequested' || status === 'unprotected', `${chosen[i].displayName} leaves the policy; got ${status}`);
    assert.deepStrictEqual(after.slice(2), units.slice(2).map(() => 'protected'), 'the others stay protected');
  });

  it('on: deactivating names every unit that stops being backed up; a no leaves the policy active', async () => {
    await allowChanges(true);
    const oneDrive = WORKLOADS.find((w) => w.id === 'oneDrive')!;
    const active = (await graph<{ value: ProtectionPolicyBase[] }>(oneDrive.policyCollection)).value.find((p) => p.status === 'active');
    assert.ok(active, 'an active OneDrive policy in the demo seed');
    const outcome = await vscode.commands.executeCommand('restoreSessions.protection.deactivatePolicy', { policyId: active.id });
    assert.strictEqual(outcome, 'declined');
    assert.match(asked[0]?.detail ?? '', new RegExp(`Stops backing up all \\d+ OneDrives of "${active.displayName}":\n• `));
    assert.doesNotMatch(`${asked[0]?.message}\n${asked[0]?.detail}`, BARE_ID, 'no bare id');
    assert.strictEqual((await graph<ProtectionPolicyBase>(`protectionPolicies/${active.id}`)).status, 'active');
  });

  it('a change refused for lack of permission says which permission it needs, and offers Check Permissions', () => {
    const refused = (method: string, path: string) => classifyError(new GraphError({
      kind: 'http', status: 403, code: 'Forbidden', message: 'Missing role permissions on the request.', method, url: `${emulatorUrl()}/v1.0/solutions/backupRestore/${path}`,
    }));
    const patch = refused('PATCH', `${exchange.policyCollection}/${policy.id}`);
    assert.strictEqual(patch.kind, 'permissions');
    assert.match(patch.summary, /This needs BackupRestore-Configuration\.ReadWrite\.All \(change protection policies, rules and units\)\.$/);
    assert.deepStrictEqual(patch.steps[0], { kind: 'checkPermissions', args: { method: 'PATCH', path: `${exchange.policyCollection}/${policy.id}` } });
    assert.match(refused('POST', 'enable').summary, /This needs BackupRestore-Control\.ReadWrite\.All \(enable the service\)\.$/);
    assert.match(refused('POST', `protectionUnits/${units[0].id}/offboard`).summary, /BackupRestore-Configuration\.ReadWrite\.All/);
  });
});
