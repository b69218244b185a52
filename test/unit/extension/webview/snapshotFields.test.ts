// What the details host tells the page beyond the service's raw fields: the session named by the mailboxes it
// restores (units found through their restore points too), the item count of each restored mailbox, and the
// error of a failed granular file, which the service only gives on the session.
import { strict as assert } from 'assert';
import type { RestoreArtifact, RestoreSession } from '../../../../src/backup/model';
import { workload } from '../../../../src/backup/model';
import { buildSnapshot, emptyLoaded, type Loaded } from '../../../../src/extension/webview/snapshot';
import type { DetailsSnapshot, PanelIdentity } from '../../../../src/protocol/details';

const RESPONSE = { method: 'GET', path: '/x', status: 200 };

function snapshotOf(workloadId: PanelIdentity['workload'], session: RestoreSession, loaded: Partial<Loaded>, unitNames: Map<string, string>, restorePointUnits = new Map<string, string>()): DetailsSnapshot {
  return buildSnapshot({
    identity: { connectionId: 'emulator', workload: workloadId, sessionId: session.id },
    connectionLabel: 'Local emulator',
    workload: workload(workloadId),
    loaded: { ...emptyLoaded(), session, ...loaded },
    unitNames,
    restorePointUnits,
    history: [],
    historyLimit: 500,
    live: { intervalMs: 0, polling: false, reason: '' },
    now: new Date('2026-12-01T12:00:00Z'),
  });
}

const exchangeSession: RestoreSession = {
  '@odata.type': '#microsoft.graph.exchangeRestoreSession', id: 's-1', status: 'completedWithError', restoreJobType: 'standard',
  error: { code: 'ArtifactCannotBeRestored', message: '1 of 3 artifacts could not be restored.' },
};

describe('details snapshot: names, item counts, granular errors', () => {
  const mailboxes = [
    { id: 'a1', status: 'succeeded', restorePoint: { id: 'rp1', protectionUnit: { id: 'u-debra' } }, restoredFolderName: 'Restored-2026-12-01', restoredItemCount: 1204 },
    { id: 'a2', status: 'succeeded', restorePoint: { id: 'rp2' }, restoredFolderName: 'Restored-2026-12-01', restoredItemCount: 0 },
    { id: 'a3', status: 'failed', restorePoint: { id: 'rp3', protectionUnit: { id: 'u-lidia' } }, error: { code: 'ArtifactCannotBeRestored', message: 'Litigation Hold' } },
  ] as unknown as RestoreArtifact[];
  const names = new Map([['u-debra', 'Debra Berger'], ['u-miriam', 'Miriam Graham'], ['u-lidia', 'Lidia Holloway']]);

  it('names the session by its mailboxes once the artifacts were read, a unit found through its restore point included', () => {
    const before = snapshotOf('exchange', exchangeSession, {}, names);
    assert.equal(before.header.sessionName, undefined, 'no name from contents not read yet');
    const read = snapshotOf('exchange', exchangeSession, { standard: mailboxes, standardResponse: RESPONSE }, names, new Map([['rp2', 'u-miriam']]));
    assert.equal(read.header.sessionName, 'Debra Berger +2');
    assert.deepEqual(read.artifacts.map((a) => a.unitName).sort(), ['Debra Berger', 'Lidia Holloway', 'Miriam Graham']);
  });

  it('gives the item count of every restored mailbox, zero included, and none for a failed one', () => {
    const rows = snapshotOf('exchange', exchangeSession, { standard: mailboxes, standardResponse: RESPONSE }, names).artifacts;
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.restoredItemCount])), { a1: 1204, a2: 0, a3: undefined });
  });

  it('gives a failed granular file the session error when it is the only failure', () => {
    const session: RestoreSession = {
      '@odata.type': '#microsoft.graph.oneDriveForBusinessRestoreSession', id: 's-2', status: 'completedWithError', restoreJobType: 'granular',
      error: { code: 'PreservationLock', message: 'The OneDrive is under a Preservation Lock; restore to a new location.' },
    };
    const files = [
      { id: 'f1', status: 'succeeded', browseSessionId: 'b', webUrl: 'https://contoso-my.sharepoint.com/personal/debra/Documents/Budget%202027.xlsx' },
      { id: 'f2', status: 'failed', browseSessionId: 'b', webUrl: 'https://contoso-my.sharepoint.com/personal/debra/Documents/Plan.docx' },
    ] as unknown as RestoreArtifact[];
    const rows = snapshotOf('oneDrive', session, { granular: files, granularResponse: RESPONSE, standardResponse: RESPONSE }, new Map()).artifacts;
    const failed = rows.find((r) => r.id === 'f2')!;
    assert.equal(failed.errorCode, 'PreservationLock');
    assert.match(failed.errorMessage ?? '', /Preservation Lock/);
    assert.equal(rows.find((r) => r.id === 'f1')!.errorCode, undefined);

    const twoFailed = files.map((f) => ({ ...f, status: 'failed' })) as unknown as RestoreArtifact[];
    const rowsTwo = snapshotOf('oneDrive', session, { granular: twoFailed, granularResponse: RESPONSE }, new Map()).artifacts;
    assert.ok(rowsTwo.every((r) => r.errorCode === undefined), 'with two failures the session error is not pinned on either');
  });
});
