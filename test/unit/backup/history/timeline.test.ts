import { strict as assert } from 'assert';
import { buildTimeline, summarizeSnapshot, validTime, type HistorySnapshot } from '../../../../src/backup/history';

const snap = (seq: number, at: string, status: string, artifacts?: { id: string; status: string }[], source: HistorySnapshot['source'] = 'poll'): HistorySnapshot => ({
  seq,
  observedAt: at,
  source,
  session: { id: 's1', status: status as never, createdDateTime: '2026-11-22T10:00:00Z' },
  artifacts: artifacts?.map((a) => ({ id: a.id, kind: 'standard', status: a.status as never })),
});

describe('timeline reconstruction', () => {
  it('builds the session lane from payload timestamps when nothing was observed', () => {
    const lanes = buildTimeline({
      snapshots: [],
      session: { id: 's1', status: 'completed', createdDateTime: '2026-11-22T10:00:00Z', completedDateTime: '2026-11-22T11:00:00Z' },
    });
    assert.equal(lanes.length, 1);
    assert.deepEqual(lanes[0].points.map((p) => [p.at, p.status, p.source, p.how]), [
      ['2026-11-22T10:00:00Z', 'draft', 'payload', 'from payload createdDateTime'],
      ['2026-11-22T11:00:00Z', 'completed', 'payload', 'from payload completedDateTime'],
    ]);
  });

  it('builds artifact lanes from start and completion timestamps, ignoring 0001-01-01 placeholders', () => {
    const lanes = buildTimeline({
      snapshots: [],
      session: { id: 's1', status: 'completedWithError', createdDateTime: '2026-11-22T10:00:00Z' },
      artifacts: [
        { id: 'a1', kind: 'standard', status: 'succeeded', startDateTime: '2026-11-22T10:05:00Z', completionDateTime: '2026-11-22T10:20:00Z' },
        { id: 'g1', kind: 'granular', status: 'added', startDateTime: '0001-01-01T00:00:00Z', completionDateTime: '0001-01-01T00:00:00Z' },
      ],
      labels: new Map([['standard/a1', 'Adele Vance']]),
    });
    assert.equal(lanes.length, 3);
    assert.equal(lanes[1].label, 'Adele Vance');
    assert.deepEqual(lanes[1].points.map((p) => [p.status, p.how]), [
      ['inProgress', 'from payload startDateTime'],
      ['succeeded', 'from payload completionDateTime'],
    ]);
    assert.equal(lanes[2].label, 'g1', 'falls back to the id');
    assert.deepEqual(lanes[2].points, []);
    assert.equal(validTime('0001-01-01T00:00:00.0000000Z'), undefined);
    assert.equal(validTime('not a date'), undefined);
  });

  it('adds a point where an observed status changed, saying how it was observed, in time order', () => {
    const lanes = buildTimeline({
      snapshots: [
        snap(1, '2026-11-22T10:01:00Z', 'draft', [{ id: 'a1', status: 'added' }], 'open'),
        snap(2, '2026-11-22T10:02:00Z', 'draft', [{ id: 'a1', status: 'added' }]),
        snap(3, '2026-11-22T10:03:00Z', 'activating', [{ id: 'a1', status: 'scheduling' }], 'action'),
        snap(4, '2026-11-22T10:09:00Z', 'active', [{ id: 'a1', status: 'inProgress' }]),
      ],
      session: { id: 's1', status: 'active', createdDateTime: '2026-11-22T10:00:00Z' },
      artifacts: [{ id: 'a1', kind: 'standard', status: 'inProgress', startDateTime: '2026-11-22T10:05:00Z' }],
    });
    const session = lanes[0].points.map((p) => `${p.status}/${p.how}`);
    assert.deepEqual(session, [
      'draft/from payload createdDateTime',
      'draft/observed when the panel opened',
      'activating/observed after an action',
      'active/from payload startDateTime of the first artifact',
      'active/observed by polling',
    ]);
    const artifact = lanes[1].points.map((p) => `${p.at.slice(11, 16)} ${p.status} ${p.source}`);
    assert.deepEqual(artifact, ['10:01 added observed', '10:03 scheduling observed', '10:05 inProgress payload', '10:09 inProgress observed']);
  });

  it('keeps lanes of artifacts only the history knows and uses the newest snapshot when the session is gone', () => {
    const lanes = buildTimeline({
      snapshots: [snap(1, '2026-11-22T10:01:00Z', 'failed', [{ id: 'old', status: 'failed' }])],
    });
    assert.deepEqual(lanes.map((l) => l.id), ['session', 'standard/old']);
    assert.equal(lanes[0].points[0].how, 'from payload createdDateTime');
  });

  it('summarizes a snapshot in one line', () => {
    const s = snap(1, '2026-11-22T10:01:00Z', 'active', [{ id: 'a', status: 'inProgress' }]);
    s.session.restoreSessionArtifactCount = { total: 3, completed: 1, failed: 0, inProgress: 2 };
    assert.equal(summarizeSnapshot(s), 'Active · 1/3 restored, 0 failed · 1 artifact(s)');
  });
});
