// /beta against /v1.0 on one emulator: beta answers carry the beta-only properties and accept the beta-only
// request forms (beta-backup-csdl.xml); v1.0 answers keep their exact shapes and refuse those forms.
import { strict as assert } from 'assert';
import type { Client, Response } from './helpers';
import { assertError, FAILING, PREFER, start } from './helpers';

const V1 = '/v1.0/solutions/backupRestore';
const BETA = '/beta/solutions/backupRestore';
const BETA_UNIT_PROPERTIES = ['backupRetentionPeriodInDays', 'billingPolicyId', 'pendingRetentionPeriodChange', 'mailboxType'];
const BETA_POLICY_PROPERTIES = ['billingPolicyId', 'offboardRequestedDateTime', 'protectionMode'];
const BETA_ITEM_PROPERTIES = ['createdBy', 'createdDateTime', 'lastModifiedBy', 'lastModifiedDateTime'];

type Json = Record<string, unknown>;
const without = (item: Json, keys: string[]): Json => Object.fromEntries(Object.entries(item).filter(([k]) => !keys.includes(k)));
const hasNone = (item: Json, keys: string[]): boolean => keys.every((k) => !(k in item));

describe('emulator: /beta shapes beside /v1.0', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'demo' }); });
  after(async () => { await api.emulator.close(); });

  async function searchBody(version: string, extra: Json): Promise<Response> {
    const unit = (await api.units('mailboxProtectionUnit')).find((u) => u.status === 'protected' && !FAILING.some((f) => JSON.stringify(u).includes(f)));
    const now = await api.now();
    return api.post(`${version}/restorePoints/search`, {
      protectionUnitIds: [unit.id],
      protectionTimePeriod: { startDateTime: new Date(now - 7 * 86_400_000).toISOString(), endDateTime: new Date(now).toISOString() },
      ...extra,
    });
  }

  it('adds retention, billing and mailbox type to protection units on beta only', async () => {
    const v1 = (await api.get(`${V1}/protectionUnits/microsoft.graph.mailboxProtectionUnit`)).body.value as Json[];
    const beta = (await api.get(`${BETA}/protectionUnits/microsoft.graph.mailboxProtectionUnit`)).body.value as Json[];
    assert.equal(beta.length, v1.length);
    assert.ok(v1.every((u) => hasNone(u, BETA_UNIT_PROPERTIES)), 'v1.0 units have no beta-only property');
    beta.forEach((unit, i) => {
      assert.deepEqual(without(unit, BETA_UNIT_PROPERTIES), v1[i], 'beta adds properties and changes none');
      assert.equal(unit.backupRetentionPeriodInDays, 365);
      assert.match(String(unit.billingPolicyId), /^[0-9a-f-]{36}$/);
      assert.deepEqual(unit.pendingRetentionPeriodChange, { effectiveFromDateTime: null, status: 'none', targetRetentionPeriodInDays: null });
    });
    assert.equal(beta.find((u) => String(u.email).startsWith('finance@'))?.mailboxType, 'shared');
    assert.equal(beta.find((u) => String(u.email).startsWith('adelev@'))?.mailboxType, 'user');
  });

  it('adds billing, offboarding and protection mode to policies on beta only', async () => {
    const v1 = (await api.get(`${V1}/protectionPolicies`)).body.value as Json[];
    const beta = (await api.get(`${BETA}/protectionPolicies`)).body.value as Json[];
    assert.ok(v1.length > 0 && v1.every((p) => hasNone(p, BETA_POLICY_PROPERTIES)));
    beta.forEach((policy, i) => {
      assert.deepEqual(without(policy, BETA_POLICY_PROPERTIES), v1[i]);
      assert.equal(policy.protectionMode, 'standard');
      assert.equal(policy.offboardRequestedDateTime, '0001-01-01T00:00:00Z');
    });
  });

  it('names who made and changed browsed items on beta, and gives granular files their destination and error', async () => {
    const [point] = await api.pointIds('siteProtectionUnit', 1, { fast: true, exclude: FAILING });
    const browse = (await api.post('/sharePointBrowseSessions', { restorePointId: point })).body.id;
    await api.advance(15);
    const request = { filter: "(name -contains '.')" };
    const v1 = (await api.post(`${V1}/sharePointBrowseSessions/${browse}/browse`, request)).body.value as Json[];
    const beta = (await api.post(`${BETA}/sharePointBrowseSessions/${browse}/browse`, request)).body.value as Json[];
    assert.ok(v1.length > 0 && v1.every((item) => hasNone(item, BETA_ITEM_PROPERTIES)));
    beta.forEach((item, i) => {
      assert.deepEqual(without(item, BETA_ITEM_PROPERTIES), v1[i]);
      assert.match(String((item.createdBy as { user: { displayName: string } }).user.displayName), /^[A-Z][a-z]+ [A-Z]/, 'a person, by name');
      assert.ok(Date.parse(String(item.createdDateTime)) <= Date.parse(String(item.lastModifiedDateTime)));
    });

    const file = v1.find((item) => item.type === 'file')!;
    const id = (await api.post('/sharePointRestoreSessions', { granularSiteRestoreArtifacts: [{ browseSessionId: browse, id: file.itemKey }] })).body.id;
    const v1Artifact = (await api.get(`${V1}/sharePointRestoreSessions/${id}/granularSiteRestoreArtifacts`)).body.value[0] as Json;
    const betaArtifact = (await api.get(`${BETA}/sharePointRestoreSessions/${id}/granularSiteRestoreArtifacts`)).body.value[0] as Json;
    assert.ok(hasNone(v1Artifact, ['destinationType', 'error']));
    assert.equal(betaArtifact.destinationType, 'inPlace');
    assert.equal(betaArtifact.error, null);
  });

  it('searches with includeNewerItems, a structured query and a policy on beta; v1.0 refuses each', async () => {
    const unitOfSearch = async () => (await searchBody(BETA, {})).body.searchResults as { restorePoint: { protectionUnit: { id: string; policyId: string } } }[];
    const [{ restorePoint: { protectionUnit: unit } }] = await unitOfSearch();

    const tagged = await searchBody(BETA, { tags: 'includeNewerItems' });
    assert.equal(tagged.status, 200, tagged.text);
    assertError(await searchBody(V1, { tags: 'includeNewerItems' }), 400, 'InvalidSearchRequest');

    const structured = { artifactType: 'message', structuredQueryExpression: { senders: ['finance@contoso.onmicrosoft.com'], subjects: ['invoice'], hasAttachment: true } };
    const granular = await searchBody(BETA, { artifactQuery: structured });
    assert.equal(granular.status, 200, granular.text);
    const [hit] = granular.body.searchResults as { artifactHitCount: number }[];
    assert.equal(typeof hit.artifactHitCount, 'number');
    assert.equal(typeof granular.body.searchResponseId, 'string');
    assertError(await searchBody(V1, { artifactQuery: structured }), 400, 'InvalidSearchRequest');
    assertError(await searchBody(BETA, { artifactQuery: { structuredQueryExpression: { items: ['fax'] } } }), 400, 'InvalidSearchRequest');

    assert.equal((await searchBody(BETA, { policyId: unit.policyId })).status, 200);
    const other = ((await api.get(`${V1}/protectionPolicies`)).body.value as Json[]).find((p) => p.id !== unit.policyId)!;
    assertError(await searchBody(BETA, { policyId: other.id }), 400, 'InvalidProtectionUnitId');
    assertError(await searchBody(BETA, { policyId: 'no-such-policy' }), 400, 'InvalidPolicyId');
    assertError(await searchBody(V1, { policyId: unit.policyId }), 400, 'BadRequest');
  });

  it('takes includeNewerItems on a bulk request on beta and shows it only where the member exists and was asked for', async () => {
    const id = (await api.post('/exchangeRestoreSessions', {})).body.id;
    const body = { displayName: 'Finance mailboxes', mailboxes: ['finance@contoso.onmicrosoft.com'], tags: 'includeNewerItems', protectionTimePeriod: { startDateTime: '2026-01-01T00:00:00Z' } };
    assertError(await api.post(`${V1}/exchangeRestoreSessions/${id}/mailboxRestoreArtifactsBulkAdditionRequests`, body), 400, 'BadRequest');
    const created = await api.post(`${BETA}/exchangeRestoreSessions/${id}/mailboxRestoreArtifactsBulkAdditionRequests`, body, PREFER);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.tags, 'includeNewerItems');
    const path = `exchangeRestoreSessions/${id}/mailboxRestoreArtifactsBulkAdditionRequests/${created.body.id}`;
    assert.equal((await api.get(`${BETA}/${path}`)).body.tags, 'unknownFutureValue', 'an evolvable member without Prefer');
    assert.equal((await api.get(`${V1}/${path}`, PREFER)).body.tags, 'unknownFutureValue', 'v1.0 has no such member');
  });
});
