import { strict as assert } from 'assert';
import { planCreate } from '../../../src/backup/plan';
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
