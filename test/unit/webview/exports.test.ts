import { strict as assert } from 'assert';
import { httpFile, sessionDocument } from '../../../src/backup/exports';
import { workload, type RestoreArtifact, type RestoreSession } from '../../../src/backup/model';

const session: RestoreSession = { id: 'sess-1', status: 'completedWithError', restoreJobType: 'standard', createdDateTime: '2026-11-22T10:00:00Z' };
const artifact = (id: string, status: string, rp?: string) => ({ id, status, destinationType: 'inPlace', restorePoint: rp ? { id: rp } : undefined }) as unknown as RestoreArtifact;

describe('session exports', () => {
  it('writes a .http file that recreates, activates and reads the session, with the token redacted', () => {
    const text = httpFile(workload('exchange'), session, { standard: [artifact('a1', 'failed', 'rp1'), artifact('a2', 'succeeded', 'rp2'), artifact('a3', 'failed')], granular: [] }, { baseUrl: 'http://127.0.0.1:4000/v1.0/', generatedAt: new Date('2026-11-22T12:00:00Z') });
    assert.ok(text.includes('@baseUrl = http://127.0.0.1:4000/v1.0\n'));
    assert.ok(text.includes('POST {{baseUrl}}/solutions/backupRestore/exchangeRestoreSessions\n'));
    assert.ok(text.includes('"mailboxRestoreArtifacts"'));
    assert.ok(text.includes('"id": "rp1"') && text.includes('"id": "rp2"'));
    assert.ok(text.includes('"destinationType": "inPlace"'));
    assert.ok(text.includes('# not reproducible: artifact a3'));
    assert.ok(text.includes('POST {{baseUrl}}/solutions/backupRestore/restoreSessions/{{createSession.response.body.$.id}}/activate'));
    assert.ok(text.includes('GET {{baseUrl}}/solutions/backupRestore/exchangeRestoreSessions/sess-1'));
    const auth = text.split('\n').filter((l) => l.startsWith('Authorization:'));
    assert.ok(auth.length >= 4);
    assert.ok(auth.every((l) => l === 'Authorization: Bearer <redacted>'));
  });

  it('splits more than 50 artifacts into a create and PATCH @delta requests', () => {
    const many = Array.from({ length: 120 }, (_, i) => artifact(`a${i}`, 'succeeded', `rp${i}`));
    const text = httpFile(workload('sharePoint'), session, { standard: many, granular: [] }, { baseUrl: 'https://graph.microsoft.com/v1.0' });
    assert.equal(text.split('\nPATCH ').length - 1, 2);
    assert.ok(text.includes('"siteRestoreArtifacts@delta"'));
  });

  it('puts artifacts under their navigation names in the JSON document', () => {
    const doc = sessionDocument(workload('oneDrive'), session, { standard: [artifact('a1', 'added', 'rp1')], granular: [] });
    assert.equal((doc.driveRestoreArtifacts as unknown[]).length, 1);
    assert.deepEqual(doc.granularDriveRestoreArtifacts, []);
    assert.equal(doc.id, 'sess-1');
  });
});
