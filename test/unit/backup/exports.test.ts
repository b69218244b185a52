import { strict as assert } from 'assert';
import { httpFile, reproduction, sessionDocument, sessionJson } from '../../../src/backup/exports';
import { powershellScript, sessionCmdletNoun } from '../../../src/backup/powershellExport';
import { hostileSession, hostileStrings } from './api/hostileFixture';
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

/**
 * Splits a PowerShell line into code and single-quoted strings by PowerShell's rules: a single-quoted string
 * ends at a lone ' or typographic quote (U+2018-U+201B), doubled quotes are literal, `#` outside a string starts
 * a comment. Throws on an unterminated string. (No pwsh on this machine, so the rules are applied here.)
 */
function powershellCode(line: string): string {
  const quotes = "'\u2018\u2019\u201A\u201B";
  let code = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '#') return code;
    if (!quotes.includes(ch)) {
      code += ch;
      continue;
    }
    for (i++; ; i++) {
      if (i >= line.length) throw new Error(`unterminated string in: ${line}`);
      if (quotes.includes(line[i])) {
        if (i + 1 < line.length && quotes.includes(line[i + 1])) i++;
        else break;
      }
    }
    code += "''";
  }
  return code;
}

describe('exports with hostile server strings', () => {
  const marker = '/tmp/never-created';
  const w = workload('exchange');
  const { session: hostile, standard, bulkRequests } = hostileSession(marker);
  const contents = { standard, granular: [], bulkRequests };

  for (const style of ['invoke', 'cmdlets'] as const) {
    it(`keeps every server value inside PowerShell single quotes or comments (${style})`, () => {
      const script = powershellScript(w, hostile, contents, { baseUrl: `https://graph.microsoft.com/v1.0${hostileStrings(marker)}`, style });
      const code = script.split('\n').map(powershellCode).join('\n');
      assert.doesNotMatch(code, /touch|New-Item|rm -rf|never-created|injected/);
      assert.ok(script.includes(style === 'cmdlets' ? 'New-MgSolutionBackupRestoreExchangeRestoreSession -BodyParameter' : 'Invoke-MgGraphRequest -Method POST'));
      if (style === 'cmdlets') assert.ok(script.includes('Initialize-MgSolutionBackupRestoreSession -RestoreSessionBaseId $Id'));
    });
  }

  it('says how the PowerShell script gets its token, with no placeholder that reads like a leaked secret', () => {
    const script = powershellScript(w, hostile, contents, { baseUrl: 'https://graph.microsoft.com/v1.0' });
    assert.doesNotMatch(script, /<redacted>|Bearer/);
    const head = script.split('\n').slice(0, script.split('\n').findIndex((l) => !l.startsWith('#')));
    assert.ok(head.some((l) => l.includes('The script holds no token')), head.join('\n'));
    assert.ok(head.includes('#   Connect-MgGraph -AccessToken (ConvertTo-SecureString $env:GRAPH_ACCESS_TOKEN -AsPlainText -Force)'), head.join('\n'));
    assert.ok(head.includes("#   Connect-MgGraph -Scopes 'BackupRestore-Restore.ReadWrite.All'"));
    assert.match(httpFile(w, hostile, contents, { baseUrl: 'https://graph.microsoft.com/v1.0' }), /^# .*Replace <redacted> with a token that has$/m, 'the .http file keeps its placeholder');
  });

  it('the PowerShell check sees code that escapes a string (it can fail)', () => {
    assert.match(powershellCode("$A = 'x’; New-Item marker; ‘y'"), /New-Item/);
    assert.throws(() => powershellCode("$A = 'unterminated"));
  });

  it('keeps .http titles and comments on one line', () => {
    const text = httpFile(w, hostile, contents, { baseUrl: 'https://graph.microsoft.com/v1.0' });
    const separators = text.split('\n').filter((l) => l.startsWith('###'));
    assert.equal(separators.length, reproduction(w, hostile, contents).requests.length);
    assert.ok(text.split('\n').every((l) => !/^(touch|DELETE|GET http)/.test(l)), 'no injected line');
  });

  it('copies the same session JSON, artifacts included, from any command', () => {
    const json = JSON.parse(sessionJson(w, session, { standard: [artifact('a1', 'failed', 'rp1')], granular: [] }));
    assert.equal(json.id, 'sess-1');
    assert.equal(json.mailboxRestoreArtifacts[0].id, 'a1');
  });

  it('names the cmdlet noun of each workload', () => {
    assert.deepEqual(['exchange', 'sharePoint', 'oneDrive'].map((id) => sessionCmdletNoun(workload(id as 'exchange'))), ['ExchangeRestoreSession', 'SharePointRestoreSession', 'OneDriveForBusinessRestoreSession']);
  });
});
