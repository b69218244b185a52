// Routes Microsoft's SDKs call and answers Graph gives (issue 13): `$count` as text/plain, `$metadata`, base-type
// and function-form browse, single-valued navigations, unknown segments, documented-but-not-emulated endpoints,
// documented error codes, the `@delta` answer in request order, the hidden `failed` status in refusals, and a
// client-request-id on every answer.
import { strict as assert } from 'assert';
import { assertError, FAILING, PREFER, start, type Client } from './helpers';

describe('emulator: routes and answers as Graph gives them', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'demo' }); });
  after(async () => { await api.emulator.close(); });

  it('…/$count answers the size of a collection as a text/plain integer, with its filter', async () => {
    const all = await api.get('/restoreSessions/$count');
    assert.equal(all.status, 200, all.text);
    assert.match(all.headers.get('content-type') ?? '', /^text\/plain/);
    const listed = (await api.get('/restoreSessions?$top=999')).body.value.length;
    assert.equal(Number(all.text), listed);
    const drafts = await api.get("/restoreSessions/$count?$filter=status eq 'draft'");
    assert.ok(Number(drafts.text) < listed && Number(drafts.text) > 0, drafts.text);
    assertError(await api.get('/restoreSessions/00000000-0000-4000-8000-000000000000/$count'), 404, 'RestoreSessionNotFound');
  });

  it('serves the v1.0 and the beta metadata, each with its own names', async () => {
    const v1 = await api.get(`${api.url}/v1.0/$metadata`);
    assert.equal(v1.status, 200);
    assert.match(v1.headers.get('content-type') ?? '', /^application\/xml/);
    assert.match(v1.text, /<EntityType Name="restoreSessionBase"/);
    assert.doesNotMatch(v1.text, /includeNewerItems|backupRetentionPeriodInDays/);
    const beta = await api.get(`${api.url}/beta/$metadata`);
    assert.equal(beta.status, 200);
    assert.match(beta.headers.get('content-type') ?? '', /^application\/xml/);
    assert.match(beta.text, /<EntityType Name="restoreSessionBase"/);
    assert.match(beta.text, /<Member Name="includeNewerItems" Value="4" \/>/);
    assert.match(beta.text, /<Property Name="backupRetentionPeriodInDays" Type="Edm.Int32" \/>/);
  });

  it('browses through the base collection and pages with the function form browse(nextFetchToken=…)', async () => {
    const [point] = await api.pointIds('siteProtectionUnit', 1, { fast: true, exclude: FAILING });
    const id = (await api.post('/sharePointBrowseSessions', { restorePointId: point })).body.id;
    await api.advance(15);
    const first = await api.post(`/browseSessions/${id}/browse`, {});
    assert.equal(first.status, 200, first.text);
    assert.ok(first.body.value.length > 0);
    // The site's files whose name holds an "e" fill more than one page.
    const named = await api.post(`/browseSessions/${id}/microsoft.graph.browse`, { filter: "(name -contains 'e')" });
    assert.equal(named.status, 200, named.text);
    const next = named.body['@odata.nextLink'];
    assert.equal(typeof next, 'string', 'a site holds more than one page of items');
    const token = new URL(next).searchParams.get('$skiptoken') ?? '';
    const page = await api.get(`/browseSessions/${id}/browse(nextFetchToken='${encodeURIComponent(token)}')`);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(page.body.value, (await api.get(next)).body.value);
  });

  it('navigates from a restore point to its unit and from an artifact to its restore point', async () => {
    const [point] = await api.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    const unit = await api.get(`/restorePoints/${point}/protectionUnit`);
    assert.equal(unit.status, 200, unit.text);
    assert.equal(unit.body['@odata.type'], '#microsoft.graph.mailboxProtectionUnit');
    const session = (await api.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] })).body.id;
    const artifact = (await api.get(`/exchangeRestoreSessions/${session}/mailboxRestoreArtifacts`)).body.value[0];
    const viaArtifact = await api.get(`/exchangeRestoreSessions/${session}/mailboxRestoreArtifacts/${artifact.id}/restorePoint`);
    assert.equal(viaArtifact.status, 200, viaArtifact.text);
    assert.equal(viaArtifact.body.id, point);
  });

  it('unknown segments are a 400 naming the segment', async () => {
    const unknown = await api.get('/restoreSessions/00000000-0000-4000-8000-000000000000/nothing');
    assertError(unknown, 400, 'BadRequest');
    assert.equal(unknown.body.error.message, "Resource not found for the segment 'nothing'.");
  });

  it('uses the error codes of Microsoft\'s tables', async () => {
    assertError(await api.get('/protectionPolicies/nope'), 404, 'PolicyNotFound');
    assertError(await api.get('/protectionUnits/nope'), 400, 'InvalidProtectionUnitId');
    assertError(await api.get('/restorePoints/nope'), 404, 'itemNotFound');
    assertError(await api.get('/browseSessions/nope'), 404, 'itemNotFound');
  });

  it('answers a PATCH with the @delta array in request order, and never names a hidden failed status', async () => {
    const [p1, p2] = await api.pointIds('mailboxProtectionUnit', 2, { exclude: FAILING });
    const id = (await api.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: p1 }, destinationType: 'new' }] })).body.id;
    const missing = '00000000-1111-4222-8333-444444444444';
    const patched = await api.patch(`/exchangeRestoreSessions/${id}`, {
      'mailboxRestoreArtifacts@delta': [{ '@removed': { reason: 'changed' }, id: missing }, { restorePoint: { id: p2 }, destinationType: 'new' }],
    });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(Object.keys(patched.body), ['mailboxRestoreArtifacts@delta']);
    const [failure, added] = patched.body['mailboxRestoreArtifacts@delta'];
    assert.equal(failure.id, missing);
    assert.equal(added.status, 'added');

    const failed = (await api.get("/exchangeRestoreSessions?$filter=status eq 'failed'", PREFER)).body.value[0];
    const refused = await api.patch(`/exchangeRestoreSessions/${failed.id}`, { 'mailboxRestoreArtifacts@delta': [{ restorePoint: { id: p2 }, destinationType: 'new' }] });
    assertError(refused, 403, 'RestoreSessionActionNotAllowed');
    assert.doesNotMatch(refused.body.error.message, /\bfailed\b|unknownFutureValue/);
    assert.match(refused.body.error.message, /in a status this request does not opt in to \(send Prefer: include-unknown-enum-members/);
  });

  it('answers with a client-request-id: the caller\'s, or one it made', async () => {
    const made = await api.get('/restoreSessions?$top=1');
    assert.match(made.headers.get('client-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal((await api.get('/restoreSessions?$top=1', { 'client-request-id': 'mine-1' })).headers.get('client-request-id'), 'mine-1');
  });
});
