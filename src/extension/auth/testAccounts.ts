// Test hosts only (RESTORE_SESSIONS_TEST_HOOKS=1): registers the emulator accounts provider (emulatorAccounts.ts)
// that `vscodeAccount` emulator connections use there, with a quick pick of the emulated tenant's demo users as
// the account prompt. A shipped install never registers it.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../connections';
import { EMULATOR_ACCOUNTS_PROVIDER, EmulatorAccountsProvider } from './emulatorAccounts';

export function registerEmulatorAccounts(connections: ConnectionManager): vscode.Disposable[] {
  const provider = new EmulatorAccountsProvider({
    identity: async () => (await connections.emulatorDemo()) ?? {},
    chooseUser: async (users) => (await vscode.window.showQuickPick(
      users.map((u) => ({ label: u.userPrincipalName, key: u.key })),
      { title: vscode.l10n.t('Emulator accounts: sign in as'), ignoreFocusOut: true },
    ))?.key,
  });
  return [provider, vscode.authentication.registerAuthenticationProvider(EMULATOR_ACCOUNTS_PROVIDER, 'Emulator accounts', provider)];
}
