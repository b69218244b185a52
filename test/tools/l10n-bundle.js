#!/usr/bin/env node
// Writes l10n/bundle.l10n.json, the English bundle translators start from: every message passed to
// `l10n.t(...)` / `vscode.l10n.t(...)` in src/extension, src/backup and src/webview, keyed by itself, sorted.
// `--check` writes nothing and exits 1 when the file on disk differs (run from test/tools/l10n-check.js, so a
// new string without a regenerated bundle fails lint). A message must be a string literal: a computed one could
// not be translated ahead of time, so it is reported and fails too.
//   node test/tools/l10n-bundle.js [--check]
const fs = require('fs');
const path = require('path');
const { ROOT, messages, BUNDLE_DIRS } = require('./l10n-sources');

const BUNDLE = path.join(ROOT, 'l10n/bundle.l10n.json');

function bundleText() {
  const { found, dynamic } = messages(BUNDLE_DIRS);
  const keys = [...new Set(found.map((f) => f.message))].sort();
  const bundle = Object.fromEntries(keys.map((k) => [k, k]));
  return { text: `${JSON.stringify(bundle, null, 2)}\n`, dynamic, count: keys.length };
}

function main() {
  const { text, dynamic, count } = bundleText();
  if (dynamic.length) {
    console.error(`l10n: a localized message must be a string literal (the bundle key):\n  ${dynamic.join('\n  ')}`);
    process.exitCode = 1;
  }
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE, 'utf8') : '';
    if (current !== text) {
      console.error('l10n: l10n/bundle.l10n.json is out of date with the l10n.t messages in src; run `node test/tools/l10n-bundle.js`.');
      process.exitCode = 1;
    }
    return;
  }
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, text);
  console.log(`l10n: wrote ${path.relative(ROOT, BUNDLE)} (${count} messages)`);
}

if (require.main === module) main();
module.exports = { bundleText };
