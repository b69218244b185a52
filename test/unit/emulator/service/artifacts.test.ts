import { strict as assert } from 'assert';
import type { Client } from './helpers';
import { assertError, FAILING, PREFER, start } from './helpers';

describe('emulator: artifact lists and edge cases', () => {
  let api: Client;
  before(async () => { api = await start(); });
  after(async () => { await api.emulator.close(); });
  beforeEach(async () => { await api.post('/_emulator/reset', { seed: 'empty' }); });

  it('pages, filters, counts and selects standard artifacts; 404 for an unknown artifact', async () => {
    const points = await api.pointIds('siteProtectionUnit', 3, { exclude: FAILING });
    const id = (await api.post('/sharePointRestoreSessions', { siteRestoreArtifacts: points.map((p) => ({ restorePoint: { id: p }, destinationType: 'inPlace' })) })).body.id;
    const page1 = await api.get(`/beta/solutions/backupRestore/sharePointRestoreSessions/${id}/siteRestoreArtifacts?$top=2&$count=true&$select=status`);
    assert.equal(page1.status, 200, page1.text);
    assert.equal(page1.body['@odata.count'], 3);
    assert.equal(page1.body.value.length, 2);
    assert.deepEqual(Object.keys(page1.body.value[0]).sort(), ['@odata.type', 'id', 'status']);
    assert.ok(page1.body['@odata.nextLink'].startsWith(`${api.url}/beta/solutions/backupRestore/sharePointRestoreSessions/${id}/siteRestoreArtifacts?`));
    const page2 = await api.get(page1.body['@odata.nextLink']);
    assert.equal(page2.body.value.length, 1);
    assert.equal(page2.body['@odata.nextLink'], undefined);
    const added = await api.get(`/sharePointRestoreSessions/${id}/siteRestoreArtifacts?$filter=status eq 'added'`);
    assert.equal(added.body.value.length, 3);
    assertError(await api.get(`/sharePointRestoreSessions/${id}/siteRestoreArtifacts/00000000-0000-4000-8000-000000000000`), 404, 'itemNotFound');
    assertError(await api.get(`/sharePointRestoreSessions/${id}/siteRestoreArtifacts?$orderby=status`), 400, 'BadRequest');
  });

  it('activates through the typed path as well', async () => {
    const [point] = await api.pointIds('driveProtectionUnit', 1, { exclude: FAILING });
    const id = (await api.post('/oneDriveForBusinessRestoreSessions', { driveRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
    const res = await api.post(`/oneDriveForBusinessRestoreSessions/${id}/activate`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body['@odata.type'], '#microsoft.graph.oneDriveForBusinessRestoreSession');
  });

  it('fails an activated bulk session whose request resolves nothing, naming the resources', async () => {
    const id = (await api.post('/exchangeRestoreSessions', {})).body.id;
    const created = await api.post(`/exchangeRestoreSessions/${id}/mailboxRestoreArtifactsBulkAdditionRequests`, { mailboxes: ['ghost@contoso.com'] });
    assert.equal(created.status, 201, created.text);
    const activated = await api.post(`/restoreSessions/${id}/activate`, undefined, PREFER);
    assert.equal(activated.status, 200, activated.text);
    assert.equal(activated.body.status, 'failed');
    assert.equal(activated.body.restoreJobType, 'bulk');
    const request = (await api.get(`/exchangeRestoreSessions/${id}/mailboxRestoreArtifactsBulkAdditionRequests/${created.body.id}`)).body;
    assert.equal(request.status, 'completedWithErrors');
    assert.match(request.error.message, /ghost@contoso\.com/);
  });

  it('PATCH of granular file artifacts accepts itemKey and echoes removals', async () => {
    const [point] = await api.pointIds('siteProtectionUnit', 1, { fast: true, exclude: FAILING });
    const browse = (await api.post('/sharePointBrowseSessions', { restorePointId: point })).body.id;
    await api.advance(15);
    const files = (await api.post(`/sharePointBrowseSessions/${browse}/browse`, { filter: "(name -contains '.')" })).body.value.filter((i: { type: string }) => i.type === 'file');
    const id = (await api.post('/sharePointRestoreSessions', { granularSiteRestoreArtifacts: [{ browseSessionId: browse, id: files[0].itemKey }] })).body.id;
    const res = await api.patch(`/sharePointRestoreSessions/${id}`, {
      'granularSiteRestoreArtifacts@delta': [
        { browseSessionId: browse, itemKey: files[1].itemKey },
        { '@removed': { reason: 'changed' }, id: files[0].itemKey },
      ],
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body['@context'], '#$delta');
    const delta = res.body['granularSiteRestoreArtifacts@delta'];
    assert.ok(delta.some((d: { '@removed'?: unknown; id: string }) => d['@removed'] && d.id === files[0].itemKey));
    assert.ok(delta.some((d: { status?: string; id: string }) => d.status === 'added' && d.id === files[1].itemKey));
    const list = (await api.get(`/sharePointRestoreSessions/${id}/granularSiteRestoreArtifacts`)).body.value;
    assert.deepEqual(list.map((a: { id: string }) => a.id), [files[1].itemKey]);
    assertError(await api.patch(`/sharePointRestoreSessions/${id}`, { 'granularSiteRestoreArtifacts@delta': [{ browseSessionId: browse, itemKey: 'no-such-item' }] }), 400, 'InvalidArtifactRequest');
    assertError(await api.patch(`/sharePointRestoreSessions/${id}`, { 'granularSiteRestoreArtifacts@delta': [{ browseSessionId: browse, id: files[1].itemKey }] }), 400, 'DuplicateArtifactInList');
  });

  it('demo seed: ~30 sessions of every workload whose running sessions keep moving', async () => {
    await api.post('/_emulator/reset', { seed: 'demo' });
    const state = (await api.get('/_emulator/state')).body;
    assert.ok(state.sessions >= 25);
    assert.ok(state.runningSessions > 0);
    await api.advance(30 * 86400);
    const after = (await api.get('/_emulator/state')).body;
    assert.equal(after.runningSessions, 0);
    assert.equal(after.sessionsByStatus.active ?? 0, 0);
    assert.equal(after.sessionsByStatus.activating ?? 0, 0);
  });
});
