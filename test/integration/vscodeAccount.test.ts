// "Sign in with your VS Code account" in the real host, on the built-in emulator started with --auth on. The
// harness registers its own authentication provider (the emulator accounts provider, under this suite's id) and
// the connection names it: sign-in goes through VS Code (its consent prompt, clicked by the launcher), the
// provider mints real tokens at the emulator's OAuth endpoints, and the emulator checks every Graph call's token.
// Covered: get, silent refresh, account change, sign-out from the Accounts menu. Microsoft's own provider cannot
// be reached from here (see the note in the report).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EmulatorAccountsProvider } from '../../src/extension/auth/emulatorAccounts';
import type { ExtensionApi } from '../../src/extension/extension';
import { EMULATOR_URL_SETTING, emulatorUrl, testApi, until } from './helpers';

const PROVIDER = 'restoreSessions-integration-accounts';
const CONNECTION = 'vscode-account-integration';

/** Asks the launcher to press Allow on VS Code's "wants to sign in" prompt, then runs Sign In. */
async function signInAllowing(): Promise<void> {
  console.log('[[test-host]] click-dialog-button Allow');
  await vscode.commands.executeCommand('restoreSessions.signIn');
}

async function policiesRead(ext: ExtensionApi): Promise<number> {
  return (await (await ext.connections.get()).api.tenant.policies()).length;
}

describe('Sign in with the VS Code account (test provider, emulator with --auth on)', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  let provider: EmulatorAccountsProvider;
  let registration: vscode.Disposable;
  let user = 'admin';
  const settings = () => vscode.workspace.getConfiguration('restoreSessions');

  before(async () => {
    ext = await testApi();
    provider = new EmulatorAccountsProvider({ identity: async () => (await ext.connections.emulatorDemo()) ?? {}, chooseUser: async () => user });
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

  it('get: Sign In asks VS Code, with the app registration and tenant as VSCODE_ scopes, and the token opens Graph', async () => {
    await signInAllowing();
    const connection = await ext.connections.get();
    const accounts = await until('the signed-in account', async () => ((await connection.auth?.getAccounts()) ?? []).find((a) => /^meganb@/.test(a.username)));
    assert.strictEqual(provider.stats.created, 1);
    const demo = await ext.connections.emulatorDemo();
    const [session] = await provider.getSessions();
    assert.ok(session.scopes.includes(`VSCODE_CLIENT_ID:${demo?.publicClientId}`), `scopes: ${session.scopes.join(' ')}`);
    assert.ok(session.scopes.includes('VSCODE_TENANT:contoso'), `scopes: ${session.scopes.join(' ')}`);
    assert.ok(await policiesRead(ext) > 0, 'the emulator (--auth on) accepted the token');
    assert.strictEqual((await ext.connections.me()).userId, accounts.homeAccountId.split('.')[0], '"me" is the signed-in user');
  });

  it('silent refresh: a due token is renewed by the provider without a prompt', async () => {
    provider.expireTokens();
    assert.ok(await policiesRead(ext) > 0);
    assert.ok(provider.stats.refreshed >= 1, 'the refresh-token grant ran');
    assert.strictEqual(provider.stats.created, 1, 'no new sign-in');
  });

  it('account change: another account in VS Code signs the connection out until Sign In allows it; then calls act as it', async () => {
    const changed = new Promise<void>((resolve) => { const d = ext.connections.onDidChange(() => { d.dispose(); resolve(); }); });
    user = 'reader';
    const [old] = await provider.getSessions();
    await provider.createSession(old.scopes); // as when the person switches accounts in the Accounts menu
    await changed; // the views refresh
    const connection = await ext.connections.get();
    assert.deepStrictEqual(await connection.auth?.getAccounts(), [], 'VS Code does not hand a new account over without asking');
    await signInAllowing();
    await until('the new account', async () => ((await connection.auth?.getAccounts()) ?? []).find((a) => /^alland@/.test(a.username)));
    assert.ok(await policiesRead(ext) > 0);
  });

  it('sign-out in the Accounts menu: the connection shows signed out and the views refresh', async () => {
    const changed = new Promise<void>((resolve) => { const d = ext.connections.onDidChange(() => { d.dispose(); resolve(); }); });
    const [session] = await provider.getSessions();
    await provider.removeSession(session.id);
    await changed;
    const connection = await ext.connections.get();
    assert.deepStrictEqual(await connection.auth?.getAccounts(), []);
    await assert.rejects(policiesRead(ext), /Not signed in with your VS Code account/);
  });
});
