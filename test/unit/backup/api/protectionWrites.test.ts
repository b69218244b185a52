// Changes to protection through the facade, over HTTP against the real emulator (demo seed): a policy PATCH
// with `@delta` removes units (one a rule added refuses the whole request); a policy is created inactive and
// deleted; an active policy is deactivated; a removed unit is offboarded and the offboarding cancelled; the
// service is turned on and the notification setting changed and read back.
import { strict as assert } from 'assert';
import { GraphError } from '../../../../src/graph';
import type { MailboxProtectionUnit, ProtectionUnit } from '../../../../src/backup/model';
import { workload } from '../../../../src/backup/model';
import { startHarness, type Harness } from './harness';

describe('protection writes', function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startHarness('demo');
  });
  after(async () => {
    await h.close();
  });

  const exchange = workload('exchange');
  const byHand = (u: ProtectionUnit) => u.status === 'protected' && !(u.protectionSources ?? '').includes('dynamicRule');
  const byRuleOnly = (u: ProtectionUnit) => u.status === 'protected' && u.protectionSources === 'dynamicRule';

  it('removes units with one @delta PATCH; a unit a rule added refuses the request', async () => {
    const policies = await h.api.protection.policies(exchange);
    let chosen: { policyId: string; units: ProtectionUnit[] } | undefined;
    for (const policy of policies) {
      const units = await h.api.protection.policyUnits(exchange, policy.id);
      if (units.filter(byHand).length >= 2 && units.some(byRuleOnly)) chosen = { policyId: policy.id, units };
    }
    assert.ok(chosen, 'an Exchange policy with units added by hand and by a rule');
    const [a, b] = chosen.units.filter(byHand);
    const ruled = chosen.units.find(byRuleOnly)!;
    await assert.rejects(
      h.api.protectionWrites.changePolicyUnits(exchange, chosen.policyId, { remove: [a.id, ruled.id] }),
      (e: unknown) => e instanceof GraphError && e.status === 400 && e.code === 'ProtectionUnitActionNotAllowed',
      'a unit a rule added is not removed by hand, and the whole request is refused',
    );
    const result = await h.api.protectionWrites.changePolicyUnits(exchange, chosen.policyId, { remove: [a.id, b.id] });
    assert.deepEqual(result.accepted.map((u) => u.id).sort(), [a.id, b.id].sort());
    assert.ok(result.accepted.every((u) => u.status === 'removeRequested'), JSON.stringify(result.accepted));
    assert.deepEqual(result.failures, []);
    const still = chosen.units.filter(byHand)[2] as MailboxProtectionUnit;
    const again = await h.api.protectionWrites.changePolicyUnits(exchange, chosen.policyId, { add: [still.directoryObjectId!] });
    assert.deepEqual(again.accepted, []);
    assert.equal(again.failures[0]?.['@Core.DataModificationException'].info.code, 'ProtectionUnitAlreadyExists', 'a protected mailbox is refused on its own row');
    assert.equal(result.policy.id, chosen.policyId);
    assert.ok(!(`${exchange.protectionUnits.nav}@delta` in result.policy), 'the echo is not left on the policy');
  });

  it('creates a policy inactive and deletes it', async () => {
    const { body: created } = await h.api.protectionWrites.createPolicy(exchange, 'Legal hold', []);
    assert.equal(created.status, 'inactive');
    assert.equal(created.displayName, 'Legal hold');
    await h.api.protectionWrites.deletePolicy(created.id);
    await assert.rejects(h.api.tenant.policies().then((all) => all.find((p) => p.id === created.id) ?? Promise.reject(new Error('gone'))), /gone/);
  });

  it('refuses to delete an active policy with the documented 403', async () => {
    const active = (await h.api.protection.policies(workload('oneDrive'))).find((p) => p.status === 'active')!;
    await assert.rejects(h.api.protectionWrites.deletePolicy(active.id), (e: unknown) => e instanceof GraphError && e.status === 403 && e.code === 'PolicyActionNotAllowed');
    const { body } = await h.api.protectionWrites.deactivatePolicy(active.id);
    assert.notEqual(body.status, 'active');
  });

  it('offboards a removed unit and cancels the offboarding', async () => {
    const unit = (await h.api.tenant.units(workload('oneDrive'))).find((u) => u.status === 'unprotected')!;
    assert.ok(unit, 'an unprotected OneDrive in the demo seed');
    assert.equal((await h.api.protectionWrites.offboardUnit(unit.id)).body.status, 'offboardRequested');
    assert.notEqual((await h.api.protectionWrites.cancelOffboardUnit(unit.id)).body.status, 'offboardRequested');
  });

  it('turns the service on and changes who is e-mailed', async () => {
    const { body: status } = await h.api.protectionWrites.enableService('7d1f0c3e-5a2b-4c8d-9e10-2f3a4b5c6d7e');
    assert.ok(status.status, JSON.stringify(status));
    const saved = await h.api.protectionWrites.updateNotificationSetting({ isEnabled: true, recipients: { role: 'custom', customRecipients: [{ email: 'debrab@contoso.com' }] } });
    assert.equal(saved.isEnabled, true);
    const { body: read } = await h.api.protectionWrites.notificationSetting();
    assert.deepEqual(read.recipients.customRecipients.map((r) => r.email), ['debrab@contoso.com']);
  });

  it('runs a static rule and deletes a dynamic one with the units it protects', async () => {
    const sharePoint = workload('sharePoint');
    const [site] = await h.api.protection.policies(sharePoint);
    const [staticRule] = await h.api.protectionWrites.rules(sharePoint, site.id);
    assert.equal(staticRule.isAutoApplyEnabled, false);
    assert.equal((await h.api.protectionWrites.runRule(sharePoint, staticRule.id)).body.status, 'active');
    const oneDrive = workload('oneDrive');
    let dynamic: { policyId: string; ruleId: string } | undefined;
    for (const policy of await h.api.protection.policies(oneDrive)) {
      const rule = (await h.api.protectionWrites.rules(oneDrive, policy.id)).find((r) => r.isAutoApplyEnabled);
      if (rule) dynamic = { policyId: policy.id, ruleId: rule.id };
    }
    assert.ok(dynamic, 'a dynamic OneDrive rule in the demo seed');
    assert.equal((await h.api.protectionWrites.deleteRuleAndUnprotect(oneDrive, dynamic.ruleId)).body.status, 'deleteRequested');
  });

  it('creates a unit bulk job from addresses and reads it back', async () => {
    const [policy] = (await h.api.protection.policies(exchange)).filter((p) => p.status !== 'inactive');
    const { body: job } = await h.api.protectionWrites.createBulkJob(exchange, policy.id, { displayName: 'New hires', addresses: ['nobody.here@contoso.onmicrosoft.com'] });
    assert.equal(job.displayName, 'New hires');
    assert.deepEqual(job.mailboxes, ['nobody.here@contoso.onmicrosoft.com']);
    const { body: read } = await h.api.protectionWrites.bulkJob(exchange, policy.id, job.id);
    assert.equal(read.id, job.id);
    assert.ok(['active', 'completedWithErrors'].includes(read.status), read.status);
  });
});
