// "Sign in with your VS Code account" in the real host, on the built-in emulator started with --auth on. The
// harness registers its own authentication provider (the emulator accounts provider, under this suite's id) and
// the connection names it: sign-in goes through VS Code (its consent prompt, clicked by the launcher), the
// provider mints real tokens at the emulator's OAuth endpoints, and the emulator checks every Graph call's token.
// This host runs extension tests, where VS Code refuses its own prompts (DialogService "refused to show dialog in
// tests"), so VS Code never lets the extension use an account here: the consented path (get, silent refresh) runs
// in the UI walk (test/e2e/steps/accounts.ts), where the prompt is shown and clicked. Covered here: signed out
// before sign-in, Sign In without consent, a new account and a sign-out in the Accounts menu reaching the
// connection (views refresh). Microsoft's own provider cannot be reached from this machine.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EmulatorAccountsProvider } from '../../src/extension/auth/emulatorAccounts';
import type { ExtensionApi } from '../../src/extension/extension';
import { EMULATOR_URL_SETTING, emulatorUrl, testApi } from './helpers';

const PROVIDER = 'restoreSessions-integration-accounts';
const CONNECTION = 'vscode-account-integration';

async function policiesRead(ext: ExtensionApi): Promise<number> {
  return (await (await ext.connections.get()).api.tenant.policies()).length;
}

describe('Sign in with the VS Code account (test provider, emulator with --auth on)', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  let provider: EmulatorAccountsProvider;
  let registration: vscode.Disposable;
  const settings = () => vscode.workspace.getConfiguration('restoreSessions');

  before(async () => {
    ext = await testApi();
    provider = new EmulatorAccountsProvider({ identity: async () => (await ext.connections.emulatorDemo()) ?? {}, chooseUser: async () => 'admin' });
    registration = vscode.authentication.registerAuthenticationProvider(PROVIDER, 'Integration accounts', provider);
    // the built-in emulator child, with --auth on: every Graph call needs a token of its emulated identity
    await settings().update('emulator.requireSignIn', true, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update(EMULATOR_URL_SETTING, '', vscode.ConfigurationTarget.Global);
    await ext.connections.save({ id: CONNECTION, label: 'Emulator (VS Code account)', kind: 'emulator', signIn: 'vscodeAccount', apiVersion: 'v1.0', accountProvider: PROVIDER });
    await ext.connections.switchTo(CONNECTION);
  });

  after(async () => {
    await ext.connections.switchTo('emulator');
    await ext.connections.remove(CONNECTION);
    await vscode.workspace.getConfiguration().update(EMULATOR_URL_SETTING, emulatorUrl(), vscode.ConfigurationTarget.Global);
    await settings().update('emulator.requireSignIn', undefined, vscode.ConfigurationTarget.Global);
    registration.dispose();
    provider.dispose();
  });

  it('before sign-in the connection is signed out and Graph calls ask for Sign In', async () => {
    const connection = await ext.connections.get();
    assert.deepStrictEqual(await connection.auth?.getAccounts(), []);
    await assert.rejects(policiesRead(ext), /Not signed in with your VS Code account/);
  });

  it('Sign In where VS Code cannot ask (this test host refuses its prompts): nothing is signed in and VS Code creates no session', async () => {
    await vscode.commands.executeCommand('restoreSessions.signIn');
    const connection = await ext.connections.get();
    assert.deepStrictEqual(await connection.auth?.getAccounts(), []);
    assert.strictEqual(provider.stats.created, 0, 'VS Code created no session without the person allowing it');
  });

  it('a new account in VS Code (Accounts menu) reaches the connection: the views refresh, and it is not used until Sign In asks', async () => {
    const changed = new Promise<void>((resolve) => { const d = ext.connections.onDidChange(() => { d.dispose(); resolve(); }); });
    const demo = await ext.connections.emulatorDemo();
    const scopes = ['https://graph.microsoft.com/.default', `VSCODE_CLIENT_ID:${demo?.publicClientId}`, 'VSCODE_TENANT:contoso'];
    await provider.createSession(scopes); // as when the person adds the account in the Accounts menu
    await changed;
    const [session] = await provider.getSessions(scopes);
    assert.match(session.account.label, /^meganb@/, 'the provider signed the demo admin in at the emulator');
    const connection = await ext.connections.get();
    assert.deepStrictEqual(await connection.auth?.getAccounts(), [], 'VS Code does not hand an account over without asking');
    await assert.rejects(policiesRead(ext), /Not signed in with your VS Code account/);
  });

  it('sign-out in the Accounts menu reaches the connection: the views refresh and it shows signed out', async () => {
    const changed = new Promise<void>((resolve) => { const d = ext.connections.onDidChange(() => { d.dispose(); resolve(); }); });
    const [session] = await provider.getSessions();
    await provider.removeSession(session.id);
    await changed;
    const connection = await ext.connections.get();
    assert.deepStrictEqual(await connection.auth?.getAccounts(), []);
    await assert.rejects(policiesRead(ext), /Not signed in with your VS Code account/);
  });
});
