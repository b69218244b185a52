#!/usr/bin/env node
// Writes l10n/bundle.l10n.json, the English bundle translators start from: every message passed to
// `l10n.t(...)` / `vscode.l10n.t(...)` in src/extension, src/backup and src/webview, keyed by itself, sorted.
// test/tools/l10n-check.js compares the file with `bundleText()`, so a new string without a regenerated bundle
// fails lint. A message must be a string literal: a computed one could not be translated ahead of time.
//   node test/tools/l10n-bundle.js
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
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, text);
  console.log(`l10n: wrote ${path.relative(ROOT, BUNDLE)} (${count} messages)`);
}

if (require.main === module) main();
module.exports = { bundleText };
