// The vocabulary of sign-in: methods, credentials, the provider's options and results, and the error that
// says a person has to act. No msal here, so callers can name these types without loading msal.
import type { HttpTransport, TokenProvider } from '../graph';
import type { SecretStore } from './secretStore';

export const GRAPH_DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];

/** `vscodeAccount`: the account signed in to VS Code itself (its Microsoft authentication provider); the others use msal. */
export type SignInMethod = 'vscodeAccount' | 'deviceCode' | 'interactive' | 'clientSecret' | 'clientCertificate';

export const SIGN_IN_METHODS: readonly SignInMethod[] = ['vscodeAccount', 'deviceCode', 'interactive', 'clientSecret', 'clientCertificate'];

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
  /** One token cache and one stored credential per connection, bound to its authority, client id and Graph origin. */
  connectionId: string;
  /** The Graph origin the tokens are for (`https://graph.microsoft.us`, or the emulator's origin). */
  graphOrigin: string;
  /** Scopes asked for when the caller names none. Default: Microsoft Graph global (`GRAPH_DEFAULT_SCOPES`). */
  defaultScopes?: readonly string[];
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

/**
 * What a signed-in connection's token source offers the extension, whichever it is (msal, or VS Code's own
 * account): GraphClient's silent getToken, the token itself for Check Permissions, the explicit sign-in, the
 * accounts it holds, and sign-out.
 */
export interface ConnectionAuth extends TokenProvider {
  readonly method: SignInMethod;
  acquireSilent(scopes?: readonly string[], signal?: AbortSignal): Promise<{ accessToken: string }>;
  signIn(request?: SignInRequest): Promise<SignInResult>;
  getAccounts(): Promise<AccountSummary[]>;
  selectAccount(homeAccountId: string | undefined): void;
  readonly selectedAccountId: string | undefined;
  signOut(homeAccountId?: string): Promise<void>;
  hasStoredCredential(): Promise<boolean>;
  /** Stops listening (VS Code account: session changes); msal has nothing to stop. */
  dispose?(): void;
}

/** Thrown by getToken when a person has to sign in (no account, expired refresh token, missing secret). */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  readonly code = 'SignInRequired';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
