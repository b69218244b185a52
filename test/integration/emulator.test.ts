// The emulator the launcher started (CLI, port 0) is reachable and the host's settings point at it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EMULATOR_URL_SETTING, emulatorUrl } from './helpers';

describe('emulator connection', function () {
  before(function () {
    if (!emulatorUrl()) {
      console.log('    (no emulator was started by the launcher: RESTORE_SESSIONS_EMULATOR_URL is empty)');
      this.skip();
    }
  });

  it('the launcher wrote restoreSessions.emulator.url into the user settings', () => {
    assert.strictEqual(vscode.workspace.getConfiguration().get<string>(EMULATOR_URL_SETTING), emulatorUrl());
  });

  it('the emulator answers HTTP (GET /_emulator/state)', async () => {
    const res = await fetch(`${emulatorUrl()}/_emulator/state`);
    assert.strictEqual(res.status, 200, `GET /_emulator/state returned ${res.status}`);
  });
});
