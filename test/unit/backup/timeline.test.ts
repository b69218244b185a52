// The restore-point timeline a person reads: days newest first with an hour axis, gaps where the cadence expected
// a point, fast-restore points counted, the weekly points after 14 days.
import { strict as assert } from 'assert';
import type { RestorePoint } from '../../../src/backup/model';
import { frequentDays, gapsIn, readTimeline, timelinePoints, weeklyEntries } from '../../../src/backup/timeline';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-12-01 12:00 UTC. */
const NOW = Date.UTC(2026, 11, 1, 12, 0);

const point = (ms: number): RestorePoint => ({
  id: `p${ms}`, protectionDateTime: new Date(ms).toISOString(), tags: ms % HOUR === 0 ? 'fastRestore' : 'none',
});

/** Every 10 minutes from `from` to `to`, minus the times `missing` says. */
function grid(from: number, to: number, missing: (ms: number) => boolean = () => false): RestorePoint[] {
  const points: RestorePoint[] = [];
  for (let t = Math.ceil(from / (10 * MIN)) * 10 * MIN; t <= to; t += 10 * MIN) if (!missing(t)) points.push(point(t));
  return points;
}

describe('restore-point timeline', () => {
  it('groups a protected unit by day, newest first, with no gap when every point is there', () => {
    const from = NOW - 2 * DAY;
    const days = frequentDays(timelinePoints(grid(from, NOW)), { nowMs: NOW, protectedFromMs: from - DAY, utcOffsetMinutes: 0 });
    assert.deepEqual(days.map((d) => d.date).slice(0, 3), ['2026-12-01', '2026-11-30', '2026-11-29']);
    const today = days[0];
    assert.equal(today.pointCount, 73, 'midnight to noon, both included');
    assert.equal(today.fastRestoreCount, 13);
    assert.equal(today.gapCount, 0);
    assert.equal(today.hours, `${'█'.repeat(13)}${'·'.repeat(11)}`, 'full hours until noon (its one point included), nothing expected after');
    assert.ok(today.entries[0].kind === 'point' && today.entries[0].point.ms === NOW, 'newest point first');
  });

  it('shows a missing stretch as a gap on the day and on its hour axis', () => {
    const from = NOW - DAY;
    const missing = (t: number) => t > NOW - 5 * HOUR && t < NOW - 3 * HOUR;
    const days = frequentDays(timelinePoints(grid(from, NOW, missing)), { nowMs: NOW, protectedFromMs: from - DAY, utcOffsetMinutes: 0 });
    const today = days[0];
    assert.equal(today.gapCount, 1);
    const gap = today.entries.find((e) => e.kind === 'gap');
    assert.ok(gap && gap.kind === 'gap');
    assert.equal(gap.gap.fromMs, NOW - 5 * HOUR);
    assert.equal(gap.gap.toMs, NOW - 3 * HOUR);
    assert.equal(today.hours.slice(7, 9), '▄░', '07:00 UTC had only its first point, 08:00 none');
    assert.equal(today.hours[9], '█');
  });

  it('does not call the wait for a new unit\'s first backup a gap, nor the days before it was protected', () => {
    const protectedFrom = NOW - 3 * HOUR - 7 * MIN;
    const days = frequentDays(timelinePoints(grid(protectedFrom + 25 * MIN, NOW)), { nowMs: NOW, protectedFromMs: protectedFrom, utcOffsetMinutes: 0 });
    assert.deepEqual(days.map((d) => d.date), ['2026-12-01']);
    assert.equal(days[0].gapCount, 0);
    assert.equal(days[0].hours.slice(0, 8), '········');
  });

  it('ends the expected points where protection ended, without a gap after it', () => {
    const until = NOW - 2 * DAY;
    const days = frequentDays(timelinePoints(grid(NOW - 14 * DAY + MIN, until)), { nowMs: NOW, protectedFromMs: NOW - 30 * DAY, protectedUntilMs: until, utcOffsetMinutes: 0 });
    assert.equal(days.reduce((n, d) => n + d.gapCount, 0), 0);
    assert.equal(days.find((d) => d.date === '2026-12-01')?.hours ?? '·'.repeat(24), '·'.repeat(24));
  });

  it('groups by the local day of the given UTC offset', () => {
    const days = frequentDays(timelinePoints([point(Date.UTC(2026, 11, 1, 1, 0))]), { nowMs: NOW, protectedFromMs: NOW - 3 * HOUR, utcOffsetMinutes: -5 * 60 });
    assert.ok(days.some((d) => d.date === '2026-11-30' && d.pointCount === 1), '01:00 UTC is the evening before at UTC-5');
  });

  it('lists weekly points older than 14 days, newest first, with a missing week as a gap', () => {
    const weekly = [3, 4, 6, 7].map((w) => point(NOW - 14 * DAY - w * 7 * DAY));
    const entries = weeklyEntries(timelinePoints(weekly), { nowMs: NOW, protectedFromMs: NOW - 14 * DAY - 7 * 7 * DAY - HOUR, utcOffsetMinutes: 0 });
    const kinds = entries.map((e) => e.kind);
    assert.equal(kinds.filter((k) => k === 'point').length, 4);
    assert.ok(kinds.includes('gap'), 'the missing fifth week');
    const times = entries.map((e) => (e.kind === 'point' ? e.point.ms : e.gap.toMs));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  it('gapsIn counts the ends of the range as where points were expected', () => {
    const points = timelinePoints([point(NOW - 50 * MIN), point(NOW - 40 * MIN)]);
    const gaps = gapsIn(points, NOW - 60 * MIN, NOW, 10 * MIN);
    assert.deepEqual(gaps.map((g) => [(NOW - g.fromMs) / MIN, (NOW - g.toMs) / MIN]), [[40, 0]]);
  });

  it('reads the whole retention in day-sized ranges that do not overlap, and keeps each point once', async () => {
    const ranges: { fromMs: number; toMs: number }[] = [];
    const timeline = await readTimeline(async (range) => {
      ranges.push(range);
      return grid(range.fromMs, range.toMs).concat(grid(range.fromMs, range.toMs).slice(0, 1));
    }, { nowMs: NOW, protectedFromMs: NOW - 20 * DAY, utcOffsetMinutes: 0 });
    ranges.sort((a, b) => a.fromMs - b.fromMs);
    // fromMs / toMs are instants (epoch ms) bounding each request's time range, not durations: ranges are disjoint
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i].fromMs > ranges[i - 1].toMs, 'ranges do not overlap');
    assert.equal(ranges[ranges.length - 1].toMs, NOW);
    assert.equal(new Set(timeline.days.flatMap((d) => d.entries.flatMap((e) => (e.kind === 'point' ? [e.point.id] : [])))).size, timeline.days.reduce((n, d) => n + d.pointCount, 0));
    assert.ok(timeline.days.length >= 14 && timeline.days.length <= 15);
  });
});
