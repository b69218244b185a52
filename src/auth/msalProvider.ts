// Token providers on msal-node for one connection: device code, interactive (authorization code + PKCE over a
// 127.0.0.1 loopback redirect) and client credentials (secret or certificate). `getToken` is what GraphClient
// calls: it is always silent (cache, then refresh token; for an app, a new client-credentials token), and when
// a person has to act it throws SignInRequiredError. `signIn` is the explicit, user-started step.
//
// msal's network calls go through the shared HttpTransport (proxy, extra CA, timeouts), its cache through a
// SecretStore plugin whose key is bound to the authority, client id and Graph origin (secretStore.ts), and its
// log lines are redacted and PII-free.
import * as crypto from 'node:crypto';
import type {
  AccountInfo, AuthenticationResult, Configuration, ConfidentialClientApplication, DeviceCodeRequest, PublicClientApplication,
} from '@azure/msal-node';
import { SecretStoreCachePlugin } from './cachePlugin';
import { validateCredential } from './credentials';
import { LoopbackRedirectServer, SignInCancelledError } from './loopback';
import { accountSummary, isNoTokensFound, levelName, msal, resourceOf, sanitizeError, summarize, throwIfAborted, withAbort } from './msalSupport';
import { MsalNetworkModule } from './network';
import { redactSecrets } from './redact';
import { secretKeys, type SecretBinding } from './secretStore';
import {
  GRAPH_DEFAULT_SCOPES, SignInRequiredError, isAppOnly,
  type AccountSummary, type ClientCredential, type ConnectionAuth, type MsalTokenProviderOptions, type SignInMethod, type SignInRequest, type SignInResult,
} from './types';

const RENEWAL_MARGIN_MS = 300_000;

const MICROSOFT_HOSTS = /(^|\.)(login\.microsoftonline\.com|login\.microsoft\.com|login\.windows\.net|login\.microsoftonline\.us|login\.chinacloudapi\.cn|login\.partner\.microsoftonline\.cn|login\.sovcloud-identity\.(fr|de|sg))$/i;

export class MsalTokenProvider implements ConnectionAuth {
  private readonly cachePlugin: SecretStoreCachePlugin;
  private readonly network: MsalNetworkModule;
  private pca: PublicClientApplication | undefined;
  private cca: { app: ConfidentialClientApplication; fingerprint: string } | undefined;
  private accountId: string | undefined;
  private knownSecrets: string[] = [];
  /** Last token per scope set, so GraphClient's per-request getToken does not read SecretStorage every time. */
  private readonly memo = new Map<string, { token: string; renewAt: number }>();

  /** What this provider's secrets are bound to; another authority, client id or Graph origin finds none of them. */
  private readonly binding: SecretBinding;
  private readonly defaultScopes: readonly string[];

  constructor(private readonly options: MsalTokenProviderOptions) {
    this.binding = { connectionId: options.connectionId, authority: options.authority, clientId: options.clientId, graphOrigin: options.graphOrigin };
    this.defaultScopes = options.defaultScopes ?? GRAPH_DEFAULT_SCOPES;
    this.cachePlugin = new SecretStoreCachePlugin(options.secrets, secretKeys.tokenCache(this.binding));
    this.network = new MsalNetworkModule(options.transport, options.timeoutMs);
    this.accountId = options.accountId;
  }

  get method(): SignInMethod {
    return this.options.method;
  }

  /** GraphClient's TokenProvider: silent only. */
  async getToken(scopes: readonly string[], signal?: AbortSignal): Promise<string> {
    const wanted = scopes.length ? scopes : this.defaultScopes;
    const key = `${this.accountId ?? ''}|${[...wanted].sort().join(' ')}`;
    const memo = this.memo.get(key);
    if (memo && Date.now() < memo.renewAt) return memo.token;
    const result = await this.acquireSilent(wanted, signal);
    // Renew as msal does, 5 minutes before expiry.
    if (result.expiresOn) this.memo.set(key, { token: result.accessToken, renewAt: result.expiresOn.getTime() - RENEWAL_MARGIN_MS });
    return result.accessToken;
  }

  /** The token result itself (Check Permissions reads its claims). Silent, like getToken. */
  async acquireSilent(scopes: readonly string[] = this.defaultScopes, signal?: AbortSignal): Promise<AuthenticationResult> {
    throwIfAborted(signal);
    if (isAppOnly(this.options.method)) {
      const credential = await this.storedCredential();
      if (!credential) {
        throw new SignInRequiredError(`No ${this.options.method === 'clientSecret' ? 'client secret' : 'certificate'} is stored for this connection. Run "Sign In" to enter it.`);
      }
      return withAbort(this.clientCredentials(credential, scopes), signal);
    }
    const pca = this.publicApp();
    const account = await this.currentAccount();
    if (!account) throw new SignInRequiredError('Not signed in. Run "Sign In" to choose an account.');
    try {
      return await withAbort(pca.acquireTokenSilent({ account, scopes: [...scopes] }), signal);
    } catch (err) {
      if (err instanceof msal().InteractionRequiredAuthError || isNoTokensFound(err)) {
        throw new SignInRequiredError(`The sign-in of ${account.username} has expired or needs consent. Run "Sign In" again.`, { cause: sanitizeError(err, this.knownSecrets) });
      }
      throw sanitizeError(err, this.knownSecrets);
    }
  }

  /** The explicit sign-in a user started. Tries silent first for user methods (an account may already be cached). */
  async signIn(request: SignInRequest = {}): Promise<SignInResult> {
    const scopes = [...(request.scopes ?? this.defaultScopes)];
    const signal = request.signal;
    throwIfAborted(signal);
    try {
      if (isAppOnly(this.options.method)) {
        this.memo.clear();
        if (request.credential) await this.storeCredential(request.credential);
        const credential = request.credential ?? (await this.storedCredential());
        if (!credential) throw new SignInRequiredError(`A ${this.options.method === 'clientSecret' ? 'client secret' : 'certificate'} is needed to sign in as the app.`);
        return summarize(await withAbort(this.clientCredentials(credential, scopes), signal));
      }
      const pca = this.publicApp();
      let result: AuthenticationResult | null;
      if (this.options.method === 'deviceCode') {
        if (!request.onDeviceCode) throw new Error('Device code sign-in needs a way to show the code.');
        const onDeviceCode = request.onDeviceCode;
        const dcRequest: DeviceCodeRequest = {
          scopes,
          deviceCodeCallback: (r) => onDeviceCode({ userCode: r.userCode, verificationUri: r.verificationUri, message: r.message, expiresInSeconds: r.expiresIn }),
          cancel: false,
        };
        const onAbort = () => { dcRequest.cancel = true; };
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          result = await withAbort(pca.acquireTokenByDeviceCode(dcRequest), signal);
        } finally {
          signal?.removeEventListener('abort', onAbort);
        }
      } else {
        if (!request.openBrowser) throw new Error('Interactive sign-in needs a way to open the browser.');
        const loopback = new LoopbackRedirectServer(signal);
        await loopback.whenReady();
        try {
          result = await pca.acquireTokenInteractive({
            scopes,
            openBrowser: request.openBrowser,
            loopbackClient: loopback,
            prompt: 'select_account',
            loginHint: request.loginHint,
          });
        } finally {
          loopback.closeServer();
        }
      }
      if (!result) throw new Error('Sign-in returned no token.');
      this.memo.clear();
      if (result.account) this.accountId = result.account.homeAccountId;
      return summarize(result);
    } catch (err) {
      if (signal?.aborted || err instanceof SignInCancelledError) throw new SignInCancelledError();
      throw sanitizeError(err, this.knownSecrets);
    }
  }

  /** Accounts in this connection's cache (several are allowed). */
  async getAccounts(): Promise<AccountSummary[]> {
    if (isAppOnly(this.options.method)) return [];
    return (await this.publicApp().getTokenCache().getAllAccounts()).map(accountSummary);
  }

  /** Picks the account getToken uses. */
  selectAccount(homeAccountId: string | undefined): void {
    this.memo.clear();
    this.accountId = homeAccountId;
  }

  get selectedAccountId(): string | undefined {
    return this.accountId;
  }

  /** Signs out: removes the account (or all), and for the last one the whole cache and the stored credential. */
  async signOut(homeAccountId?: string): Promise<void> {
    this.memo.clear();
    if (!isAppOnly(this.options.method)) {
      const cache = this.publicApp().getTokenCache();
      const accounts = await cache.getAllAccounts();
      for (const account of accounts) {
        if (!homeAccountId || account.homeAccountId === homeAccountId) await cache.removeAccount(account);
      }
      if (homeAccountId && accounts.some((a) => a.homeAccountId !== homeAccountId)) {
        if (this.accountId === homeAccountId) this.accountId = undefined;
        return;
      }
    }
    await this.cachePlugin.clear();
    await this.options.secrets.delete(secretKeys.clientCredential(this.binding));
    this.pca = undefined;
    this.cca = undefined;
    this.accountId = undefined;
  }

  async hasStoredCredential(): Promise<boolean> {
    return (await this.storedCredential()) !== undefined;
  }

  async storeCredential(credential: ClientCredential): Promise<void> {
    validateCredential(credential);
    await this.options.secrets.store(secretKeys.clientCredential(this.binding), JSON.stringify(credential));
  }

  // ---- internals ----

  private async storedCredential(): Promise<ClientCredential | undefined> {
    const text = await this.options.secrets.get(secretKeys.clientCredential(this.binding));
    if (!text) return undefined;
    try {
      const credential = JSON.parse(text) as ClientCredential;
      this.remember(credential);
      return credential;
    } catch {
      return undefined;
    }
  }

  private remember(credential: ClientCredential): void {
    const secret = credential.kind === 'secret' ? credential.secret : credential.privateKeyPem;
    if (!this.knownSecrets.includes(secret)) this.knownSecrets.push(secret);
  }

  private baseConfig(): Configuration {
    const authorityHost = new URL(this.options.authority).host;
    const known = this.options.knownAuthorities ?? (MICROSOFT_HOSTS.test(new URL(this.options.authority).hostname) ? [] : [authorityHost]);
    const log = this.options.log;
    return {
      auth: {
        clientId: this.options.clientId,
        authority: this.options.authority,
        knownAuthorities: [...known],
      },
      cache: { cachePlugin: this.cachePlugin },
      system: {
        networkClient: this.network,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: msal().LogLevel.Info,
          loggerCallback: (level, message, containsPii) => {
            if (!log || containsPii) return;
            log(levelName(level), redactSecrets(message, this.knownSecrets));
          },
        },
      },
    };
  }

  private publicApp(): PublicClientApplication {
    this.pca ??= new (msal().PublicClientApplication)(this.baseConfig());
    return this.pca;
  }

  private async clientCredentials(credential: ClientCredential, scopes: readonly string[]): Promise<AuthenticationResult> {
    this.remember(credential);
    const fingerprint = crypto.createHash('sha256').update(JSON.stringify(credential)).digest('hex');
    if (!this.cca || this.cca.fingerprint !== fingerprint) {
      const config = this.baseConfig();
      config.auth.clientSecret = credential.kind === 'secret' ? credential.secret : undefined;
      if (credential.kind === 'certificate') {
        config.auth.clientCertificate = {
          thumbprintSha256: crypto.createHash('sha256').update(new crypto.X509Certificate(credential.certificatePem).raw).digest('hex'),
          privateKey: credential.privateKeyPem,
          x5c: credential.certificatePem,
        };
      }
      this.cca = { app: new (msal().ConfidentialClientApplication)(config), fingerprint };
    }
    // App-only tokens need `<resource>/.default`.
    const appScopes = scopes.map((s) => (/\/\.default$/.test(s) ? s : `${resourceOf(s)}/.default`));
    try {
      const result = await this.cca.app.acquireTokenByClientCredential({ scopes: [...new Set(appScopes)] });
      if (!result) throw new Error('The token endpoint returned no token.');
      return result;
    } catch (err) {
      throw sanitizeError(err, this.knownSecrets);
    }
  }

  private async currentAccount(): Promise<AccountInfo | undefined> {
    const accounts = await this.publicApp().getTokenCache().getAllAccounts();
    return accounts.find((a) => a.homeAccountId === this.accountId) ?? accounts[0];
  }
}
