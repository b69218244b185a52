// The connection's unit directory against the real emulator: the unit list is read once whoever asks for it, and
// restore points being asked about are not asked about again by a second caller while the first answer is coming.
import { strict as assert } from 'assert';
import { workload } from '../../../src/backup/model';
import { UnitDirectory } from '../../../src/backup/unitDirectory';
import { startHarness, type Harness } from './api/harness';

describe('unit directory', () => {
  let h: Harness;
  const exchange = workload('exchange');

  beforeEach(async () => {
    h = await startHarness('demo');
  });

  afterEach(async () => {
    await h.close();
  });

  it('reads the unit list once for names and units alike', async () => {
    const directory = new UnitDirectory(async () => h.api);
    const before = h.log.length;
    const [units, names] = await Promise.all([directory.units(exchange), directory.unitNames(exchange), directory.units(exchange)]);
    assert.ok(units.length > 0);
    assert.equal(names.size, units.length);
    assert.equal(h.log.length - before, 1, 'one GET of the mailbox units');
  });

  it('asks about a restore point once, even when two callers ask at the same time', async () => {
    const directory = new UnitDirectory(async () => h.api);
    const units = (await h.api.tenant.units(exchange)).slice(0, 3);
    const search = await h.api.tenant.search({ protectionUnitIds: units.map((u) => u.id), protectionTimePeriod: { endDateTime: new Date().toISOString() } });
    const points = (search.searchResults ?? []).map((r) => r.restorePoint!.id);
    assert.equal(points.length, 3);
    const before = h.log.length;
    const [first, second] = await Promise.all([directory.unitsOfRestorePoints(points), directory.unitsOfRestorePoints([points[0], points[1]])]);
    assert.equal(h.log.length - before, 1, 'one $batch for both callers');
    for (const [i, point] of points.entries()) assert.equal(first.get(point), units[i].id);
    assert.equal(second.get(points[0]), units[0].id);
    await directory.unitsOfRestorePoints(points);
    assert.equal(h.log.length - before, 1, 'answers are kept for the connection');
  });
});
