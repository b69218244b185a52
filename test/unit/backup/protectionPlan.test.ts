import { strict as assert } from 'assert';
import type { MailboxProtectionUnit } from '../../../src/backup/model';
import { workload } from '../../../src/backup/model';
import { planUnit, protectionChangePlan, type PlanUnit } from '../../../src/backup/protectionPlan';
import { enableServicePlan, notificationSettingPlan, type NotificationSettingChange } from '../../../src/backup/protectionServicePlan';

const exchange = workload('exchange');
const people = ['Debra Berger', 'Lee Gu', 'Adele Vance', 'Alex Wilber', 'Megan Bowen', 'Nestor Wilke', 'Patti Fernandez'];
const units = (n: number, extra: Partial<PlanUnit> = {}): PlanUnit[] => people.slice(0, n).map((name) => ({ name, status: 'protected', protectionSources: 'manual', ...extra }));
const active = { name: 'Exchange - all mailboxes', status: 'active' as const };
const inactive = { name: 'Legal hold mailboxes', status: 'inactive' as const };

describe('protection change plans', () => {
  it('remove units: names what stops being protected, the first five then "and N more", with a button that says so', () => {
    const plan = protectionChangePlan({ kind: 'removeUnits', workload: exchange, policy: active, units: units(7) });
    assert.equal(plan.title, 'Stop protecting Debra Berger, Lee Gu and 5 more?');
    assert.equal(plan.confirmLabel, 'Stop Protecting 7 Mailboxes');
    assert.ok(plan.detail.startsWith('Stops protecting 7 mailboxes in "Exchange - all mailboxes":'));
    for (const name of people.slice(0, 5)) assert.ok(plan.detail.includes(`• ${name}`), name);
    assert.ok(plan.detail.includes('• and 2 more'));
    assert.ok(!plan.detail.includes('Nestor Wilke'), 'only five are listed');
    assert.match(plan.detail, /No new restore points are made for them/);
    assert.deepEqual(plan.blocked, []);
  });

  it('remove units: refuses a unit an inclusion rule added, and one that is already not protected', () => {
    const plan = protectionChangePlan({
      kind: 'removeUnits', workload: exchange, policy: active,
      units: [{ name: 'Debra Berger', status: 'protected', protectionSources: 'dynamicRule' }, { name: 'Lee Gu', status: 'unprotected', protectionSources: 'manual' }],
    });
    assert.deepEqual(plan.blocked, [
      'Debra Berger was added by an inclusion rule and cannot be removed by hand; change the rule instead.',
      'Lee Gu is already not protected.',
    ]);
    assert.match(plan.detail, /The service would refuse this:\n✕ Debra Berger was added by an inclusion rule/);
  });

  it('create policy: says what starts, that it is created inactive, and refuses more than 50 units or a unit protected elsewhere', () => {
    const ok = protectionChangePlan({ kind: 'createPolicy', workload: exchange, policyName: 'Legal', units: units(2) });
    assert.equal(ok.title, 'Create the Exchange policy "Legal" for Debra Berger and Lee Gu?');
    assert.ok(ok.detail.includes('Protection is requested for 2 mailboxes:\n• Debra Berger\n• Lee Gu'));
    assert.match(ok.detail, /created inactive/);
    assert.equal(ok.confirmLabel, 'Create Policy');
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `User ${i}` }));
    const tooMany = protectionChangePlan({ kind: 'createPolicy', workload: exchange, policyName: 'Legal', units: many });
    assert.match(tooMany.blocked.join('\n'), /at most 50 mailboxes; you chose 51/);
    const twice = protectionChangePlan({ kind: 'createPolicy', workload: exchange, policyName: 'Legal', units: [{ name: 'Debra Berger', status: 'protected', otherPolicyName: 'Exchange - all mailboxes' }] });
    assert.deepEqual(twice.blocked, ['Debra Berger is already protected by "Exchange - all mailboxes"; a unit is protected by one policy only.']);
    assert.deepEqual(protectionChangePlan({ kind: 'createPolicy', workload: exchange, policyName: '  ', units: [] }).blocked, ['A policy needs a name.']);
  });

  it('add units: tells that an inactive policy backs nothing up yet', () => {
    const plan = protectionChangePlan({ kind: 'addUnits', workload: workload('sharePoint'), policy: inactive, units: [{ name: 'Finance' }] });
    assert.equal(plan.title, 'Protect Finance in "Legal hold mailboxes"?');
    assert.equal(plan.confirmLabel, 'Protect 1 Site');
    assert.match(plan.detail, /is inactive: they are backed up only once the policy is activated/);
  });

  it('activate, deactivate and delete follow the documented policy lifecycle', () => {
    const deactivate = protectionChangePlan({ kind: 'deactivatePolicy', workload: exchange, policy: active, units: units(3) });
    assert.equal(deactivate.title, 'Deactivate "Exchange - all mailboxes" and stop backing up Debra Berger, Lee Gu and 1 more?');
    assert.ok(deactivate.detail.includes('Stops backing up all 3 mailboxes of "Exchange - all mailboxes":\n• Debra Berger'));
    assert.deepEqual(deactivate.blocked, []);
    assert.match(protectionChangePlan({ kind: 'activatePolicy', workload: exchange, policy: active, units: [] }).blocked[0], /Only an inactive policy can be activated; "Exchange - all mailboxes" is active/);
    assert.deepEqual(protectionChangePlan({ kind: 'activatePolicy', workload: exchange, policy: inactive, units: [], otherActivePolicyName: active.name }).blocked,
      ['Only one Exchange policy can be active, and "Exchange - all mailboxes" is. Deactivate it first.']);
    const remove = protectionChangePlan({ kind: 'deletePolicy', workload: exchange, policy: active, units: units(1) });
    assert.match(remove.blocked[0], /Only an inactive policy can be deleted; .* Deactivate it first/);
    assert.match(remove.detail, /⚠ The policy "Exchange - all mailboxes" is deleted; this cannot be undone/);
    assert.deepEqual(protectionChangePlan({ kind: 'deletePolicy', workload: exchange, policy: inactive, units: [] }).blocked, []);
  });

  it('offboarding says the backups are deleted; cancelling it only applies to units waiting to be offboarded', () => {
    const offboard = protectionChangePlan({ kind: 'offboardUnits', workload: exchange, units: units(1, { status: 'unprotected' }) });
    assert.equal(offboard.title, 'Offboard Debra Berger and delete their backups?');
    assert.match(offboard.detail, /⚠ Once offboarding completes, their backups are deleted/);
    assert.equal(offboard.confirmLabel, 'Offboard 1 Mailbox');
    assert.deepEqual(protectionChangePlan({ kind: 'offboardUnits', workload: exchange, units: units(1) }).blocked,
      ['Debra Berger is protected: only a unit removed from its policy can be offboarded. Remove it first.']);
    const cancel = protectionChangePlan({ kind: 'cancelOffboard', workload: exchange, units: [{ name: 'Lee Gu', status: 'protected' }] });
    assert.deepEqual(cancel.blocked, ['Lee Gu is not waiting to be offboarded (protected).']);
  });

  it('rules: a dynamic rule is not run by hand; delete-and-unprotect names the units and is refused for sites', () => {
    const rule = { expression: 'members of Legal', isAutoApplyEnabled: true };
    assert.match(protectionChangePlan({ kind: 'runRule', workload: exchange, policy: active, rule }).blocked[0], /dynamic rule/);
    const drop = protectionChangePlan({ kind: 'deleteAndUnprotectRule', workload: exchange, policy: active, rule, units: units(2) });
    assert.ok(drop.detail.includes('Stops protecting 2 mailboxes that rules of "Exchange - all mailboxes" added:\n• Debra Berger\n• Lee Gu'));
    assert.match(drop.detail, /⚠ The rule "members of Legal" is deleted/);
    assert.equal(protectionChangePlan({ kind: 'deleteAndUnprotectRule', workload: workload('sharePoint'), policy: active, rule, units: [] }).blocked.length, 1);
    assert.deepEqual(protectionChangePlan({ kind: 'deleteAndUnprotectRule', workload: exchange, policy: active, rule: { ...rule, isAutoApplyEnabled: false }, units: [] }).blocked,
      ['This is a static rule: only a dynamic rule is deleted together with the units it protects.']);
  });

  it('bulk add lists the rows it will send', () => {
    const plan = protectionChangePlan({ kind: 'bulkAddUnits', workload: workload('oneDrive'), policy: active, jobName: 'New hires', rows: ['a@contoso.com', 'b@contoso.com'] });
    assert.equal(plan.title, 'Add 2 OneDrives to "Exchange - all mailboxes" in a bulk job?');
    assert.ok(plan.detail.includes('• a@contoso.com\n• b@contoso.com'));
    assert.equal(plan.confirmLabel, 'Add 2 OneDrives');
  });

  it('names a unit from the service by its name, never its id', () => {
    const unit: MailboxProtectionUnit = { id: 'b1d3c9e0-0000-4000-8000-000000000001', displayName: 'Debra Berger', email: 'debrab@contoso.com', status: 'protected' };
    assert.equal(planUnit(exchange, unit).name, 'Debra Berger');
    assert.equal(planUnit(exchange, { ...unit, displayName: null }).name, 'Deleted user (debrab)');
  });
});

describe('service change plans', () => {
  const on: NotificationSettingChange = { isEnabled: true, additionalEvents: 'restoreAndPolicyUpdates', recipients: { role: 'globalAdmins,custom', customRecipients: [{ email: 'debrab@contoso.com' }] } };

  it('turning notifications off names who stops being e-mailed', () => {
    const plan = notificationSettingPlan(on, { ...on, isEnabled: false });
    assert.equal(plan.title, 'Stop e-mail notifications about Backup Storage?');
    assert.ok(plan.detail.startsWith('Stops e-mailing:\n• Global admins\n• debrab@contoso.com'));
    assert.match(plan.detail, /nobody is e-mailed/);
  });

  it('changing recipients says who starts and stops, and refuses custom recipients without an address', () => {
    const plan = notificationSettingPlan(on, { ...on, recipients: { role: 'backupAdmins', customRecipients: [] } });
    assert.ok(plan.stops.includes('• Global admins') && plan.stops.includes('• debrab@contoso.com'));
    assert.ok(plan.starts.includes('• Backup admins'));
    assert.deepEqual(notificationSettingPlan(on, { ...on, recipients: { role: 'custom', customRecipients: [] } }).blocked, ['Custom recipients are chosen but no e-mail address is listed.']);
  });

  it('enabling needs the billing tenant as a GUID and says billing starts', () => {
    assert.equal(enableServicePlan({ appOwnerTenantId: 'contoso' }).blocked.length, 1);
    const plan = enableServicePlan({ current: 'disabled', appOwnerTenantId: '7d1f0c3e-5a2b-4c8d-9e10-2f3a4b5c6d7e' });
    assert.deepEqual(plan.blocked, []);
    assert.match(plan.detail, /billed through the billing profile/);
    assert.match(plan.detail, /Now: Backup is turned off/);
    assert.equal(plan.confirmLabel, 'Turn On Backup Storage');
  });
});
