// Localization in the real host: every contribution text is a `%key%` that package.nls.json resolves and VS Code
// shows resolved, the English bundle in l10n/ holds the messages of all three layers, and the details page takes
// its words from the bundle its host sends (here a stand-in bundle, as the host runs in English).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import { extension, openPanel, seededDrafts, testApi, until } from './helpers';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface KeyAt {
  /** The property names down to it, e.g. contributes / commands / 0 / title (setting keys hold dots). */
  path: string[];
  at: string;
  key: string;
}

/** Every `%key%` string in a manifest, with where it sits. */
function keysIn(value: Json, path: string[], out: KeyAt[] = []): KeyAt[] {
  if (typeof value === 'string') {
    const match = /^%([^%]+)%$/.exec(value);
    if (match) out.push({ path, at: path.join(' / '), key: match[1] });
  } else if (Array.isArray(value)) value.forEach((v, i) => keysIn(v, [...path, String(i)], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) keysIn(v, [...path, k], out);
  return out;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function valueAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
}

describe('localization', function () {
  this.timeout(120_000);
  let ext: ExtensionApi;
  const root = extension().extensionPath;

  before(async () => {
    ext = await testApi();
  });

  afterEach(() => {
    for (const panel of ext.details.all()) panel.dispose();
  });

  it('contributes every command title, view name, setting and walkthrough text as a %key% that VS Code shows resolved', () => {
    const onDisk = readJson<Json>(path.join(root, 'package.json'));
    const nls = readJson<Record<string, string>>(path.join(root, 'package.nls.json'));
    const keys = keysIn(onDisk, []);
    const titles = keys.filter((k) => /^contributes \/ commands \/ \d+ \/ title$/.test(k.at));
    assert.strictEqual(titles.length, (onDisk as { contributes: { commands: unknown[] } }).contributes.commands.length, 'every command title is a key');
    for (const { path: where, at, key } of keys) {
      assert.ok(Object.prototype.hasOwnProperty.call(nls, key), `${at}: %${key}% is in package.nls.json`);
      const shown = valueAt(extension().packageJSON, where);
      assert.strictEqual(shown, nls[key], `${at}: VS Code shows the English text of %${key}%`);
    }
    const activate = (extension().packageJSON as { contributes: { commands: { command: string; title: string }[] } })
      .contributes.commands.find((c) => c.command === 'restoreSessions.activateSession');
    assert.strictEqual(activate?.title, 'Activate Restore Session');
  });

  it('ships an English bundle with the messages of the extension, the domain words and the details page', () => {
    const folder = (extension().packageJSON as { l10n?: string }).l10n;
    assert.ok(folder, 'package.json names its l10n folder');
    const bundle = readJson<Record<string, string>>(path.join(root, folder, 'bundle.l10n.json'));
    // one message of each layer: a toast of the extension, an enum word of src/backup, a button of the page
    for (const message of ['Copied the session id.', 'Completed with errors', 'Copy id']) {
      assert.strictEqual(bundle[message], message, `the bundle has "${message}"`);
    }
    assert.ok(Object.entries(bundle).every(([key, text]) => key === text), 'the English bundle maps each message to itself');
    // English is VS Code's own language here: it loads no bundle, and every message stays as written
    assert.strictEqual(vscode.l10n.bundle, undefined);
    assert.strictEqual(vscode.l10n.t('{0} restore session', 'Exchange'), 'Exchange restore session');
  });

  it('renders the details page in the words of the bundle its host sends', async () => {
    const [draft] = await seededDrafts();
    assert.ok(draft, 'the demo seed has a draft session');
    const english = ext.details.pageStrings;
    // a stand-in for vscode.l10n.bundle in another display language
    ext.details.pageStrings = () => ({ 'Copy id': 'Id kopieren', 'Refresh': 'Aktualisieren' });
    try {
      const panel = await openPanel(ext, draft.id);
      const shown = await until('the page rendered in the stand-in bundle', () => (panel.lastRendered?.text.includes('Aktualisieren') ? panel.lastRendered.text : undefined));
      assert.ok(shown.includes('Id kopieren'), shown.slice(0, 400));
      assert.ok(!/\bCopy id\b/.test(shown), 'no English left for a translated message');
      // a message the stand-in bundle does not translate stays English
      assert.ok(shown.includes('Activate'), 'untranslated messages fall back to English');
    } finally {
      ext.details.pageStrings = english;
    }
    for (const open of ext.details.all()) open.dispose();
    await until('the panel closed', () => (ext.details.get(draft.id) ? undefined : true));
    const panel = await openPanel(ext, draft.id);
    const shown = await until('the page rendered in English again', () => (panel.lastRendered?.text.includes('Refresh') ? panel.lastRendered.text : undefined));
    assert.ok(shown.includes('Copy id'), shown.slice(0, 400));
  });
});
