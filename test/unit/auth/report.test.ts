import { strict as assert } from 'assert';
import { adviceForForbidden, permissionsReport, redactSecrets, summarizeClaims } from '../../../src/auth';

describe('auth: claims, Check Permissions report, redaction', () => {
  const reader = summarizeClaims({ scp: 'BackupRestore-Restore.Read.All User.Read', tid: 't', appid: 'c', upn: 'alland@contoso.onmicrosoft.com', aud: 'https://graph.microsoft.com', exp: 2_000_000_000 });
  const app = summarizeClaims({ roles: ['BackupRestore-Restore.ReadWrite.All', 'BackupRestore-Search.Read.All'], tid: 't', appid: 'c', app_displayname: 'Backup Automation' });

  it('reads delegated scp and app roles', () => {
    assert.equal(reader.kind, 'delegated');
    assert.deepEqual(reader.backupPermissions, ['Rst.R']);
    assert.equal(app.kind, 'application');
    assert.deepEqual(app.backupPermissions, ['Rst.RW', 'Srch.R']);
    assert.equal(reader.access.find((r) => r.rule.id === 'sessions.list')?.allowed, true);
    assert.equal(reader.access.find((r) => r.rule.id === 'sessions.activate')?.allowed, false);
    assert.equal(app.access.find((r) => r.rule.id === 'restorePoints.search')?.allowed, true);
  });

  it('says what to change after a 403, for users and for apps', () => {
    assert.match(adviceForForbidden(reader, 'POST', 'restoreSessions/x/activate'), /needs BackupRestore-Restore\.ReadWrite\.All.*delegated permission BackupRestore-Restore\.ReadWrite\.All.*sign out and sign in again/s);
    assert.match(adviceForForbidden(app, 'GET', 'protectionUnits'), /one of BackupRestore-Configuration\.Read\.All, BackupRestore-Configuration\.ReadWrite\.All.*application permission/s);
  });

  it('builds a Markdown report with the operations table and the failed call first', () => {
    const md = permissionsReport(reader, { connectionLabel: 'Contoso', focus: { method: 'DELETE', path: 'restoreSessions/x' } });
    assert.match(md, /^# Permissions: Contoso/);
    assert.match(md, /## Why "Delete a draft restore session" was refused/);
    assert.match(md, /\| ✅ \| List restore sessions \|/);
    assert.match(md, /\| ❌ \| Activate a restore session \|/);
    assert.match(md, /Other permissions: `User.Read`/);
  });

  it('redacts JWTs, bearer tokens, token parameters and known secrets', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const text = `got ${jwt} and Authorization: Bearer abcdefghijklmnop and refresh_token=0.AXYZ&client_secret=s3cr3t {"access_token":"opaque-value"} mysecretvalue`;
    const out = redactSecrets(text, ['mysecretvalue']);
    for (const leaked of [jwt, 'abcdefghijklmnop', '0.AXYZ', 's3cr3t', 'opaque-value', 'mysecretvalue']) assert.ok(!out.includes(leaked), `${leaked} in ${out}`);
  });
});
