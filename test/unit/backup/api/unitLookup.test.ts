// TenantApi.unitLookup against the real emulator: what an admin types in a bulk CSV (an address in any case, a
// site URL with or without its trailing slash, a unit id, a directory object id) finds its unit in one list read.
import { strict as assert } from 'assert';
import { workload, type ProtectionUnit } from '../../../../src/backup/model';
import { startHarness, type Harness } from './harness';

describe('unitLookup: units found by what a CSV row says', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness('demo');
  });
  after(() => h.close());

  it('finds mailboxes by address in any case, by unit id and by directory object id; unknown rows are absent', async () => {
    const exchange = workload('exchange');
    const [unit] = (await h.api.tenant.units(exchange)) as (ProtectionUnit & { email: string; directoryObjectId: string })[];
    const lookup = await h.api.tenant.unitLookup(exchange);
    const reads = h.log.length;
    const found = await lookup([unit.email.toUpperCase(), unit.id, unit.directoryObjectId, `x${unit.email}`]);
    assert.deepEqual([...found.keys()], [unit.email.toUpperCase(), unit.id, unit.directoryObjectId]);
    assert.ok([...found.values()].every((u) => u.id === unit.id));
    assert.equal(h.log.length, reads, 'a lookup answers from the list read once');
  });

  it('finds sites by URL with or without a trailing slash', async () => {
    const sharePoint = workload('sharePoint');
    const [site] = (await h.api.tenant.units(sharePoint)) as (ProtectionUnit & { siteWebUrl: string })[];
    const found = await (await h.api.tenant.unitLookup(sharePoint))([`${site.siteWebUrl}/`, site.siteWebUrl]);
    assert.equal(found.size, 2);
  });
});
