// The built-in emulator's undocumented-options profile (restoreSessions.emulator.undocumentedOptions) reaches
// the emulator child as --undocumented-options, and a change restarts the child with the new profile. Runs on
// the built-in child (the launcher's external emulator URL is cleared for the suite and put back after).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import { EMULATOR_URL_SETTING, EXTENSION_ID, emulatorUrl, testApi, until } from './helpers';

const SETTING = 'emulator.undocumentedOptions';

/** The profile the running child was started with, once it runs with one. */
async function childProfile(ext: ExtensionApi, wanted: string): Promise<string> {
  return until(`the built-in emulator started with --undocumented-options ${wanted}`, async () => {
    await ext.connections.get();
    const flags = ext.connections.emulatorFlags ?? [];
    const profile = flags[flags.indexOf('--undocumented-options') + 1];
    return profile === wanted ? profile : undefined;
  });
}

describe('Built-in emulator: the undocumented-options profile setting', function () {
  this.timeout(90_000);
  let ext: ExtensionApi;
  const settings = () => vscode.workspace.getConfiguration('restoreSessions');

  before(async () => {
    ext = await testApi();
    await vscode.workspace.getConfiguration().update(EMULATOR_URL_SETTING, '', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await settings().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration().update(EMULATOR_URL_SETTING, emulatorUrl(), vscode.ConfigurationTarget.Global);
  });

  it('is declared for user settings only, refuse by default, with a description of each profile', () => {
    const declared = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { configuration: { properties: Record<string, { default?: string; scope?: string; enum?: string[]; enumDescriptions?: string[] }> } };
    };
    const property = declared?.contributes.configuration.properties[`restoreSessions.${SETTING}`];
    assert.strictEqual(property?.default, 'refuse');
    assert.strictEqual(property?.scope, 'application');
    assert.deepStrictEqual(property?.enum, ['refuse', 'ignore', 'honour']);
    assert.strictEqual(property?.enumDescriptions?.length, 3);
  });

  it('the child gets the default (refuse): an undocumented $orderby is answered 400 naming the option', async () => {
    await childProfile(ext, 'refuse');
    const connection = await ext.connections.get();
    const response = await fetch(`${connection.baseUrl}/solutions/backupRestore/restoreSessions?$orderby=createdDateTime%20desc`);
    assert.strictEqual(response.status, 400);
    assert.match(await response.text(), /\$orderby/);
  });

  it('a change restarts the child with the new profile (ignore: the option is dropped with a Warning header)', async () => {
    await settings().update(SETTING, 'ignore', vscode.ConfigurationTarget.Global);
    await childProfile(ext, 'ignore');
    const connection = await ext.connections.get();
    const response = await fetch(`${connection.baseUrl}/solutions/backupRestore/restoreSessions?$orderby=createdDateTime%20desc`);
    assert.strictEqual(response.status, 200);
    assert.match(response.headers.get('warning') ?? '', /\$orderby/);
  });
});
