// Protection policies and units over HTTP: the demo seed's statuses, create with units and its documented
// refusals, PATCH with `@delta` (add, remove, per-item failures), activate / deactivate / delete with their
// status rules, offboard / cancelOffboard, and restore points that follow protection (none before it starts,
// none in a pause, none after the unit stops being protected).
import { strict as assert } from 'assert';
import type { Client } from '../service/helpers';
import { assertError, PREFER, start } from '../service/helpers';

const APPLY = 15 * 60 + 1;
type Unit = { id: string; status: string; directoryObjectId?: string; displayName?: string; policyId: string };
type Policy = { id: string; displayName: string; status: string; isEnabled: boolean };

describe('emulator protection: policies and units', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'demo' }); });
  after(async () => { await api.emulator.close(); });
  beforeEach(async () => { await api.post('/_emulator/reset', { seed: 'demo' }); });

  const policies = async (): Promise<Policy[]> => (await api.get('/protectionPolicies?$top=99')).body.value;
  const mainPolicy = async (collection: string): Promise<Policy> => (await api.get(`/${collection}`)).body.value.find((p: Policy) => p.isEnabled);
  const units = async (nav: string): Promise<Unit[]> => (await api.get(`/${nav}?$top=999`, PREFER)).body.value;
  const unit = async (id: string): Promise<Unit> => (await api.get(`/protectionUnits/${id}`, PREFER)).body;
  const person = async (name: string): Promise<Unit> => (await units('driveProtectionUnits')).find((u) => u.displayName === name)!;

  it('seeds a policy in every status and units in every status; offboarding statuses need Prefer', async () => {
    assert.deepEqual([...new Set((await policies()).map((p) => p.status))].sort(), ['active', 'activeWithErrors', 'inactive', 'updating']);
    const statuses = new Set((await api.get('/protectionUnits?$top=999', PREFER)).body.value.map((u: Unit) => u.status));
    for (const s of ['protectRequested', 'protected', 'unprotectRequested', 'unprotected', 'removeRequested', 'offboardRequested', 'offboarded', 'cancelOffboardRequested']) {
      assert.ok(statuses.has(s), `a unit in ${s}`);
    }
    const plain = (await api.get('/protectionUnits?$top=999')).body.value.map((u: Unit) => u.status);
    assert.ok(!plain.includes('offboarded') && plain.includes('unknownFutureValue'), 'evolvable members hidden without Prefer');
  });

  it('creates a policy with units (inactive, units unprotected) and refuses what Microsoft documents', async () => {
    const kenji = (await units('mailboxProtectionUnits')).find((u) => u.displayName === 'Kenji Tanaka')!;
    const adele = (await units('mailboxProtectionUnits')).find((u) => u.displayName === 'Adele Vance')!;
    const res = await api.post('/exchangeProtectionPolicies', { displayName: 'Field staff', mailboxProtectionUnits: [{ directoryObjectId: kenji.directoryObjectId }] });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, 'inactive');
    assert.equal(res.body['@odata.type'], '#microsoft.graph.exchangeProtectionPolicy');
    assert.match(res.headers.get('content-location') ?? '', /exchangeProtectionPolicies\('/);
    const created = (await api.get(`/exchangeProtectionPolicies/${res.body.id}/mailboxProtectionUnits`)).body.value;
    assert.deepEqual(created.map((u: Unit) => [u.displayName, u.status]), [['Kenji Tanaka', 'unprotected']]);
    assertError(await api.post('/exchangeProtectionPolicies', { displayName: '' }), 400, 'InvalidDisplayName');
    assertError(await api.post('/exchangeProtectionPolicies', { displayName: 'x'.repeat(1025) }), 400, 'InvalidDisplayName');
    const many = Array.from({ length: 51 }, (_, i) => ({ directoryObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    assertError(await api.post('/exchangeProtectionPolicies', { displayName: 'Too many', mailboxProtectionUnits: many }), 413, 'ProtectionUnitsLimitBreached');
    assertError(await api.post('/exchangeProtectionPolicies', { displayName: 'Taken', mailboxProtectionUnits: [{ directoryObjectId: adele.directoryObjectId }] }), 409, 'ProtectionUnitAlreadyExists');
    const twice = [{ directoryObjectId: kenji.directoryObjectId }, { directoryObjectId: kenji.directoryObjectId }];
    assertError(await api.post('/exchangeProtectionPolicies', { displayName: 'Twice', mailboxProtectionUnits: twice }), 400, 'DuplicateProtectionUnitInList');
    assertError(await api.post('/exchangeProtectionPolicies', { displayName: 'Odd', retentionSettings: [] }), 400, 'InvalidCreateRequest');
    assertError(await api.post(`/exchangeProtectionPolicies/${res.body.id}/activate`), 409, 'PolicyCreationNotAllowed');
  });

  it('deactivates, activates another policy, PATCHes units in and out with @delta, and deletes only inactive policies', async () => {
    const main = await mainPolicy('oneDriveForBusinessProtectionPolicies');
    assert.equal(main.status, 'active');
    const adele = await person('Adele Vance');
    const off = await api.post(`/protectionPolicies/${main.id}/deactivate`);
    assert.equal(off.status, 200, off.text);
    assert.equal(off.body.status, 'updating');
    assert.equal((await unit(adele.id)).status, 'unprotectRequested');
    assertError(await api.post(`/protectionPolicies/${main.id}/deactivate`), 403, 'PolicyActionNotAllowed');
    await api.advance(APPLY);
    assert.equal((await api.get(`/protectionPolicies/${main.id}`)).body.status, 'inactive');
    assert.equal((await unit(adele.id)).status, 'unprotected');

    const pilot = (await api.post('/oneDriveForBusinessProtectionPolicies', { displayName: 'OneDrive - pilot' })).body as Policy;
    assert.equal((await api.post(`/oneDriveForBusinessProtectionPolicies/${pilot.id}/microsoft.graph.activate`)).body.status, 'active');
    const patched = await api.patch(`/oneDriveForBusinessProtectionPolicies/${pilot.id}`, {
      displayName: 'OneDrive - pilot group',
      'driveProtectionUnits@delta': [
        { directoryObjectId: adele.directoryObjectId },
        { '@removed': { reason: 'changed' }, id: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.displayName, 'OneDrive - pilot group');
    assert.equal(patched.body.status, 'updating');
    const [added, missing] = patched.body['driveProtectionUnits@delta'];
    assert.equal(added.status, 'protectRequested');
    assert.equal(added.policyId, pilot.id);
    assert.notEqual(added.id, adele.id, 'a new unit for the resource');
    assert.equal(missing['@Core.DataModificationException'].info.code, 'ProtectionUnitNotFound');
    assert.equal(missing['@Core.DataModificationException'].failedOperation, 'remove');
    await api.advance(APPLY);
    assert.equal((await unit(added.id)).status, 'protected');
    assert.equal((await api.get(`/protectionPolicies/${pilot.id}`)).body.status, 'active');

    assertError(await api.delete(`/protectionPolicies/${pilot.id}`), 403, 'PolicyActionNotAllowed');
    const removed = await api.patch(`/oneDriveForBusinessProtectionPolicies/${pilot.id}`, { 'driveProtectionUnits@delta': [{ '@removed': { reason: 'changed' }, id: added.id }] });
    assert.equal(removed.body['driveProtectionUnits@delta'][0].status, 'removeRequested');
    await api.advance(APPLY);
    assert.equal((await unit(added.id)).status, 'unprotected');
    await api.post(`/protectionPolicies/${pilot.id}/deactivate`);
    assert.equal((await api.delete(`/oneDriveForBusinessProtectionPolicies/${pilot.id}`)).status, 204);
    assertError(await api.get(`/protectionPolicies/${pilot.id}`), 404, 'PolicyNotFound');
  });

  it('offboards only units no policy protects, and cancels an offboarding while it is requested', async () => {
    const units = (await api.get('/protectionUnits?$top=999', PREFER)).body.value as Unit[];
    const protectedUnit = units.find((u) => u.status === 'protected')!;
    assertError(await api.post(`/protectionUnits/${protectedUnit.id}/offboard`), 403, 'OperationNotAllowed');
    assertError(await api.post('/protectionUnits/nope/offboard'), 400, 'InvalidProtectionUnitId');
    const loose = units.find((u) => u.status === 'unprotected')!;
    const requested = await api.post(`/protectionUnits/${loose.id}/offboard`, undefined, PREFER);
    assert.equal(requested.status, 200, requested.text);
    assert.equal(requested.body.status, 'offboardRequested');
    assert.notEqual(requested.body.offboardRequestedDateTime, '0001-01-01T00:00:00Z');
    assert.equal((await api.post(`/protectionUnits/${loose.id}/offboard`)).status, 403);
    assert.equal((await api.post(`/protectionUnits/${loose.id}/cancelOffboard`, undefined, PREFER)).body.status, 'cancelOffboardRequested');
    await api.advance(APPLY);
    assert.equal((await unit(loose.id)).status, 'unprotected');
    await api.post(`/protectionUnits/${loose.id}/microsoft.graph.offboard`);
    await api.advance(APPLY);
    assert.equal((await unit(loose.id)).status, 'offboarded');
    assertError(await api.post(`/protectionUnits/${loose.id}/cancelOffboard`), 403, 'OperationNotAllowed');
  });

  it('takes restore points only while a unit is protected: a pause leaves a gap, and they resume after it', async () => {
    const main = await mainPolicy('oneDriveForBusinessProtectionPolicies');
    const adele = await person('Adele Vance');
    const pausedAt = await api.now();
    await api.post(`/protectionPolicies/${main.id}/deactivate`);
    await api.advance(APPLY + 3 * 3600);
    const resumedAt = await api.now();
    await api.post(`/protectionPolicies/${main.id}/activate`);
    await api.advance(APPLY + 3600);
    const stoppedAt = pausedAt + APPLY * 1000;
    const firstAfter = resumedAt + APPLY * 1000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const inGap = await api.get(`/restorePoints?$expand=protectionUnit($filter=id eq '${adele.id}')&$filter=protectionDateTime gt ${iso(stoppedAt)} and protectionDateTime lt ${iso(firstAfter - 1000)}`);
    assert.equal(inGap.status, 200, inGap.text);
    assert.deepEqual(inGap.body.value, [], 'no restore point while the policy was off');
    const latest = await api.points(adele.id);
    assert.ok(Date.parse(latest[0].protectionDateTime) >= firstAfter, 'points resume once protection is applied again');
    const before = await api.points(adele.id, stoppedAt);
    assert.ok(before.length > 0 && Date.parse(before[0].protectionDateTime) <= stoppedAt, 'points before the pause are kept');
  });
});

describe('emulator protection: time scale', () => {
  it('applies a requested change sooner at a faster time scale, as restores run faster', async () => {
    const api = await start({ seed: 'demo', timeScale: 60 });
    try {
      const main = (await api.get('/oneDriveForBusinessProtectionPolicies')).body.value.find((p: Policy) => p.isEnabled) as Policy;
      assert.equal((await api.post(`/protectionPolicies/${main.id}/deactivate`)).body.status, 'updating');
      await api.advance(10);
      assert.equal((await api.get(`/protectionPolicies/${main.id}`)).body.status, 'updating', 'not before 15 minutes / 60');
      await api.advance(6);
      assert.equal((await api.get(`/protectionPolicies/${main.id}`)).body.status, 'inactive');
    } finally { await api.emulator.close(); }
  });
});
