// Connection and sign-in commands: switch / add / remove a connection, sign in (device code with a
// Copy-and-Open notification, browser via openExternal, or an app secret / certificate asked once and kept in
// SecretStorage), sign out, and Check Permissions. Registered through the shared command list.
import * as vscode from 'vscode';
import {
  SignInCancelledError, SignInRequiredError, isAppOnly, parseCertificateBundle, permissionsReport, summarizeToken,
  type ClientCredential, type DeviceCodePrompt, type SignInMethod,
} from '../../auth';
import type { CommandSpec } from '../commands/registry';
import {
  EMULATOR_CONNECTION_ID, SIGN_IN_LABELS, type ApiVersion, type Connection, type ConnectionConfig, type ConnectionManager,
} from '../connections';
import type { Log } from '../log';

export interface AuthCommandContext {
  connections: ConnectionManager;
  log: Log;
}

export const AUTH_COMMANDS = {
  switchConnection: 'restoreSessions.switchConnection',
  addConnection: 'restoreSessions.addConnection',
  removeConnection: 'restoreSessions.removeConnection',
  signIn: 'restoreSessions.signIn',
  signOut: 'restoreSessions.signOut',
  checkPermissions: 'restoreSessions.checkPermissions',
} as const;

const ALL_METHODS: readonly SignInMethod[] = ['deviceCode', 'interactive', 'clientSecret', 'clientCertificate'];

export function authCommands(ctx: AuthCommandContext): CommandSpec[] {
  return [
    { id: AUTH_COMMANDS.switchConnection, run: () => switchConnection(ctx) },
    { id: AUTH_COMMANDS.addConnection, run: () => addConnection(ctx) },
    { id: AUTH_COMMANDS.removeConnection, run: (arg) => removeConnection(ctx, typeof arg === 'string' ? arg : undefined) },
    { id: AUTH_COMMANDS.signIn, run: () => signIn(ctx) },
    { id: AUTH_COMMANDS.signOut, run: () => signOut(ctx) },
    { id: AUTH_COMMANDS.checkPermissions, run: (arg) => checkPermissions(ctx, asFocus(arg)) },
  ];
}

// ---- connections ----

async function switchConnection(ctx: AuthCommandContext): Promise<void> {
  const active = ctx.connections.activeId;
  type Item = vscode.QuickPickItem & { id?: string; action?: 'add' | 'remove' | 'settings' };
  const items: Item[] = ctx.connections.list().map((c) => ({
    id: c.id,
    label: `${c.id === active ? '$(check) ' : ''}${c.label}`,
    description: `${c.kind === 'emulator' ? 'emulator' : c.tenant ?? 'Graph'} · ${c.apiVersion} · ${SIGN_IN_LABELS[c.signIn]}`,
  }));
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(add) Add Connection…', action: 'add' },
    { label: '$(trash) Remove Connection…', action: 'remove' },
    { label: '$(settings-gear) Edit Connections in Settings', action: 'settings' },
  );
  const pick = await vscode.window.showQuickPick(items, { title: 'Restore Sessions: Switch Connection', placeHolder: 'The active connection is marked' });
  if (!pick) return;
  if (pick.action === 'add') return addConnection(ctx);
  if (pick.action === 'remove') return removeConnection(ctx);
  if (pick.action === 'settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'restoreSessions.connections');
    return;
  }
  if (pick.id && pick.id !== active) {
    await ctx.connections.switchTo(pick.id);
    ctx.log.info(`Switched to the connection "${pick.id}".`);
  }
}

async function addConnection(ctx: AuthCommandContext): Promise<void> {
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Microsoft Graph', description: 'a Microsoft 365 tenant with Backup Storage', target: 'graph' as const },
      { label: 'Local emulator', description: 'the emulator, with one of its sign-in methods', target: 'emulator' as const },
    ],
    { title: 'Add Connection (1/5): where to', ignoreFocusOut: true },
  );
  if (!kind) return;
  const label = await vscode.window.showInputBox({
    title: 'Add Connection (2/5): name',
    value: kind.target === 'graph' ? 'Contoso (Graph)' : 'Local emulator (signed in)',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Enter a name.'),
  });
  if (!label) return;
  let tenant: string | undefined;
  let clientId: string | undefined;
  if (kind.target === 'graph') {
    tenant = await vscode.window.showInputBox({
      title: 'Add Connection (3/5): tenant',
      prompt: 'Tenant id (GUID) or primary domain, e.g. contoso.onmicrosoft.com',
      ignoreFocusOut: true,
      validateInput: (v) => (/^[0-9a-f-]{36}$/i.test(v.trim()) || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(v.trim()) ? undefined : 'Enter a tenant GUID or a domain.'),
    });
    if (!tenant) return;
    clientId = await vscode.window.showInputBox({
      title: 'Add Connection (3/5): client id',
      prompt: 'Application (client) ID of your app registration with BackupRestore-* Microsoft Graph permissions',
      ignoreFocusOut: true,
      validateInput: (v) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v.trim()) ? undefined : 'Enter a GUID.'),
    });
    if (!clientId) return;
  }
  const method = await pickMethod(ALL_METHODS, 'Add Connection (4/5): sign-in method');
  if (!method) return;
  const version = await vscode.window.showQuickPick(
    [{ label: 'v1.0', description: 'generally available API' }, { label: 'beta', description: 'preview API (may change)' }],
    { title: 'Add Connection (5/5): API version', ignoreFocusOut: true },
  );
  if (!version) return;
  const id = uniqueId(ctx, label);
  const config: ConnectionConfig = { id, label: label.trim(), kind: kind.target, tenant: tenant?.trim(), clientId: clientId?.trim(), signIn: method, apiVersion: version.label as ApiVersion };
  await ctx.connections.save(config);
  await ctx.connections.switchTo(id);
  const choice = await vscode.window.showInformationMessage(`Added the connection "${config.label}". Sign in now?`, 'Sign In');
  if (choice === 'Sign In') await signIn(ctx);
}

async function removeConnection(ctx: AuthCommandContext, id?: string): Promise<void> {
  const removable = ctx.connections.list().filter((c) => c.id !== EMULATOR_CONNECTION_ID);
  if (removable.length === 0) {
    void vscode.window.showInformationMessage('There is no connection to remove (the built-in emulator connection stays).');
    return;
  }
  const target = id ? removable.find((c) => c.id === id) : await vscode.window.showQuickPick(
    removable.map((c) => ({ label: c.label, description: c.kind === 'graph' ? c.tenant : 'emulator', config: c })),
    { title: 'Remove Connection' },
  ).then((p) => p?.config);
  if (!target) return;
  const ok = await vscode.window.showWarningMessage(`Remove the connection "${target.label}"?`, { modal: true, detail: 'Its cached sign-in and stored secret or certificate are deleted from SecretStorage.' }, 'Remove');
  if (ok !== 'Remove') return;
  await ctx.connections.remove(target.id);
}

// ---- sign in / out ----

async function signIn(ctx: AuthCommandContext): Promise<void> {
  let connection = await ctx.connections.get();
  if (connection.signIn === 'none') {
    if (!connection.isEmulator) throw new Error(`The connection "${connection.label}" has no sign-in method.`);
    // The no-setup emulator connection sends no token. Signing in creates (or reuses) an emulator connection
    // for the chosen method and switches to it, so every method works on a fresh install.
    const method = await pickMethod(ALL_METHODS, 'Sign in to the local emulator with…');
    if (!method) return;
    const id = `emulator-${method}`;
    if (!ctx.connections.list().some((c) => c.id === id)) {
      await ctx.connections.save({ id, label: `Local emulator · ${SIGN_IN_LABELS[method]}`, kind: 'emulator', signIn: method, apiVersion: connection.apiVersion });
    }
    await ctx.connections.switchTo(id);
    connection = await ctx.connections.get();
  }
  const auth = connection.auth;
  if (!auth) throw new Error(`The connection "${connection.label}" has no token provider.`);
  const method = connection.signIn as SignInMethod;

  if (!isAppOnly(method)) {
    const accounts = await auth.getAccounts();
    if (accounts.length > 0) {
      type Item = vscode.QuickPickItem & { homeAccountId?: string };
      const pick = await vscode.window.showQuickPick<Item>(
        [
          ...accounts.map((a) => ({ label: a.username, description: a.homeAccountId === auth.selectedAccountId ? 'in use' : a.name, homeAccountId: a.homeAccountId })),
          { label: '$(add) Sign in with another account' },
        ],
        { title: `Sign In: ${connection.label}` },
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
      { location: vscode.ProgressLocation.Notification, title: `Signing in to ${connection.label}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let done = false;
        try {
          return await auth.signIn({
            signal: controller.signal,
            credential,
            onDeviceCode: (prompt) => {
              progress.report({ message: `enter the code ${prompt.userCode} at ${prompt.verificationUri}` });
              void showDeviceCode(prompt).then((proceed) => {
                if (!proceed && !done) controller.abort();
              });
            },
            openBrowser: async (url) => {
              progress.report({ message: 'finish in the browser' });
              const opened = await vscode.env.openExternal(vscode.Uri.parse(url, true));
              if (!opened) throw new SignInCancelledError('The browser was not opened.');
            },
          });
        } finally {
          done = true;
        }
      },
    );
    if (result.account) await ctx.connections.rememberAccount(connection.id, result.account.homeAccountId);
    ctx.connections.notifyChanged();
    const who = result.account ? result.account.username : 'the app';
    ctx.log.info(`Signed in to "${connection.label}" as ${who} (${SIGN_IN_LABELS[method]}).`);
    void vscode.window.showInformationMessage(`Signed in to ${connection.label} as ${who}.`, 'Check Permissions').then((c) => {
      if (c) void vscode.commands.executeCommand(AUTH_COMMANDS.checkPermissions);
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
 * The device code, as VS Code's own device-code sign-ins show it: a dialog with Copy Code & Open Browser and
 * Copy Code. It closes with the click, so no stale code stays on screen; the sign-in progress notification
 * (which closes by itself) keeps the code in view while the person signs in. False when dismissed: cancel.
 */
async function showDeviceCode(prompt: DeviceCodePrompt): Promise<boolean> {
  const COPY_OPEN = 'Copy Code & Open Browser';
  const COPY = 'Copy Code';
  const choice = await vscode.window.showInformationMessage(
    `To sign in, enter the code ${prompt.userCode} at ${prompt.verificationUri}`,
    { modal: true, detail: 'The code is copied to the clipboard. Sign-in continues here once you have entered it.' },
    COPY_OPEN,
    COPY,
  );
  if (!choice) return false;
  await vscode.env.clipboard.writeText(prompt.userCode);
  if (choice === COPY_OPEN) await vscode.env.openExternal(vscode.Uri.parse(prompt.verificationUri, true));
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
      [{ label: 'Use the stored credential', reuse: true }, { label: method === 'clientSecret' ? 'Enter a new client secret' : 'Choose another certificate file', reuse: false }],
      { title: `Sign In: ${connection.label}` },
    );
    if (!reuse) return undefined;
    if (reuse.reuse) return undefined;
  }
  if (method === 'clientSecret') {
    const secret = await vscode.window.showInputBox({
      title: `Client secret of ${connection.config.clientId ?? 'the app'}`,
      prompt: 'The secret Value (not its ID). It is kept in VS Code SecretStorage only.',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Enter the secret.'),
    });
    return secret ? { kind: 'secret', secret: secret.trim() } : undefined;
  }
  const files = await vscode.window.showOpenDialog({
    title: 'Certificate (PEM with the certificate and its unencrypted private key)',
    canSelectMany: false,
    filters: { 'PEM certificate and key': ['pem', 'crt', 'key'] },
  });
  if (!files?.[0]) return undefined;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(files[0]));
  // Read once; from now on the key lives in SecretStorage (the file is not referenced again).
  return parseCertificateBundle(text);
}

async function signOut(ctx: AuthCommandContext): Promise<void> {
  const connection = await ctx.connections.get();
  const auth = connection.auth;
  if (!auth) {
    void vscode.window.showInformationMessage(`The connection "${connection.label}" does not sign in.`);
    return;
  }
  let target: string | undefined;
  const accounts = await auth.getAccounts();
  if (accounts.length > 1) {
    const pick = await vscode.window.showQuickPick(
      [...accounts.map((a) => ({ label: a.username, homeAccountId: a.homeAccountId as string | undefined })), { label: 'All accounts', homeAccountId: undefined }],
      { title: `Sign Out: ${connection.label}` },
    );
    if (!pick) return;
    target = pick.homeAccountId;
  }
  await auth.signOut(target);
  if (!target || target === auth.selectedAccountId) await ctx.connections.rememberAccount(connection.id, undefined);
  ctx.log.info(`Signed out of "${connection.label}"${target ? '' : ' (token cache and stored credential deleted)'}.`);
  ctx.connections.notifyChanged();
  void vscode.window.showInformationMessage(`Signed out of ${connection.label}.`);
}

// ---- Check Permissions ----

async function checkPermissions(ctx: AuthCommandContext, focus?: { method: string; path: string }): Promise<void> {
  const connection = await ctx.connections.get();
  if (!connection.auth) {
    const choice = await vscode.window.showInformationMessage(
      `"${connection.label}" sends no token: the emulator allows every operation unless it runs with --auth on. Sign in to check a real token's permissions.`,
      'Sign In',
    );
    if (choice) await signIn(ctx);
    return;
  }
  let accessToken: string;
  try {
    accessToken = (await connection.auth.acquireSilent()).accessToken;
  } catch (err) {
    if (err instanceof SignInRequiredError) {
      const choice = await vscode.window.showWarningMessage(err.message, 'Sign In');
      if (choice) await signIn(ctx);
      return;
    }
    throw err;
  }
  const summary = summarizeToken(accessToken);
  if (!summary) throw new Error('The access token is not a JWT, so its permissions cannot be read on this side.');
  const markdown = permissionsReport(summary, { connectionLabel: connection.label, authority: connection.authority, focus });
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { preview: true });
  const allowedWrite = summary.access.some((r) => r.rule.id === 'sessions.activate' && r.allowed);
  ctx.log.info(`Check Permissions on "${connection.label}": ${summary.kind}, ${summary.backupPermissions.join(', ') || 'no Backup Storage permission'}${allowedWrite ? '' : ' (read-only)'}.`);
}

// ---- helpers ----

async function pickMethod(methods: readonly SignInMethod[], title: string): Promise<SignInMethod | undefined> {
  const detail: Record<SignInMethod, string> = {
    deviceCode: 'enter a code in a browser (works over SSH and in remote windows)',
    interactive: 'sign in in the browser; the redirect comes back to 127.0.0.1',
    clientSecret: 'app-only (client credentials) with a client secret kept in SecretStorage',
    clientCertificate: 'app-only (client credentials) with a certificate and key kept in SecretStorage',
  };
  const pick = await vscode.window.showQuickPick(
    methods.map((m) => ({ label: SIGN_IN_LABELS[m], detail: detail[m], method: m })),
    { title, ignoreFocusOut: true },
  );
  return pick?.method;
}

function uniqueId(ctx: AuthCommandContext, label: string): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'connection';
  const taken = new Set(ctx.connections.list().map((c) => c.id));
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

function asFocus(arg: unknown): { method: string; path: string } | undefined {
  if (arg && typeof arg === 'object' && typeof (arg as { method?: unknown }).method === 'string' && typeof (arg as { path?: unknown }).path === 'string') {
    return { method: (arg as { method: string }).method, path: (arg as { path: string }).path };
  }
  return undefined;
}

