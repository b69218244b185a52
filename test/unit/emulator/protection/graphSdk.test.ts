// Microsoft's JavaScript SDK, unchanged, creating an Exchange protection policy with a unit and PATCHing it with
// `mailboxProtectionUnits@delta` (add one, remove one), then reading the policy's units back.
import { strict as assert } from 'assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Agent } from 'undici';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator';
import { sdkClient } from '../service/sdkClient';

type Unit = { id: string; displayName?: string; directoryObjectId: string; status: string };

describe('emulator protection: Microsoft Graph JavaScript SDK creates and PATCHes a policy', () => {
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

  it('POSTs a policy with a mailbox, then adds another and removes the first with @delta', async () => {
    const mailboxes = (await sdk.api('/solutions/backupRestore/mailboxProtectionUnits').filter("status eq 'unprotected'").get() as { value: Unit[] }).value;
    const [kenji, laura] = ['Kenji Tanaka', 'Laura Nguyen'].map((name) => mailboxes.find((u) => u.displayName === name)!);
    const created = await sdk.api('/solutions/backupRestore/exchangeProtectionPolicies').post({
      displayName: 'Exchange - field staff',
      mailboxProtectionUnits: [{ directoryObjectId: kenji.directoryObjectId }],
    }) as { id: string; status: string };
    assert.equal(created.status, 'inactive');
    const before = (await sdk.api(`/solutions/backupRestore/exchangeProtectionPolicies/${created.id}/mailboxProtectionUnits`).get() as { value: Unit[] }).value;
    assert.deepEqual(before.map((u) => u.displayName), ['Kenji Tanaka']);
    const patched = await sdk.api(`/solutions/backupRestore/exchangeProtectionPolicies/${created.id}`).patch({
      'mailboxProtectionUnits@delta': [
        { directoryObjectId: laura.directoryObjectId },
        { '@removed': { reason: 'changed' }, id: before[0].id },
      ],
    }) as Record<string, Unit[]>;
    assert.deepEqual(patched['mailboxProtectionUnits@delta'].map((u) => u.status), ['unprotected', 'removeRequested']);
    const after = (await sdk.api(`/solutions/backupRestore/exchangeProtectionPolicies/${created.id}/mailboxProtectionUnits`).get() as { value: Unit[] }).value;
    assert.deepEqual(after.map((u) => [u.displayName, u.status]), [['Kenji Tanaka', 'removeRequested'], ['Laura Nguyen', 'unprotected']]);
  });
});
