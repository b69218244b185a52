// The request profile behind the latency benchmark's report: request counts and the longest chain of round trips
// that had to wait for one another.
import { strict as assert } from 'assert';
import { requestKind, requestProfile } from '../../../bench/requestProfile';

const at = (path: string, startMs: number, endMs: number, method = 'GET') => ({ method, path, startMs, endMs });

describe('bench: request profile', () => {
  it('counts requests sent side by side as one round trip', () => {
    const profile = requestProfile([at('/a', 0, 100), at('/b', 2, 104), at('/c', 5, 101)]);
    assert.equal(profile.requests, 3);
    assert.equal(profile.chain, 1);
  });

  it('follows the longest chain of requests that waited for each other', () => {
    const profile = requestProfile([
      at('/page1', 0, 100), at('/page2', 101, 200), at('/units', 0, 100), at('/batch', 201, 300, 'POST'), at('/other', 150, 250),
    ]);
    assert.equal(profile.chain, 3);
    assert.deepEqual(profile.chainRequests, ['GET /page1', 'GET /page2', 'POST /batch']);
  });

  it('is empty for no requests', () => {
    assert.deepEqual(requestProfile([]), { requests: 0, chain: 0, chainRequests: [], byKind: {} });
  });

  it('groups requests by what they asked for, without ids', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    assert.equal(requestKind(`/solutions/backupRestore/exchangeRestoreSessions/${id}/mailboxRestoreArtifacts?$skiptoken=x`), '/solutions/backupRestore/exchangeRestoreSessions/{id}/mailboxRestoreArtifacts');
    assert.equal(requestKind(`/solutions/backupRestore/restorePoints/${id}_1700000000_1_0/protectionUnit`), '/solutions/backupRestore/restorePoints/{id}/protectionUnit');
    const profile = requestProfile([at(`/x/${id}`, 0, 1), at(`/x/${id.replace('0f', '1f')}`, 2, 3)]);
    assert.deepEqual(profile.byKind, { 'GET /x/{id}': 2 });
  });
});
