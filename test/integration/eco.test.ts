// The extension from outside: its agent tools invoked through vscode.lm.invokeTool in the real host (no model
// needed), the draft tool's confirmation, activation through the one confirmation, and links to sessions.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RestoreSession } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import { control, graph, testApi, until } from './helpers';

const TOOLS = ['restoreSessions_listSessions', 'restoreSessions_getSession', 'restoreSessions_findRestores', 'restoreSessions_draftRestore', 'restoreSessions_activateSession'];
/** Runs one phase of a tool directly (test launchers only): outside chat VS Code asks with a modal dialog no test here can click. */
const PHASE = 'restoreSessions.test.agentToolPhase';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const RAW_STATUS = /\b(completedWithError|inProgress|succeeded)\b/;

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => ((part as { value?: unknown }).value === undefined ? '' : String((part as { value: unknown }).value))).join('');
}

async function exchangeSessions(): Promise<RestoreSession[]> {
  return (await graph<{ value: RestoreSession[] }>('exchangeRestoreSessions?$top=999')).value;
}

describe('agent tools and session links', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  let draftId: string | undefined;

  before(async () => {
    ext = await testApi();
    await control('reset', { seed: 'demo' });
  });

  afterEach(() => {
    ext.ui.confirm = async () => true;
    for (const panel of ext.details.all()) panel.dispose();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('offers its five tools to agents, each with an input schema', () => {
    for (const name of TOOLS) {
      const tool = vscode.lm.tools.find((t) => t.name === name);
      assert.ok(tool, `${name} is registered`);
      assert.strictEqual((tool.inputSchema as { type?: string } | undefined)?.type, 'object', `${name} declares an object schema`);
    }
  });

  it('lists draft Exchange sessions named in words, each with its id', async () => {
    const text = await invoke('restoreSessions_listSessions', { workload: 'exchange', statuses: ['draft'], top: 5 });
    const lines = text.split('\n').filter((l) => l.startsWith('- '));
    assert.ok(lines.length > 0, text);
    const drafts = new Set((await exchangeSessions()).filter((s) => s.status === 'draft').map((s) => s.id));
    for (const line of lines) {
      assert.match(line, /Exchange restore session: Draft/, line);
      const id = GUID.exec(line)?.[0];
      assert.ok(id && drafts.has(id), `${line} names a draft by its id`);
    }
    assert.doesNotMatch(text, RAW_STATUS);
  });

  it('refuses input its schema does not allow, naming the field and what it accepts', async () => {
    await assert.rejects(invoke('restoreSessions_listSessions', { workload: 'teams' }), /workload must be one of exchange, sharePoint, oneDrive/);
    await assert.rejects(invoke('restoreSessions_getSession', { workload: 'exchange' }), /sessionId is required/);
  });

  it('reads a session with its failed artifact explained: words, the code apart, what to change on a retry', async () => {
    const failed = (await exchangeSessions()).find((s) => s.status === 'completedWithError');
    assert.ok(failed, 'the demo seed has an Exchange session completed with errors');
    const text = await invoke('restoreSessions_getSession', { workload: 'exchange', sessionId: failed.id });
    assert.match(text, /Completed with errors/);
    const failedLine = text.split('\n').find((l) => l.startsWith('- ') && /: Failed/.test(l));
    assert.ok(failedLine, text);
    assert.match(failedLine, /error: .+\(code \w+\)/);
    assert.match(failedLine, /to retry: /);
    assert.match(text, new RegExp(`id ${failed.id}, workload exchange`));
    assert.doesNotMatch(text, RAW_STATUS);
  });

  it('creates a draft only after the confirmation its prepare step returns, and exactly what it showed', async () => {
    const input = { workload: 'exchange', units: ['Adele Vance', 'alexw@'] };
    const before = (await exchangeSessions()).length;
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand(PHASE, 'restoreSessions_draftRestore', 'invoke', input)), /only after the person confirmed/);
    const prepared = await vscode.commands.executeCommand<vscode.PreparedToolInvocation>(PHASE, 'restoreSessions_draftRestore', 'prepare', input);
    assert.match(prepared.confirmationMessages?.title ?? '', /Create a draft Exchange restore session on /);
    const message = String(prepared.confirmationMessages?.message ?? '');
    assert.match(message, /Adele Vance/);
    assert.match(message, /Alex Wilber/);
    assert.match(message, /new location/);
    assert.match(message, /nothing is restored until someone activates it/);
    assert.strictEqual((await exchangeSessions()).length, before, 'asking created nothing');
    const text = await vscode.commands.executeCommand<string>(PHASE, 'restoreSessions_draftRestore', 'invoke', input);
    assert.match(text, /Created a draft Exchange restore session .* restoring Adele Vance, Alex Wilber/);
    draftId = GUID.exec(text)?.[0];
    assert.ok(draftId, text);
    const created = await graph<RestoreSession>(`exchangeRestoreSessions/${draftId}`);
    assert.strictEqual(created.status, 'draft');
    assert.strictEqual(created.restoreSessionArtifactCount?.total, 2);
  });

  it('refuses a unit that names nobody before anything is asked or created (through invokeTool)', async () => {
    const before = (await exchangeSessions()).length;
    await assert.rejects(invoke('restoreSessions_draftRestore', { workload: 'exchange', units: ['Nobody At All'] }), /"Nobody At All" matches no mailbox/);
    assert.strictEqual((await exchangeSessions()).length, before);
  });

  it('finds the restores of a unit by part of its name', async () => {
    assert.ok(draftId, 'the draft test ran first');
    const text = await invoke('restoreSessions_findRestores', { unit: 'adele', workload: 'exchange' });
    assert.match(text, /"adele" matches Adele Vance \(mailbox\)/);
    assert.ok(text.includes(draftId), text);
    const none = await invoke('restoreSessions_findRestores', { unit: 'zz-nobody-zz' });
    assert.match(none, /matches no protected mailbox, site or OneDrive/);
  });

  it('activates only through the one activation confirmation: declined leaves a draft, accepted activates', async () => {
    assert.ok(draftId, 'the draft test ran first');
    const asked: string[] = [];
    ext.ui.confirm = async (message) => {
      asked.push(message);
      return false;
    };
    const declined = await invoke('restoreSessions_activateSession', { workload: 'exchange', sessionId: draftId });
    assert.match(declined, /^Not activated/);
    // the one policy's question names the units and where they go (the draft restores Adele's and Alex's mailboxes)
    assert.strictEqual(asked.length, 1, `one confirmation, not ${asked.length}`);
    assert.match(asked[0], /Adele Vance/);
    assert.match(asked[0], /new location|[Oo]verwrite/);
    assert.strictEqual((await graph<RestoreSession>(`exchangeRestoreSessions/${draftId}`)).status, 'draft');
    ext.ui.confirm = async (message) => {
      asked.push(message);
      return true;
    };
    const accepted = await invoke('restoreSessions_activateSession', { workload: 'exchange', sessionId: draftId });
    assert.match(accepted, /^Activated/);
    assert.strictEqual(asked.length, 2, 'asked again, once');
    assert.match((await graph<RestoreSession>(`exchangeRestoreSessions/${draftId}`)).status ?? '', /activating|active|completed/);
  });

  it('Copy Link gives a link that opens the session details; a wrong link says what is wrong', async () => {
    const session = (await exchangeSessions())[0];
    const link = await vscode.commands.executeCommand<string>('restoreSessions.copySessionLink', session.id);
    assert.match(link, new RegExp(`^[\\w-]+://m365-restore-tools\\.m365-restore-sessions/session\\?workload=exchange&id=${session.id}&connection=emulator$`));
    assert.strictEqual(await vscode.env.clipboard.readText(), link);
    const opened = await vscode.commands.executeCommand<{ kind: string }>('restoreSessions.openSessionLink', link);
    assert.strictEqual(opened.kind, 'opened');
    await until('the details panel of the linked session', () => ext.details.get(session.id));
    const wrong = async (changed: string) => (await vscode.commands.executeCommand<{ kind: string; message?: string }>('restoreSessions.openSessionLink', changed));
    assert.match((await wrong(link.replace('connection=emulator', 'connection=elsewhere'))).message ?? '', /connection named "elsewhere" that is not set up here/);
    assert.match((await wrong(link.replace('workload=exchange', 'workload=teams'))).message ?? '', /names no workload/);
    assert.match((await wrong(link.replace(session.id, '00000000-0000-4000-8000-000000000000'))).message ?? '', /has no Exchange restore session with the id in this link/);
  });

  it('contributes a walkthrough whose every step has a completion event and Markdown, opened by Get Started', async () => {
    const walkthroughs = (vscode.extensions.getExtension('m365-restore-tools.m365-restore-sessions')?.packageJSON as {
      contributes: { walkthroughs: { steps: { id: string; completionEvents?: string[]; media: { markdown?: string } }[] }[] };
    }).contributes.walkthroughs;
    const steps = walkthroughs[0].steps;
    assert.strictEqual(steps.length, 4);
    for (const step of steps) {
      assert.ok(step.completionEvents?.some((e) => /^on(Command|View|Context):/.test(e)), `${step.id} has a completion event`);
      const file = vscode.Uri.joinPath(vscode.extensions.getExtension('m365-restore-tools.m365-restore-sessions')!.extensionUri, step.media.markdown ?? '');
      assert.ok((await vscode.workspace.fs.readFile(file)).byteLength > 200, `${step.id} has its Markdown`);
    }
    await vscode.commands.executeCommand('restoreSessions.getStarted');
    await until('the walkthrough editor', () => (vscode.window.tabGroups.activeTabGroup.activeTab?.label.match(/Welcome|Get Started|Walkthrough/i) ? true : undefined));
  });
});
