// Real msal-node flows against the emulated identity service over https on 127.0.0.1 (no mocks): client
// credentials (secret, certificate), device code approved through the control endpoint, interactive
// authorization code + PKCE through the authorize page and a loopback redirect, silent refresh after expiry,
// the SecretStore cache round trip, sign out, 401/403 through GraphClient, and no secret in any log or error.
import { strict as assert } from 'assert';
import {
  MemorySecretStore, MsalTokenProvider, SignInCancelledError, SignInRequiredError, adviceForForbidden, parseCertificateBundle, secretKeys,
  summarizeToken, type AuthLogLevel, type DeviceCodePrompt, type MsalTokenProviderOptions,
} from '../../../src/auth';
import { DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT, DEMO_READER_APP } from '../../../src/emulator/identity';
import { GraphClient, GraphError, HttpTransport, type RequestLogEntry } from '../../../src/graph';
import { until } from '../../support/wait';
import { startIdentityHarness, type IdentityHarness } from '../emulator/identity/harness';


describe('auth: msal-node against the emulated identity', function () {
  this.timeout(30_000);
  let h: IdentityHarness;
  let transport: HttpTransport;
  const logs: string[] = [];
  const requests: RequestLogEntry[] = [];
  const errors: string[] = [];
  const secretsSeen = new Set<string>();

  before(async () => {
    // 302 s: msal renews 300 s before expiry, so a token is fresh for ~2 s and then needs the refresh token.
    h = await startIdentityHarness({ tokenLifetimeSeconds: 302 });
    transport = new HttpTransport({ ca: h.identity.tls.cert, proxyFromEnv: false });
    secretsSeen.add(h.identity.demo.adminApp.secret);
    secretsSeen.add(h.identity.demo.readerApp.secret);
  });
  after(async () => {
    await transport.close();
    await h.close();
  });

  function provider(overrides: Partial<MsalTokenProviderOptions> & Pick<MsalTokenProviderOptions, 'method' | 'clientId'>, secrets = new MemorySecretStore()): { p: MsalTokenProvider; secrets: MemorySecretStore } {
    const p = new MsalTokenProvider({
      authority: h.authority,
      transport,
      secrets,
      connectionId: 'test',
      graphOrigin: new URL(h.graphBase).origin,
      log: (level: AuthLogLevel, message: string) => logs.push(`${level} ${message}`),
      ...overrides,
    });
    return { p, secrets };
  }

  function graph(p: MsalTokenProvider): GraphClient {
    return new GraphClient({ baseUrl: h.graphBase, tokenProvider: p, ca: h.identity.tls.cert, proxyFromEnv: false, onRequest: (e) => requests.push(e), retry: { maxAttempts: 1 } });
  }

  /** Approves the device code for `user` through the control endpoint, as a test (no browser). */
  function approver(user: string): (prompt: DeviceCodePrompt) => void {
    return (prompt) => {
      assert.equal(prompt.verificationUri, `${h.httpOrigin}/devicelogin`);
      assert.match(prompt.message, new RegExp(prompt.userCode));
      setTimeout(() => {
        void transport.send({ method: 'POST', url: `${h.httpsOrigin}/_emulator/identity/approve`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_code: prompt.userCode, user }) });
      }, 50);
    };
  }

  /** The one token cache a store holds (its key is bound to the authority, client id and Graph origin). */
  function cacheIn(store: MemorySecretStore): string | undefined {
    return [...store.values].find(([k]) => k.startsWith(secretKeys.tokenCachePrefix))?.[1];
  }

  function recordCacheSecrets(store: MemorySecretStore): void {
    const text = cacheIn(store);
    if (!text) return;
    const cache = JSON.parse(text) as Record<string, Record<string, { secret?: string }>>;
    for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
      for (const entry of Object.values(cache[section] ?? {})) if (entry.secret) secretsSeen.add(entry.secret);
    }
  }

  it('client credentials with a secret: app token with roles, used by GraphClient', async () => {
    const { p, secrets } = provider({ method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId });
    await assert.rejects(p.getToken(['https://graph.microsoft.com/.default']), SignInRequiredError);
    const result = await p.signIn({ credential: { kind: 'secret', secret: h.identity.demo.adminApp.secret } });
    assert.ok(result.expiresOn);
    const token = await p.getToken(['https://graph.microsoft.com/.default']);
    secretsSeen.add(token);
    const summary = summarizeToken(token);
    assert.equal(summary?.kind, 'application');
    assert.deepEqual(summary?.backupPermissions, ['Ctl.R', 'Cfg.R', 'Rst.RW', 'Srch.R']);
    assert.ok(secrets.values.get(secretKeys.clientCredential({ connectionId: 'test', authority: h.authority, clientId: DEMO_ADMIN_APP.clientId, graphOrigin: new URL(h.graphBase).origin }))?.includes(h.identity.demo.adminApp.secret), 'the secret is kept in the SecretStore');
    const res = await graph(p).post<{ kind: string }>('/solutions/backupRestore/restoreSessions/abc/activate');
    assert.equal(res.body.kind, 'application');
    recordCacheSecrets(secrets);
  });

  it('client credentials with a wrong secret fails with invalid_client, without echoing the secret', async () => {
    const wrong = 'wrong-secret-value-1234';
    secretsSeen.add(wrong);
    const { p } = provider({ method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId });
    await assert.rejects(p.signIn({ credential: { kind: 'secret', secret: wrong } }), (err: Error) => {
      errors.push(`${err.message} ${err.stack ?? ''}`);
      return /invalid_client/.test(err.message);
    });
  });

  it('client credentials with a certificate (msal signs a PS256 assertion with x5t#S256)', async () => {
    const cert = h.identity.demo.adminApp.certificate;
    secretsSeen.add(cert.key.split('\n')[5]);
    const credential = parseCertificateBundle(`${cert.cert}${cert.key}`);
    const { p, secrets } = provider({ method: 'clientCertificate', clientId: DEMO_ADMIN_APP.clientId });
    await p.signIn({ credential });
    const token = await p.getToken(['https://graph.microsoft.com/.default']);
    secretsSeen.add(token);
    assert.equal(summarizeToken(token)?.clientId, DEMO_ADMIN_APP.clientId);
    assert.equal((await graph(p).get<{ kind: string }>('/solutions/backupRestore/restoreSessions')).status, 200);
    recordCacheSecrets(secrets);
  });

  it('device code: the code is shown, approved via the control endpoint, then silent calls hit the cache', async () => {
    const { p, secrets } = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId });
    await assert.rejects(p.getToken(['https://graph.microsoft.com/.default']), SignInRequiredError);
    let shown: DeviceCodePrompt | undefined;
    const approve = approver('admin');
    const result = await p.signIn({ onDeviceCode: (prompt) => { shown = prompt; approve(prompt); } });
    assert.ok(shown);
    assert.equal(result.account?.username, 'meganb@contoso.onmicrosoft.com');
    const grants = h.identity.stats['urn:ietf:params:oauth:grant-type:device_code'];
    const token = await p.getToken(['https://graph.microsoft.com/.default']);
    secretsSeen.add(token);
    assert.equal(summarizeToken(token)?.kind, 'delegated');
    assert.equal(h.identity.stats['urn:ietf:params:oauth:grant-type:device_code'], grants, 'no new grant for a silent call');
    assert.equal((await graph(p).post('/solutions/backupRestore/restorePoints/search')).status, 200);
    recordCacheSecrets(secrets);
  });

  it('device code sign-in is cancellable with an AbortSignal', async () => {
    const { p } = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId });
    const controller = new AbortController();
    // cancelled while msal polls for the unapproved code: an ignored abort would poll until the test times out
    await assert.rejects(p.signIn({ signal: controller.signal, onDeviceCode: () => controller.abort() }), SignInCancelledError);
  });

  it('refreshes silently with the refresh token once the access token is (nearly) expired', async () => {
    const { p, secrets } = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId });
    await p.signIn({ onDeviceCode: approver('admin') });
    const first = await p.getToken(['https://graph.microsoft.com/.default']);
    const refreshes = h.identity.stats.refresh_token ?? 0;
    // tokens live 302 s and msal renews 300 s before expiry: ask until the cached token is due and renewed
    const second = await until('msal to renew the nearly expired token', async () => {
      const token = await p.getToken(['https://graph.microsoft.com/.default']);
      return token !== first ? token : undefined;
    }, 10_000, 100);
    secretsSeen.add(first).add(second);
    assert.notEqual(second, first);
    assert.equal(h.identity.stats.refresh_token, refreshes + 1);
    assert.equal((await graph(p).get('/solutions/backupRestore/restoreSessions')).status, 200);
    recordCacheSecrets(secrets);
  });

  it('the token cache round-trips through the SecretStore: a new provider signs in silently; several accounts; sign out clears', async () => {
    const store = new MemorySecretStore();
    const { p: a } = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId }, store);
    await a.signIn({ onDeviceCode: approver('admin') });
    await a.signIn({ onDeviceCode: approver('reader') });
    const cached = cacheIn(store);
    assert.ok(cached && JSON.parse(cached).RefreshToken, 'the cache is in the SecretStore');
    recordCacheSecrets(store);

    const grants = h.identity.stats['urn:ietf:params:oauth:grant-type:device_code'];
    const { p: b } = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId }, store);
    const accounts = await b.getAccounts();
    assert.deepEqual(accounts.map((x) => x.username).sort(), ['alland@contoso.onmicrosoft.com', 'meganb@contoso.onmicrosoft.com']);
    b.selectAccount(accounts.find((x) => x.username.startsWith('alland'))?.homeAccountId);
    const token = await b.getToken(['https://graph.microsoft.com/.default']);
    secretsSeen.add(token);
    assert.equal(summarizeToken(token)?.user, 'alland@contoso.onmicrosoft.com');
    assert.equal(h.identity.stats['urn:ietf:params:oauth:grant-type:device_code'], grants);

    await b.signOut(accounts.find((x) => x.username.startsWith('alland'))?.homeAccountId);
    assert.deepEqual((await b.getAccounts()).map((x) => x.username), ['meganb@contoso.onmicrosoft.com']);
    await b.signOut();
    assert.equal(store.values.size, 0, 'sign out leaves nothing in the SecretStore');
    await assert.rejects(b.getToken(['https://graph.microsoft.com/.default']), SignInRequiredError);
    // The other provider instance reloads from the (now empty) store too.
    await assert.rejects(a.getToken(['https://graph.microsoft.com/.default']), SignInRequiredError);
  });

  it('interactive: authorization code + PKCE through the authorize page and a 127.0.0.1 loopback redirect', async () => {
    const { p, secrets } = provider({ method: 'interactive', clientId: DEMO_PUBLIC_CLIENT.clientId });
    let redirect = '';
    const result = await p.signIn({
      openBrowser: async (url) => {
        // What a person does in the browser: open the page, pick a user, follow the redirect.
        const authorize = new URL(url);
        assert.equal(authorize.origin, h.httpOrigin, 'the browser page is on the plain http loopback listener (no certificate warning)');
        assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
        redirect = authorize.searchParams.get('redirect_uri') ?? '';
        const pageRes = await transport.send({ method: 'GET', url });
        assert.equal(pageRes.status, 200);
        assert.match(pageRes.body, /Megan Bowen/);
        const form = new URLSearchParams([...authorize.searchParams, ['user', 'admin']]).toString();
        const approved = await transport.send({ method: 'POST', url: `${authorize.origin}${authorize.pathname}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
        assert.equal(approved.status, 302);
        void transport.send({ method: 'GET', url: approved.headers.location });
      },
    });
    assert.match(redirect, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(result.account?.username, 'meganb@contoso.onmicrosoft.com');
    const token = await p.getToken(['https://graph.microsoft.com/.default']);
    secretsSeen.add(token);
    assert.equal((await graph(p).delete('/solutions/backupRestore/restoreSessions/abc')).status, 200);
    recordCacheSecrets(secrets);
  });

  it('interactive sign-in is cancellable while waiting for the browser', async () => {
    const { p } = provider({ method: 'interactive', clientId: DEMO_PUBLIC_CLIENT.clientId });
    const controller = new AbortController();
    await assert.rejects(p.signIn({ signal: controller.signal, openBrowser: async () => { setTimeout(() => controller.abort(), 50); } }), SignInCancelledError);
  });

  it('403 end to end: the reader cannot activate; the GraphError and the advice name the missing permission', async () => {
    const { p, secrets } = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId });
    await p.signIn({ onDeviceCode: approver('reader') });
    const client = graph(p);
    assert.equal((await client.get('/solutions/backupRestore/restoreSessions')).status, 200);
    const err = await client.post('/solutions/backupRestore/restoreSessions/abc/activate').then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof GraphError);
    assert.equal(err.status, 403);
    assert.equal(err.code, 'Authorization_RequestDenied');
    assert.match(err.message, /BackupRestore-Restore\.ReadWrite\.All/);
    errors.push(`${err.message} ${err.describe()} ${JSON.stringify(err.body)}`);
    const token = await p.getToken(['https://graph.microsoft.com/.default']);
    secretsSeen.add(token);
    const advice = adviceForForbidden(summarizeToken(token), 'POST', 'restoreSessions/abc/activate');
    assert.match(advice, /needs BackupRestore-Restore\.ReadWrite\.All/);
    assert.match(advice, /delegated permission/);
    const readerApp = provider({ method: 'clientSecret', clientId: DEMO_READER_APP.clientId });
    await readerApp.p.signIn({ credential: { kind: 'secret', secret: h.identity.demo.readerApp.secret } });
    const appErr = await graph(readerApp.p).delete('/solutions/backupRestore/restoreSessions/abc').then(() => undefined, (e: unknown) => e);
    assert.ok(appErr instanceof GraphError && appErr.status === 403 && /roles/.test(appErr.message));
    recordCacheSecrets(secrets);
    recordCacheSecrets(readerApp.secrets);
  });

  it('401 end to end: GraphClient without a token provider gets WWW-Authenticate', async () => {
    const client = new GraphClient({ baseUrl: h.graphBase, ca: h.identity.tls.cert, proxyFromEnv: false, onRequest: (e) => requests.push(e), retry: { maxAttempts: 1 } });
    const err = await client.get('/solutions/backupRestore/restoreSessions').then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof GraphError);
    assert.equal(err.status, 401);
    assert.equal(err.code, 'InvalidAuthenticationToken');
  });

  it('no access token, refresh token, id token, secret or key appears in msal logs, request logs or errors', () => {
    assert.ok(logs.length > 10, 'msal logged');
    assert.ok(requests.length > 5, 'GraphClient logged');
    assert.ok(secretsSeen.size > 10, `collected ${secretsSeen.size} secrets to look for`);
    const haystack = [...logs, ...requests.map((r) => JSON.stringify(r)), ...errors].join('\n');
    for (const secret of secretsSeen) {
      assert.ok(!haystack.includes(secret), `a secret (${secret.slice(0, 6)}…) leaked into the logs`);
    }
    assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./.test(haystack), 'no JWT-shaped string in the logs');
  });
});
