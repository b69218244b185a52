// The palette's session picker as an admin reads it, in the real host against the launcher's emulator (demo
// seed): each session is named by its units with status, progress, age and creator in words; no id, no
// "0/1 restored" counter, no raw status.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { answering, control, testApi } from './helpers';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('session picker: sessions by name, in words', function () {
  this.timeout(120_000);

  it('Open Details from the palette lists sessions by their units, status in words and age, never by id', async () => {
    await testApi();
    await control('reset', { seed: 'demo' });
    let shown: vscode.QuickPickItem[] = [];
    await answering({
      showQuickPick: async (items) => {
        shown = (await items) as vscode.QuickPickItem[];
        return undefined;
      },
    }, () => vscode.commands.executeCommand('restoreSessions.openDetails'));
    assert.ok(shown.length > 5, `the seed's sessions are offered (${shown.length})`);
    for (const item of shown) {
      const text = `${item.label} | ${item.description}`;
      assert.doesNotMatch(text, GUID, `no id in the label or description: ${text}`);
      assert.doesNotMatch(text, /\d+\/\d+ restored/, `progress in words: ${text}`);
      assert.doesNotMatch(text, /\b(completedWithError|inPlace|activating|draft)\b/, `status in words: ${text}`);
      assert.match(item.description ?? '', /^(Draft|Activating|Active|Completed|Completed with errors|Failed)\b/, `status first: ${text}`);
      assert.match(item.description ?? '', /\bago\b|just now|\bin \d/, `the age: ${text}`);
      if (GUID.test(item.detail ?? '')) {
        const twins = shown.filter((other) => other.label === item.label && other.description === item.description);
        assert.ok(twins.length > 1, `an id only tells apart sessions that read the same: ${item.label}`);
      }
    }
    const named = shown.filter((item) => !/ restore$/.test(item.label));
    assert.ok(named.length >= shown.length / 2, `most sessions are named by their units: ${shown.map((i) => i.label).join('; ')}`);
  });
});
