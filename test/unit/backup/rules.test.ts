import { strict as assert } from 'assert';
import {
  aggregateSessionStatus, allowedActions, checkActivation, checkArtifactChange, countArtifacts, evolvableMembers,
  RESTORE_JOB_TYPES, RESTORE_SESSION_STATUSES, type ArtifactChange, type SessionShape,
} from '../../../src/backup/model';

const change = (over: Partial<ArtifactChange> = {}): ArtifactChange => ({
  addedKinds: new Set(['standard']), addedDestinations: ['new'], addedKeys: ['rp1'], removedCount: 0, isCreate: false, ...over,
});
const draft = (over: Partial<SessionShape> = {}): SessionShape => ({
  status: 'draft', restoreJobType: 'standard', existingKind: null, existingDestination: null, existingKeys: new Set(), bulkRequestCount: 0, ...over,
});

describe('status rules', () => {
  it('aggregates artifact statuses into the session status as documented', () => {
    assert.equal(aggregateSessionStatus(['added', 'added'], 'draft'), 'draft');
    assert.equal(aggregateSessionStatus(['scheduling', 'scheduling'], 'draft'), 'activating');
    assert.equal(aggregateSessionStatus(['scheduling', 'inProgress'], 'activating'), 'active');
    assert.equal(aggregateSessionStatus(['succeeded', 'inProgress'], 'active'), 'active');
    assert.equal(aggregateSessionStatus(['succeeded', 'succeeded'], 'active'), 'completed');
    assert.equal(aggregateSessionStatus(['succeeded', 'failed'], 'active'), 'completedWithError');
    assert.equal(aggregateSessionStatus(['failed', 'failed'], 'active'), 'failed');
    assert.equal(aggregateSessionStatus([], 'activating'), 'activating', 'an empty (bulk) session keeps its status');
  });

  it('counts artifacts past added and not terminal as in progress', () => {
    assert.deepEqual(countArtifacts(['added', 'scheduling', 'inProgress', 'succeeded', 'failed']), { total: 5, completed: 1, failed: 1, inProgress: 2 });
  });

  it('allows patch, delete and activate only on drafts', () => {
    assert.deepEqual([...allowedActions('draft')].sort(), ['activate', 'delete', 'patch']);
    for (const status of ['activating', 'active', 'completed', 'completedWithError', 'failed'] as const) {
      assert.equal(allowedActions(status).size, 0, status);
    }
  });

  it('knows which enum members are evolvable', () => {
    assert.deepEqual(evolvableMembers(RESTORE_SESSION_STATUSES), ['failed']);
    assert.deepEqual(evolvableMembers(RESTORE_JOB_TYPES), ['granular']);
  });
});

describe('write checks', () => {
  it('accepts a plain standard addition to a draft', () => {
    assert.equal(checkArtifactChange(change(), draft()), undefined);
  });

  it('refuses changes to a session that is not a draft', () => {
    assert.equal(checkArtifactChange(change(), draft({ status: 'active' }))?.code, 'RestoreSessionActionNotAllowed');
  });

  it('refuses more than 50 artifacts in one request: 413 on create, 400 on patch', () => {
    const keys = Array.from({ length: 51 }, (_, i) => `rp${i}`);
    const onCreate = checkArtifactChange(change({ addedKeys: keys, addedDestinations: keys.map(() => 'new'), isCreate: true }), null);
    assert.equal(onCreate?.code, 'RestoreArtifactsLimitBreached');
    assert.equal(onCreate?.httpStatus, 413);
    assert.equal(checkArtifactChange(change({ addedKeys: keys.slice(0, 40), removedCount: 11 }), draft())?.httpStatus, 400);
    assert.equal(checkArtifactChange(change({ addedKeys: keys.slice(0, 50), addedDestinations: ['new'] }), draft()), undefined);
  });

  it('refuses two destination types, including one already in the session', () => {
    assert.equal(checkArtifactChange(change({ addedKeys: ['a', 'b'], addedDestinations: ['new', 'inPlace'] }), draft())?.code, 'DifferentRestoreDestinationType');
    assert.equal(checkArtifactChange(change({ addedDestinations: ['inPlace'] }), draft({ existingDestination: 'new' }))?.code, 'DifferentRestoreDestinationType');
  });

  it('refuses duplicates within the request and against the session', () => {
    assert.equal(checkArtifactChange(change({ addedKeys: ['a', 'a'], addedDestinations: ['new', 'new'] }), draft())?.code, 'DuplicateArtifactInList');
    assert.equal(checkArtifactChange(change({ addedKeys: ['a'] }), draft({ existingKeys: new Set(['a']) }))?.code, 'DuplicateArtifactInList');
  });

  it('refuses mixing standard and granular artifacts, and manual artifacts in bulk sessions', () => {
    assert.equal(checkArtifactChange(change({ addedKinds: new Set(['standard', 'granular']) }), null)?.code, 'InvalidArtifactRequest');
    assert.equal(checkArtifactChange(change(), draft({ existingKind: 'granular' }))?.code, 'InvalidArtifactRequest');
    assert.equal(checkArtifactChange(change(), draft({ restoreJobType: 'bulk', bulkRequestCount: 1 }))?.code, 'InvalidPatchRequest');
  });

  it('refuses activation beyond 25 running sessions and outside draft', () => {
    assert.equal(checkActivation('draft', 24), undefined);
    assert.equal(checkActivation('draft', 25)?.code, 'TooManyActiveRestoreSessions');
    assert.equal(checkActivation('draft', 25)?.httpStatus, 500);
    assert.equal(checkActivation('completed', 0)?.code, 'RestoreSessionActionNotAllowed');
  });
});
