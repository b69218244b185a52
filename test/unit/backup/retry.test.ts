import { strict as assert } from 'assert';
import { workload } from '../../../src/backup/model';
import { retryDestination, retrySuggestion } from '../../../src/backup/retry';

describe('retry suggestions per failure kind', () => {
  it('moves a Preservation Lock failure to a new location, as its message says', () => {
    const s = retrySuggestion(workload('sharePoint'), { code: 'ArtifactCannotBeRestored', message: "The site 'Legal' is under a retention policy with Preservation Lock, which blocks restore. Restore it to a new URL instead." }, 'inPlace');
    assert.deepEqual([s.action, s.destinationType], ['newLocation', 'new']);
    assert.match(s.reason, /Preservation Lock/);
  });

  it('asks to lift a mailbox Litigation Hold before retrying', () => {
    const s = retrySuggestion(workload('exchange'), { code: 'ArtifactCannotBeRestored', message: "The mailbox of Lidia Holloway is on Litigation Hold. Items under a legal or in-place hold can't be restored until the hold is lifted." }, 'inPlace');
    assert.equal(s.action, 'keepPoint');
    assert.match(s.reason, /Lift it in Exchange/);
  });

  it('chooses another point for a time outside retention, and keeps it for a duplicate restore', () => {
    assert.equal(retrySuggestion(workload('sharePoint'), { code: 'InvalidRestoreTime', message: 'outside retention' }).action, 'choosePoint');
    assert.equal(retrySuggestion(workload('exchange'), { code: 'DuplicateArtifactRestoreRequest', message: 'Another restore is in progress.' }).action, 'keepPoint');
    assert.equal(retrySuggestion(workload('oneDrive'), { code: 'ArtifactNotFound', message: 'deleted' }).action, 'newLocation');
  });

  it('moves the whole retry to a new location when one failure needs it', () => {
    const w = workload('sharePoint');
    const list = [retrySuggestion(w, { code: 'UnknownError' }, 'inPlace'), retrySuggestion(w, { code: 'ArtifactCannotBeRestored', message: 'Preservation Lock' }, 'inPlace')];
    assert.equal(retryDestination(list, 'inPlace'), 'new');
    assert.equal(retryDestination(list.slice(0, 1), 'inPlace'), 'inPlace');
  });
});
