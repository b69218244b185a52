// Bulk rows resolved against the protection units of a real emulator before anything is sent.
import { strict as assert } from 'assert';
import { readBulkCsv } from '../../../src/backup/bulkCsv';
import { bulkUnresolved, resolveBulkRows, type UnitLookup } from '../../../src/backup/bulkResolve';
import { workload, type ProtectionUnit, type RestoreArtifactsBulkAdditionRequest } from '../../../src/backup/model';
import { unitAddress } from '../../../src/backup/presentation';
import { startHarness, type Harness } from './api/harness';

describe('bulk rows resolved before sending', function () {
  this.timeout(20_000);
  let h: Harness;
  before(async () => {
    h = await startHarness('empty');
  });
  after(async () => {
    await h.close();
  });

  it('previews names found, rows not found and units named twice, asking in batches', async () => {
    const w = workload('oneDrive');
    const units = await h.api.tenant.units(w);
    const [a, b] = units;
    const calls: number[] = [];
    const lookup: UnitLookup = async (values) => {
      calls.push(values.length);
      const all = await h.api.tenant.units(w);
      const found = new Map<string, ProtectionUnit>();
      for (const value of values) {
        const unit = all.find((u) => u.id === value || unitAddress(w, u).toLowerCase() === value.toLowerCase() || (u as { directoryObjectId?: string }).directoryObjectId === value);
        if (unit) found.set(value, unit);
      }
      return found;
    };
    const csv = ['Name,UPN', `A,${unitAddress(w, a)}`, 'Typo,debra.bergr@contoso.com', `B,${unitAddress(w, b)}`, `A by id,${(a as { directoryObjectId: string }).directoryObjectId}`, 'Bad,not-an-address'].join('\n');
    const preview = await resolveBulkRows(w, readBulkCsv(w, csv), lookup, 2);
    assert.deepEqual(calls, [2, 2]);
    assert.deepEqual(preview.found.map((f) => [f.line, f.unitId]), [[2, a.id], [4, b.id]]);
    assert.ok(preview.found.every((f) => f.name && !/^[0-9a-f-]{36}$/.test(f.name)));
    assert.deepEqual(preview.notFound.map((n) => n.line), [3]);
    assert.match(preview.notFound[0].reason, /no protected OneDrive has this address/);
    assert.deepEqual(preview.duplicates.map((d) => d.line), [5]);
    assert.deepEqual(preview.invalid.map((d) => d.line), [6]);
    assert.equal(preview.summary, '2 found, 1 not found, 1 listed twice, 1 not an address');
  });

  it('lists a finished request\'s unresolved rows in words', () => {
    const w = workload('exchange');
    const bulk = { id: 'b', status: 'completedWithErrors', mailboxes: ['debrab@contoso.com', 'debra.bergr@contoso.com'], error: { code: 'ProtectionUnitNotFound', message: 'One mailbox was not found.' } } as RestoreArtifactsBulkAdditionRequest;
    const result = bulkUnresolved(w, bulk, [{ address: 'DebraB@contoso.com' }]);
    assert.deepEqual(result.unresolved, ['debra.bergr@contoso.com']);
    assert.equal(result.text, '1 of 2 mailboxes could not be found and will not be restored: debra.bergr@contoso.com. The service said: Protection unit not found — One mailbox was not found. (code ProtectionUnitNotFound)');
  });
});
