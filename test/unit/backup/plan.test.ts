import { strict as assert } from 'assert';
import { planCreate, reviewFlags } from '../../../src/backup/plan';
import { workload, type ProtectionUnit, type RestorePointSearchResponse } from '../../../src/backup/model';

const exchange = workload('exchange');
const units: ProtectionUnit[] = Array.from({ length: 60 }, (_, i) => ({ id: `u${i}`, displayName: `User ${i}`, email: `user${i}@contoso.com` }));

function searchFor(ids: string[], missing: string[] = []): RestorePointSearchResponse {
  return {
    searchResults: ids.map((id, i) => ({ restorePoint: { id: `rp-${id}`, protectionDateTime: '2026-11-20T08:00:00Z', tags: i % 2 ? 'fastRestore' : 'none', protectionUnit: { id } } })),
    noResultProtectionUnitIds: missing,
  };
}

describe('create plan', () => {
  it('names each unit, marks fast-restore points and lists units without a point', () => {
    const plan = planCreate(exchange, units, searchFor(['u0', 'u1'], ['u2']), 'new');
    assert.deepEqual(plan.artifacts.map((a) => [a.unitName, a.fastRestore]), [['User 0', false], ['User 1', true]]);
    assert.deepEqual(plan.unitsWithoutPoint, [{ unitId: 'u2', unitName: 'User 2' }]);
    assert.deepEqual(plan.requests, [{ method: 'POST', artifacts: 2 }]);
    assert.deepEqual(plan.violations, []);
  });

  it('splits more than 50 artifacts into a create and a patch, within the limits', () => {
    const plan = planCreate(exchange, units, searchFor(units.map((u) => u.id)), 'inPlace');
    assert.deepEqual(plan.requests, [{ method: 'POST', artifacts: 50 }, { method: 'PATCH', artifacts: 10 }]);
    assert.deepEqual(plan.violations, []);
  });

  it('is blocked when nothing can be restored', () => {
    const plan = planCreate(exchange, units, searchFor([], ['u0']), 'new');
    assert.equal(plan.violations[0]?.code, 'InvalidArtifactRequest');
  });

  it('is blocked by a duplicate restore point', () => {
    const search = searchFor(['u0']);
    search.searchResults!.push(search.searchResults![0]);
    assert.equal(planCreate(exchange, units, search, 'new').violations[0]?.code, 'DuplicateArtifactInList');
  });
});

describe('plan review flags', () => {
  const now = Date.parse('2026-12-01T17:00:00Z');
  it('flags a point far older than the cadence, an offboarded unit, a unit already in the draft and one without a point', () => {
    const search: RestorePointSearchResponse = {
      searchResults: [
        { restorePoint: { id: 'rp0', protectionDateTime: '2026-10-20T08:00:00Z', tags: 'none', protectionUnit: { id: 'u0' } } },
        { restorePoint: { id: 'rp1', protectionDateTime: '2026-12-01T16:55:00Z', tags: 'none', protectionUnit: { id: 'u1' } } },
      ],
      noResultProtectionUnitIds: ['u2'],
    };
    const statuses: ProtectionUnit[] = [{ ...units[0], status: 'protected' }, { ...units[1], status: 'offboarded' }, units[2]];
    const plan = planCreate(exchange, statuses, search, 'inPlace');
    const flags = reviewFlags(plan, { chosenMs: now, nowMs: now, units: statuses, draftUnitIds: new Set(['u1']) });
    assert.deepEqual(flags.map((f) => [f.kind, f.unitName]), [['stalePoint', 'User 0'], ['notProtected', 'User 1'], ['alreadyInDraft', 'User 1'], ['noPoint', 'User 2']]);
    assert.match(flags[0].text, /^User 0: the nearest restore point is 2026-10-20 .* 6 weeks before the time you chose \(backups normally run every 10 minutes/);
  });

  it('beta: says which points carry the items created since, and flags the ones the answer does not confirm', () => {
    const search: RestorePointSearchResponse = {
      searchResults: [
        { restorePoint: { id: 'rp0', protectionDateTime: '2026-12-01T16:50:00Z', tags: 'fastRestore,includeNewerItems', protectionUnit: { id: 'u0' } } },
        { restorePoint: { id: 'rp1', protectionDateTime: '2026-12-01T16:50:00Z', tags: 'fastRestore', protectionUnit: { id: 'u1' } } },
      ],
    };
    const plan = planCreate(exchange, units, search, 'new');
    assert.deepEqual(plan.artifacts.map((a) => [a.unitName, a.fastRestore, a.includesNewerItems]), [['User 0', true, true], ['User 1', true, false]]);
    const asked = reviewFlags(plan, { chosenMs: now, nowMs: now, units, askedForNewerItems: true });
    assert.deepEqual(asked.map((f) => [f.kind, f.unitName]), [['newerItemsNotIncluded', 'User 1']]);
    assert.match(asked[0].text, /^User 1: the service did not confirm that its point brings back items created after it/);
    assert.deepEqual(reviewFlags(plan, { chosenMs: now, nowMs: now, units }), [], 'nothing to flag when the admin did not ask for newer items');
  });

  it('does not flag a point within the weekly cadence of an older time', () => {
    const chosen = now - 30 * 86_400_000;
    const plan = planCreate(exchange, units, { searchResults: [{ restorePoint: { id: 'r', protectionDateTime: new Date(chosen - 3 * 86_400_000).toISOString(), protectionUnit: { id: 'u0' } } }] }, 'new');
    assert.deepEqual(reviewFlags(plan, { chosenMs: chosen, nowMs: now, units }), []);
  });
});
