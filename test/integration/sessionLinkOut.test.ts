// The session link travels with what leaves the editor: the header of every export names it (as a comment), and
// a completion notice carries it (Copy Link); both links open the same session again through Open Session Link.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreArtifactBase, RestoreSession } from '../../src/backup/model';
import type { CompletionNoticeShown } from '../../src/extension/completionNotifier';
import type { ExtensionApi } from '../../src/extension/extension';
import { control, graph, seededDrafts, testApi, until } from './helpers';

/** The link a text names for this session (`<scheme>://<extension>/session?workload=…&id=…&connection=emulator`). */
const linkIn = (text: string, sessionId: string): string | undefined =>
  new RegExp(`\\S+/session\\?workload=exchange&id=${sessionId}&connection=emulator`).exec(text)?.[0];

describe('Session links in exports and completion notices', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;

  before(async () => {
    ext = await testApi();
  });

  it('each export names the link to the original session in its header', async () => {
    const [draft] = (await seededDrafts()).filter((s) => s['@odata.type']?.includes('exchange'));
    for (const [command, extension] of [['restoreSessions.exportHttp', '.http'], ['restoreSessions.exportCurl', '.sh']] as const) {
      await vscode.commands.executeCommand(command, draft.id);
      const doc = await until(`the ${extension} export`, async () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'untitled' && d.uri.path.endsWith(extension) && d.getText().includes(draft.id)));
      const line = doc.getText().split('\n').find((l) => l.startsWith('# The original session in VS Code: '));
      assert.ok(line && linkIn(line, draft.id), `the header names the link: ${doc.getText().slice(0, 500)}`);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('a completion notice carries the link, and the link opens that session', async () => {
    // a new session like a seeded Exchange draft, activated here so the extension watches it
    const [seed] = (await seededDrafts()).filter((s) => s['@odata.type']?.includes('exchange'));
    const { value } = await graph<{ value: RestoreArtifactBase[] }>(`exchangeRestoreSessions/${seed.id}/mailboxRestoreArtifacts`);
    const created = await graph<RestoreSession>('exchangeRestoreSessions', {
      method: 'POST',
      body: JSON.stringify({ mailboxRestoreArtifacts: value.slice(0, 1).map((a) => ({ restorePoint: { id: a.restorePoint!.id }, destinationType: 'new' })) }),
    });
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    await settings.update('autoRefresh.intervalSeconds', 1, vscode.ConfigurationTarget.Global);
    const confirm = ext.ui.confirm;
    ext.ui.confirm = async () => true;
    const notices: CompletionNoticeShown[] = [];
    const listening = ext.notices.onDidNotify((notice) => notices.push(notice));
    try {
      await vscode.commands.executeCommand('restoreSessions.activateSession', created.id);
      await control('clock/advance', { seconds: 7200 });
      const notice = await until('the completion notice', () => notices.find((n) => n.sessionId === created.id), 60_000);
      const link = notice.link ?? '';
      assert.ok(linkIn(link, created.id), `the notice carries the link: ${link}`);
      await vscode.commands.executeCommand('restoreSessions.openSessionLink', link);
      await until('the details of the linked session', () => ext.details.get(created.id));
    } finally {
      listening.dispose();
      ext.ui.confirm = confirm;
      await settings.update('autoRefresh.intervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
