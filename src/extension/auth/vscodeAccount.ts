// Sign-in with the account signed in to VS Code: the connection's token comes from a VS Code authentication
// provider (`vscode.authentication.getSession`, by default VS Code's built-in Microsoft provider) with the
// `VSCODE_CLIENT_ID:` / `VSCODE_TENANT:` scopes, so the admin's own app registration and tenant are used. The
// account shows in VS Code's Accounts menu and is signed out there; VS Code keeps and refreshes the tokens.
//
// getToken asks silently (never a prompt in the middle of a Graph call); only Sign In may ask the person. A
// session change of the provider (sign-out in the Accounts menu, another account, a refresh) is reported to
// the connection manager, which refreshes the views and the status bar. Tokens are never logged.
import * as vscode from 'vscode';
import { SignInRequiredError, vscodeAccountScopes, type AccountSummary, type ConnectionAuth, type SignInResult } from '../../auth';

export interface VsCodeAccountOptions {
  /** The authentication provider (`microsoft`, `microsoft-sovereign-cloud`, or a test's own). */
  providerId: string;
  clientId: string;
  tenant: string;
  /** The Graph scopes (`https://graph.microsoft.com/.default` for the connection's cloud). */
  scopes: readonly string[];
  /** The provider's sessions changed: the account now in use (undefined when signed out). */
  onDidChangeAccount: (account: AccountSummary | undefined) => void;
}

export class VsCodeAccountTokenProvider implements ConnectionAuth {
  readonly method = 'vscodeAccount' as const;
  /** After this extension's own Sign Out: no silent use of VS Code's session until Sign In. */
  private signedOut = false;
  private current: AccountSummary | undefined;
  private readonly listener: vscode.Disposable;

  constructor(private readonly options: VsCodeAccountOptions) {
    this.listener = vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id === options.providerId) void this.sessionsChanged();
    });
  }

  /** GraphClient's TokenProvider: silent only (VS Code refreshes the token itself). */
  async getToken(): Promise<string> {
    return (await this.acquireSilent()).accessToken;
  }

  async acquireSilent(): Promise<{ accessToken: string }> {
    const session = this.signedOut ? undefined : await this.silentSession();
    if (!session) {
      throw new SignInRequiredError(vscode.l10n.t('Not signed in with your VS Code account. Run "Sign In", or sign in from the Accounts menu.'));
    }
    return { accessToken: session.accessToken };
  }

  /** Asks VS Code for the session; VS Code shows its own consent and account prompts. */
  async signIn(): Promise<SignInResult> {
    let session: vscode.AuthenticationSession;
    try {
      session = await vscode.authentication.getSession(this.options.providerId, this.scopes(), { createIfNone: true, clearSessionPreference: this.signedOut });
    } catch (error) {
      throw new VsCodeAccountUnavailableError(this.options.providerId, error);
    }
    this.signedOut = false;
    this.current = summaryOf(session, this.options.tenant);
    return { account: this.current, scopes: [...session.scopes] };
  }

  async getAccounts(): Promise<AccountSummary[]> {
    if (this.signedOut) return [];
    const session = await this.silentSession().catch(() => undefined);
    this.current = session ? summaryOf(session, this.options.tenant) : undefined;
    return this.current ? [this.current] : [];
  }

  /** VS Code picks the account (its Accounts menu, or its prompt on Sign In); nothing to select here. */
  selectAccount(): void {}

  get selectedAccountId(): string | undefined {
    return this.current?.homeAccountId;
  }

  /** Stops using VS Code's session for this connection; the account itself is signed out in the Accounts menu. */
  async signOut(): Promise<void> {
    this.signedOut = true;
    this.current = undefined;
  }

  async hasStoredCredential(): Promise<boolean> {
    return false;
  }

  dispose(): void {
    this.listener.dispose();
  }

  private scopes(): string[] {
    return vscodeAccountScopes(this.options.scopes, this.options.clientId, this.options.tenant);
  }

  /** The session VS Code already has for these scopes, refreshed by the provider when due; never a prompt. */
  private async silentSession(): Promise<vscode.AuthenticationSession | undefined> {
    return vscode.authentication.getSession(this.options.providerId, this.scopes(), { silent: true });
  }

  private async sessionsChanged(): Promise<void> {
    const before = this.current?.homeAccountId;
    const accounts = await this.getAccounts();
    if (accounts[0]?.homeAccountId !== before || !accounts.length) this.options.onDidChangeAccount(accounts[0]);
  }
}

/** VS Code could not sign in with the provider (not installed here, or it failed): msal's methods still work. */
export class VsCodeAccountUnavailableError extends Error {
  constructor(readonly providerId: string, cause: unknown) {
    super(vscode.l10n.t(
      'VS Code could not sign in with its "{0}" accounts: {1}. Sign in with a device code or the browser instead (Restore Sessions: Add Connection…).',
      providerId, cause instanceof Error ? cause.message : String(cause),
    ), { cause });
    this.name = 'VsCodeAccountUnavailableError';
  }
}

/** The session's account as the rest of the extension names accounts (homeAccountId is `<object id>.<tenant id>`). */
function summaryOf(session: vscode.AuthenticationSession, tenant: string): AccountSummary {
  return { homeAccountId: session.account.id, username: session.account.label, tenantId: session.account.id.split('.')[1] ?? tenant };
}
