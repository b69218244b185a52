// Microsoft's JavaScript SDK, unchanged, against the emulator's https origin: it lists sessions with its
// PageIterator, creates, PATCHes and activates a session, and gets the documented 403 when deleting a session
// that is no longer a draft. The SDK runs with `baseUrl` + `customHosts` as a user would configure it; only the
// last middleware is ours, to trust the emulator's own certificate (Node's fetch takes no CA option).
import { strict as assert } from 'assert';
import { Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import type { Agent } from 'undici';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator';
import { sdkClient } from './sdkClient';

describe('emulator: Microsoft Graph JavaScript SDK over https', () => {
  let running: TestEmulator;
  let agent: Agent;
  let sdk: Client;
  before(async () => {
    running = await startTestEmulator({ seed: 'demo', httpsPort: 0 });
    ({ sdk, agent } = sdkClient(running));
  });
  after(async () => {
    await agent.close();
    await running.close();
  });

  it('lists every session with its PageIterator, page after page', async () => {
    await running.control('seed/sessions', { workload: 'exchange', count: 150, artifactsPerSession: 0 });
    const seen: string[] = [];
    const first = (await sdk.api('/solutions/backupRestore/restoreSessions').header('Prefer', 'include-unknown-enum-members').get()) as PageCollection;
    const iterator = new PageIterator(sdk, first, (session: { id: string }) => { seen.push(session.id); return true; });
    await iterator.iterate();
    const count = Number(await sdk.api('/solutions/backupRestore/restoreSessions/$count').get());
    assert.ok(first['@odata.nextLink'], 'more than one page');
    assert.equal(new Set(seen).size, seen.length, 'no session twice');
    assert.equal(seen.length, count);
  });

  it('creates, PATCHes and activates a session, and gets the documented 403 when deleting it afterwards', async () => {
    const units = await sdk.api('/solutions/backupRestore/protectionUnits/microsoft.graph.mailboxProtectionUnit').filter("status eq 'protected'").get() as { value: { id: string }[] };
    const search = await sdk.api('/solutions/backupRestore/restorePoints/search').post({
      protectionUnitIds: units.value.slice(0, 2).map((u) => u.id),
      protectionTimePeriod: { endDateTime: new Date(Date.now() + 3600_000).toISOString() },
    }) as { searchResults: { restorePoint: { id: string } }[] };
    const [p1, p2] = search.searchResults.map((r) => r.restorePoint.id);
    const created = await sdk.api('/solutions/backupRestore/exchangeRestoreSessions').post({
      mailboxRestoreArtifacts: [{ restorePoint: { id: p1 }, destinationType: 'new' }],
    }) as { id: string; status: string };
    assert.equal(created.status, 'draft');
    const patched = await sdk.api(`/solutions/backupRestore/exchangeRestoreSessions/${created.id}`).patch({
      'mailboxRestoreArtifacts@delta': [{ restorePoint: { id: p2 }, destinationType: 'new' }],
    }) as Record<string, { status: string }[]>;
    assert.equal(patched['mailboxRestoreArtifacts@delta'][0].status, 'added');
    const activated = await sdk.api(`/solutions/backupRestore/restoreSessions/${created.id}/activate`).post({}) as { status: string; restoreSessionArtifactCount: { total: number } };
    assert.equal(activated.status, 'activating');
    assert.equal(activated.restoreSessionArtifactCount.total, 2);
    await assert.rejects(sdk.api(`/solutions/backupRestore/restoreSessions/${created.id}`).delete(), (error: unknown) => {
      assert.ok(error instanceof GraphError);
      assert.equal(error.statusCode, 403);
      assert.equal(error.code, 'RestoreSessionActionNotAllowed');
      return true;
    });
  });
});
