// What the details host tells the page beyond the service's raw fields: the session named by the mailboxes it
// restores (units found through their restore points too), the item count of each restored mailbox, and the
// error of a failed granular file, which the service only gives on the session.
import { strict as assert } from 'assert';
import type { RestoreArtifact, RestoreSession } from '../../../../src/backup/model';
import { workload } from '../../../../src/backup/model';
import type { RestoreArtifactsBulkAdditionRequest } from '../../../../src/backup/model';
import { SessionNotes } from '../../../../src/extension/sessions/sessionNotes';
import { buildSnapshot, emptyLoaded, notedInputs, type Loaded, type SnapshotInputs } from '../../../../src/extension/webview/snapshot';
import type { DetailsSnapshot, PanelIdentity } from '../../../../src/protocol/details';

const RESPONSE = { method: 'GET', path: '/x', status: 200 };

function snapshotOf(
  workloadId: PanelIdentity['workload'], session: RestoreSession, loaded: Partial<Loaded>, unitNames: Map<string, string>, restorePointUnits = new Map<string, string>(),
  noted: Pick<SnapshotInputs, 'bulkRowsSent' | 'granular'> = {},
): DetailsSnapshot {
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
    ...noted,
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

  it('lists the bulk rows the service did not resolve, in words, from the rows this window sent', () => {
    const session: RestoreSession = { '@odata.type': '#microsoft.graph.exchangeRestoreSession', id: 's-3', status: 'active', restoreJobType: 'bulk' };
    const bulk = { id: 'b1', status: 'completedWithErrors', mailboxes: [], error: { code: 'ProtectionUnitNotFound', message: 'Some mailboxes could not be added.' } } as unknown as RestoreArtifactsBulkAdditionRequest;
    const notes = new SessionNotes();
    notes.rememberBulkRows('s-3', [
      { line: 2, value: 'DebraB@contoso.com', name: 'Debra Berger', unitId: 'u-debra' },
      { line: 3, value: 'debra@contoso.com', name: 'Debra (typo)', unitId: 'u-gone' },
    ]);
    const loaded = { standard: [mailboxes[0]], standardResponse: RESPONSE, bulk: [bulk] };
    const snapshot = snapshotOf('exchange', session, loaded, names, new Map(), notedInputs(notes, 's-3', { ...emptyLoaded(), ...loaded }));
    assert.deepEqual(snapshot.bulk, { rowsSent: 2, unresolved: ['debra@contoso.com — not a protected mailbox (ProtectionUnitNotFound)'] });

    const elsewhere = snapshotOf('exchange', session, loaded, names);
    assert.deepEqual(elsewhere.bulk?.unresolved, []);
    assert.match(elsewhere.bulk?.serviceSaid ?? '', /Some mailboxes could not be added/, 'rows sent elsewhere: the service\'s own words');
  });

  it('carries the query of a granular mail restore made here, found by its search response, and names the session by it', () => {
    const session: RestoreSession = { '@odata.type': '#microsoft.graph.exchangeRestoreSession', id: 's-4', status: 'draft', restoreJobType: 'granular' };
    const granular = [{ id: 'g1', status: 'added', searchResponseId: 'search-1', restorePoint: { id: 'rp1', protectionUnit: { id: 'u-debra' } } }] as unknown as RestoreArtifact[];
    const notes = new SessionNotes();
    notes.rememberQuery({ sessionId: 'other', searchResponseId: 'search-1', mailbox: 'Debra Berger', expression: "(Subject -like '*invoice*')", description: "Mail with 'invoice' in the subject", hitCount: 117 });
    const loaded = { granular, granularResponse: RESPONSE, standardResponse: RESPONSE };
    const snapshot = snapshotOf('exchange', session, loaded, names, new Map(), notedInputs(notes, 's-4', { ...emptyLoaded(), ...loaded }));
    assert.deepEqual(snapshot.granular, { query: "(Subject -like '*invoice*')", queryWords: "Mail with 'invoice' in the subject", matchCount: 117 });
    assert.equal(snapshot.header.sessionName, "Mail with 'invoice' in the subject in Debra Berger");
  });
});
