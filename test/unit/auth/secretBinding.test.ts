// Stored secrets are bound to the connection's authority (with its tenant), client id and Graph origin: a
// connection whose parameters changed (or a look-alike entry reusing the id) finds neither the client secret
// nor the token cache, so it cannot send them anywhere. Real msal against the emulated identity over https.
import { strict as assert } from 'assert';
import { MemorySecretStore, MsalTokenProvider, SignInRequiredError, type MsalTokenProviderOptions } from '../../../src/auth';
import { DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT } from '../../../src/emulator/identity';
import { HttpTransport } from '../../../src/graph';
import { startIdentityHarness, type IdentityHarness } from '../emulator/identity/harness';

describe('auth: secrets bound to their endpoints', function () {
  this.timeout(30_000);
  let h: IdentityHarness;
  let transport: HttpTransport;
  let graphOrigin: string;

  before(async () => {
    h = await startIdentityHarness();
    transport = new HttpTransport({ ca: h.identity.tls.cert, proxyFromEnv: false });
    graphOrigin = new URL(h.graphBase).origin;
  });
  after(async () => {
    await transport.close();
    await h.close();
  });

  function provider(secrets: MemorySecretStore, options: Partial<MsalTokenProviderOptions> & Pick<MsalTokenProviderOptions, 'method' | 'clientId'>): MsalTokenProvider {
    return new MsalTokenProvider({ authority: h.authority, transport, secrets, connectionId: 'work', graphOrigin, ...options });
  }

  it('a client secret is found only with the same authority, tenant, client id and Graph origin', async () => {
    const secrets = new MemorySecretStore();
    const own = provider(secrets, { method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId });
    await own.signIn({ credential: { kind: 'secret', secret: h.identity.demo.adminApp.secret } });
    assert.equal(await provider(secrets, { method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId }).hasStoredCredential(), true);
    const changed: Partial<MsalTokenProviderOptions>[] = [
      { authority: 'https://attacker.example/contoso' },
      { authority: `${new URL(h.authority).origin}/fabrikam` },
      { graphOrigin: 'https://graph.attacker.example' },
      { clientId: '00000000-0000-0000-0000-000000000001' },
    ];
    for (const change of changed) {
      const other = provider(secrets, { method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId, ...change });
      assert.equal(await other.hasStoredCredential(), false, JSON.stringify(change));
      await assert.rejects(other.getToken([]), SignInRequiredError, JSON.stringify(change));
    }
  });

  it('a signed-in account is not in the cache of a connection pointed at another Graph origin', async () => {
    const secrets = new MemorySecretStore();
    const own = provider(secrets, { method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId });
    await own.signIn({
      onDeviceCode: (prompt) => {
        setTimeout(() => {
          void transport.send({ method: 'POST', url: `${h.httpsOrigin}/_emulator/identity/approve`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_code: prompt.userCode, user: 'admin' }) });
        }, 20);
      },
    });
    assert.equal((await provider(secrets, { method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId }).getAccounts()).length, 1);
    const moved = provider(secrets, { method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId, graphOrigin: 'https://graph.attacker.example' });
    assert.deepEqual(await moved.getAccounts(), []);
    await assert.rejects(moved.getToken([]), SignInRequiredError);
  });
});
