import { strict as assert } from 'assert';
import { parsePointInTime } from '../../../src/backup/naturalDate';
import { pointsAround } from '../../../src/backup/restorePoints';
import { formatWithZone, pointInTimeText, timeAgo, utcOffsetName } from '../../../src/backup/timeWords';

const now = Date.parse('2026-12-01T17:00:00Z');
const plusOne = { now, utcOffsetMinutes: 60 };

describe('points in time', () => {
  it('names the zone by its UTC offset and says the age', () => {
    assert.equal(utcOffsetName(0), 'UTC');
    assert.equal(utcOffsetName(60), 'UTC+1');
    assert.equal(utcOffsetName(-210), 'UTC-3:30');
    assert.equal(formatWithZone(Date.parse('2026-11-30T08:00:00Z'), 60), '2026-11-30 09:00 UTC+1');
    assert.equal(pointInTimeText('2026-11-30T08:00:00Z', now, 60), '2026-11-30 09:00 UTC+1 (1 day ago)');
    assert.equal(timeAgo(now - 2 * 3_600_000, now), '2 h ago');
    assert.equal(pointInTimeText('0001-01-01T00:00:00Z', now), '');
  });

  it('reads natural input in the given zone', () => {
    const read = (text: string) => {
      const r = parsePointInTime(text, plusOne);
      return r.ok ? new Date(r.ms).toISOString() : r.message;
    };
    assert.equal(read('now'), '2026-12-01T17:00:00.000Z');
    assert.equal(read('-2h'), '2026-12-01T15:00:00.000Z');
    assert.equal(read('3 d ago'), '2026-11-28T17:00:00.000Z');
    assert.equal(read('yesterday 09:00'), '2026-11-30T08:00:00.000Z');
    assert.equal(read('2026-11-30 9:00'), '2026-11-30T08:00:00.000Z');
    assert.equal(read('2026-11-30T09:00:00Z'), '2026-11-30T09:00:00.000Z');
    const ok = parsePointInTime('yesterday 09:00', plusOne);
    assert.ok(ok.ok && ok.text === '2026-11-30 09:00 UTC+1 (1 day ago)');
  });

  it('refuses impossible, future and unreadable input with a reason', () => {
    assert.match(String(!parsePointInTime('2026-02-30 10:00', plusOne).ok && (parsePointInTime('2026-02-30 10:00', plusOne) as { message: string }).message), /not a date on the calendar/);
    const future = parsePointInTime('2026-12-02 10:00', plusOne);
    assert.ok(!future.ok && /in the future/.test(future.message));
    const nonsense = parsePointInTime('last tuesday-ish', plusOne);
    assert.ok(!nonsense.ok && /yesterday 09:00/.test(nonsense.message));
  });

  it('lists the real points around a chosen time, newest first, fast-restore marked', () => {
    const at = (minutesAgo: number, fast = false) => ({ id: `p${minutesAgo}`, protectionDateTime: new Date(now - minutesAgo * 60_000).toISOString(), tags: fast ? 'fastRestore' : 'none' });
    const points = [at(0), at(10, true), at(20), at(30), at(40), at(50, true), at(60)];
    const chosen = now - 35 * 60_000;
    const list = pointsAround(points, chosen, { now, before: 2, after: 2, utcOffsetMinutes: 0 });
    assert.deepEqual(list.map((p) => [p.id, p.side, p.closest, p.fastRestore]), [
      ['p20', 'after', false, false], ['p30', 'after', false, false], ['p40', 'before', true, false], ['p50', 'before', false, true],
    ]);
    assert.equal(list[3].description, 'fast restore · 15 min before the time you chose');
    assert.match(list[2].label, /UTC \(40 min ago\)$/);
  });
});
