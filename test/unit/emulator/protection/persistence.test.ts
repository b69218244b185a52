// The protection section goes through the same `--data` save as sessions: a policy created, a unit added by
// @delta (with its new id), a bulk job's resolved rows and the notification setting are all there after a restart,
// and a restored unit keeps its restore points.
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PREFER, start } from '../service/helpers';

type Unit = { id: string; displayName?: string; directoryObjectId: string; status: string; policyId: string };

describe('emulator protection: persistence', () => {
  it('keeps policies, units, jobs and settings across a restart', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-protection-')), 'state.json');
    const first = await start({ dataFile: file, seed: 'demo' });
    const mailboxes = (await first.get('/mailboxProtectionUnits?$top=999')).body.value as Unit[];
    const kenji = mailboxes.find((u) => u.displayName === 'Kenji Tanaka')!;
    const policy = (await first.post('/exchangeProtectionPolicies', { displayName: 'Kept', mailboxProtectionUnits: [{ directoryObjectId: kenji.directoryObjectId }] })).body;
    const job = (await first.post(`/exchangeProtectionPolicies/${policy.id}/mailboxProtectionUnitsBulkAdditionJobs`, { mailboxes: ['lauran@contoso.onmicrosoft.com'] })).body;
    await first.advance(5 * 60 + 1);
    await first.patch('/emailNotificationsSetting', { isEnabled: false });
    const units = (await first.get(`/exchangeProtectionPolicies/${policy.id}/mailboxProtectionUnits`)).body.value as Unit[];
    assert.equal(units.length, 2, 'the create and the job each added a mailbox');
    const omar = mailboxes.find((u) => u.displayName === 'Omar Haddad')!;
    const omarPoints = await first.points(omar.id);
    await first.emulator.close();

    const second = await start({ dataFile: file, seed: 'empty' });
    try {
      assert.equal((await second.get(`/protectionPolicies/${policy.id}`)).body.displayName, 'Kept');
      const after = (await second.get(`/exchangeProtectionPolicies/${policy.id}/mailboxProtectionUnits`)).body.value as Unit[];
      assert.deepEqual(after.map((u) => u.id), units.map((u) => u.id), 'units keep their ids');
      assert.equal((await second.get(`/mailboxProtectionUnitsBulkAdditionJobs/${job.id}`)).body.status, 'completed');
      assert.equal((await second.get('/emailNotificationsSetting')).body.isEnabled, false);
      assert.equal((await second.get(`/protectionUnits/${omar.id}`, PREFER)).body.status, 'offboardRequested');
      assert.deepEqual((await second.points(omar.id)).map((p) => p.id), omarPoints.map((p) => p.id), 'restore points of a unit no longer backed up stay');
    } finally { await second.emulator.close(); }
  });
});
