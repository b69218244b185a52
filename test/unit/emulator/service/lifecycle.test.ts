import { strict as assert } from 'assert';
import { aggregateSessionStatus, WORKLOADS } from '../../../../src/backup/model';
import type { Client } from './helpers';
import { assertError, FAILING, FAILING_BY_WORKLOAD, PREFER, start } from './helpers';

type W = (typeof WORKLOADS)[number];
const unitType = (w: W) => w.protectionUnits.type.replace('microsoft.graph.', '');
const DAY = 24 * 3600;

/** Granular artifacts to add: a mailbox search result, or files picked through a browse session. */
async function granularItems(api: Client, w: W): Promise<Record<string, unknown>[]> {
  if (w.granularArtifacts.source === 'search') {
    const unit = (await api.units(unitType(w))).find((u) => u.status === 'protected' && !FAILING.some((f) => JSON.stringify(u).includes(f)));
    const now = await api.now();
    const search = await api.post('/restorePoints/search', {
      protectionUnitIds: [unit.id],
      protectionTimePeriod: { startDateTime: new Date(now - 7 * DAY * 1000).toISOString(), endDateTime: new Date(now).toISOString() },
      restorePointPreference: 'latest',
      artifactQuery: { artifactType: 'message', queryExpression: "(Subject -like '*invoice*')" },
    });
    assert.equal(search.status, 200, search.text);
    const point = search.body.searchResults[0].restorePoint;
    assert.equal(point.protectionUnit.id, unit.id);
    return [{ restorePoint: { id: point.id }, destinationType: 'new', searchResponseId: search.body.searchResponseId }];
  }
  const [point] = await api.pointIds(unitType(w), 1, { fast: true, exclude: FAILING });
  const browseNav = w.browseSessions!.nav;
  const created = await api.post(`/${browseNav}`, { restorePointId: point });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.status, 'creating');
  assert.equal(created.body.restorePointId, point);
  assert.equal(Date.parse(created.body.expirationDateTime) - Date.parse(created.body.createdDateTime), 3 * DAY * 1000);
  assertError(await api.post(`/${browseNav}/${created.body.id}/browse`, {}), 400, 'invalidRequest');
  await api.advance(15);
  assert.equal((await api.get(`/${browseNav}/${created.body.id}`)).body.status, 'created');
  const top = await api.post(`/${browseNav}/${created.body.id}/browse`, {});
  assert.equal(top.status, 200, top.text);
  assert.ok(top.body['@odata.count'] >= 1);
  const found = await api.post(`/${browseNav}/${created.body.id}/browse`, { filter: "(name -contains '.')", orderBy: 'nameAsc' });
  assert.equal(found.status, 200, found.text);
  const files = found.body.value.filter((i: { type: string }) => i.type === 'file');
  assert.ok(files.length >= 2, 'expected files in the browse tree');
  // One item with `id`, one with `itemKey` (the docs show both; §8.4).
  return [{ browseSessionId: created.body.id, id: files[0].itemKey }, { browseSessionId: created.body.id, itemKey: files[1].itemKey }];
}

function checkTerminalArtifact(w: W, a: Record<string, any>, kind: 'standard' | 'granular'): void { // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.ok(a.status === 'succeeded' || a.status === 'failed', `artifact ${a.id} is ${a.status}`);
  assert.ok(Date.parse(a.startDateTime) > 0);
  assert.ok(Date.parse(a.completionDateTime) >= Date.parse(a.startDateTime));
  if (kind === 'granular' && w.granularArtifacts.source === 'browse') {
    if (a.status === 'succeeded') {
      assert.equal(a.restoredItemKey, a.id);
      assert.ok(a.restoredItemPath);
      assert.ok(a.restoredItemWebUrl);
    }
    assert.ok(a.restorePointDateTime);
    return;
  }
  if (a.status === 'failed') {
    assert.ok(a.error?.code, 'a failed artifact carries an error');
    return;
  }
  assert.equal(a.error, null);
  if (w.restoredLocation.urlField === null) {
    assert.ok(Number.isInteger(a.restoredItemCount));
    if (a.destinationType === 'new') assert.ok(a.restoredFolderName);
  } else {
    assert.ok(a.restoredSiteId);
    assert.ok(a.restoredSiteName);
    assert.ok(a.restoredSiteWebUrl.startsWith('https://'));
  }
}

describe('emulator: lifecycle', () => {
  let api: Client;
  before(async () => { api = await start(); });
  after(async () => { await api.emulator.close(); });
  beforeEach(async () => { await api.post('/_emulator/reset', { seed: 'empty' }); });

  async function runToTerminal(w: W, id: string, kind: 'standard' | 'granular', expectedTotal: number): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const activated = await api.post(`/restoreSessions/${id}/activate`, undefined, PREFER);
    assert.equal(activated.status, 200, activated.text);
    assert.equal(activated.body.status, 'activating');
    const nav = kind === 'standard' ? w.standardArtifacts.nav : w.granularArtifacts.nav;
    let artifacts = (await api.get(`/${w.sessionCollection}/${id}/${nav}`)).body.value;
    assert.ok(artifacts.every((a: { status: string }) => a.status === 'scheduling'));
    await api.advance(40);
    let session = (await api.get(`/restoreSessions/${id}`, PREFER)).body;
    assert.equal(session.status, 'active');
    artifacts = (await api.get(`/${w.sessionCollection}/${id}/${nav}`)).body.value;
    assert.ok(artifacts.every((a: { status: string }) => a.status === 'scheduled'));
    await api.advance(70);
    artifacts = (await api.get(`/${w.sessionCollection}/${id}/${nav}`)).body.value;
    assert.ok(['inProgress', 'succeeded', 'failed'].includes(artifacts[0].status), artifacts[0].status);
    await api.advance(DAY);
    session = (await api.get(`/restoreSessions/${id}`, PREFER)).body;
    artifacts = (await api.get(`/${w.sessionCollection}/${id}/${nav}`)).body.value;
    assert.equal(artifacts.length, expectedTotal);
    for (const a of artifacts) checkTerminalArtifact(w, a, kind);
    const statuses = artifacts.map((a: { status: 'succeeded' | 'failed' }) => a.status);
    assert.equal(session.status, aggregateSessionStatus(statuses, 'active'));
    assert.equal(session.restoreSessionArtifactCount.total, expectedTotal);
    assert.equal(session.restoreSessionArtifactCount.completed, statuses.filter((s: string) => s === 'succeeded').length);
    assert.equal(session.restoreSessionArtifactCount.inProgress, 0);
    assert.ok(Date.parse(session.completedDateTime) >= Date.parse(session.createdDateTime));
    if (session.status === 'completed') assert.equal(session.error, null);
    else assert.ok(session.error.code);
    return session;
  }

  for (const w of WORKLOADS) {
    describe(w.label, () => {
      it('standard: draft → activating → active → completed, with restored locations', async () => {
        const points = await api.pointIds(unitType(w), 2, { exclude: FAILING });
        const id = (await api.post(`/${w.sessionCollection}`, { [w.standardArtifacts.nav]: points.map((p) => ({ restorePoint: { id: p }, destinationType: 'new' })) })).body.id;
        const session = await runToTerminal(w, id, 'standard', 2);
        assert.equal(session.status, 'completed');
        assert.equal(session.restoreJobType, 'standard');
      });

      it('standard with a failing unit: completedWithError, and failed (unknownFutureValue without Prefer)', async () => {
        const failing = (await api.units(unitType(w))).find((u) => FAILING_BY_WORKLOAD[w.id].some((f) => JSON.stringify(u).includes(f)) && u.status === 'protected');
        const [bad] = (await api.points(failing.id)).map((p) => p.id);
        const [good] = await api.pointIds(unitType(w), 1, { exclude: FAILING });
        const mixed = (await api.post(`/${w.sessionCollection}`, { [w.standardArtifacts.nav]: [bad, good].map((p) => ({ restorePoint: { id: p }, destinationType: 'inPlace' })) })).body.id;
        assert.equal((await runToTerminal(w, mixed, 'standard', 2)).status, 'completedWithError');
        const allBad = (await api.post(`/${w.sessionCollection}`, { [w.standardArtifacts.nav]: [{ restorePoint: { id: bad }, destinationType: 'inPlace' }] })).body.id;
        assert.equal((await runToTerminal(w, allBad, 'standard', 1)).status, 'failed');
        const plain = await api.get(`/restoreSessions/${allBad}`);
        assert.equal(plain.body.status, 'unknownFutureValue');
        assert.equal(plain.headers.get('preference-applied'), null);
      });

      it('granular: created with granular artifacts (restoreJobType granular), runs to completion', async () => {
        const items = await granularItems(api, w);
        const created = await api.post(`/${w.sessionCollection}`, { [w.granularArtifacts.nav]: items }, PREFER);
        assert.equal(created.status, 201, created.text);
        assert.equal(created.body.restoreJobType, 'granular');
        assert.equal((await api.post(`/${w.sessionCollection}`, { [w.granularArtifacts.nav]: items })).body.restoreJobType, 'unknownFutureValue');
        const list = await api.get(`/${w.sessionCollection}/${created.body.id}/${w.granularArtifacts.nav}`);
        assert.equal(list.body.value.length, items.length);
        if (w.granularArtifacts.source === 'browse') {
          assert.equal(list.body.value[1].id, items[1].itemKey, 'an item added by itemKey is returned with id');
          assertError(await api.get(`/${w.sessionCollection}/${created.body.id}/${w.granularArtifacts.nav}?$top=1`), 400, 'BadRequest');
        }
        const session = await runToTerminal(w, created.body.id, 'granular', items.length);
        assert.equal(session.restoreJobType, 'granular');
        assert.equal(session.status, 'completed');
      });

      it('bulk: request stays active until activation, then materialises artifacts and completes with errors for unknown resources', async () => {
        const spec = w.bulkRequests;
        const units = (await api.units(unitType(w))).filter((u) => u.status === 'protected' && !FAILING.some((f) => JSON.stringify(u).includes(f))).slice(0, 2);
        const session = await api.post(`/${w.sessionCollection}`, {});
        const id = session.body.id;
        const unknownResource = spec.resourceField === 'siteWebUrls' ? 'https://contoso.sharepoint.com/sites/NoSuchSite' : 'nobody@contoso.onmicrosoft.com';
        const resources = units.map((u) => u[w.protectionUnits.addressField]).filter(Boolean);
        const body = {
          displayName: 'Incident 42',
          destinationType: 'new',
          restorePointPreference: 'latest',
          tags: 'none',
          protectionTimePeriod: { startDateTime: new Date((await api.now()) - 7 * DAY * 1000).toISOString(), endDateTime: new Date(await api.now()).toISOString() },
          [spec.resourceField]: [...resources, unknownResource],
          [spec.idField]: [units[0][w.protectionUnits.resourceIdField]],
        };
        const created = await api.post(`/${w.sessionCollection}/${id}/${spec.nav}`, body);
        assert.equal(created.status, 201, created.text);
        assert.equal(created.body.status, 'active');
        assert.equal(created.body['@odata.type'], `#${spec.type}`);
        assert.deepEqual(created.body[spec.resourceField], []);
        assert.match(created.body['@odata.context'], new RegExp(`${w.sessionCollection}\\('${id}'\\)/${spec.nav}/\\$entity$`));
        assert.equal((await api.get(`/restoreSessions/${id}`)).body.restoreJobType, 'bulk');
        const requestId = created.body.id;
        assert.equal((await api.get(`/${w.sessionCollection}/${id}/${spec.nav}`)).body.value.length, 1);
        // Rules: one per session, no manual artifacts, no delete while active, ids and 404s, no query options.
        assertError(await api.post(`/${w.sessionCollection}/${id}/${spec.nav}`, body), 400, 'BulkRestoreInvalidCreateRequest');
        const [point] = await api.pointIds(unitType(w), 1, { exclude: FAILING });
        assertError(await api.patch(`/${w.sessionCollection}/${id}`, { [`${w.standardArtifacts.nav}@delta`]: [{ restorePoint: { id: point }, destinationType: 'new' }] }), 400, 'InvalidPatchRequest');
        assertError(await api.delete(`/${w.sessionCollection}/${id}/${spec.nav}/${requestId}`), 403, 'InvalidStateForBulkRequestDeletion');
        assertError(await api.get(`/${w.sessionCollection}/${id}/${spec.nav}/not-a-guid`), 400, 'InvalidBulkRestoreArtifactId');
        assertError(await api.get(`/${w.sessionCollection}/${id}/${spec.nav}/00000000-0000-4000-8000-000000000000`), 404, 'BulkRestoreArtifactsNotFound');
        assertError(await api.get(`/${w.sessionCollection}/${id}/${spec.nav}?$top=1`), 400, 'BadRequest');
        assertError(await api.get(`/${w.sessionCollection}/${id}/${spec.nav}/${requestId}?$select=id`), 400, 'BadRequest');

        const done = await runToTerminal(w, id, 'standard', units.length);
        assert.equal(done.restoreJobType, 'bulk');
        const request = (await api.get(`/${w.sessionCollection}/${id}/${spec.nav}/${requestId}`)).body;
        assert.equal(request.status, 'completedWithErrors');
        assert.match(request.error.message, new RegExp(unknownResource.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
        assert.equal((await api.delete(`/${w.sessionCollection}/${id}/${spec.nav}/${requestId}`)).status, 204);
      });

      it('bulk: validates the request before storing anything', async () => {
        const spec = w.bulkRequests;
        const id = (await api.post(`/${w.sessionCollection}`, {})).body.id;
        const tooMany = Array.from({ length: 10_001 }, (_, i) => spec.resourceField === 'siteWebUrls' ? `https://contoso.sharepoint.com/sites/s${i}` : `u${i}@contoso.com`);
        assertError(await api.post(`/${w.sessionCollection}/${id}/${spec.nav}`, { [spec.resourceField]: tooMany }), 400, 'BulkRestoreRestorationResourcesCountExceedsLimit');
        const badCode = spec.resourceField === 'siteWebUrls' ? 'BulkRestoreInvalidCreateRequestSiteUrl' : 'BulkRestoreInvalidCreateRequestUserEmail';
        assertError(await api.post(`/${w.sessionCollection}/${id}/${spec.nav}`, { [spec.resourceField]: ['not an address'] }), 400, badCode);
        assertError(await api.post(`/${w.sessionCollection}/${id}/${spec.nav}`, { [spec.resourceField]: [] }), 400, 'BulkRestoreInvalidCreateRequest');
        assertError(await api.post(`/${w.sessionCollection}/${id}/${spec.nav}`, { bogus: 1 }), 400, 'BadRequest');
        assert.equal((await api.get(`/${w.sessionCollection}/${id}/${spec.nav}`)).body.value.length, 0);
        assert.equal((await api.get(`/restoreSessions/${id}`)).body.restoreJobType, 'standard');
        // Not with manual artifacts.
        const [point] = await api.pointIds(unitType(w), 1, { exclude: FAILING });
        const manual = (await api.post(`/${w.sessionCollection}`, { [w.standardArtifacts.nav]: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
        assertError(await api.post(`/${w.sessionCollection}/${manual}/${spec.nav}`, { [spec.resourceField]: [spec.resourceField === 'siteWebUrls' ? 'https://contoso.sharepoint.com/sites/x' : 'a@contoso.com'] }), 400, 'BulkRestoreInvalidCreateRequest');
      });
    });
  }

  it('time scale 60: a restore of simulated minutes finishes in real seconds, timestamps within them', async () => {
    let real = Date.UTC(2026, 0, 1, 12);
    const scaled = await start({ timeScale: 60, seed: 'empty', now: () => real });
    try {
      const w = WORKLOADS[0];
      const [point] = await scaled.pointIds(unitType(w), 1, { exclude: FAILING });
      const created = await scaled.post(`/${w.sessionCollection}`, { [w.standardArtifacts.nav]: [{ restorePoint: { id: point }, destinationType: 'new' }] });
      const id = created.body.id;
      const t0 = real;
      assert.equal((await scaled.post(`/restoreSessions/${id}/activate`, undefined)).status, 200);
      real += 30_000; // 30 simulated minutes at scale 60: longer than any seeded restore
      const done = (await scaled.get(`/restoreSessions/${id}`, PREFER)).body;
      assert.ok(['completed', 'completedWithError', 'failed'].includes(done.status), done.status);
      const [artifact] = (await scaled.get(`/${w.sessionCollection}/${id}/${w.standardArtifacts.nav}`)).body.value;
      for (const field of ['startDateTime', 'completionDateTime']) {
        const at = Date.parse(artifact[field]);
        assert.ok(at >= t0 && at <= real, `${field} ${artifact[field]} lies within the real seconds the restore took`);
      }
    } finally {
      await scaled.emulator.close();
    }
  });

  it('time scale: restores run faster while timestamps stay on the wall clock', async () => {
    let real = Date.UTC(2026, 0, 1);
    const scaled = await start({ timeScale: 60, now: () => real });
    try {
      const t0 = await scaled.now();
      real += 1000;
      assert.equal((await scaled.now()) - t0, 1000, 'the clock follows real time');
      await scaled.advance(30);
      assert.equal((await scaled.now()) - t0, 31_000, 'and can be pushed forward');
    } finally {
      await scaled.emulator.close();
    }
  });
});
