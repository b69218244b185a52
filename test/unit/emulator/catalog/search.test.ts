import { strict as assert } from 'assert';
import type { RestorePointSearchRequest } from '../../../../src/backup/model';
import { EmulatorError } from '../../../../src/emulator/errors';
import { catalog, DAY, HOUR, NOW, unitOf } from './fixtures';

const iso = (ms: number) => new Date(ms).toISOString();
const lastWeek = { startDateTime: iso(NOW - 7 * DAY), endDateTime: iso(NOW) };

function rejects(request: unknown, code: string, message?: RegExp) {
  assert.throws(() => catalog.search(request as RestorePointSearchRequest, NOW), (error: unknown) => {
    assert.ok(error instanceof EmulatorError);
    assert.equal(error.status, 400);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('catalog: restorePoints/search', () => {
  const adele = unitOf('exchange', 'adelev');
  const alex = unitOf('exchange', 'alexw');

  it('returns the latest point in the window per unit by default, with the unit expanded', () => {
    const response = catalog.search({ protectionUnitIds: [adele.id, alex.id], protectionTimePeriod: lastWeek }, NOW);
    assert.equal(response.searchResults?.length, 2);
    assert.deepEqual(response.noResultProtectionUnitIds, []);
    const [first] = response.searchResults!;
    assert.equal(first.restorePoint?.protectionDateTime, '2026-11-22T23:50:00.000Z');
    assert.equal(first.restorePoint?.['@odata.type'], '#microsoft.graph.restorePoint');
    assert.equal(first.restorePoint?.protectionUnit?.id, adele.id);
    assert.ok(response.searchResponseId);
    assert.deepEqual(catalog.restorePoint(first.restorePoint!.id, NOW)?.id, first.restorePoint!.id);
  });

  it('returns the oldest point on request, and honours the fastRestore tag', () => {
    const oldest = catalog.search({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, restorePointPreference: 'oldest' }, NOW);
    assert.equal(oldest.searchResults?.[0].restorePoint?.protectionDateTime, '2026-11-16T00:00:00.000Z');
    const fast = catalog.search({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, tags: 'fastRestore' }, NOW);
    assert.equal(fast.searchResults?.[0].restorePoint?.protectionDateTime, '2026-11-22T23:00:00.000Z');
    assert.equal(fast.searchResults?.[0].restorePoint?.tags, 'fastRestore');
  });

  it('accepts a window with only a start date', () => {
    const response = catalog.search({ protectionUnitIds: [adele.id], protectionTimePeriod: { startDateTime: iso(NOW - HOUR) } }, NOW);
    assert.equal(response.searchResults?.length, 1);
  });

  it('lists units without a point in the window in noResultProtectionUnitIds', () => {
    const waiting = unitOf('exchange', 'noraq');
    const response = catalog.search({ protectionUnitIds: [adele.id, waiting.id], protectionTimePeriod: lastWeek }, NOW);
    assert.deepEqual(response.noResultProtectionUnitIds, [waiting.id]);
    assert.equal(response.searchResults?.length, 1);
    const fastLongAgo = catalog.search({
      protectionUnitIds: [adele.id], protectionTimePeriod: { endDateTime: iso(NOW - 30 * DAY) }, tags: 'fastRestore',
    }, NOW);
    assert.deepEqual(fastLongAgo.noResultProtectionUnitIds, [adele.id], 'fast points are only kept two weeks');
  });

  it('answers a granular mailbox query with a hit count and a resolvable searchResponseId', () => {
    const query = { artifactType: 'message' as const, queryExpression: "(Sender -eq 'finance@contoso.com') -and (Subject -like '*invoice*')" };
    const response = catalog.search({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, artifactQuery: query }, NOW);
    const [result] = response.searchResults!;
    assert.ok(Number.isInteger(result.artifactHitCount) && result.artifactHitCount! > 0);
    const again = catalog.search({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, artifactQuery: query }, NOW);
    assert.equal(again.searchResults?.[0].artifactHitCount, result.artifactHitCount, 'deterministic');
    assert.deepEqual(catalog.searchResponse(response.searchResponseId!), {
      restorePointId: result.restorePoint!.id, unitId: adele.id, hitCount: result.artifactHitCount,
    });
    assert.equal(catalog.searchResponse('Q0xJRU5UMDAwMDAwMDE5OmE4YjI'), undefined);
    const plain = catalog.search({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek }, NOW);
    assert.equal(catalog.searchResponse(plain.searchResponseId!), undefined, 'only artifact queries feed granular artifacts');
  });

  it('rejects invalid requests with InvalidSearchRequest', () => {
    rejects({ protectionTimePeriod: lastWeek }, 'InvalidSearchRequest', /protectionUnitIds/);
    rejects({ protectionUnitIds: [], protectionTimePeriod: lastWeek }, 'InvalidSearchRequest', /protectionUnitIds/);
    rejects({ protectionUnitIds: [adele.id] }, 'InvalidSearchRequest', /protectionTimePeriod/);
    rejects({ protectionUnitIds: [adele.id], protectionTimePeriod: {} }, 'InvalidSearchRequest', /protectionTimePeriod/);
    rejects({ protectionUnitIds: [adele.id], protectionTimePeriod: { startDateTime: 'yesterday' } }, 'InvalidSearchRequest', /ISO 8601/);
    rejects({ protectionUnitIds: [adele.id], protectionTimePeriod: { startDateTime: iso(NOW), endDateTime: iso(NOW - DAY) } }, 'InvalidSearchRequest', /after/);
    rejects({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, restorePointPreference: 'newest' }, 'InvalidSearchRequest', /latest/);
    rejects({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, tags: 'FastRestore' }, 'InvalidSearchRequest', /tags/);
    rejects({ protectionUnitIds: [adele.id, adele.id], protectionTimePeriod: lastWeek }, 'InvalidSearchRequest', /more than once/);
  });

  it('allows at most 20 units, and exactly one with an artifact query', () => {
    const ids = catalog.units('exchange').slice(0, 21).map((u) => u.id);
    rejects({ protectionUnitIds: ids, protectionTimePeriod: lastWeek }, 'InvalidSearchRequest', /at most 20/);
    const twenty = catalog.search({ protectionUnitIds: ids.slice(0, 20), protectionTimePeriod: lastWeek }, NOW);
    assert.equal(twenty.searchResults!.length + twenty.noResultProtectionUnitIds!.length, 20);
    const query = { artifactType: 'message' as const, queryExpression: "(Subject -like '*x*')" };
    rejects({ protectionUnitIds: [adele.id, alex.id], protectionTimePeriod: lastWeek, artifactQuery: query }, 'InvalidSearchRequest', /exactly 1/);
    rejects({ protectionUnitIds: [adele.id], protectionTimePeriod: lastWeek, artifactQuery: { artifactType: 'message' } }, 'InvalidSearchRequest', /queryExpression/);
    const site = unitOf('sharePoint', 'Marketing');
    rejects({ protectionUnitIds: [site.id], protectionTimePeriod: lastWeek, artifactQuery: query }, 'InvalidSearchRequest', /mailbox/);
  });

  it('rejects unknown unit ids with InvalidProtectionUnitId', () => {
    rejects({ protectionUnitIds: [adele.id, 'e1d2c3b4-a596-4877-8899-aabbccddeeff'], protectionTimePeriod: lastWeek }, 'InvalidProtectionUnitId', /e1d2c3b4/);
  });
});
