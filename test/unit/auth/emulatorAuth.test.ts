// The wiring the emulator server will have with `--auth on`, exercised for real: the emulator's own pipeline
// (createEmulatorServer with the `authenticate` hook from the identity module) behind an https listener that
// routes identity paths first, and the extension's stack on top (MsalTokenProvider → GraphClient → BackupApi).
import { strict as assert } from 'assert';
import { MemorySecretStore, MsalTokenProvider, type DeviceCodePrompt } from '../../../src/auth';
import { BackupApi } from '../../../src/backup/api';
import { CONTROL_TOKEN_HEADER, startEmulator, type RunningEmulator } from '../../../src/emulator';
import { DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT, type IdentityService } from '../../../src/emulator/identity';
import { GraphClient, GraphError, HttpTransport } from '../../../src/graph';

describe('auth: the emulator with --auth on, over https', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let identity: IdentityService;
  let origin: string;
  let transport: HttpTransport;
  let adminProvider: MsalTokenProvider | undefined;

  before(async () => {
    // This suite pages with raw `$top` requests over https: it runs the emulator with `honour`.
    emulator = await startEmulator({ port: 0, seed: 'demo', timeScale: 60, auth: 'on', undocumentedOptions: 'honour' });
    identity = emulator.identity!;
    origin = emulator.httpsUrl!;
    transport = new HttpTransport({ ca: identity.tls.cert, proxyFromEnv: false });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });

  const approve = (user: string) => (prompt: DeviceCodePrompt) => {
    setTimeout(() => void transport.send({ method: 'POST', url: `${origin}/_emulator/identity/approve`, headers: { 'content-type': 'application/json', [CONTROL_TOKEN_HEADER]: emulator.controlToken }, body: JSON.stringify({ user_code: prompt.userCode, user }) }), 20);
  };

  function client(provider?: MsalTokenProvider): GraphClient {
    return new GraphClient({ baseUrl: `${origin}/v1.0`, transport, tokenProvider: provider, retry: { maxAttempts: 1 } });
  }

  function api(provider?: MsalTokenProvider): BackupApi {
    return new BackupApi(client(provider));
  }

  async function firstPage(a: BackupApi): Promise<number> {
    for await (const page of a.sessions.list(undefined)) return page.items.length;
    return 0;
  }

  it('401 with WWW-Authenticate from the real pipeline without a token', async () => {
    const err = await firstPage(api()).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof GraphError, String(err));
    assert.equal(err.status, 401);
    assert.equal(err.code, 'InvalidAuthenticationToken');
    const raw = await transport.send({ method: 'GET', url: `${origin}/v1.0/solutions/backupRestore/restoreSessions` });
    assert.match(raw.headers['www-authenticate'], /^Bearer realm=""/);
  });

  it('the admin signed in with device code lists the seeded sessions and reads restore points', async () => {
    const provider = new MsalTokenProvider({ authority: `${origin}/contoso`, clientId: DEMO_PUBLIC_CLIENT.clientId, method: 'deviceCode', transport, secrets: new MemorySecretStore(), connectionId: 'e', graphOrigin: origin });
    await provider.signIn({ onDeviceCode: approve('admin') });
    const a = api(provider);
    assert.ok((await firstPage(a)) > 0);
    assert.equal((await a.tenant.serviceRoot()).status, 200);
    const exchange = (await import('../../../src/backup/model')).workload('exchange');
    const { body: mine } = await a.sessions.create(exchange, {});
    assert.equal(mine.createdBy?.user?.displayName, 'Megan Bowen', 'createdBy names the signed-in user');
    await a.sessions.delete(mine.id);
    const units = await client(provider).get<{ value: unknown[] }>('/solutions/backupRestore/protectionUnits');
    assert.ok(units.body.value.length > 0, 'Configuration.Read.All lets the wizard list protection units');
    adminProvider = provider;
  });

  it('follows @odata.nextLink over https', async function () {
    const a = api(adminProvider);
    const links: (string | undefined)[] = [];
    let sessions = 0;
    for await (const page of a.sessions.list(undefined, { top: 5 })) {
      links.push(page.nextLink);
      sessions += page.items.length;
    }
    assert.ok(links.length > 2, 'several pages');
    assert.ok(links.slice(0, -1).every((link) => link?.startsWith('https://')), 'next links keep the https scheme');
    assert.ok(sessions > 10);
  });

  it('the reader can list but not delete: 403 Authorization_RequestDenied naming the scope', async () => {
    const provider = new MsalTokenProvider({ authority: `${origin}/contoso`, clientId: DEMO_PUBLIC_CLIENT.clientId, method: 'deviceCode', transport, secrets: new MemorySecretStore(), connectionId: 'r', graphOrigin: origin });
    await provider.signIn({ onDeviceCode: approve('reader') });
    const a = api(provider);
    let id: string | undefined;
    for await (const page of a.sessions.list(undefined)) {
      id = page.items[0]?.id;
      break;
    }
    assert.ok(id);
    const err = await a.sessions.delete(id).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof GraphError);
    assert.equal(err.status, 403);
    assert.equal(err.code, 'Authorization_RequestDenied');
    assert.match(err.message, /BackupRestore-Restore\.ReadWrite\.All/);
  });

  it('the admin app (client credentials with the demo certificate) creates a draft session', async () => {
    const provider = new MsalTokenProvider({ authority: `${origin}/contoso`, clientId: DEMO_ADMIN_APP.clientId, method: 'clientCertificate', transport, secrets: new MemorySecretStore(), connectionId: 'a', graphOrigin: origin });
    const cert = identity.demo.adminApp.certificate;
    await provider.signIn({ credential: { kind: 'certificate', certificatePem: cert.cert, privateKeyPem: cert.key } });
    const a = api(provider);
    const exchange = (await import('../../../src/backup/model')).WORKLOADS.find((w) => w.id === 'exchange');
    assert.ok(exchange);
    const created = await a.sessions.create(exchange, {});
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'draft');
    assert.equal(created.body.createdBy?.application?.id, DEMO_ADMIN_APP.clientId, 'createdBy names the app that signed in');
    assert.equal(created.body.createdBy?.user, undefined, 'an app-only call has no user');
  });

  it('checks every $batch sub-request: the reader cannot activate through a batch', async () => {
    const provider = new MsalTokenProvider({ authority: `${origin}/contoso`, clientId: DEMO_PUBLIC_CLIENT.clientId, method: 'deviceCode', transport, secrets: new MemorySecretStore(), connectionId: 'rb', graphOrigin: origin });
    await provider.signIn({ onDeviceCode: approve('reader') });
    const a = api(provider);
    const drafts: string[] = [];
    for await (const page of a.sessions.list(undefined, { statuses: ['draft'] })) drafts.push(...page.items.map((s) => s.id));
    assert.ok(drafts.length > 0, 'the demo seed has drafts');
    const [read, activate] = await client(provider).batch([
      { id: '1', method: 'GET', url: `/solutions/backupRestore/restoreSessions/${drafts[0]}` },
      { id: '2', method: 'POST', url: `/solutions/backupRestore/restoreSessions/${drafts[0]}/activate`, headers: { authorization: 'Bearer smuggled' } },
    ]);
    assert.equal(read.status, 200);
    assert.equal(activate.status, 403);
    const { body } = await a.sessions.get(undefined, drafts[0]);
    assert.equal(body.status, 'draft', 'nothing was activated');
  });
});
