// /beta requests beyond the shapes (beta.test.ts): `$select` naming beta-only properties, a search's
// includeNewerItems tag carried to the points found and to the artifacts restoring them, and a granular file
// artifact's destinationType set on create and PATCH. v1.0 refuses each form as before.
import { strict as assert } from 'assert';
import { BETA_SELECTABLE } from '../../../../src/emulator/service/betaShapes';
import type { Client, Response } from './helpers';
import { assertError, FAILING, PREFER, start } from './helpers';

const V1 = '/v1.0/solutions/backupRestore';
const BETA = '/beta/solutions/backupRestore';

type Json = Record<string, unknown>;
const keysOf = (item: Json): string[] => Object.keys(item).sort();

/** The properties each entity type declares in a CSDL document (inherited ones not included). */
function declared(csdl: string): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  for (const m of csdl.matchAll(/<EntityType Name="(\w+)"[^>]*>([\s\S]*?)<\/EntityType>/g)) {
    types.set(m[1], new Set([...m[2].matchAll(/<Property Name="(\w+)"/g)].map((p) => p[1])));
  }
  return types;
}

describe('emulator: /beta requests with beta-only properties and members', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'demo' }); });
  after(async () => { await api.emulator.close(); });

  describe('$select', () => {
    it('knows every property the beta metadata adds to units and policies, and only those', async () => {
      const v1 = declared((await api.get('/v1.0/$metadata')).text);
      const beta = declared((await api.get('/beta/$metadata')).text);
      const added = (...types: string[]) => types.flatMap((t) => [...beta.get(t)!].filter((p) => !v1.get(t)!.has(p))).sort();
      assert.deepEqual([...BETA_SELECTABLE.unit].sort(), added('protectionUnitBase', 'mailboxProtectionUnit', 'siteProtectionUnit', 'driveProtectionUnit'));
      assert.deepEqual([...BETA_SELECTABLE.policy].sort(), added('protectionPolicyBase', 'exchangeProtectionPolicy', 'sharePointProtectionPolicy', 'oneDriveForBusinessProtectionPolicy'));
    });

    it('returns exactly the selected unit properties, beta-only ones included', async () => {
      const res = await api.get(`${BETA}/protectionUnits/microsoft.graph.mailboxProtectionUnit?$select=id,backupRetentionPeriodInDays,mailboxType`);
      assert.equal(res.status, 200, res.text);
      const units = res.body.value as Json[];
      assert.ok(units.length > 0);
      for (const unit of units) assert.deepEqual(keysOf(unit), ['@odata.type', 'backupRetentionPeriodInDays', 'id', 'mailboxType']);
      assert.ok(units.every((u) => u.backupRetentionPeriodInDays === 365));
      assert.deepEqual([...new Set(units.map((u) => u.mailboxType))].sort(), ['shared', 'user'], 'a shared mailbox is told from a person\'s');

      const one = await api.get(`${BETA}/protectionUnits/${units[0].id}?$select=billingPolicyId,pendingRetentionPeriodChange`);
      assert.equal(one.status, 200, one.text);
      assert.deepEqual(keysOf(one.body), ['@odata.context', '@odata.type', 'billingPolicyId', 'id', 'pendingRetentionPeriodChange']);
      assert.equal((one.body.pendingRetentionPeriodChange as Json).status, 'none');
    });

    it('mixes v1.0 and beta-only policy properties, on the list and on one policy', async () => {
      const list = await api.get(`${BETA}/protectionPolicies?$select=displayName,protectionMode`);
      assert.equal(list.status, 200, list.text);
      const [policy] = list.body.value as Json[];
      assert.equal(policy.protectionMode, 'standard');
      assert.equal(typeof policy.displayName, 'string');
      assert.ok(!('status' in policy) && !('billingPolicyId' in policy), 'nothing that was not selected');

      const one = await api.get(`${BETA}/protectionPolicies/${policy.id}?$select=offboardRequestedDateTime`);
      assert.equal(one.status, 200, one.text);
      assert.equal(one.body.offboardRequestedDateTime, '0001-01-01T00:00:00Z');
      assert.ok(!('displayName' in one.body) && !('protectionMode' in one.body));
    });

    it('keeps refusing beta-only names on v1.0, naming the property', async () => {
      for (const path of ['protectionUnits?$select=id,backupRetentionPeriodInDays', 'protectionPolicies?$select=protectionMode']) {
        const res = await api.get(`${V1}/${path}`);
        assertError(res, 400, 'BadRequest');
        assert.match(res.body.error.message, /backupRetentionPeriodInDays|protectionMode/);
      }
    });

    it('leaves the undocumented-options profile in charge: refuse still refuses $select on /beta', async () => {
      const strict = await start({ seed: 'demo', undocumentedOptions: 'refuse' });
      try {
        const res = await strict.get(`${BETA}/protectionPolicies?$select=protectionMode`);
        assertError(res, 400, 'BadRequest');
        assert.match(res.body.error.message, /\$select.*--undocumented-options/);
      } finally {
        await strict.emulator.close();
      }
    });
  });

  describe('includeNewerItems', () => {
    async function search(version: string, tags: string, headers?: Record<string, string>): Promise<Response> {
      const unit = (await api.units('mailboxProtectionUnit')).find((u) => u.status === 'protected' && !FAILING.some((f) => JSON.stringify(u).includes(f)));
      const now = await api.now();
      return api.post(`${version}/restorePoints/search`, {
        protectionUnitIds: [unit.id],
        protectionTimePeriod: { startDateTime: new Date(now - 7 * 86_400_000).toISOString(), endDateTime: new Date(now).toISOString() },
        tags,
      }, headers);
    }
    const pointOf = (res: Response): Json => (res.body.searchResults as { restorePoint: Json }[])[0].restorePoint;

    it('tags the points a beta search found with it, beside fastRestore, for callers that accept the member', async () => {
      const fast = await search(BETA, 'fastRestore,includeNewerItems', PREFER);
      assert.equal(fast.status, 200, fast.text);
      assert.equal(pointOf(fast).tags, 'fastRestore,includeNewerItems');
      assert.equal(pointOf(await search(BETA, 'fastRestore,includeNewerItems')).tags, 'fastRestore', 'without Prefer the beta-only flag is dropped');
      assert.equal(pointOf(await search(BETA, 'fastRestore')).tags, 'fastRestore', 'a search without the flag does not add it');
    });

    it('keeps the tag on an artifact created on beta from such a point, and only there', async () => {
      // The latest point may be a fast-restore one (on the hour) or not, depending on when this runs: its own
      // v1.0 tags are what remains once the beta flag is taken away.
      const point = pointOf(await search(BETA, 'includeNewerItems', PREFER));
      const own = String(point.tags).split(',').filter((t) => t !== 'includeNewerItems');
      assert.equal(point.tags, [...own, 'includeNewerItems'].join(','));
      const hidden = own.length ? own.join(',') : 'unknownFutureValue';
      assert.equal(pointOf(await search(BETA, 'includeNewerItems')).tags, hidden, 'without Prefer');

      const session = await api.post(`${BETA}/exchangeRestoreSessions`, { mailboxRestoreArtifacts: [{ restorePoint: { id: point.id }, destinationType: 'new' }] });
      assert.equal(session.status, 201, session.text);
      const artifacts = `exchangeRestoreSessions/${session.body.id}/mailboxRestoreArtifacts`;
      const [artifact] = (await api.get(`${BETA}/${artifacts}`, PREFER)).body.value as { id: string; restorePoint: Json }[];
      assert.equal(artifact.restorePoint.tags, point.tags);
      assert.equal((await api.get(`${BETA}/${artifacts}/${artifact.id}/restorePoint`, PREFER)).body.tags, point.tags);
      assert.equal((await api.get(`${BETA}/${artifacts}/${artifact.id}`)).body.restorePoint.tags, hidden);
      assert.notEqual((await api.get(`${V1}/${artifacts}/${artifact.id}`, PREFER)).body.restorePoint.tags, 'includeNewerItems', 'v1.0 has no such member');

      const v1Session = await api.post(`${V1}/exchangeRestoreSessions`, { mailboxRestoreArtifacts: [{ restorePoint: { id: point.id }, destinationType: 'new' }] });
      const [v1Artifact] = (await api.get(`${BETA}/exchangeRestoreSessions/${v1Session.body.id}/mailboxRestoreArtifacts`, PREFER)).body.value as { restorePoint: Json }[];
      assert.equal(v1Artifact.restorePoint.tags, own.length ? own.join(',') : 'none', 'an artifact created on v1.0 restores the point without the beta flag');
    });
    it('keeps the tag on the artifacts a beta bulk request with it adds on activation', async () => {
      const id = (await api.post(`${BETA}/exchangeRestoreSessions`, {})).body.id;
      const now = await api.now();
      const bulk = await api.post(`${BETA}/exchangeRestoreSessions/${id}/mailboxRestoreArtifactsBulkAdditionRequests`, {
        displayName: 'Finance mailbox', mailboxes: ['finance@contoso.onmicrosoft.com'], tags: 'includeNewerItems', destinationType: 'new',
        protectionTimePeriod: { startDateTime: new Date(now - 7 * 86_400_000).toISOString() },
      });
      assert.equal(bulk.status, 201, bulk.text);
      const activated = await api.post(`${BETA}/restoreSessions/${id}/activate`, undefined);
      assert.equal(activated.status, 200, activated.text);
      const artifacts = (await api.get(`${BETA}/exchangeRestoreSessions/${id}/mailboxRestoreArtifacts`, PREFER)).body.value as { restorePoint: Json }[];
      assert.equal(artifacts.length, 1);
      assert.match(String(artifacts[0].restorePoint.tags), /(^|,)includeNewerItems$/);
    });
  });

  describe('destinationType of granular file artifacts', () => {
    let browse: string;
    let files: string[];
    before(async () => {
      const [point] = await api.pointIds('siteProtectionUnit', 1, { fast: true, exclude: FAILING });
      browse = (await api.post('/sharePointBrowseSessions', { restorePointId: point })).body.id;
      await api.advance(15);
      const items = (await api.post(`${V1}/sharePointBrowseSessions/${browse}/browse`, { filter: "(name -contains '.')" })).body.value as Json[];
      files = items.filter((i) => i.type === 'file').map((i) => String(i.itemKey));
      assert.ok(files.length >= 3, 'three files to restore');
    });

    it('is set on a beta create, stored and answered, while v1.0 answers never show it', async () => {
      const created = await api.post(`${BETA}/sharePointRestoreSessions`, { granularSiteRestoreArtifacts: [{ browseSessionId: browse, id: files[0], destinationType: 'new' }] });
      assert.equal(created.status, 201, created.text);
      const path = `sharePointRestoreSessions/${created.body.id}/granularSiteRestoreArtifacts`;
      assert.equal(((await api.get(`${BETA}/${path}`)).body.value[0] as Json).destinationType, 'new');
      assert.ok(!('destinationType' in (await api.get(`${V1}/${path}`)).body.value[0]));

      const patched = await api.patch(`${BETA}/sharePointRestoreSessions/${created.body.id}`, { 'granularSiteRestoreArtifacts@delta': [{ browseSessionId: browse, itemKey: files[1], destinationType: 'new' }] });
      assert.equal(patched.status, 200, patched.text);
      assert.equal((patched.body['granularSiteRestoreArtifacts@delta'] as Json[])[0].destinationType, 'new');
      const mixed = await api.patch(`${BETA}/sharePointRestoreSessions/${created.body.id}`, { 'granularSiteRestoreArtifacts@delta': [{ browseSessionId: browse, itemKey: files[2], destinationType: 'inPlace' }] });
      assertError(mixed, 400, 'DifferentRestoreDestinationType');
    });

    it('goes back in place when not named, and takes only new or inPlace', async () => {
      const created = await api.post(`${BETA}/sharePointRestoreSessions`, { granularSiteRestoreArtifacts: [{ browseSessionId: browse, id: files[0] }] });
      assert.equal((await api.get(`${BETA}/sharePointRestoreSessions/${created.body.id}/granularSiteRestoreArtifacts`)).body.value[0].destinationType, 'inPlace');
      for (const value of ['unknownFutureValue', 'elsewhere']) {
        const res = await api.post(`${BETA}/sharePointRestoreSessions`, { granularSiteRestoreArtifacts: [{ browseSessionId: browse, id: files[0], destinationType: value }] });
        assertError(res, 400, 'BadRequest');
        assert.match(res.body.error.message, /new, inPlace/);
      }
    });

    it('is refused on v1.0, with the reason', async () => {
      const res = await api.post(`${V1}/sharePointRestoreSessions`, { granularSiteRestoreArtifacts: [{ browseSessionId: browse, id: files[0], destinationType: 'inPlace' }] });
      assertError(res, 400, 'BadRequest');
      assert.match(res.body.error.message, /'destinationType'.*v1\.0.*\/beta/);
    });
  });
});
