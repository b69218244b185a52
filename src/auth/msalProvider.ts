// Token providers on msal-node for one connection: device code, interactive (authorization code + PKCE over a
// 127.0.0.1 loopback redirect) and client credentials (secret or certificate). `getToken` is what GraphClient
// calls: it is always silent (cache, then refresh token; for an app, a new client-credentials token), and when
// a person has to act it throws SignInRequiredError. `signIn` is the explicit, user-started step.
//
// msal's network calls go through the shared HttpTransport (proxy, extra CA, timeouts), its cache through a
// SecretStore plugin, and its log lines are redacted and PII-free.
import * as crypto from 'node:crypto';
import type * as Msal from '@azure/msal-node';
import type {
  AccountInfo, AuthenticationResult, Configuration, ConfidentialClientApplication, DeviceCodeRequest, LogLevel, PublicClientApplication,
} from '@azure/msal-node';
import type { HttpTransport, TokenProvider } from '../graph';
import { SecretStoreCachePlugin } from './cachePlugin';
import { LoopbackRedirectServer, SignInCancelledError } from './loopback';
import { MsalNetworkModule } from './network';
import { redactSecrets } from './redact';
import { secretKeys, type SecretStore } from './secretStore';

export type SignInMethod = 'deviceCode' | 'interactive' | 'clientSecret' | 'clientCertificate';

export const SIGN_IN_METHODS: readonly SignInMethod[] = ['deviceCode', 'interactive', 'clientSecret', 'clientCertificate'];

export const isAppOnly = (method: SignInMethod): boolean => method === 'clientSecret' || method === 'clientCertificate';

export type ClientCredential =
  | { kind: 'secret'; secret: string }
  | { kind: 'certificate'; certificatePem: string; privateKeyPem: string };

export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  message: string;
  expiresInSeconds: number;
}

export type AuthLogLevel = 'error' | 'warning' | 'info' | 'verbose';

export interface MsalTokenProviderOptions {
  /** `https://login.microsoftonline.com/<tenant>` or, for the emulator, `https://127.0.0.1:<httpsPort>/<tenant>`. */
  authority: string;
  clientId: string;
  method: SignInMethod;
  /** The shared HTTP stack; carries the emulator's CA when the authority is the emulator. */
  transport: HttpTransport;
  secrets: SecretStore;
  /** One token cache and one stored credential per connection. */
  connectionId: string;
  /** Hosts (host:port) msal may trust without Microsoft's instance discovery. Default: the authority's host unless it is a Microsoft cloud host. */
  knownAuthorities?: readonly string[];
  /** Account to use when the cache holds several (homeAccountId); default the first. */
  accountId?: string;
  /** msal log lines, redacted, without PII. */
  log?: (level: AuthLogLevel, message: string) => void;
  /** msal's per-request timeout, ms. Default 30 000. */
  timeoutMs?: number;
}

export interface SignInRequest {
  scopes?: readonly string[];
  signal?: AbortSignal;
  /** Device code: show the code; the sign-in completes when the user has entered it. */
  onDeviceCode?: (prompt: DeviceCodePrompt) => void;
  /** Interactive: open the authorize URL (vscode.env.openExternal in the extension). */
  openBrowser?: (url: string) => Promise<void>;
  /** App-only: a credential to store (in the SecretStore) and use; otherwise the stored one. */
  credential?: ClientCredential;
  loginHint?: string;
}

export interface AccountSummary {
  homeAccountId: string;
  username: string;
  name?: string;
  tenantId: string;
}

export interface SignInResult {
  account?: AccountSummary;
  /** Expiry of the access token just obtained. */
  expiresOn?: Date;
  /** The scopes or roles granted (from the token response). */
  scopes: string[];
}

/** Thrown by getToken when a person has to sign in (no account, expired refresh token, missing secret). */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  readonly code = 'SignInRequired';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const RENEWAL_MARGIN_MS = 300_000;

export const GRAPH_DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];

const MICROSOFT_HOSTS = /(^|\.)(login\.microsoftonline\.com|login\.microsoft\.com|login\.windows\.net|login\.microsoftonline\.us|login\.chinacloudapi\.cn|login\.partner\.microsoftonline\.cn|login\.sovcloud-identity\.(fr|de|sg))$/i;

export class MsalTokenProvider implements TokenProvider {
  private readonly cachePlugin: SecretStoreCachePlugin;
  private readonly network: MsalNetworkModule;
  private pca: PublicClientApplication | undefined;
  private cca: { app: ConfidentialClientApplication; fingerprint: string } | undefined;
  private accountId: string | undefined;
  private knownSecrets: string[] = [];
  /** Last token per scope set, so GraphClient's per-request getToken does not read SecretStorage every time. */
  private readonly memo = new Map<string, { token: string; renewAt: number }>();

  constructor(private readonly options: MsalTokenProviderOptions) {
    this.cachePlugin = new SecretStoreCachePlugin(options.secrets, secretKeys.tokenCache(options.connectionId));
    this.network = new MsalNetworkModule(options.transport, options.timeoutMs);
    this.accountId = options.accountId;
  }

  get method(): SignInMethod {
    return this.options.method;
  }

  /** GraphClient's TokenProvider: silent only. */
  async getToken(scopes: readonly string[], signal?: AbortSignal): Promise<string> {
    const wanted = scopes.length ? scopes : GRAPH_DEFAULT_SCOPES;
    const key = `${this.accountId ?? ''}|${[...wanted].sort().join(' ')}`;
    const memo = this.memo.get(key);
    if (memo && Date.now() < memo.renewAt) return memo.token;
    const result = await this.acquireSilent(wanted, signal);
    // Renew as msal does, 5 minutes before expiry.
    if (result.expiresOn) this.memo.set(key, { token: result.accessToken, renewAt: result.expiresOn.getTime() - RENEWAL_MARGIN_MS });
    return result.accessToken;
  }

  /** The token result itself (Check Permissions reads its claims). Silent, like getToken. */
  async acquireSilent(scopes: readonly string[] = GRAPH_DEFAULT_SCOPES, signal?: AbortSignal): Promise<AuthenticationResult> {
    throwIfAborted(signal);
    if (isAppOnly(this.options.method)) {
      const credential = await this.storedCredential();
      if (!credential) {
        throw new SignInRequiredError(`No ${this.options.method === 'clientSecret' ? 'client secret' : 'certificate'} is stored for this connection. Run "Sign In" to enter it.`);
      }
      return this.withAbort(this.clientCredentials(credential, scopes), signal);
    }
    const pca = this.publicApp();
    const account = await this.currentAccount();
    if (!account) throw new SignInRequiredError('Not signed in. Run "Sign In" to choose an account.');
    try {
      return await this.withAbort(pca.acquireTokenSilent({ account, scopes: [...scopes] }), signal);
    } catch (err) {
      if (err instanceof msal().InteractionRequiredAuthError || isNoTokensFound(err)) {
        throw new SignInRequiredError(`The sign-in of ${account.username} has expired or needs consent. Run "Sign In" again.`, { cause: sanitizeError(err, this.knownSecrets) });
      }
      throw sanitizeError(err, this.knownSecrets);
    }
  }

  /** The explicit sign-in a user started. Tries silent first for user methods (an account may already be cached). */
  async signIn(request: SignInRequest = {}): Promise<SignInResult> {
    const scopes = [...(request.scopes ?? GRAPH_DEFAULT_SCOPES)];
    const signal = request.signal;
    throwIfAborted(signal);
    try {
      if (isAppOnly(this.options.method)) {
        this.memo.clear();
        if (request.credential) await this.storeCredential(request.credential);
        const credential = request.credential ?? (await this.storedCredential());
        if (!credential) throw new SignInRequiredError(`A ${this.options.method === 'clientSecret' ? 'client secret' : 'certificate'} is needed to sign in as the app.`);
        return summarize(await this.withAbort(this.clientCredentials(credential, scopes), signal));
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
          result = await this.withAbort(pca.acquireTokenByDeviceCode(dcRequest), signal);
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
    await this.options.secrets.delete(secretKeys.clientCredential(this.options.connectionId));
    this.pca = undefined;
    this.cca = undefined;
    this.accountId = undefined;
  }

  async hasStoredCredential(): Promise<boolean> {
    return (await this.storedCredential()) !== undefined;
  }

  async storeCredential(credential: ClientCredential): Promise<void> {
    validateCredential(credential);
    await this.options.secrets.store(secretKeys.clientCredential(this.options.connectionId), JSON.stringify(credential));
  }

  // ---- internals ----

  private async storedCredential(): Promise<ClientCredential | undefined> {
    const text = await this.options.secrets.get(secretKeys.clientCredential(this.options.connectionId));
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

  private withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return promise;
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) {
        reject(new SignInCancelledError('The request was cancelled.'));
        return;
      }
      const onAbort = () => reject(new SignInCancelledError('The request was cancelled.'));
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
      );
      // msal keeps polling a cancelled device code until its next interval; never leave that rejection unhandled.
      promise.catch(() => undefined);
    });
  }
}

function resourceOf(scope: string): string {
  const m = /^(https?:\/\/[^/]+)\//i.exec(scope);
  return m ? m[1] : 'https://graph.microsoft.com';
}

function summarize(result: AuthenticationResult): SignInResult {
  return { account: result.account ? accountSummary(result.account) : undefined, expiresOn: result.expiresOn ?? undefined, scopes: result.scopes };
}

function accountSummary(a: AccountInfo): AccountSummary {
  return { homeAccountId: a.homeAccountId, username: a.username, name: a.name, tenantId: a.tenantId };
}

function validateCredential(credential: ClientCredential): void {
  if (credential.kind === 'secret') {
    if (!credential.secret.trim()) throw new Error('The client secret is empty.');
    return;
  }
  try {
    const cert = new crypto.X509Certificate(credential.certificatePem);
    const key = crypto.createPrivateKey(credential.privateKeyPem);
    if (!cert.checkPrivateKey(key)) throw new Error('The private key does not belong to the certificate.');
  } catch (err) {
    throw new Error(`The certificate or its private key cannot be used: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Splits a PEM bundle (a .pem file with the certificate and its unencrypted private key) into a credential. */
export function parseCertificateBundle(pem: string): ClientCredential {
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) throw new Error('The private key is encrypted; export it without a password (PEM) first.');
  if (!cert || !key) throw new Error('The file must contain a PEM certificate and its PEM private key.');
  const credential: ClientCredential = { kind: 'certificate', certificatePem: `${cert}\n`, privateKeyPem: `${key}\n` };
  validateCredential(credential);
  return credential;
}

function levelName(level: LogLevel): AuthLogLevel {
  const { LogLevel: Level } = msal();
  switch (level) {
    case Level.Error: return 'error';
    case Level.Warning: return 'warning';
    case Level.Info: return 'info';
    default: return 'verbose';
  }
}

let msalModule: typeof Msal | undefined;
/**
 * msal-node is loaded on the first sign-in or token request, not when the extension activates (the bundle
 * keeps it in a separate file, see esbuild.js): most sessions use the local emulator and never need it.
 */
function msal(): typeof Msal {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (msalModule ??= require('@azure/msal-node') as typeof Msal);
}

function isNoTokensFound(err: unknown): boolean {
  const code = (err as { errorCode?: unknown })?.errorCode;
  return code === 'no_tokens_found' || code === 'token_refresh_required';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SignInCancelledError('The request was cancelled.');
}

/** msal errors can quote server responses; make sure no token or secret rides along in the message. */
function sanitizeError(err: unknown, secrets: readonly string[]): Error {
  if (!(err instanceof Error)) return new Error(redactSecrets(String(err), secrets));
  const message = redactSecrets(err.message, secrets);
  if (message === err.message) return err;
  const clean = new Error(message);
  clean.name = err.name;
  return clean;
}
