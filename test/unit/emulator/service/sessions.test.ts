import { strict as assert } from 'assert';
import { WORKLOADS } from '../../../../src/backup/model';
import type { Client } from './helpers';
import { assertError, FAILING, isGuid, PREFER, start } from './helpers';

const unitType = (w: (typeof WORKLOADS)[number]) => w.protectionUnits.type.replace('microsoft.graph.', '');

describe('emulator: restore sessions', () => {
  let api: Client;
  before(async () => { api = await start(); });
  after(async () => { await api.emulator.close(); });
  beforeEach(async () => { await api.post('/_emulator/reset', { seed: 'empty' }); });

  for (const w of WORKLOADS) {
    describe(w.label, () => {
      it('creates an empty session (standard, draft) and gets it from both collections', async () => {
        const created = await api.post(`/${w.sessionCollection}`, {});
        assert.equal(created.status, 201, created.text);
        assert.ok(isGuid(created.body.id));
        assert.equal(created.body.status, 'draft');
        assert.equal(created.body.restoreJobType, 'standard');
        assert.deepEqual(created.body.restoreSessionArtifactCount, { total: 0, completed: 0, failed: 0, inProgress: 0 });
        assert.equal(created.body['@odata.context'], `${api.url}/v1.0/$metadata#solutions/backupRestore/${w.sessionCollection}/$entity`);
        const typed = await api.get(`/${w.sessionCollection}/${created.body.id}`);
        assert.equal(typed.status, 200);
        assert.equal(typed.body.id, created.body.id);
        const base = await api.get(`/restoreSessions/${created.body.id}`);
        assert.equal(base.body['@odata.type'], `#${w.sessionType}`);
        assert.match(base.body['@odata.context'], /#solutions\/backupRestore\/restoreSessions\/\$entity$/);
        // An empty POST without a body works too.
        const bodiless = await api.call('POST', `/${w.sessionCollection}`);
        assert.equal(bodiless.status, 201, bodiless.text);
      });

      it('creates with standard artifacts, lists them, gets one, patches (add + remove + unknown remove) and deletes', async () => {
        const [p1, p2, p3] = await api.pointIds(unitType(w), 3, { exclude: FAILING });
        const created = await api.post(`/${w.sessionCollection}`, {
          '@odata.type': `#${w.sessionType}`,
          [w.standardArtifacts.nav]: [{ restorePoint: { id: p1 }, destinationType: 'new' }, { restorePoint: { id: p2 }, destinationType: 'new' }],
        });
        assert.equal(created.status, 201, created.text);
        assert.equal(created.body.restoreSessionArtifactCount.total, 2);
        const id = created.body.id;
        const list = await api.get(`/${w.sessionCollection}/${id}/${w.standardArtifacts.nav}`);
        assert.equal(list.status, 200, list.text);
        assert.equal(list.body.value.length, 2);
        assert.equal(list.body['@odata.context'], `${api.url}/v1.0/$metadata#solutions/backupRestore/${w.sessionCollection}('${id}')/${w.standardArtifacts.nav}`);
        const first = list.body.value[0];
        assert.equal(first['@odata.type'], `#${w.standardArtifacts.type}`);
        assert.equal(first.status, 'added');
        assert.equal(first.restorePoint.id, p1);
        assert.ok(first.restorePoint.protectionDateTime);
        const one = await api.get(`/${w.sessionCollection}/${id}/${w.standardArtifacts.nav}/${first.id}`);
        assert.equal(one.status, 200);
        assert.equal(one.body.id, first.id);

        const missing = '00000000-1111-4222-8333-444444444444';
        const patched = await api.patch(`/${w.sessionCollection}/${id}`, {
          [`${w.standardArtifacts.nav}@delta`]: [
            { restorePoint: { id: p3 }, destinationType: 'new' },
            { '@removed': { reason: 'changed' }, id: first.id },
            { '@removed': { reason: 'changed' }, id: missing },
          ],
        });
        assert.equal(patched.status, 200, patched.text);
        const delta = patched.body[`${w.standardArtifacts.nav}@delta`];
        const added = delta.find((d: any) => d.restorePoint?.id === p3); // eslint-disable-line @typescript-eslint/no-explicit-any
        assert.ok(isGuid(added.id));
        assert.equal(added.status, 'added');
        const failure = delta.find((d: any) => d['@Core.DataModificationException']); // eslint-disable-line @typescript-eslint/no-explicit-any
        assert.equal(failure.id, missing);
        assert.equal(failure['@contentId'], missing);
        assert.equal(failure['@Core.DataModificationException'].failedOperation, 'remove');
        assert.equal(failure['@Core.DataModificationException'].responseCode, 409);
        const after = await api.get(`/restoreSessions/${id}`);
        assert.equal(after.body.restoreSessionArtifactCount.total, 2);

        assert.equal((await api.delete(`/restoreSessions/${id}`)).status, 204);
        assertError(await api.get(`/restoreSessions/${id}`), 404, 'RestoreSessionNotFound');
      });

      it('enforces the documented write rules', async () => {
        const points = await api.pointIds(unitType(w), 2, { exclude: FAILING });
        const nav = w.standardArtifacts.nav;
        // Mixed destinations.
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: points[0] }, destinationType: 'new' }, { restorePoint: { id: points[1] }, destinationType: 'inPlace' }] }), 400, 'DifferentRestoreDestinationType');
        // Duplicates.
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: points[0] }, destinationType: 'new' }, { restorePoint: { id: points[0] }, destinationType: 'new' }] }), 400, 'DuplicateArtifactInList');
        // Unknown restore point.
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: 'no-such-point' }, destinationType: 'new' }] }), 400, 'InvalidRestorePoint');
        // A restore point of another workload.
        const other = WORKLOADS.find((x) => x.id !== w.id)!;
        const [foreign] = await api.pointIds(unitType(other), 1, { exclude: FAILING });
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: foreign }, destinationType: 'new' }] }), 400, 'InvalidRestorePoint');
        // More than 50 artifacts: 413 on create, 400 on PATCH.
        const many = Array.from({ length: 51 }, () => ({ restorePoint: { id: points[0] }, destinationType: 'new' }));
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: many }), 413, 'RestoreArtifactsLimitBreached');
        const draft = (await api.post(`/${w.sessionCollection}`, {})).body.id;
        assertError(await api.patch(`/${w.sessionCollection}/${draft}`, { [`${nav}@delta`]: many }), 400, 'RestoreArtifactsLimitBreached');
        // Standard + granular in one request.
        const granularItem = w.granularArtifacts.source === 'browse' ? { browseSessionId: 'bs_x', id: 'k' } : { restorePoint: { id: points[1] }, destinationType: 'new', searchResponseId: 's' };
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: points[0] }, destinationType: 'new' }], [w.granularArtifacts.nav]: [granularItem] }), 400, 'InvalidArtifactRequest');
        // Empty list, unknown property, wrong @odata.type, wrong value type.
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [] }), 400, 'InvalidArtifactRequest');
        const unknown = await api.post(`/${w.sessionCollection}`, { color: 'red' });
        assertError(unknown, 400, 'BadRequest');
        assert.match(unknown.body.error.message, /color/);
        assertError(await api.post(`/${w.sessionCollection}`, { '@odata.type': '#microsoft.graph.somethingElse' }), 400, 'BadRequest');
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: 'nope' }), 400, 'BadRequest');
        assertError(await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: points[0] }, destinationType: 'sideways' }] }), 400, 'BadRequest');
        // Ids.
        assertError(await api.get(`/${w.sessionCollection}/not-a-guid`), 400, 'InvalidRestoreSessionId');
        assertError(await api.get('/restoreSessions/00000000-0000-4000-8000-000000000000'), 404, 'RestoreSessionNotFound');
        assertError(await api.post('/restoreSessions/00000000-0000-4000-8000-000000000000/activate'), 404, 'RestoreSessionNotFound');
        // A session of another workload is not found in this typed collection.
        const foreignSession = (await api.post(`/${other.sessionCollection}`, {})).body.id;
        assertError(await api.get(`/${w.sessionCollection}/${foreignSession}`), 404, 'RestoreSessionNotFound');
        // Activating an empty session without a bulk request is refused.
        assertError(await api.post(`/restoreSessions/${draft}/activate`), 400, 'InvalidArtifactRequest');
      });

      it('allows patch / delete / activate only in draft (403 RestoreSessionActionNotAllowed)', async () => {
        const [p1, p2] = await api.pointIds(unitType(w), 2, { exclude: FAILING });
        const nav = w.standardArtifacts.nav;
        const id = (await api.post(`/${w.sessionCollection}`, { [nav]: [{ restorePoint: { id: p1 }, destinationType: 'inPlace' }] })).body.id;
        const activated = await api.post(`/restoreSessions/${id}/activate`);
        assert.equal(activated.status, 200, activated.text);
        assert.equal(activated.body.status, 'activating');
        assert.equal(activated.body.restoreSessionArtifactCount.inProgress, 1);
        assertError(await api.post(`/restoreSessions/${id}/activate`), 403, 'RestoreSessionActionNotAllowed');
        assertError(await api.patch(`/${w.sessionCollection}/${id}`, { [`${nav}@delta`]: [{ restorePoint: { id: p2 }, destinationType: 'inPlace' }] }), 403, 'RestoreSessionActionNotAllowed');
        assertError(await api.delete(`/restoreSessions/${id}`), 403, 'RestoreSessionActionNotAllowed');
      });
    });
  }

  it('matches path segments case-insensitively and answers in CSDL casing', async () => {
    const created = await api.post('/sharepointRestoreSessions', {});
    assert.equal(created.status, 201, created.text);
    assert.match(created.body['@odata.context'], /sharePointRestoreSessions\/\$entity$/);
    const list = await api.get('/SHAREPOINTRESTORESESSIONS');
    assert.equal(list.status, 200);
    assert.match(list.body['@odata.context'], /sharePointRestoreSessions$/);
    const keyed = await api.get(`/restoreSessions('${created.body.id}')`);
    assert.equal(keyed.status, 200, keyed.text);
  });

  it('refuses activation beyond 25 running sessions with 500 TooManyActiveRestoreSessions', async () => {
    const [point] = await api.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    for (let i = 0; i < 25; i++) {
      const id = (await api.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
      assert.equal((await api.post(`/restoreSessions/${id}/activate`)).status, 200);
    }
    const id = (await api.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
    assertError(await api.post(`/restoreSessions/${id}/activate`), 500, 'TooManyActiveRestoreSessions');
    await api.advance(7 * 24 * 3600);
    assert.equal((await api.post(`/restoreSessions/${id}/activate`)).status, 200);
  });

  it('expands artifact navigations and selects properties on get', async () => {
    const [point] = await api.pointIds('siteProtectionUnit', 1, { exclude: FAILING });
    const id = (await api.post('/sharePointRestoreSessions', { siteRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
    const res = await api.get(`/sharePointRestoreSessions/${id}?$expand=siteRestoreArtifacts&$select=status`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'draft');
    assert.equal(res.body.createdDateTime, undefined);
    assert.equal(res.body.siteRestoreArtifacts.length, 1);
    assertError(await api.get(`/sharePointRestoreSessions/${id}?$expand=mailboxRestoreArtifacts`), 400, 'BadRequest');
  });

  it('removes terminal sessions older than a year', async () => {
    const [point] = await api.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    const id = (await api.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
    await api.post(`/restoreSessions/${id}/activate`);
    const draft = (await api.post('/exchangeRestoreSessions', {})).body.id;
    await api.advance(2 * 24 * 3600);
    assert.equal((await api.get(`/restoreSessions/${id}`, PREFER)).body.status, 'completed');
    await api.advance(366 * 24 * 3600);
    assertError(await api.get(`/restoreSessions/${id}`), 404, 'RestoreSessionNotFound');
    // Drafts are not terminal: they stay.
    assert.equal((await api.get(`/restoreSessions/${draft}`)).status, 200);
  });
});
