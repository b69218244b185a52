// Sign Out (one account or all, and for the last one the token cache and stored credential) and Check
// Permissions (the token's claims as a Markdown report, focused on one failed call when given one).
import * as vscode from 'vscode';
import { SignInRequiredError, permissionsReport, summarizeToken } from '../../auth';
import type { AuthCommandContext } from './context';
import { signIn } from './signIn';

export async function signOut(ctx: AuthCommandContext): Promise<void> {
  const connection = await ctx.connections.get();
  const auth = connection.auth;
  if (!auth) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The connection "{0}" does not sign in.', connection.label));
    return;
  }
  if (auth.method === 'vscodeAccount') {
    // The account belongs to VS Code (other extensions may use it too): this connection stops using it, and the
    // Accounts menu is where the account itself is signed out.
    await auth.signOut();
    await ctx.connections.rememberAccount(connection.id, undefined);
    ctx.log.info(`Signed out of "${connection.label}" (the VS Code account stays signed in to VS Code).`);
    ctx.connections.notifyChanged();
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}. Your VS Code account stays signed in to VS Code; sign it out in the Accounts menu.', connection.label));
    return;
  }
  let target: string | undefined;
  const accounts = await auth.getAccounts();
  if (accounts.length > 1) {
    const pick = await vscode.window.showQuickPick(
      [...accounts.map((a) => ({ label: a.username, homeAccountId: a.homeAccountId as string | undefined })), { label: vscode.l10n.t('All accounts'), homeAccountId: undefined }],
      { title: vscode.l10n.t('Sign Out: {0}', connection.label) },
    );
    if (!pick) return;
    target = pick.homeAccountId;
  }
  await auth.signOut(target);
  if (!target || target === auth.selectedAccountId) await ctx.connections.rememberAccount(connection.id, undefined);
  ctx.log.info(`Signed out of "${connection.label}"${target ? '' : ' (token cache and stored credential deleted)'}.`);
  ctx.connections.notifyChanged();
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}.', connection.label));
}

export async function checkPermissions(ctx: AuthCommandContext, focus?: { method: string; path: string }): Promise<void> {
  const connection = await ctx.connections.get();
  if (!connection.auth) {
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('"{0}" sends no token: the emulator allows every operation unless it runs with --auth on. Sign in to check a real token\'s permissions.', connection.label),
      vscode.l10n.t('Sign In'),
    );
    if (choice) await signIn(ctx);
    return;
  }
  let accessToken: string;
  try {
    accessToken = (await connection.auth.acquireSilent()).accessToken;
  } catch (err) {
    if (err instanceof SignInRequiredError) {
      const choice = await vscode.window.showWarningMessage(err.message, vscode.l10n.t('Sign In'));
      if (choice) await signIn(ctx);
      return;
    }
    throw err;
  }
  const summary = summarizeToken(accessToken);
  if (!summary) throw new Error(vscode.l10n.t('The access token is not a JWT, so its permissions cannot be read on this side.'));
  const markdown = permissionsReport(summary, { connectionLabel: connection.label, authority: connection.authority, focus });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { preview: true });
  const allowedWrite = summary.access.some((r) => r.rule.id === 'sessions.activate' && r.allowed);
  ctx.log.info(`Check Permissions on "${connection.label}": ${summary.kind}, ${summary.backupPermissions.join(', ') || 'no Backup Storage permission'}${allowedWrite ? '' : ' (read-only)'}.`);
}
