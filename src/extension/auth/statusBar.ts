// The status bar item of the active connection: its name and who is signed in; a click switches connections.
// Also keeps the context keys that menus and the signed-out welcome view use:
//   restoreSessions.connectionKind  'emulator' | 'graph'
//   restoreSessions.signInMethod    'none' | 'deviceCode' | 'interactive' | 'clientSecret' | 'clientCertificate'
//   restoreSessions.signInRequired  true when the active connection signs in but has no account / credential
//   restoreSessions.signedIn        true when the active connection has an account or app credential (Sign Out is offered)
import * as vscode from 'vscode';
import { isAppOnly } from '../../auth';
import { SIGN_IN_LABELS, type ConnectionManager } from '../connections';
import { AUTH_COMMANDS } from './commands';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('restoreSessions.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(private readonly connections: ConnectionManager) {
    this.item.name = vscode.l10n.t('Restore Sessions: Connection');
    this.item.command = AUTH_COMMANDS.switchConnection;
    this.subscriptions = [connections.onDidChange(() => void this.update()), connections.onDidConnect(() => void this.update())];
    void this.update();
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const config = this.connections.activeConfig();
    const icon = config.kind === 'emulator' ? '$(server-environment)' : '$(cloud)';
    this.item.text = `${icon} ${config.label}`;
    this.item.tooltip = vscode.l10n.t('Restore Sessions connection: {0}\n{1} · {2} · {3}\nClick to switch connections.', config.label, config.kind === 'emulator' ? vscode.l10n.t('Local emulator') : vscode.l10n.t('Microsoft Graph, tenant {0}', config.tenant ?? '?'), config.apiVersion, SIGN_IN_LABELS[config.signIn]);
    this.item.show();
    void vscode.commands.executeCommand('setContext', 'restoreSessions.connectionKind', config.kind);
    void vscode.commands.executeCommand('setContext', 'restoreSessions.signInMethod', config.signIn);
    if (config.signIn === 'none') {
      void vscode.commands.executeCommand('setContext', 'restoreSessions.signInRequired', false);
      void vscode.commands.executeCommand('setContext', 'restoreSessions.signedIn', false);
      return;
    }
    // Who is signed in: read lazily, without starting a sign-in, and without starting the emulator at activation.
    if (config.kind === 'emulator' && !this.connections.isConnected) {
      void vscode.commands.executeCommand('setContext', 'restoreSessions.signedIn', false);
      return;
    }
    try {
      const connection = await this.connections.get();
      const auth = connection.auth;
      if (!auth || generation !== this.generation) return;
      let who: string | undefined;
      if (connection.signIn !== 'none' && isAppOnly(connection.signIn)) {
        who = (await auth.hasStoredCredential()) || connection.isEmulator ? 'app' : undefined;
      } else {
        const accounts = await auth.getAccounts();
        who = (accounts.find((a) => a.homeAccountId === auth.selectedAccountId) ?? accounts[0])?.username;
      }
      if (generation !== this.generation) return;
      this.item.text = who ? `${icon} ${config.label} · ${who}` : vscode.l10n.t('{0} {1} · $(sign-in) signed out', icon, config.label);
      void vscode.commands.executeCommand('setContext', 'restoreSessions.signInRequired', who === undefined);
      void vscode.commands.executeCommand('setContext', 'restoreSessions.signedIn', who !== undefined);
    } catch {
      if (generation === this.generation) this.item.text = `${icon} ${config.label} · $(warning)`;
    }
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
