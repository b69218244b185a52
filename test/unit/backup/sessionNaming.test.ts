import { strict as assert } from 'assert';
import { workload, type RestoreArtifact, type RestoreArtifactsBulkAdditionRequest, type RestoreSession } from '../../../src/backup/model';
import { progressOf } from '../../../src/backup/progress';
import { matchesUnit, sessionDescription, sessionName, sessionUnits, type UnitRef } from '../../../src/backup/sessionNaming';

const units: Record<string, UnitRef> = {
  u1: { id: 'u1', name: 'Debra Berger', address: 'DebraB@contoso.com' },
  u2: { id: 'u2', name: 'Lee Gu', address: 'LeeG@contoso.com' },
  u3: { id: 'u3', name: 'Alex Wilber', address: 'AlexW@contoso.com' },
  gone: { id: '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f', name: null, address: 'olduser@contoso.com' },
  ghost: { id: '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f' },
  finance: { id: 's1', name: 'Finance', address: 'https://contoso.sharepoint.com/sites/Finance' },
};
const art = (unit: string) => ({ id: `a-${unit}`, restorePoint: { id: `rp-${unit}`, protectionUnit: { id: unit } } }) as RestoreArtifact;
const unitOf = (a: RestoreArtifact) => units[(a as { restorePoint: { protectionUnit: { id: string } } }).restorePoint.protectionUnit.id];
const exchange = workload('exchange');

describe('sessions named by what they restore', () => {
  it('names one unit, then "+N"', () => {
    assert.equal(sessionName({ workload: exchange, session: {}, standard: [art('u1')], granular: [], unitOf }), 'Debra Berger');
    assert.equal(sessionName({ workload: exchange, session: {}, standard: [art('u1'), art('u2'), art('u3')], granular: [], unitOf }), 'Debra Berger +2');
    assert.equal(sessionName({ workload: workload('sharePoint'), session: {}, standard: [art('finance')], granular: [], unitOf }), 'Finance site');
  });

  it('never shows a bare id for a deleted or unnamed user', () => {
    assert.equal(sessionName({ workload: exchange, session: {}, standard: [art('gone')], granular: [], unitOf }), 'Deleted user (olduser)');
    assert.equal(sessionName({ workload: exchange, session: {}, standard: [art('ghost')], granular: [], unitOf }), 'Deleted user (4f5e6d7c…)');
  });

  it('names bulk, granular mail and granular file sessions', () => {
    const bulk = { id: 'b', status: 'active', drives: ['a@c.com', 'b@c.com', 'c@c.com'], directoryObjectIds: ['x', 'y'] } as RestoreArtifactsBulkAdditionRequest;
    assert.equal(sessionName({ workload: workload('oneDrive'), session: { restoreJobType: 'bulk' }, standard: [], granular: [], bulkRequests: [bulk], unitOf }), '5 OneDrives (bulk)');
    assert.equal(sessionName({ workload: exchange, session: {}, granular: [art('u1')], unitOf, granularQueryWords: "Mail from Lee with 'invoice' in the subject" }), "Mail from Lee with 'invoice' in the subject in Debra Berger");
    const file = { id: 'k', status: 'added', webUrl: 'https://contoso.sharepoint.com/sites/Finance/Shared%20Documents/Budget%202026.xlsx' } as RestoreArtifact;
    assert.equal(sessionName({ workload: workload('sharePoint'), session: {}, granular: [file, { ...file, id: 'k2', webUrl: 'https://x/y/Plan.docx' } as RestoreArtifact], unitOf }), 'Budget 2026.xlsx +1');
  });

  it('describes the row with status, progress, age and creator', () => {
    const session = { id: 's', status: 'active', createdDateTime: '2026-12-01T15:00:00Z', createdBy: { user: { id: 'x', displayName: 'Lee Gu' } } } as RestoreSession;
    const d = sessionDescription(session, progressOf({ total: 3, completed: 1, inProgress: 2 }), Date.parse('2026-12-01T17:00:00Z'));
    assert.equal(d.text, 'Active · 1 restored, 2 in progress · 2 h ago · by Lee Gu');
  });

  it('finds restores of a unit by name, address or site URL, ignoring case', () => {
    const refs = sessionUnits({ workload: exchange, session: {}, standard: [art('u1'), art('finance')], granular: [], unitOf });
    assert.ok(matchesUnit('debra', refs));
    assert.ok(matchesUnit('DEBRAB@CONTOSO.COM', refs));
    assert.ok(matchesUnit('contoso.sharepoint.com/sites/finance/', refs));
    assert.ok(!matchesUnit('Lee', refs));
    const bulk = sessionUnits({ workload: exchange, session: {}, standard: [], granular: [], unitOf, bulkRequests: [{ id: 'b', status: 'active', mailboxes: ['pattif@contoso.com'] } as RestoreArtifactsBulkAdditionRequest] });
    assert.ok(matchesUnit('PattiF', bulk));
  });
});
