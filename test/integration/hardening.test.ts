// Hardening in the real extension host (against the emulator the launcher started): the XSS corpus, placed in
// every free-text and URL field the emulator returns (`POST /_emulator/xss`), reaches the details webview of
// the running extension as data only: the panel's HTML has the strict nonce CSP and none of the payload; the
// webview page reports back (protocol message `rendered`) that its DOM text shows the payload literally, that
// the document holds only the one nonce-bound script, that no element carries an inline handler, and that no
// payload's script ran (each would set a marker global the page checks). Then faults on every GET: the tree answers with an
// error node naming the request-id, and no node is left loading.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import type { Node } from '../../src/extension/tree/nodes';
import { XSS_MARKER } from '../../src/protocol/testHooks';
import { mount, type DocumentLike } from '../../src/webview/details/dom';
import { emptyUi, renderDetails } from '../../src/webview/details/view';
import { control, emulatorUrl, testApi, until } from './helpers';

// Payloads that would set the page's marker global if they ever ran (the page reports it after each render).
const CORPUS = [
  `<script>window.${XSS_MARKER}=1</script>`,
  `<img src=x onerror="window.${XSS_MARKER}=1">`,
  `"><svg onload="window.${XSS_MARKER}=1">`,
  `<iframe srcdoc="<script>parent.${XSS_MARKER}=1</script>"></iframe>`,
  `<details open ontoggle="window.${XSS_MARKER}=1">`,
  '<img src=x onerror=alert(1)>',
  '</title><script>alert(1)</script>',
  "'><iframe src=javascript:alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
];



function within<T>(what: string, promise: Thenable<T>, ms = 90_000): Promise<T> {
  return Promise.race([Promise.resolve(promise), new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} still loading after ${ms} ms`)), ms))]);
}

/** Every string inside a value, for "the payload arrived verbatim" checks. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

class RecordingDocument implements DocumentLike {
  readonly tags: string[] = [];
  readonly attrs: [string, string][] = [];
  readonly texts: string[] = [];
  createElement(tag: string) { return this.element(tag); }
  createElementNS(_ns: string, tag: string) { return this.element(tag); }
  createTextNode(text: string) { this.texts.push(text); return {}; }
  private element(tag: string) {
    this.tags.push(tag);
    return { setAttribute: (n: string, v: string) => { this.attrs.push([n, v]); }, appendChild: (c: unknown) => c } as never;
  }
}

/** Figures of this part for docs/reliability.md (merged by test/hardening/report.ts). */
const figures: Record<string, number | string> = {};
function saveFigures(): void {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test-results', 'hardening');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'figures-host.json'), JSON.stringify({ updatedAt: new Date().toISOString(), ...figures }, null, 2) + '\n');
}

describe('hardening in the real host', function () {
  this.timeout(300_000);
  let ext: ExtensionApi;

  before(async () => {
    ext = await testApi();
    ext.ui.confirm = async () => true;
    await control('reset', { seed: 'demo' });
  });

  after(async () => {
    await control('faults', undefined, 'DELETE');
    await control('xss', { payload: null });
    for (const panel of ext?.details.all() ?? []) panel.dispose();
    ext?.tree.refreshAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('renders an XSS corpus from every string field as text in the details webview, under the strict CSP', async () => {
    const sessions: RestoreSession[] = [];
    for (const w of WORKLOADS) {
      const response = await fetch(`${emulatorUrl()}/v1.0/solutions/backupRestore/${w.sessionCollection}?$top=999`, { headers: { prefer: 'include-unknown-enum-members' } });
      const { value } = (await response.json()) as { value: RestoreSession[] };
      const withError = value.find((s) => s.status === 'completedWithError');
      if (withError) sessions.push(withError);
    }
    assert.ok(sessions.length >= 2, 'sessions with artifacts and errors to show');
    // Baseline: how many script elements a webview document has with benign data (the bundle, plus VS Code's own).
    await control('xss', { payload: null });
    await vscode.commands.executeCommand('restoreSessions.openDetails', sessions[0].id);
    const first = await until('the panel', () => ext.details.get(sessions[0].id));
    await within('the page', first.whenReady(), 60_000);
    const baseline = await until('a rendered report', () => first.lastRendered);
    assert.strictEqual(baseline.handlers, 0);
    assert.strictEqual(baseline.injected, false);
    let rendered = 0;
    // What the page reported, counted before any verdict so that the figures say what was seen
    const seen = { scriptsRun: 0, scriptElementsFromData: 0, inlineHandlers: 0, offending: [] as string[] };
    for (const payload of CORPUS) {
      await control('xss', { payload });
      for (const session of sessions) {
        for (const old of ext.details.all()) old.dispose();
        await vscode.commands.executeCommand('restoreSessions.openDetails', session.id);
        const panel = await until('the panel', () => ext.details.get(session.id));
        await within('the page', panel.whenReady(), 60_000);
        await panel.refresh('poll');
        const snapshot = await until('a snapshot with the payload', () => (strings(panel.lastSnapshot).includes(payload) ? panel.lastSnapshot : undefined));
        // The HTML the webview got: strict CSP, one nonce-bound script, and no data at all.
        const html = panel.html;
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /script-src 'nonce-[A-Za-z0-9]{16,}'/);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
        assert.equal([...html.matchAll(/<script\b/g)].length, 1);
        assert.ok(!html.includes(payload), 'no server data in the HTML');
        // What the real webview shows: the page reports its DOM text, script elements, inline handlers and the marker.
        const shown = await until('the page to render the payload', () => (panel.lastRendered?.text.includes(payload) ? panel.lastRendered : undefined));
        if (shown.injected) seen.scriptsRun++;
        seen.scriptElementsFromData += Math.max(0, shown.scripts - baseline.scripts);
        seen.inlineHandlers += shown.handlers;
        if (shown.injected || shown.scripts !== baseline.scripts || shown.handlers) seen.offending.push(`${session.id}: ${payload}`);
        // The same renderer, recorded here: text nodes only.
        const doc = new RecordingDocument();
        mount(renderDetails(snapshot, emptyUi()), doc);
        assert.ok(doc.texts.some((t) => t.includes(payload)), `the payload is shown literally: ${payload}`);
        assert.ok(!doc.tags.some((t) => ['script', 'iframe', 'img', 'object', 'embed', 'svg:script', 'a'].includes(t.toLowerCase())), `no element from data: ${doc.tags.join(',')}`);
        assert.ok(!doc.attrs.some(([n, v]) => /^on/i.test(n) || n === 'style' || n === 'href' || n === 'src' || (n === 'data-link' && !/^https?:/.test(v))), 'no handler, style or unsafe link');
        rendered++;
      }
    }
    console.log(`    ${CORPUS.length} payloads × ${sessions.length} sessions rendered in the webview: ${seen.scriptsRun} injected scripts ran (${rendered} panels)`);
    await control('xss', { payload: null });
    Object.assign(figures, {
      payloads: CORPUS.length, panels: rendered, scriptsRun: seen.scriptsRun, scriptElementsFromData: seen.scriptElementsFromData,
      inlineHandlers: seen.inlineHandlers, cspChecked: rendered,
    });
    saveFigures();
    assert.deepEqual(seen.offending, [], 'no injected script ran, no script element or inline handler came from data');
  });

  it('after faults on every GET, the tree shows an error naming the request-id and no node stays loading', async () => {
    await control('faults', { kind: 'unavailable', fraction: 1, count: 400, method: 'GET', retryAfterSeconds: 0 });
    ext.tree.refreshAll();
    const tree = ext.tree;
    const roots = await within('the root', tree.getChildren(undefined));
    const workloads = await within('the connection', tree.getChildren(roots[0]));
    const shown: Node[] = [];
    for (const w of workloads) shown.push(...await within(`workload ${w.id}`, tree.getChildren(w)));
    const errors = shown.filter((n) => n.kind === 'message');
    assert.ok(errors.length >= 1, 'failures are tree nodes');
    for (const node of errors) {
      const item = await tree.getTreeItem(node);
      assert.match(String(item.tooltip ?? ''), /request-id [0-9a-f-]{36}/, `the error names its request-id: ${String(item.tooltip)}`);
    }
    await control('faults', undefined, 'DELETE');
    // Resets and truncated bodies next; then recovery: the same walk lists sessions, none spinning.
    await control('faults', { kind: 'reset', fraction: 0.3, count: 30, method: 'GET', seed: 3 });
    await control('faults', { kind: 'truncate', fraction: 0.3, count: 30, method: 'GET', seed: 4 });
    ext.tree.refreshAll();
    for (const w of workloads) await within(`workload ${w.id} under resets`, tree.getChildren(w));
    await control('faults', undefined, 'DELETE');
    ext.tree.refreshAll();
    let sessions = 0;
    for (const w of workloads) {
      for (const node of await within(`workload ${w.id}`, tree.getChildren(w))) {
        const item = await tree.getTreeItem(node);
        const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';
        if (node.kind === 'session') {
          sessions++;
          assert.ok(!icon.startsWith('loading') || node.session.status === 'activating', `session ${node.session.id} left loading`);
          assert.doesNotMatch(String(item.description ?? ''), /…$/, `session ${node.session.id} left with a busy description`);
        }
      }
    }
    assert.ok(sessions > 0, 'sessions listed after the faults');
    Object.assign(figures, { errorNodes: errors.length, errorNodesNamingRequestId: errors.length, treeNodesChecked: sessions, nodesLeftLoading: 0 });
    saveFigures();
  });
});
