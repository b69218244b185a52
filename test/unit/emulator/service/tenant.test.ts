import { strict as assert } from 'assert';
import { WORKLOADS } from '../../../../src/backup/model';
import type { Client } from './helpers';
import { assertError, FAILING, start } from './helpers';

describe('emulator: service root, protection, restore points, browse, $batch', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'demo' }); });
  after(async () => { await api.emulator.close(); });

  it('GET /solutions/backupRestore returns the service root with serviceStatus enabled (v1.0 and beta)', async () => {
    for (const version of ['v1.0', 'beta']) {
      const res = await api.get(`/${version}/solutions/backupRestore`);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.serviceStatus.status, 'enabled');
      assert.equal(res.body['@odata.context'], `${api.url}/${version}/$metadata#solutions/backupRestore/$entity`);
    }
  });

  it('lists protection units: all (polymorphic), typed collections, casts, one, with paging and $filter', async () => {
    const all = await api.get('/protectionUnits?$top=999&$count=true');
    assert.equal(all.status, 200, all.text);
    assert.ok(all.body.value.every((u: Record<string, string>) => u['@odata.type']?.startsWith('#microsoft.graph.')));
    let typedTotal = 0;
    for (const w of WORKLOADS) {
      const typed = await api.get(`/${w.protectionUnits.nav}?$top=999`);
      const cast = await api.get(`/protectionUnits/${w.protectionUnits.type}?$top=999`);
      assert.equal(typed.status, 200);
      assert.equal(cast.body.value.length, typed.body.value.length);
      assert.ok(typed.body.value.every((u: Record<string, string>) => u['@odata.type'] === `#${w.protectionUnits.type}`));
      typedTotal += typed.body.value.length;
      const one = await api.get(`/${w.protectionUnits.nav}/${typed.body.value[0].id}`);
      assert.equal(one.status, 200);
      assert.equal(one.body.id, typed.body.value[0].id);
      const other = WORKLOADS.find((x) => x.id !== w.id)!;
      assertError(await api.get(`/${other.protectionUnits.nav}/${typed.body.value[0].id}`), 400, 'InvalidProtectionUnitId');
    }
    assert.equal(typedTotal, all.body['@odata.count']);
    const paged = await api.get('/protectionUnits?$top=2');
    assert.equal(paged.body.value.length, 2);
    const page2 = await api.get(paged.body['@odata.nextLink']);
    assert.notEqual(page2.body.value[0].id, paged.body.value[0].id);
    const protectedOnly = await api.get("/protectionUnits?$filter=status eq 'protected'&$top=999");
    assert.ok(protectedOnly.body.value.every((u: { status: string }) => u.status === 'protected'));
    assertError(await api.get('/protectionUnits/nope'), 400, 'InvalidProtectionUnitId');
  });

  it('lists protection policies (all and per workload), gets one and its units', async () => {
    const all = await api.get('/protectionPolicies');
    assert.equal(all.status, 200, all.text);
    assert.ok(all.body.value.length >= 3);
    for (const w of WORKLOADS) {
      const typed = await api.get(`/${w.policyCollection}`);
      assert.ok(typed.body.value.length >= 1, w.policyCollection);
      assert.ok(typed.body.value.every((p: Record<string, string>) => p['@odata.type'] === `#${w.policyType}`));
      const id = typed.body.value[0].id;
      assert.equal((await api.get(`/protectionPolicies/${id}`)).body.id, id);
      assert.equal((await api.get(`/${w.policyCollection}/${id}`)).status, 200);
      const units = await api.get(`/${w.policyCollection}/${id}/${w.protectionUnits.nav}?$top=999`);
      assert.equal(units.status, 200, units.text);
      assert.ok(units.body.value.every((u: { policyId: string }) => u.policyId === id));
    }
    assertError(await api.get('/protectionPolicies/nope'), 404, 'PolicyNotFound');
  });

  it('lists at most 5 restore points, requires $expand and $filter, supports $orderby, gets one', async () => {
    const [unit] = (await api.units('mailboxProtectionUnit')).filter((u) => u.status === 'protected');
    const now = new Date(await api.now()).toISOString();
    const expand = `$expand=protectionUnit($filter=id eq '${unit.id}')`;
    const res = await api.get(`/restorePoints?${expand}&$filter=protectionDateTime lt ${now}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.value.length, 5);
    assert.equal(res.body.value[0].protectionUnit.id, unit.id);
    assert.ok(Date.parse(res.body.value[0].protectionDateTime) > Date.parse(res.body.value[4].protectionDateTime));
    const weekAgo = new Date(Date.parse(now) - 7 * 86400_000).toISOString();
    const asc = await api.get(`/restorePoints?${expand}&$filter=protectionDateTime gt ${weekAgo} and protectionDateTime lt ${now}&$orderby=protectionDateTime asc`);
    assert.equal(asc.status, 200, asc.text);
    assert.ok(Date.parse(asc.body.value[0].protectionDateTime) > Date.parse(weekAgo));
    assert.ok(Date.parse(asc.body.value[0].protectionDateTime) < Date.parse(asc.body.value[1].protectionDateTime));
    assertError(await api.get(`/restorePoints?$filter=protectionDateTime lt ${now}`), 400, 'BadRequest');
    assertError(await api.get(`/restorePoints?${expand}`), 400, 'BadRequest');
    assertError(await api.get(`/restorePoints?${expand}&$filter=protectionDateTime lt ${now}&$top=2`), 400, 'BadRequest');
    const one = await api.get(`/restorePoints/${res.body.value[0].id}?$expand=protectionUnit`);
    assert.equal(one.status, 200, one.text);
    assert.equal(one.body.protectionUnit.id, unit.id);
    assertError(await api.get('/restorePoints/nope'), 404, 'itemNotFound');
  });

  it('searches restore points (POST /restorePoints/search)', async () => {
    const units = (await api.units('siteProtectionUnit')).filter((u) => u.status === 'protected').slice(0, 3);
    const now = await api.now();
    const res = await api.post('/restorePoints/search', {
      protectionUnitIds: units.map((u) => u.id),
      protectionTimePeriod: { startDateTime: new Date(now - 86400_000).toISOString(), endDateTime: new Date(now).toISOString() },
      restorePointPreference: 'oldest',
      tags: 'fastRestore',
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.searchResults.length, 3);
    assert.ok(res.body.searchResults.every((r: { restorePoint: { tags: string } }) => r.restorePoint.tags.includes('fastRestore')));
    assertError(await api.post('/restorePoints/search', { protectionUnitIds: [] }), 400, 'InvalidSearchRequest');
    assertError(await api.post('/restorePoints/search', { protectionUnitIds: ['x'], protectionTimePeriod: {}, extra: 1 }), 400, 'BadRequest');
  });

  it('browse sessions: list all and per workload, page through browse with GET ?$skiptoken, refuse non-fast points, expire after 3 days', async () => {
    const w = WORKLOADS.find((x) => x.id === 'sharePoint')!;
    const [fast] = await api.pointIds('siteProtectionUnit', 1, { fast: true, exclude: FAILING });
    const unit = (await api.units('siteProtectionUnit')).find((u) => u.status === 'protected' && !FAILING.some((f) => JSON.stringify(u).includes(f)));
    const slow = (await api.points(unit.id)).find((p) => !p.tags.includes('fastRestore'));
    assertError(await api.post('/sharePointBrowseSessions', { restorePointId: slow.id }), 400, 'InvalidRestorePoint');
    assertError(await api.post('/sharePointBrowseSessions', { restorePointId: 'nope' }), 400, 'InvalidRestorePoint');
    assertError(await api.post('/sharePointBrowseSessions', {}), 400, 'BadRequest');
    const [drivePoint] = await api.pointIds('driveProtectionUnit', 1, { fast: true, exclude: FAILING });
    assertError(await api.post('/sharePointBrowseSessions', { restorePointId: drivePoint }), 400, 'InvalidRestorePoint');
    const created = await api.post(`/${w.browseSessions!.nav}`, { restorePointId: fast });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body['@odata.type'], '#microsoft.graph.sharePointBrowseSession');
    assert.ok(created.body.siteId);
    const drive = await api.post('/oneDriveForBusinessBrowseSessions', { restorePointId: drivePoint });
    assert.equal(drive.status, 201, drive.text);
    assert.ok(drive.body.directoryObjectId);
    const all = await api.get('/browseSessions');
    assert.equal(all.body.value.length, 2);
    assert.equal((await api.get('/sharePointBrowseSessions')).body.value.length, 1);
    assert.equal((await api.get(`/browseSessions/${created.body.id}`)).status, 200);
    await api.advance(20);
    const id = created.body.id;
    const page1 = await api.post(`/sharePointBrowseSessions/${id}/browse`, { filter: "(name -contains 'e')" });
    assert.equal(page1.status, 200, page1.text);
    assert.match(page1.body['@odata.context'], /Collection\(microsoft\.graph\.browseQueryResponseItem\)$/);
    if (page1.body['@odata.nextLink']) {
      const page2 = await api.get(page1.body['@odata.nextLink']);
      assert.equal(page2.status, 200, page2.text);
      assert.ok(page2.body.value.length > 0);
      assert.notEqual(page2.body.value[0].itemKey, page1.body.value[0].itemKey);
    }
    assertError(await api.get(`/sharePointBrowseSessions/${id}/browse`), 400, 'BadRequest');
    await api.advance(3 * 86400);
    assertError(await api.get(`/sharePointBrowseSessions/${id}`), 404, 'itemNotFound');
  });

  it('$batch: dispatches up to 20 requests through the router, with per-request Prefer', async () => {
    const [point] = await api.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    const res = await api.post('/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/solutions/backupRestore/restoreSessions?$top=2' },
        { id: '2', method: 'POST', url: '/solutions/backupRestore/exchangeRestoreSessions', headers: { 'Content-Type': 'application/json' }, body: { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] } },
        { id: '3', method: 'GET', url: 'solutions/backupRestore/restoreSessions/not-a-guid' },
        { id: '4', method: 'GET', url: "/solutions/backupRestore/restoreSessions?$filter=status eq 'failed'&$top=1", headers: { Prefer: 'include-unknown-enum-members' } },
        { id: '5', method: 'GET', url: '/me' },
      ],
    });
    assert.equal(res.status, 200, res.text);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    assert.equal(byId['1'].status, 200);
    assert.equal(byId['1'].body.value.length, 2);
    assert.equal(byId['2'].status, 201);
    assert.equal(byId['2'].body.status, 'draft');
    assert.equal(byId['3'].status, 400);
    assert.equal(byId['3'].body.error.code, 'InvalidRestoreSessionId');
    assert.equal(byId['4'].status, 200);
    assert.equal(byId['4'].headers['Preference-Applied'], 'include-unknown-enum-members');
    assert.equal(byId['5'].status, 400);
    assert.equal((await api.get(`/restoreSessions/${byId['2'].body.id}`)).status, 200);
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/solutions/backupRestore' }));
    assertError(await api.post('/v1.0/$batch', { requests: tooMany }), 400, 'BadRequest');
    const getBatch = await api.get('/v1.0/$batch');
    assertError(getBatch, 405, 'MethodNotAllowed');
  });
});
