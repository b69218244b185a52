import { strict as assert } from 'assert';
import * as crypto from 'node:crypto';
import { checkOperation, ruleFor } from '../../../../src/backup/model/permissions';
import { EmulatorError } from '../../../../src/emulator/errors';
import {
  createIdentityService, createSelfSignedCertificate, DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT, DEMO_READER_APP, DEMO_TENANT, decodeJwt, signJwt,
  verifySignature, type IdentityService,
} from '../../../../src/emulator/identity';
import { HttpTransport } from '../../../../src/graph';
import { startIdentityHarness, type IdentityHarness } from './harness';

function expectError(fn: () => unknown, status: number, code: string, messagePart?: RegExp): EmulatorError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof EmulatorError, `expected EmulatorError, got ${String(err)}`);
    assert.equal(err.status, status, err.message);
    assert.equal(err.code, code);
    if (messagePart) assert.match(err.message, messagePart);
    return err;
  }
  assert.fail('expected an error');
}

describe('identity: certificate', () => {
  it('builds a self-signed certificate for 127.0.0.1, ::1 and localhost that verifies with its own key', () => {
    const { cert, key } = createSelfSignedCertificate();
    const x = new crypto.X509Certificate(cert);
    assert.equal(x.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(x.checkHost('localhost'), 'localhost');
    assert.match(x.subjectAltName ?? '', /IP Address:0:0:0:0:0:0:0:1/);
    assert.ok(x.verify(x.publicKey));
    assert.ok(x.checkPrivateKey(crypto.createPrivateKey(key)));
    assert.ok(new Date(x.validTo).getTime() > Date.now() + 365 * 24 * 3600 * 1000);
  });
});

describe('identity: permission table', () => {
  const READ = ['BackupRestore-Restore.Read.All'];
  const RW = ['BackupRestore-Restore.ReadWrite.All'];
  it('maps session reads to Read or ReadWrite and writes to ReadWrite only', () => {
    assert.equal(checkOperation(READ, 'delegated', 'GET', 'restoreSessions').allowed, true);
    assert.equal(checkOperation(READ, 'delegated', 'GET', 'exchangeRestoreSessions/abc/mailboxRestoreArtifacts').allowed, true);
    assert.equal(checkOperation(READ, 'delegated', 'POST', 'restoreSessions/abc/activate').allowed, false);
    assert.equal(checkOperation(READ, 'delegated', 'PATCH', 'sharePointRestoreSessions/abc').allowed, false);
    assert.equal(checkOperation(RW, 'application', 'DELETE', 'restoreSessions/abc').allowed, true);
    assert.equal(checkOperation(RW, 'application', 'POST', 'oneDriveForBusinessRestoreSessions').allowed, true);
  });
  it('needs Search.Read.All for restore points and ReadWrite for granular site/drive artifacts and browse', () => {
    assert.deepEqual(ruleFor('POST', 'restorePoints/search').anyOf, ['Srch.R']);
    assert.equal(checkOperation(RW, 'delegated', 'GET', 'restorePoints').allowed, false);
    assert.equal(checkOperation(READ, 'delegated', 'GET', 'sharePointRestoreSessions/x/granularSiteRestoreArtifacts').allowed, false);
    assert.equal(checkOperation(RW, 'delegated', 'GET', 'sharePointRestoreSessions/x/granularSiteRestoreArtifacts').allowed, true);
    assert.equal(checkOperation(READ, 'delegated', 'GET', 'oneDriveForBusinessBrowseSessions/x').allowed, false);
    assert.equal(checkOperation(RW, 'delegated', 'POST', 'sharePointBrowseSessions/x/browse').allowed, true);
    assert.equal(ruleFor('GET', '').id, 'service.get');
    assert.equal(ruleFor('GET', 'protectionUnits/microsoft.graph.mailboxProtectionUnit').id, 'config.read');
  });
});

describe('identity: verify()', () => {
  let identity: IdentityService;
  before(() => {
    identity = createIdentityService();
  });

  const list = { method: 'GET', path: 'restoreSessions' };
  const activate = { method: 'POST', path: 'restoreSessions/abc/activate' };

  it('401 with WWW-Authenticate for a missing token', () => {
    const e = expectError(() => identity.verify(undefined, list), 401, 'InvalidAuthenticationToken', /empty/);
    assert.match(e.headers['WWW-Authenticate'], /^Bearer realm="", authorization_uri="https:\/\/.+\/oauth2\/v2\.0\/authorize", client_id="00000003-0000-0000-c000-000000000000"$/);
  });

  it('401 for a malformed header or token', () => {
    expectError(() => identity.verify('Basic abc', list), 401, 'InvalidAuthenticationToken', /Bearer/);
    const e = expectError(() => identity.verify('Bearer not-a-jwt', list), 401, 'InvalidAuthenticationToken', /malformed/);
    assert.match(e.headers['WWW-Authenticate'], /error="invalid_token"/);
  });

  it('401 for a bad signature (a token signed by another key, or tampered)', () => {
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const good = identity.issueAccessToken({ user: 'admin' });
    const payload = decodeJwt(good)?.payload ?? {};
    const forged = signJwt({ alg: 'RS256', typ: 'JWT', kid: decodeJwt(good)?.header.kid }, payload, other);
    expectError(() => identity.verify(`Bearer ${forged}`, list), 401, 'InvalidAuthenticationToken', /signature/);
    const [h, , s] = good.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, scp: 'BackupRestore-Restore.ReadWrite.All BackupRestore-Control.ReadWrite.All' })).toString('base64url')}.${s}`;
    expectError(() => identity.verify(`Bearer ${tampered}`, list), 401, 'InvalidAuthenticationToken', /signature/);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${good.split('.')[1]}.`;
    expectError(() => identity.verify(`Bearer ${none}`, list), 401, 'InvalidAuthenticationToken');
  });

  it('401 for an expired token', () => {
    let now = Date.now();
    const timed = createIdentityService({ now: () => now, tls: identity.tls });
    const token = timed.issueAccessToken({ user: 'admin', lifetimeSeconds: 60 });
    assert.equal(timed.verify(`Bearer ${token}`, list).kind, 'delegated');
    now += 61_000;
    expectError(() => timed.verify(`Bearer ${token}`, list), 401, 'InvalidAuthenticationToken', /expired/);
  });

  it('403 naming the missing scope for a delegated reader writing, 200 for reads', () => {
    const reader = `Bearer ${identity.issueAccessToken({ user: 'reader' })}`;
    const claims = identity.verify(reader, list);
    assert.deepEqual(claims.permissions, ['BackupRestore-Restore.Read.All']);
    assert.equal(claims.userPrincipalName, `alland@${DEMO_TENANT.domain}`);
    const e = expectError(() => identity.verify(reader, activate), 403, 'Authorization_RequestDenied', /BackupRestore-Restore\.ReadWrite\.All/);
    assert.match(e.message, /delegated scope \(scp\)/);
    assert.match(e.headers['WWW-Authenticate'], /error="insufficient_scope"/);
    expectError(() => identity.verify(reader, { method: 'POST', path: 'restorePoints/search' }), 403, 'Authorization_RequestDenied', /Search\.Read\.All/);
  });

  it('200 for the admin user and the admin app on read and write operations; 403 names roles for apps', () => {
    const admin = `Bearer ${identity.issueAccessToken({ user: 'admin' })}`;
    assert.equal(identity.verify(admin, activate).kind, 'delegated');
    assert.equal(identity.verify(admin, { method: 'POST', path: 'restorePoints/search' }).kind, 'delegated');
    const app = `Bearer ${identity.issueAccessToken({ clientId: DEMO_ADMIN_APP.clientId })}`;
    const claims = identity.verify(app, { method: 'PATCH', path: 'exchangeRestoreSessions/abc' });
    assert.equal(claims.kind, 'application');
    assert.equal(claims.clientId, DEMO_ADMIN_APP.clientId);
    const readerApp = `Bearer ${identity.issueAccessToken({ clientId: DEMO_READER_APP.clientId })}`;
    expectError(() => identity.verify(readerApp, { method: 'DELETE', path: 'restoreSessions/abc' }), 403, 'Authorization_RequestDenied', /application role \(roles\)/);
    expectError(() => identity.verify(app, { anyOf: ['BackupRestore-Control.ReadWrite.All'], label: 'Enable' }), 403, 'Authorization_RequestDenied', /Enable requires/);
  });
});

describe('identity: endpoints over http and https', () => {
  let h: IdentityHarness;
  let transport: HttpTransport;
  before(async () => {
    h = await startIdentityHarness();
    transport = new HttpTransport({ ca: h.identity.tls.cert });
  });
  after(async () => {
    await transport.close();
    await h.close();
  });

  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const post = (url: string, body: Record<string, string>) =>
    transport.send({ method: 'POST', url, body: form(body), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('serves OIDC discovery with endpoints on the caller origin, and a JWKS that verifies issued tokens', async () => {
    for (const origin of [h.httpsOrigin, h.httpOrigin]) {
      for (const tenant of ['contoso', DEMO_TENANT.id, 'organizations']) {
        const res = await transport.send({ method: 'GET', url: `${origin}/${tenant}/v2.0/.well-known/openid-configuration` });
        assert.equal(res.status, 200);
        const doc = JSON.parse(res.body) as Record<string, string>;
        assert.equal(doc.token_endpoint, `${origin}/${tenant}/oauth2/v2.0/token`);
        assert.equal(doc.issuer, `${origin}/${DEMO_TENANT.id}/v2.0`);
      }
    }
    const unknown = await transport.send({ method: 'GET', url: `${h.httpsOrigin}/fabrikam/v2.0/.well-known/openid-configuration` });
    assert.equal(unknown.status, 404);
    const jwks = JSON.parse((await transport.send({ method: 'GET', url: `${h.httpsOrigin}/contoso/discovery/v2.0/keys` })).body) as { keys: crypto.JsonWebKey[] };
    const key = crypto.createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    const token = decodeJwt(h.identity.issueAccessToken({ user: 'admin' }));
    assert.ok(token && verifySignature(token, key));
    assert.equal(token.header.kid, (jwks.keys[0] as { kid?: string }).kid);
  });

  it('client credentials with the secret: token with roles; wrong secret 401 invalid_client; no .default 400', async () => {
    const url = `${h.httpsOrigin}/contoso/oauth2/v2.0/token`;
    const ok = await post(url, { grant_type: 'client_credentials', client_id: DEMO_ADMIN_APP.clientId, client_secret: h.identity.demo.adminApp.secret, scope: 'https://graph.microsoft.com/.default' });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.headers['cache-control'], 'no-store');
    const body = JSON.parse(ok.body) as { access_token: string; expires_in: number };
    const claims = decodeJwt(body.access_token)?.payload ?? {};
    assert.deepEqual(claims.roles, ['BackupRestore-Restore.ReadWrite.All', 'BackupRestore-Search.Read.All', 'BackupRestore-Configuration.Read.All', 'BackupRestore-Control.Read.All']);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.tid, DEMO_TENANT.id);
    assert.equal(typeof claims.oid, 'string');
    assert.equal(claims.scp, undefined);
    const bad = await post(url, { grant_type: 'client_credentials', client_id: DEMO_ADMIN_APP.clientId, client_secret: 'nope', scope: 'https://graph.microsoft.com/.default' });
    assert.equal(bad.status, 401);
    assert.equal((JSON.parse(bad.body) as { error: string }).error, 'invalid_client');
    const scope = await post(url, { grant_type: 'client_credentials', client_id: DEMO_ADMIN_APP.clientId, client_secret: h.identity.demo.adminApp.secret, scope: 'BackupRestore-Restore.Read.All' });
    assert.equal((JSON.parse(scope.body) as { error: string }).error, 'invalid_scope');
    const pub = await post(url, { grant_type: 'client_credentials', client_id: DEMO_PUBLIC_CLIENT.clientId, scope: 'https://graph.microsoft.com/.default' });
    assert.equal(pub.status, 400);
  });

  it('client credentials with a certificate assertion (RS256 x5t, PS256 x5t#S256); wrong audience or unknown cert 401', async () => {
    const url = `${h.httpsOrigin}/contoso/oauth2/v2.0/token`;
    const cert = h.identity.demo.adminApp.certificate;
    const key = crypto.createPrivateKey(cert.key);
    const x = new crypto.X509Certificate(cert.cert);
    const assertion = (alg: 'RS256' | 'PS256', aud: string, signKey = key, c = x) => {
      const now = Math.floor(Date.now() / 1000);
      const header = alg === 'PS256'
        ? { alg, typ: 'JWT', 'x5t#S256': crypto.createHash('sha256').update(c.raw).digest('base64url') }
        : { alg, typ: 'JWT', x5t: crypto.createHash('sha1').update(c.raw).digest('base64url') };
      return signJwt(header, { aud, iss: DEMO_ADMIN_APP.clientId, sub: DEMO_ADMIN_APP.clientId, exp: now + 600, nbf: now, jti: crypto.randomUUID() }, signKey);
    };
    const base = { grant_type: 'client_credentials', client_id: DEMO_ADMIN_APP.clientId, scope: 'https://graph.microsoft.com/.default', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' };
    for (const alg of ['RS256', 'PS256'] as const) {
      const res = await post(url, { ...base, client_assertion: assertion(alg, url) });
      assert.equal(res.status, 200, res.body);
    }
    const wrongAud = await post(url, { ...base, client_assertion: assertion('PS256', 'https://login.microsoftonline.com/contoso/oauth2/v2.0/token') });
    assert.equal(wrongAud.status, 401);
    const other = createSelfSignedCertificate({ server: false });
    const unknown = await post(url, { ...base, client_assertion: assertion('PS256', url, crypto.createPrivateKey(other.key), new crypto.X509Certificate(other.cert)) });
    assert.equal(unknown.status, 401);
    assert.match((JSON.parse(unknown.body) as { error_description: string }).error_description, /not registered/);
    h.identity.registerCertificate(DEMO_ADMIN_APP.clientId, other.cert);
    const registered = await post(url, { ...base, client_assertion: assertion('PS256', url, crypto.createPrivateKey(other.key), new crypto.X509Certificate(other.cert)) });
    assert.equal(registered.status, 200);
  });

  it('device code: pending until approved through the control endpoint, then a delegated token; codes are single use', async () => {
    const dc = JSON.parse((await post(`${h.httpOrigin}/contoso/oauth2/v2.0/devicecode`, { client_id: DEMO_PUBLIC_CLIENT.clientId, scope: 'https://graph.microsoft.com/.default offline_access openid profile' })).body) as Record<string, string | number>;
    assert.match(String(dc.user_code), /^[A-Z2-9]{9}$/);
    assert.equal(dc.verification_uri, `${h.httpOrigin}/devicelogin`);
    const tokenUrl = `${h.httpOrigin}/contoso/oauth2/v2.0/token`;
    const poll = () => post(tokenUrl, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: DEMO_PUBLIC_CLIENT.clientId, device_code: String(dc.device_code), scope: 'https://graph.microsoft.com/.default offline_access openid profile' });
    const pending = await poll();
    assert.equal(pending.status, 400);
    assert.equal((JSON.parse(pending.body) as { error: string }).error, 'authorization_pending');
    const approve = await transport.send({ method: 'POST', url: `${h.httpOrigin}/_emulator/identity/approve`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_code: dc.user_code, user: 'reader' }) });
    assert.equal(approve.status, 200, approve.body);
    const done = await poll();
    assert.equal(done.status, 200, done.body);
    const tokens = JSON.parse(done.body) as Record<string, string>;
    assert.ok(tokens.refresh_token && tokens.id_token && tokens.client_info);
    assert.equal(decodeJwt(tokens.access_token)?.payload.scp, 'BackupRestore-Restore.Read.All');
    assert.equal((await poll()).status, 400);
  });

  it('authorize page lists the demo users; approving redirects to the loopback with a code that needs the PKCE verifier', async () => {
    const verifier = crypto.randomBytes(32).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    const params = { client_id: DEMO_PUBLIC_CLIENT.clientId, redirect_uri: 'http://127.0.0.1:9/', response_type: 'code', scope: 'https://graph.microsoft.com/.default openid offline_access', code_challenge: challenge, code_challenge_method: 'S256', state: 's1' };
    const authorizeUrl = `${h.httpsOrigin}/contoso/oauth2/v2.0/authorize`;
    const pageRes = await transport.send({ method: 'GET', url: `${authorizeUrl}?${form(params)}` });
    assert.equal(pageRes.status, 200);
    assert.match(pageRes.body, /Megan Bowen/);
    assert.match(pageRes.body, /Allan Deyoung/);
    const noPkce = await transport.send({ method: 'GET', url: `${authorizeUrl}?${form({ ...params, code_challenge: '' })}` });
    assert.equal(noPkce.status, 400);
    const badRedirect = await transport.send({ method: 'GET', url: `${authorizeUrl}?${form({ ...params, redirect_uri: 'https://evil.example/' })}` });
    assert.equal(badRedirect.status, 400);
    const approved = await post(authorizeUrl, { ...params, user: 'admin' });
    assert.equal(approved.status, 302);
    const back = new URL(approved.headers.location);
    assert.equal(back.searchParams.get('state'), 's1');
    const code = back.searchParams.get('code') ?? '';
    const tokenUrl = `${h.httpsOrigin}/contoso/oauth2/v2.0/token`;
    const base = { grant_type: 'authorization_code', client_id: DEMO_PUBLIC_CLIENT.clientId, code, redirect_uri: params.redirect_uri, scope: params.scope };
    const wrong = await post(tokenUrl, { ...base, code_verifier: 'x'.repeat(43) });
    assert.equal((JSON.parse(wrong.body) as { error: string }).error, 'invalid_grant');
    // The code was consumed by the failed attempt, as Entra ID does; approve again.
    const again = new URL((await post(authorizeUrl, { ...params, user: 'admin' })).headers.location).searchParams.get('code') ?? '';
    const ok = await post(tokenUrl, { ...base, code: again, code_verifier: verifier });
    assert.equal(ok.status, 200, ok.body);
    assert.match(String(decodeJwt((JSON.parse(ok.body) as { access_token: string }).access_token)?.payload.scp), /BackupRestore-Restore\.ReadWrite\.All/);
  });

  it('Graph routes behind verify: 401 + WWW-Authenticate without a token, 403 for the reader writing, 200 with the right scope', async () => {
    const unauth = await transport.send({ method: 'GET', url: `${h.graphBase}/solutions/backupRestore/restoreSessions` });
    assert.equal(unauth.status, 401);
    assert.match(unauth.headers['www-authenticate'], /^Bearer /);
    const reader = { authorization: `Bearer ${h.identity.issueAccessToken({ user: 'reader' })}` };
    assert.equal((await transport.send({ method: 'GET', url: `${h.graphBase}/solutions/backupRestore/restoreSessions`, headers: reader })).status, 200);
    const denied = await transport.send({ method: 'POST', url: `${h.graphBase}/solutions/backupRestore/restoreSessions/x/activate`, headers: reader });
    assert.equal(denied.status, 403);
    assert.equal((JSON.parse(denied.body) as { error: { code: string } }).error.code, 'Authorization_RequestDenied');
  });
});
