// The emulator the launcher started (CLI, port 0) is reachable and the host's settings point at it. The launcher
// always starts one (the integration entry refuses to run without it), so nothing here skips.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { controlHeaders } from '../support/control';
import { EMULATOR_URL_SETTING, emulatorTarget, emulatorUrl } from './helpers';

describe('emulator connection', function () {
  it('the launcher wrote restoreSessions.emulator.url into the user settings', () => {
    assert.strictEqual(vscode.workspace.getConfiguration().get<string>(EMULATOR_URL_SETTING), emulatorUrl());
  });

  it('the emulator answers its controls with the run token, and refuses them without it', async () => {
    const withToken = await fetch(`${emulatorUrl()}/_emulator/state`, { headers: controlHeaders(emulatorTarget()) });
    assert.strictEqual(withToken.status, 200, `GET /_emulator/state with the token returned ${withToken.status}`);
    const without = await fetch(`${emulatorUrl()}/_emulator/state`);
    assert.strictEqual(without.status, 401, `GET /_emulator/state without the token returned ${without.status}`);
  });
});
