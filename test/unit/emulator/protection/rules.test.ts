// Inclusion rules and unit bulk addition jobs over HTTP: the seeded ones, create → active → completed or
// completedWithErrors (with the rows that failed), run for static rules, PATCH and deleteAndUnprotect for dynamic
// ones, and the documented refusals.
import { strict as assert } from 'assert';
import type { Client } from '../service/helpers';
import { assertError, PREFER, start } from '../service/helpers';

const RESOLVE = 5 * 60 + 1;
const MAIL = (alias: string) => `${alias}@contoso.onmicrosoft.com`;
type Policy = { id: string; displayName: string; isEnabled: boolean };
type Unit = { id: string; displayName?: string; status: string; policyId: string; protectionSources: string };

describe('emulator protection: inclusion rules and unit bulk addition jobs', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'demo' }); });
  after(async () => { await api.emulator.close(); });
  beforeEach(async () => { await api.post('/_emulator/reset', { seed: 'demo' }); });

  const exchange = async (enabled: boolean): Promise<Policy> => (await api.get('/exchangeProtectionPolicies')).body.value.find((p: Policy) => p.isEnabled === enabled);
  const mailboxes = async (name: string): Promise<Unit[]> => (await api.get('/mailboxProtectionUnits?$top=999', PREFER)).body.value.filter((u: Unit) => u.displayName === name);

  it('seeds a completed site rule, a dynamic OneDrive rule with a failed row and jobs with and without failed rows', async () => {
    assert.deepEqual((await api.get('/siteInclusionRules')).body.value.map((r: { status: string }) => r.status), ['completed']);
    const drive = (await api.get('/driveInclusionRules')).body.value[0];
    assert.equal(drive.status, 'completedWithErrors');
    assert.equal(drive.error.details.length, 1);
    const job = (await api.get('/mailboxProtectionUnitsBulkAdditionJobs')).body.value[0];
    assert.equal(job.status, 'completedWithErrors');
    assert.deepEqual(job.error.details.map((d: { code: string }) => d.code), ['ProtectionUnitAlreadyExists', 'ProtectionUnitNotFound']);
    assert.equal((await api.get('/siteProtectionUnitsBulkAdditionJobs')).body.value[0].status, 'completed');
  });

  it('applies a static rule (active → completedWithErrors), runs it again, and refuses PATCH and run while busy', async () => {
    const policy = await exchange(true);
    const created = await api.post(`/exchangeProtectionPolicies/${policy.id}/mailboxInclusionRules`, { mailboxExpression: `(email -in ['${MAIL('kenjit')}', '${MAIL('nobody')}'])`, isAutoApplyEnabled: false });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.status, 'active');
    const path = `/exchangeProtectionPolicies/${policy.id}/mailboxInclusionRules/${created.body.id}`;
    assertError(await api.post(`${path}/run`), 400, 'ProtectionRuleActionNotAllowed');
    await api.advance(RESOLVE);
    const done = (await api.get(path)).body;
    assert.equal(done.status, 'completedWithErrors');
    assert.equal(done.error.details[0].target, MAIL('nobody'));
    const kenji = (await mailboxes('Kenji Tanaka')).find((u) => u.policyId === policy.id)!;
    assert.equal(kenji.status, 'protectRequested');
    assertError(await api.patch(path, { mailboxExpression: "(email -in ['x'])" }), 400, 'PatchNotAllowedForStaticRule');
    assertError(await api.patch(path, { isAutoApplyEnabled: true }), 400, 'InvalidProtectionRulePatchRequest');
    assert.equal((await api.post(`/mailboxInclusionRules/${created.body.id}/microsoft.graph.run`)).body.status, 'active');
    await api.advance(RESOLVE);
    assert.equal((await api.delete(path)).status, 204);
    assertError(await api.get(path), 404, 'ProtectionRuleNotFound');
  });

  it('refuses bad expressions and more than 100 groups', async () => {
    const policy = await exchange(true);
    const rules = `/exchangeProtectionPolicies/${policy.id}/mailboxInclusionRules`;
    assertError(await api.post(rules, { mailboxExpression: '' }), 400, 'InvalidRuleExpression');
    assertError(await api.post(rules, { mailboxExpression: 'x', color: 'blue' }), 400, 'InvalidInclusionRuleCreateRequest');
    const groups = Array.from({ length: 101 }, (_, i) => `'00000000-0000-4000-8000-${String(i).padStart(12, '0')}'`).join(',');
    assertError(await api.post(rules, { mailboxExpression: `(memberOf -any (group.id -in [${groups}]))` }), 413, 'InvalidRuleExpressionGroupLimitExceeded');
  });

  it('deletes a dynamic rule and unprotects its units with deleteAndUnprotect', async () => {
    const policy = await exchange(true);
    const rule = (await api.post(`/exchangeProtectionPolicies/${policy.id}/mailboxInclusionRules`, { mailboxExpression: `(email -in ['${MAIL('mateoa')}'])`, isAutoApplyEnabled: true })).body;
    const path = `/exchangeProtectionPolicies/${policy.id}/mailboxInclusionRules/${rule.id}`;
    assertError(await api.post(`${path}/deleteAndUnprotect`), 422, 'InvalidProtectionRuleStatusForDynamicRuleDeleteAndUnprotectAll');
    await api.advance(RESOLVE);
    assertError(await api.post(`${path}/run`), 400, 'RunNotAllowedForDynamicRule');
    assertError(await api.delete(path), 422, 'InvalidProtectionRuleStatusForDynamicRuleDeletion');
    const mateo = (await mailboxes('Mateo Alvarez')).find((u) => u.policyId === policy.id && u.status === 'protectRequested')!;
    assert.equal(mateo.protectionSources, 'dynamicRule');
    const deleting = await api.post(`${path}/deleteAndUnprotect`, undefined, PREFER);
    assert.equal(deleting.status, 200, deleting.text);
    assert.equal(deleting.body.status, 'deleteRequested');
    assert.equal((await api.get(path)).body.status, 'unknownFutureValue', 'an evolvable member without Prefer');
    assert.equal((await api.get(`/protectionUnits/${mateo.id}`)).body.status, 'unprotectRequested');
    await api.advance(15 * 60 + 1);
    assertError(await api.get(path), 404, 'ProtectionRuleNotFound');
    assert.equal((await api.get(`/protectionUnits/${mateo.id}`)).body.status, 'unprotected');
  });

  it('runs a bulk addition job to completedWithErrors, listing the rows that failed', async () => {
    const policy = await exchange(true);
    const jobs = `/exchangeProtectionPolicies/${policy.id}/mailboxProtectionUnitsBulkAdditionJobs`;
    const created = await api.post(jobs, { displayName: 'New hires', mailboxes: [MAIL('lauran'), MAIL('nobody'), MAIL('adelev')] });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.status, 'active');
    assert.equal(created.body['@odata.type'], '#microsoft.graph.mailboxProtectionUnitsBulkAdditionJob');
    await api.advance(RESOLVE);
    const done = (await api.get(`${jobs}/${created.body.id}`)).body;
    assert.equal(done.status, 'completedWithErrors');
    assert.deepEqual(done.error.details.map((d: { target: string; code: string }) => [d.target, d.code]), [
      [MAIL('nobody'), 'ProtectionUnitNotFound'], [MAIL('adelev'), 'ProtectionUnitAlreadyExists'],
    ]);
    assert.ok((await mailboxes('Laura Nguyen')).some((u) => u.policyId === policy.id && u.status === 'protectRequested'));
    assert.equal((await api.get(`/mailboxProtectionUnitsBulkAdditionJobs/${created.body.id}`)).body.id, created.body.id);
    assert.ok((await api.get(jobs)).body.value.some((j: { id: string }) => j.id === created.body.id), 'listed under its policy');
    assertError(await api.post(jobs, { displayName: 'Nothing' }), 400, 'BadRequest');
    const many = Array.from({ length: 50_001 }, (_, i) => `u${i}@contoso.onmicrosoft.com`);
    assertError(await api.post(jobs, { mailboxes: many }), 400, 'BulkJobResourcesCountExceedsLimit');
  });

  it('completes a job whose rows all resolve', async () => {
    const draft = await exchange(false);
    const job = (await api.post(`/exchangeProtectionPolicies/${draft.id}/mailboxProtectionUnitsBulkAdditionJobs`, { displayName: 'Omar', mailboxes: [MAIL('omarh')] })).body;
    await api.advance(RESOLVE);
    const done = (await api.get(`/exchangeProtectionPolicies/${draft.id}/mailboxProtectionUnitsBulkAdditionJobs/${job.id}`)).body;
    assert.equal(done.status, 'completed');
    assert.equal(done.error, null);
    assert.ok((await mailboxes('Omar Haddad')).some((u) => u.policyId === draft.id && u.status === 'unprotected'), 'inactive policy: added unprotected');
  });
});
