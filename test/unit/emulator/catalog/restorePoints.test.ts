import { strict as assert } from 'assert';
import type { RestorePoint } from '../../../../src/backup/model';
import { catalog, DAY, HOUR, MINUTE, NOW, unitOf } from './fixtures';

const timeOf = (p: RestorePoint) => Date.parse(p.protectionDateTime!);
const gaps = (points: RestorePoint[]) => points.slice(1).map((p, i) => timeOf(points[i]) - timeOf(p));

describe('catalog: restore points', () => {
  const adele = unitOf('exchange', 'adelev');

  it('takes a point every 10 minutes for the last 14 days, newest first', () => {
    const points = catalog.restorePoints(adele.id, NOW, { limit: 200 });
    assert.equal(points.length, 200);
    assert.equal(points[0].protectionDateTime, '2026-11-22T23:50:00.000Z');
    assert.ok(gaps(points).every((g) => g === 10 * MINUTE));
  });

  it('keeps weekly points (Sundays 02:30 UTC) beyond 14 days and none older than a year', () => {
    const old = catalog.restorePoints(adele.id, NOW, { beforeMs: NOW - 15 * DAY, limit: 100 });
    assert.ok(old.length >= 49 && old.length <= 51, `about a year of weekly points, got ${old.length}`);
    assert.ok(gaps(old).every((g) => g === 7 * DAY));
    for (const point of old) {
      const date = new Date(timeOf(point));
      assert.equal(date.getUTCDay(), 0);
      assert.equal(date.toISOString().slice(11, 16), '02:30');
      assert.ok(timeOf(point) > NOW - 366 * DAY);
    }
  });

  it('has exactly the 10-minute grid of two weeks plus the weekly ones before it', () => {
    const all = catalog.restorePoints(adele.id, NOW, { limit: 10_000 });
    const recent = all.filter((p) => timeOf(p) > NOW - 14 * DAY);
    assert.equal(recent.length, 14 * 24 * 6);
    assert.ok(all.length - recent.length >= 49);
  });

  it('honours order, limit and the before/after window', () => {
    assert.equal(catalog.restorePoints(adele.id, NOW, { limit: 5 }).length, 5);
    assert.equal(catalog.restorePoints(adele.id, NOW, { limit: 0 }).length, 0);
    const asc = catalog.restorePoints(adele.id, NOW, { order: 'asc', limit: 3 });
    assert.ok(timeOf(asc[0]) < timeOf(asc[1]));
    assert.ok(timeOf(asc[0]) > NOW - 366 * DAY);
    const window = catalog.restorePoints(adele.id, NOW, { afterMs: NOW - HOUR, beforeMs: NOW - 20 * MINUTE, limit: 50 });
    assert.deepEqual(window.map((p) => p.protectionDateTime), [
      '2026-11-22T23:30:00.000Z', '2026-11-22T23:20:00.000Z', '2026-11-22T23:10:00.000Z', '2026-11-22T23:00:00.000Z',
    ]);
    const atBoundary = catalog.restorePoints(adele.id, NOW, { beforeMs: Date.parse('2026-11-22T23:30:00Z'), limit: 1 });
    assert.equal(atBoundary[0].protectionDateTime, '2026-11-22T23:30:00.000Z', 'beforeMs is inclusive');
  });

  it('sets expiry to protection time + retention period and tags points on the hour fastRestore', () => {
    for (const point of catalog.restorePoints(adele.id, NOW, { limit: 12 })) {
      assert.equal(Date.parse(point.expirationDateTime!) - timeOf(point), 14 * DAY);
      assert.equal(point.tags, timeOf(point) % HOUR === 0 ? 'fastRestore' : 'none');
    }
    const [weekly] = catalog.restorePoints(adele.id, NOW, { beforeMs: NOW - 20 * DAY, limit: 1 });
    const protection = new Date(timeOf(weekly));
    protection.setUTCFullYear(protection.getUTCFullYear() + 1);
    assert.equal(Date.parse(weekly.expirationDateTime!), protection.getTime(), 'P1Y is a calendar year');
    assert.equal(weekly.tags, 'none');
  });

  it('round-trips ids, and rejects unknown, malformed and expired ids', () => {
    const [point] = catalog.restorePoints(adele.id, NOW, { limit: 1 });
    assert.match(point.id, /^[0-9a-f-]{36}_\d+_[01]_[01]$/);
    assert.deepEqual(catalog.restorePoint(point.id, NOW), point);
    const [weekly] = catalog.restorePoints(adele.id, NOW, { beforeMs: NOW - 30 * DAY, limit: 1 });
    assert.deepEqual(catalog.restorePoint(weekly.id, NOW), weekly);
    assert.equal(catalog.restorePoint(point.id, NOW + 15 * DAY), undefined, 'a 10-minute point expires after two weeks');
    assert.ok(catalog.restorePoint(weekly.id, NOW + 15 * DAY), 'a weekly point lives on');
    assert.equal(catalog.restorePoint(point.id, timeOf(point) - 1), undefined, 'not before it was taken');
    assert.equal(catalog.restorePoint(point.id.replace(/_\d_\d$/, '_1_1'), NOW), undefined, 'flags must match');
    assert.equal(catalog.restorePoint('b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e', NOW), undefined);
    assert.equal(catalog.restorePoint(`00000000-0000-4000-8000-000000000000_${timeOf(point) / 1000}_0_0`, NOW), undefined);
  });

  it('has no points before a unit joined, none for a unit awaiting protection, none after deletion', () => {
    const lateJoiner = unitOf('exchange', 'priyar');
    const [oldest] = catalog.restorePoints(lateJoiner.id, NOW, { order: 'asc', limit: 1 });
    assert.ok(timeOf(oldest) >= Date.parse(lateJoiner.createdDateTime!));
    assert.ok(timeOf(oldest) - Date.parse(lateJoiner.createdDateTime!) <= 30 * MINUTE);

    assert.deepEqual(catalog.restorePoints(unitOf('exchange', 'noraq').id, NOW, { limit: 5 }), []);

    const deleted = unitOf('oneDrive', 'irvins');
    const [latest] = catalog.restorePoints(deleted.id, NOW, { limit: 1 });
    assert.ok(timeOf(latest) <= Date.parse(deleted.lastModifiedDateTime!));
    assert.ok(timeOf(latest) > Date.parse(deleted.lastModifiedDateTime!) - 10 * MINUTE);

    const unprotected = unitOf('sharePoint', 'Archive2023');
    const [last] = catalog.restorePoints(unprotected.id, NOW, { limit: 1 });
    assert.ok(timeOf(last) <= Date.parse(unprotected.lastModifiedDateTime!));
  });

  it('returns nothing for an unknown unit', () => {
    assert.deepEqual(catalog.restorePoints('nope', NOW, { limit: 5 }), []);
  });
});
