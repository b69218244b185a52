import { strict as assert } from 'assert';
import { completionNotice, progressOf, statusBanner } from '../../../src/backup/progress';

describe('progress in words', () => {
  it('segments restored, failed, in progress and waiting', () => {
    const p = progressOf({ total: 5, completed: 1, failed: 1, inProgress: 2 });
    assert.equal(p.text, '1 restored, 1 failed, 2 in progress, 1 waiting');
    assert.deepEqual(p.segments.map((s) => s.kind), ['restored', 'failed', 'inProgress', 'waiting']);
    assert.equal(p.finishedFraction, 0.4);
  });

  it('is not full at 0 of 1 restored with 1 in progress', () => {
    const p = progressOf({ total: 1, completed: 0, failed: 0, inProgress: 1 });
    assert.equal(p.finishedFraction, 0);
    assert.equal(p.text, '1 in progress');
    assert.doesNotMatch(p.text, /restoreSessionArtifactCount/);
  });

  it('has a banner for the current status, not the previous one', () => {
    const p = progressOf({ total: 2, completed: 1, inProgress: 1 });
    assert.match(statusBanner({ status: 'active' }, p).text, /^Restoring: 1 restored, 1 in progress/);
    assert.match(statusBanner({ status: 'activating' }, p).text, /^Activating/);
    assert.equal(statusBanner({ status: 'failed', error: { code: 'UnknownError', message: 'Boom' } }, p).text, 'Failed: Unknown error — Boom (code UnknownError)');
    assert.equal(statusBanner({ status: 'completed' }, progressOf({ total: 2, completed: 2 })).tone, 'success');
  });
});

describe('completion notice', () => {
  it('names the units, the outcome and where they went', () => {
    const text = completionNotice('Debra Berger +2', { status: 'completedWithError' }, progressOf({ total: 3, completed: 2, failed: 1 }), 'a new folder in each mailbox');
    assert.equal(text, 'Debra Berger +2: completed with errors — 2 restored, 1 failed. Restored to a new folder in each mailbox.');
    assert.equal(completionNotice('Finance site', { status: 'failed' }, progressOf({ total: 1, failed: 1 }), 'Finance'), 'Finance site: restore failed — 1 failed.');
  });
});
