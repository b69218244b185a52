// The Protection view's reads through the facade, over HTTP against the real emulator: the service status,
// policies of a workload with unit counts, units of a policy, and a unit's restore points over a range read in
// pages of five (the service's maximum per request), oldest first, each point once.
import { strict as assert } from 'assert';
import { workload, WORKLOADS } from '../../../../src/backup/model';
import { policyDescription, serviceStatusText, unitStatusText } from '../../../../src/backup/protectionText';
import { startHarness, type Harness } from './harness';

const HOUR = 3_600_000;

describe('protection reads', function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startHarness('demo');
  });
  after(async () => {
    await h.close();
  });

  it('says whether backup is on, in words', async () => {
    const status = await h.api.protection.serviceStatus();
    assert.equal(serviceStatusText(status, Date.now()).text, 'Backup is on');
  });

  it('lists each workload\'s policies with their status and unit counts in words, and the units of a policy', async () => {
    for (const w of WORKLOADS) {
      const policies = await h.api.protection.policies(w);
      assert.ok(policies.length >= 1, `${w.label} has a policy`);
      const text = policyDescription(policies[0], w.unitLabel, w.unitLabelPlural);
      assert.match(text, new RegExp(`^Active · \\d+ ${w.unitLabelPlural}`));
      const units = await h.api.protection.policyUnits(w, policies[0].id);
      assert.ok(units.length > 0);
      assert.ok(units.every((u) => u.policyId === policies[0].id));
    }
  });

  it('reads a unit\'s restore points over a range in pages of at most five, oldest first', async () => {
    const w = workload('exchange');
    const [policy] = await h.api.protection.policies(w);
    const unit = (await h.api.protection.policyUnits(w, policy.id)).find((u) => u.status === 'protected')!;
    assert.match(unitStatusText(unit, Date.now()), /^Protected · since \d{4}-\d\d-\d\d \d\d:\d\d$/);
    const toMs = Date.now();
    const range = { fromMs: toMs - 3 * HOUR, toMs };
    const before = h.log.length;
    const pages: number[] = [];
    const points = [];
    for await (const page of h.api.protection.restorePointPages(unit.id, range)) {
      pages.push(page.length);
      points.push(...page);
    }
    assert.ok(points.length >= 17 && points.length <= 19, `a point every 10 minutes for 3 hours, got ${points.length}`);
    assert.ok(pages.every((n) => n <= 5));
    assert.ok(h.log.length - before >= Math.ceil(points.length / 5), 'one request per page');
    const times = points.map((p) => Date.parse(p.protectionDateTime!));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(new Set(points.map((p) => p.id)).size, points.length);
    assert.ok(times.every((t) => t >= range.fromMs && t <= range.toMs));
    assert.deepEqual(await h.api.protection.restorePointsIn(unit.id, range), points);
  });
});
