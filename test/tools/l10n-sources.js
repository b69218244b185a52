// Shared by the localization tools (l10n-bundle.js, l10n-check.js): the TypeScript files of a folder, parsed
// with the project's own `typescript` package, and the English message of every `l10n.t(...)` /
// `vscode.l10n.t(...)` call in them (the first argument, a plain string literal: the bundle key).
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function parse(file) {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** True for `l10n.t(...)`, `vscode.l10n.t(...)` and the page's `t(...)` helper imported from its l10n module. */
function isLocalizeCall(node) {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 't') {
    const owner = callee.expression;
    return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
  }
  return false;
}

function where(source, node) {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${path.relative(ROOT, source.fileName)}:${line + 1}`;
}

/** Every localize call's message in `dirs` (relative to the repo root): [{ message, at }], and calls whose message is not a literal. */
function messages(dirs) {
  const found = [];
  const dynamic = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      const source = parse(file);
      const visit = (node) => {
        if (isLocalizeCall(node)) {
          const first = node.arguments[0];
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) found.push({ message: first.text, at: where(source, node) });
          else dynamic.push(where(source, node));
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { found, dynamic };
}

/** The folders whose `l10n.t` messages make up the bundle: the extension, the pure domain, the details page. */
const BUNDLE_DIRS = ['src/extension', 'src/backup', 'src/webview'];

module.exports = { ROOT, ts, sourceFiles, parse, isLocalizeCall, where, messages, BUNDLE_DIRS };
