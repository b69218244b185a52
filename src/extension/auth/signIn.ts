// Sign in: the VS Code account (VS Code's own prompts; the account then shows in the Accounts menu), device code
// (a Copy-and-Open dialog), browser (opened externally, https or loopback only), or an app secret / certificate
// asked once and kept in SecretStorage. Signing in to the no-setup emulator connection creates (or reuses) an
// emulator connection for the chosen method.
import * as vscode from 'vscode';
import {
  SIGN_IN_METHODS, SignInCancelledError, isAppOnly, isLoopbackUrl, parseCertificateBundle,
  type ClientCredential, type DeviceCodePrompt, type SignInMethod,
} from '../../auth';
import { SIGN_IN_LABELS, type Connection } from '../connections';
import { TEST_HOOKS } from '../testHooks';
import { AUTH_COMMAND_IDS, type AuthCommandContext } from './context';
import { VsCodeAccountUnavailableError } from './vscodeAccount';

/**
 * The methods an emulator connection offers. VS Code's Microsoft account cannot sign in to the emulated tenant;
 * only test hosts, which register an authentication provider of the emulator's demo users, offer it.
 */
export const EMULATOR_SIGN_IN_METHODS: readonly SignInMethod[] = SIGN_IN_METHODS.filter((m) => m !== 'vscodeAccount' || TEST_HOOKS);

export async function signIn(ctx: AuthCommandContext): Promise<void> {
  let connection = await ctx.connections.get();
  if (connection.signIn === 'none') {
    if (!connection.isEmulator) throw new Error(vscode.l10n.t('The connection "{0}" has no sign-in method.', connection.label));
    // The no-setup emulator connection sends no token. Signing in creates (or reuses) an emulator connection
    // for the chosen method and switches to it, so every method works on a fresh install.
    const method = await pickMethod(EMULATOR_SIGN_IN_METHODS, vscode.l10n.t('Sign in to the local emulator with…'));
    if (!method) return;
    const id = `emulator-${method}`;
    if (!ctx.connections.list().some((c) => c.id === id)) {
      await ctx.connections.save({ id, label: vscode.l10n.t('Local emulator · {0}', SIGN_IN_LABELS[method]), kind: 'emulator', signIn: method, apiVersion: connection.apiVersion });
    }
    await ctx.connections.switchTo(id);
    connection = await ctx.connections.get();
  }
  const auth = connection.auth;
  if (!auth) throw new Error(vscode.l10n.t('The connection "{0}" has no token provider.', connection.label));
  const method = connection.signIn as SignInMethod;
  if (method === 'vscodeAccount') return signInWithVsCodeAccount(ctx, connection);

  if (!isAppOnly(method)) {
    const accounts = await auth.getAccounts();
    if (accounts.length > 0) {
      type Item = vscode.QuickPickItem & { homeAccountId?: string };
      const pick = await vscode.window.showQuickPick<Item>(
        [
          ...accounts.map((a) => ({ label: a.username, description: a.homeAccountId === auth.selectedAccountId ? vscode.l10n.t('in use') : a.name, homeAccountId: a.homeAccountId })),
          { label: vscode.l10n.t('$(add) Sign in with another account') },
        ],
        { title: vscode.l10n.t('Sign In: {0}', connection.label) },
      );
      if (!pick) return;
      if (pick.homeAccountId) {
        auth.selectAccount(pick.homeAccountId);
        await ctx.connections.rememberAccount(connection.id, pick.homeAccountId);
        ctx.connections.notifyChanged();
        return;
      }
    }
  }

  const credential = isAppOnly(method) ? await askCredential(ctx, connection, method) : undefined;
  if (isAppOnly(method) && !credential && !(await auth.hasStoredCredential())) return;

  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to {0}', connection.label), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let done = false;
        try {
          return await auth.signIn({
            signal: controller.signal,
            credential,
            onDeviceCode: (prompt) => {
              progress.report({ message: vscode.l10n.t('enter the code {0} at {1}', prompt.userCode, prompt.verificationUri) });
              void showDeviceCode(prompt).then((proceed) => {
                if (!proceed && !done) controller.abort();
              });
            },
            openBrowser: async (url) => {
              progress.report({ message: vscode.l10n.t('finish in the browser') });
              const opened = await openSignInPage(url);
              if (!opened) throw new SignInCancelledError(vscode.l10n.t('The browser was not opened.'));
            },
          });
        } finally {
          done = true;
        }
      },
    );
    if (result.account) await ctx.connections.rememberAccount(connection.id, result.account.homeAccountId);
    ctx.connections.notifyChanged();
    const who = result.account ? result.account.username : vscode.l10n.t('the app');
    ctx.log.info(`Signed in to "${connection.label}" as ${who} (${SIGN_IN_LABELS[method]}).`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1}.', connection.label, who), vscode.l10n.t('Check Permissions')).then((c) => {
      if (c) void vscode.commands.executeCommand(AUTH_COMMAND_IDS.checkPermissions);
    });
  } catch (err) {
    if (err instanceof SignInCancelledError) {
      ctx.log.info(`Sign-in to "${connection.label}" was cancelled.`);
      return;
    }
    throw err;
  }
}

/**
 * Sign-in with VS Code's account: VS Code asks (allow this extension, pick or add an account); the account then
 * shows in the Accounts menu. When VS Code cannot sign in with the provider, the message says so and offers the
 * connection's device code sign-in instead (msal, which works everywhere).
 */
async function signInWithVsCodeAccount(ctx: AuthCommandContext, connection: Connection): Promise<void> {
  const auth = connection.auth;
  if (!auth) return;
  try {
    const result = await auth.signIn();
    if (result.account) await ctx.connections.rememberAccount(connection.id, result.account.homeAccountId);
    ctx.connections.notifyChanged();
    const who = result.account?.username ?? vscode.l10n.t('your VS Code account');
    ctx.log.info(`Signed in to "${connection.label}" with the VS Code account ${who}.`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to {0} as {1} (your VS Code account; it is in the Accounts menu).', connection.label, who), vscode.l10n.t('Check Permissions')).then((c) => {
      if (c) void vscode.commands.executeCommand(AUTH_COMMAND_IDS.checkPermissions);
    });
  } catch (error) {
    if (!(error instanceof VsCodeAccountUnavailableError)) throw error;
    ctx.log.channel.warn(error.message);
    const useDeviceCode = vscode.l10n.t('Use Device Code Instead');
    // Not awaited: the command ends here; the offer stays in the notification center.
    void vscode.window.showWarningMessage(error.message, useDeviceCode).then(async (choice) => {
      if (choice !== useDeviceCode) return;
      await ctx.connections.save({ ...connection.config, signIn: 'deviceCode' });
      await vscode.commands.executeCommand(AUTH_COMMAND_IDS.signIn);
    });
  }
}

/**
 * The device code, as VS Code's own device-code sign-ins show it: a dialog with Copy Code & Open Browser and
 * Copy Code. It closes with the click, so no stale code stays on screen; the sign-in progress notification
 * (which closes by itself) keeps the code in view while the person signs in. False when dismissed: cancel.
 */
async function showDeviceCode(prompt: DeviceCodePrompt): Promise<boolean> {
  const COPY_OPEN = vscode.l10n.t('Copy Code & Open Browser');
  const COPY = vscode.l10n.t('Copy Code');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('To sign in, enter the code {0} at {1}', prompt.userCode, prompt.verificationUri),
    { modal: true, detail: vscode.l10n.t('The code is copied to the clipboard. Sign-in continues here once you have entered it.') },
    COPY_OPEN,
    COPY,
  );
  if (!choice) return false;
  await vscode.env.clipboard.writeText(prompt.userCode);
  if (choice === COPY_OPEN) await openSignInPage(prompt.verificationUri);
  return true;
}

/** The secret or certificate of an app connection, asked for once (then kept in SecretStorage by the provider). */
async function askCredential(ctx: AuthCommandContext, connection: Connection, method: SignInMethod): Promise<ClientCredential | undefined> {
  const auth = connection.auth;
  if (!auth) return undefined;
  if (connection.isEmulator) {
    // The in-process emulator's demo app: nothing to type.
    const demo = (await ctx.connections.emulatorDemo())?.demo;
    if (demo && (!connection.config.clientId || connection.config.clientId === demo.adminApp.clientId)) {
      return method === 'clientSecret'
        ? { kind: 'secret', secret: demo.adminApp.secret }
        : { kind: 'certificate', certificatePem: demo.adminApp.certificate.cert, privateKeyPem: demo.adminApp.certificate.key };
    }
  }
  if (await auth.hasStoredCredential()) {
    const reuse = await vscode.window.showQuickPick(
      [{ label: vscode.l10n.t('Use the stored credential'), reuse: true }, { label: method === 'clientSecret' ? vscode.l10n.t('Enter a new client secret') : vscode.l10n.t('Choose another certificate file'), reuse: false }],
      { title: vscode.l10n.t('Sign In: {0}', connection.label) },
    );
    if (!reuse) return undefined;
    if (reuse.reuse) return undefined;
  }
  if (method === 'clientSecret') {
    const secret = await vscode.window.showInputBox({
      title: connection.config.clientId ? vscode.l10n.t('Client secret of {0}', connection.config.clientId) : vscode.l10n.t('Client secret of the app'),
      prompt: vscode.l10n.t('The secret Value (not its ID). It is kept in VS Code SecretStorage only.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the secret.')),
    });
    return secret ? { kind: 'secret', secret: secret.trim() } : undefined;
  }
  const files = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Certificate (PEM with the certificate and its unencrypted private key)'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('PEM certificate and key')]: ['pem', 'crt', 'key'] },
  });
  if (!files?.[0]) return undefined;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0]));
  // Read once; from now on the key lives in SecretStorage (the file is not referenced again).
  return parseCertificateBundle(text);
}

export async function pickMethod(methods: readonly SignInMethod[], title: string): Promise<SignInMethod | undefined> {
  const detail: Record<SignInMethod, string> = {
    vscodeAccount: vscode.l10n.t('the account you use in VS Code (Accounts menu), with your app registration and tenant; VS Code keeps the sign-in'),
    deviceCode: vscode.l10n.t('enter a code in a browser (works over SSH and in remote windows)'),
    interactive: vscode.l10n.t('sign in in the browser; the redirect comes back to 127.0.0.1'),
    clientSecret: vscode.l10n.t('app-only (client credentials) with a client secret kept in SecretStorage'),
    clientCertificate: vscode.l10n.t('app-only (client credentials) with a certificate and key kept in SecretStorage'),
  };
  const pick = await vscode.window.showQuickPick(
    methods.map((m) => ({ label: m === 'vscodeAccount' ? vscode.l10n.t('Sign in with your VS Code Microsoft account') : SIGN_IN_LABELS[m], detail: detail[m], method: m })),
    { title, ignoreFocusOut: true },
  );
  return pick?.method;
}

/**
 * Opens a sign-in page the server named, only over https (or http on this machine, for the local emulator):
 * a server cannot make the editor open a file:, command: or other scheme.
 */
async function openSignInPage(url: string): Promise<boolean> {
  const uri = vscode.Uri.parse(url, true);
  const allowed = uri.scheme === 'https' || (uri.scheme === 'http' && isLoopbackUrl(url));
  if (!allowed) throw new Error(vscode.l10n.t('The sign-in page {0}://{1} is not https; it was not opened.', uri.scheme, uri.authority));
  return vscode.env.openExternal(uri);
}
