import { strict as assert } from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  directoryFiles, HistoryRecorder, safeName, type ArtifactState, type HistoryKey, type Observation,
} from '../../../../src/backup/history';
import type { RestoreSessionStatus } from '../../../../src/backup/model';

const key: HistoryKey = { connectionId: 'emulator', sessionId: '5f1b0a3c-1111-4222-8333-944455556666' };

function observation(status: RestoreSessionStatus, artifacts?: Partial<ArtifactState>[], over: Partial<Observation> = {}): Observation {
  return {
    session: { id: key.sessionId, status, createdDateTime: '2026-11-22T10:00:00Z', restoreSessionArtifactCount: { total: artifacts?.length ?? 0, completed: 0, failed: 0, inProgress: 0 } },
    artifacts: artifacts?.map((a, i) => ({ id: `a${i}`, kind: 'standard', status: 'added', ...a })),
    source: 'poll',
    ...over,
  };
}

describe('history recorder', () => {
  let dir: string;
  let clock: number;
  const now = () => new Date(clock += 1000);

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'history-test-'));
    clock = Date.parse('2026-11-22T10:00:00Z');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('records snapshots in order with increasing sequence numbers', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    await recorder.record(key, observation('draft', [{}]));
    await recorder.record(key, observation('activating', [{ status: 'scheduling' }]));
    await recorder.record(key, observation('active', [{ status: 'inProgress' }]));
    const list = await recorder.list(key);
    assert.deepEqual(list.map((s) => s.seq), [1, 2, 3]);
    assert.deepEqual(list.map((s) => s.session.status), ['draft', 'activating', 'active']);
    assert.ok(Date.parse(list[0].observedAt) < Date.parse(list[2].observedAt));
  });

  it('keeps the order of concurrent calls for one session', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    const statuses: RestoreSessionStatus[] = ['draft', 'activating', 'active', 'completed'];
    await Promise.all(statuses.map((s) => recorder.record(key, observation(s))));
    assert.deepEqual((await recorder.list(key)).map((s) => s.session.status), statuses);
  });

  it('does not record an observation that repeats the last one', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    assert.ok(await recorder.record(key, observation('active', [{ status: 'inProgress' }])));
    assert.equal(await recorder.record(key, observation('active', [{ status: 'inProgress' }])), undefined, 'same state');
    // lastModifiedDateTime alone is not a change worth a snapshot
    const touched = observation('active', [{ status: 'inProgress' }]);
    touched.session.lastModifiedDateTime = '2026-11-22T10:30:00Z';
    assert.equal(await recorder.record(key, touched), undefined);
    // a session-only observation (from the explorer) that agrees is a repeat too
    const fromTree = observation('active', [{ status: 'inProgress' }], { source: 'tree' });
    delete fromTree.artifacts;
    assert.equal(await recorder.record(key, fromTree), undefined);
    // an artifact change is not
    assert.ok(await recorder.record(key, observation('active', [{ status: 'succeeded', completionDateTime: '2026-11-22T10:40:00Z' }])));
    assert.equal((await recorder.list(key)).length, 2);
  });

  it('records a session-only observation when the session changed', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    await recorder.record(key, observation('active', [{ status: 'inProgress' }]));
    const snap = await recorder.record(key, observation('completed', undefined, { source: 'tree' }));
    assert.ok(snap);
    assert.equal(snap.artifacts, undefined);
    assert.equal(snap.source, 'tree');
  });

  it('keeps at most maxSnapshots, dropping the oldest, in memory and on disk', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now, maxSnapshots: 3 });
    for (let i = 0; i < 7; i++) await recorder.record(key, observation(i % 2 ? 'active' : 'activating'));
    const list = await recorder.list(key);
    assert.deepEqual(list.map((s) => s.seq), [5, 6, 7], 'oldest dropped; sequence numbers are not reused');
    const file = path.join(dir, key.connectionId, `${key.sessionId}.jsonl`);
    const lines = (await fs.readFile(file, 'utf8')).trim().split('\n');
    assert.equal(lines.length, 3);
    const reopened = new HistoryRecorder(directoryFiles(dir), { now, maxSnapshots: 3 });
    assert.deepEqual((await reopened.list(key)).map((s) => s.seq), [5, 6, 7]);
  });

  it('persists across a new recorder instance and continues the sequence', async () => {
    const first = new HistoryRecorder(directoryFiles(dir), { now });
    await first.record(key, observation('draft', [{}]));
    await first.record(key, observation('activating', [{ status: 'scheduling' }], { note: 'after Activate', requestId: 'req-1', source: 'action' }));
    const second = new HistoryRecorder(directoryFiles(dir), { now });
    const list = await second.list(key);
    assert.equal(list.length, 2);
    assert.equal(list[1].note, 'after Activate');
    assert.equal(list[1].requestId, 'req-1');
    assert.equal(await second.record(key, observation('activating', [{ status: 'scheduling' }])), undefined, 'de-duplicates against the persisted last snapshot');
    const next = await second.record(key, observation('active', [{ status: 'inProgress' }]));
    assert.equal(next?.seq, 3);
  });

  it('skips a torn last line left by an interrupted append', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    await recorder.record(key, observation('draft'));
    const file = path.join(dir, key.connectionId, `${key.sessionId}.jsonl`);
    await fs.appendFile(file, '{"seq":2,"observedAt":"2026-11-22T1');
    const reopened = new HistoryRecorder(directoryFiles(dir), { now });
    assert.deepEqual((await reopened.list(key)).map((s) => s.seq), [1]);
  });

  it('keeps histories of different sessions and connections apart', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    const other: HistoryKey = { connectionId: 'graph:contoso', sessionId: key.sessionId };
    await recorder.record(key, observation('draft'));
    await recorder.record(other, observation('completed'));
    assert.deepEqual((await recorder.list(key)).map((s) => s.session.status), ['draft']);
    assert.deepEqual((await recorder.list(other)).map((s) => s.session.status), ['completed']);
  });

  it('clears a history and exports one as JSON', async () => {
    const recorder = new HistoryRecorder(directoryFiles(dir), { now });
    await recorder.record(key, observation('draft'));
    await recorder.record(key, observation('active'));
    const exported = JSON.parse(await recorder.exportJson(key));
    assert.equal(exported.sessionId, key.sessionId);
    assert.equal(exported.snapshots.length, 2);
    const events: unknown[] = [];
    recorder.onDidChange((_k, s) => events.push(s));
    await recorder.clear(key);
    assert.deepEqual(await recorder.list(key), []);
    assert.deepEqual(events, [undefined]);
    assert.deepEqual(await new HistoryRecorder(directoryFiles(dir)).list(key), [], 'the file is gone');
  });

  it('names files safely', async () => {
    assert.equal(safeName('5f1b0a3c-1111-4222-8333-944455556666'), '5f1b0a3c-1111-4222-8333-944455556666');
    const odd = safeName('../../etc/passwd');
    assert.ok(!odd.includes('/') && !odd.startsWith('.'), odd);
    assert.notEqual(safeName('a/b'), safeName('a_b'), 'different ids never share a file');
    await assert.rejects(directoryFiles(dir).read('../outside'), /escapes/);
  });
});
