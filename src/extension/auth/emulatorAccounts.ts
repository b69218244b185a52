// Test hosts only (RESTORE_SESSIONS_TEST_HOOKS=1): a VS Code authentication provider whose accounts are the
// emulated tenant's demo users, so "Sign in with your VS Code account" runs end to end where Microsoft cannot
// be reached: VS Code's consent prompt and Accounts menu, the `VSCODE_CLIENT_ID:` / `VSCODE_TENANT:` scopes read
// back as VS Code's Microsoft provider reads them, and tokens from the emulator's own OAuth endpoints (device
// code approved on its device-login page, refresh-token grant when a token is due). The integration suite
// registers one under its own id; the e2e walk uses the one the extension registers in test hosts.
// Tokens and codes are never logged.
import * as vscode from 'vscode';
import { decodeTokenClaims, parseVscodeAccountScopes } from '../../auth';
import { HttpTransport } from '../../graph';

/** The id of the provider the extension registers in test hosts (and the default of emulator connections there). */
export const EMULATOR_ACCOUNTS_PROVIDER = 'restoreSessions-emulator-accounts';

export interface EmulatorAccountsOptions {
  /** Where the emulated sign-in listens: its https origin and certificate. */
  identity: () => Promise<{ httpsOrigin?: string; ca?: string }>;
  /** Which demo user signs in (a key such as `admin`), or undefined to cancel. */
  chooseUser: (users: readonly DemoUserInfo[]) => Promise<string | undefined>;
}

export interface DemoUserInfo {
  key: string;
  userPrincipalName: string;
}

interface Held {
  session: vscode.AuthenticationSession;
  refreshToken?: string;
  expiresAt: number;
  clientId: string;
  tenant: string;
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error_description?: string;
}

export class EmulatorAccountsProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private held: Held[] = [];
  /** Sign-ins and silent refreshes that reached the emulator (tests read them). */
  readonly stats = { created: 0, refreshed: 0 };

  constructor(private readonly options: EmulatorAccountsOptions) {}

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const matching = this.held.filter((h) => !scopes || sameScopes(h.session.scopes, scopes));
    for (const h of matching) if (Date.now() >= h.expiresAt) await this.refresh(h);
    return matching.map((h) => h.session);
  }

  /** Signs a demo user in with the device code flow; one account at a time, as VS Code's Microsoft provider per scope set. */
  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const { clientId, tenant, resourceScopes } = parseVscodeAccountScopes(scopes);
    if (!clientId || !tenant) throw new Error(vscode.l10n.t('The emulator accounts need VSCODE_CLIENT_ID: and VSCODE_TENANT: scopes.'));
    const answer = await this.withEmulator(async (origin, transport) => {
      const users = json<{ users?: DemoUserInfo[] }>(await call(transport, 'GET', `${origin}/_emulator/identity/metadata`));
      const user = await this.options.chooseUser(users.users ?? []);
      if (!user) throw new vscode.CancellationError();
      const code = json<{ user_code?: string; device_code?: string }>(await call(transport, 'POST', `${origin}/${tenant}/oauth2/v2.0/devicecode`, {
        client_id: clientId, scope: [...resourceScopes, 'openid', 'profile', 'offline_access'].join(' '),
      }));
      // What the person does in the browser: the emulator's device-login page, code and user.
      const approval = await call(transport, 'POST', `${origin}/devicelogin`, { user_code: code.user_code ?? '', user });
      if (approval.status !== 200) throw new Error(vscode.l10n.t('The emulator\'s device-login page refused the code ({0}).', approval.status));
      return json<TokenAnswer>(await call(transport, 'POST', `${origin}/${tenant}/oauth2/v2.0/token`, {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: clientId, device_code: code.device_code ?? '',
      }));
    });
    const held = heldFrom(answer, scopes, clientId, tenant);
    const replaced = this.held.filter((h) => sameScopes(h.session.scopes, scopes));
    this.held = [...this.held.filter((h) => !replaced.includes(h)), held];
    this.stats.created++;
    this.changed.fire({ added: [held.session], removed: replaced.map((h) => h.session), changed: [] });
    return held.session;
  }

  /** Sign-out from the Accounts menu (or a test). */
  async removeSession(sessionId: string): Promise<void> {
    const removed = this.held.filter((h) => h.session.id === sessionId);
    this.held = this.held.filter((h) => h.session.id !== sessionId);
    if (removed.length) this.changed.fire({ added: [], removed: removed.map((h) => h.session), changed: [] });
  }

  /** Tests: makes every held token due, so the next silent getSession refreshes it with its refresh token. */
  expireTokens(): void {
    for (const h of this.held) h.expiresAt = 0;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async refresh(h: Held): Promise<void> {
    if (!h.refreshToken) return;
    const answer = await this.withEmulator(async (origin, transport) => json<TokenAnswer>(await call(transport, 'POST', `${origin}/${h.tenant}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token', client_id: h.clientId, refresh_token: h.refreshToken ?? '',
    })));
    const fresh = heldFrom(answer, h.session.scopes, h.clientId, h.tenant);
    Object.assign(h, { refreshToken: fresh.refreshToken, expiresAt: fresh.expiresAt, session: { ...h.session, accessToken: fresh.session.accessToken } });
    this.stats.refreshed++;
  }

  private async withEmulator<T>(work: (origin: string, transport: HttpTransport) => Promise<T>): Promise<T> {
    const { httpsOrigin, ca } = await this.options.identity();
    if (!httpsOrigin) throw new Error(vscode.l10n.t('The emulator has no https listener, so its sign-in endpoints cannot be reached.'));
    const transport = new HttpTransport({ ca, proxyFromEnv: false, timeoutMs: 15_000 });
    try {
      return await work(httpsOrigin, transport);
    } finally {
      await transport.close();
    }
  }
}

/** The session for a token answer: the account is the token's user, its id `<object id>.<tenant id>` as msal names it. */
function heldFrom(answer: TokenAnswer, scopes: readonly string[], clientId: string, tenant: string): Held {
  const claims = decodeTokenClaims(answer.access_token ?? '');
  if (!answer.access_token || !claims) throw new Error(answer.error_description ? vscode.l10n.t('The emulator issued no token: {0}', answer.error_description) : vscode.l10n.t('The emulator issued no token.'));
  const label = String(claims.upn ?? claims.preferred_username ?? claims.oid);
  return {
    session: { id: `${claims.oid}-${Date.now()}`, accessToken: answer.access_token, account: { id: `${claims.oid}.${claims.tid}`, label }, scopes: [...scopes] },
    refreshToken: answer.refresh_token,
    // due a minute before it expires, as VS Code's provider renews
    expiresAt: Date.now() + ((answer.expires_in ?? 3600) - 60) * 1000,
    clientId,
    tenant,
  };
}

const sameScopes = (a: readonly string[], b: readonly string[]): boolean => [...a].sort().join(' ') === [...b].sort().join(' ');

function call(transport: HttpTransport, method: string, url: string, form?: Record<string, string>): Promise<{ status: number; body: string }> {
  return transport.send({
    method, url,
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
}

/** The body of an OAuth or metadata answer (an error answer is JSON too, with `error_description`). */
function json<T>(response: { status: number; body: string }): T {
  try {
    return JSON.parse(response.body) as T;
  } catch {
    throw new Error(vscode.l10n.t('The emulator answered {0} without JSON.', response.status));
  }
}
