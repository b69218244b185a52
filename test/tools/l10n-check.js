#!/usr/bin/env node
// Localization check, run by `npm run lint`. Fails (exit 1) when
//  1. a string or template literal with words reaches the UI in src/extension/** without `vscode.l10n.t`:
//     an argument of a UI call (show…Message, showQuickPick, showInputBox, withProgress, createWebviewPanel,
//     setStatusBarMessage, `ui.confirm`, MarkdownString's appendText / appendMarkdown, an action outcome's
//     `done` / `cancelled` message and a panel `notice`, `new TreeItem`, `new MarkdownString`, `new Error` — the
//     command wrapper shows errors as toasts), or the value of a UI property (label, description, detail, tooltip,
//     title, placeholder / placeHolder, prompt, text, validationMessage, message) in an object literal or an
//     assignment, including the branches of `?:`, `||`, `??`, `+` and array items inside them, and the
//     values given to an l10n.t placeholder (an English fragment spliced into a localized sentence);
//  2. `l10n.t` runs at module scope (while the bundle loads): a constant with words is a function or a getter, so
//     the message is looked up when it is shown (src/extension, src/backup and src/webview);
//  3. package.json has a `%key%` that package.nls.json lacks, or plain text in a field VS Code localizes
//     (run `node test/tools/l10n-nls.js` to move it into package.nls.json);
//  4. l10n/bundle.l10n.json is not the current set of l10n.t messages (test/tools/l10n-bundle.js --check).
// Log lines (the output channel, `log.info(...)`) stay English on purpose, as in VS Code's own extensions: they
// are what people paste into issues and what support searches for, so `log.*` calls are not checked. What the
// agent tools return is text for a language model, not a person's UI, and stays English too (their invocation
// and confirmation messages, which people read, are localized and checked). Command
// ids, context keys and setting keys are not UI properties and never match. A literal without letters (`—`,
// `${a} (${b})`) or made only of codicons (`$(sync~spin)`) is not words and passes.
//   node test/tools/l10n-check.js [folder, default src/extension]
const fs = require('fs');
const path = require('path');
const { ROOT, ts, sourceFiles, parse, isLocalizeCall, where, BUNDLE_DIRS } = require('./l10n-sources');
const { bundleText } = require('./l10n-bundle');
const { unlocalized } = require('./l10n-nls');

const DIR = path.resolve(ROOT, process.argv[2] || 'src/extension');
const UI_CALLS = new Set([
  'showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showQuickPick', 'showInputBox', 'withProgress',
  'createWebviewPanel', 'setStatusBarMessage', 'confirm', 'appendText', 'appendMarkdown', 'done', 'cancelled', 'notice',
]);
/** Calls whose other arguments are values, not words: only the argument at this index is checked. */
const TEXT_ARGUMENT = { done: 1, cancelled: 0, notice: 1 };
const UI_CONSTRUCTORS = new Set(['TreeItem', 'MarkdownString', 'Error', 'ToolInputError', 'LanguageModelTextPart']);
const UI_PROPERTIES = new Set([
  'label', 'description', 'detail', 'tooltip', 'title', 'placeholder', 'placeHolder', 'prompt', 'text', 'validationMessage', 'message',
  'invocationMessage', 'confirmationMessages',
]);

/** True when a literal's text is words a person reads (letters left after removing codicons). */
function hasWords(text) {
  return /[A-Za-z]/.test(text.replace(/\$\([\w~-]+\)/g, ''));
}

function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return undefined;
}

/** The literals with words that `node` evaluates to, looking through ?:, ||, ??, +, parentheses, arrays and object values. */
function offending(node, out) {
  if (isLocalizeCall(node)) return out;
  const text = literalText(node);
  if (text !== undefined) {
    if (hasWords(text)) out.push(node);
    if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => offending(s.expression, out));
    return out;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return offending(node.expression, out);
  if (ts.isConditionalExpression(node)) return offending(node.whenFalse, offending(node.whenTrue, out));
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind)) {
    return offending(node.right, offending(node.left, out));
  }
  if (ts.isArrayLiteralExpression(node)) node.elements.forEach((e) => offending(e, out));
  if (ts.isObjectLiteralExpression(node)) {
    for (const p of node.properties) if (ts.isPropertyAssignment(p) && uiPropertyName(p.name)) offending(p.initializer, out);
  }
  return out;
}

function uiPropertyName(name) {
  return (ts.isIdentifier(name) || ts.isStringLiteral(name)) && UI_PROPERTIES.has(name.text);
}

function calleeName(expression) {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function checkFile(file, report) {
  const source = parse(file);
  const flag = (nodes, why) => nodes.forEach((n) => report.push(`${where(source, n)}  ${why}: ${n.getText(source).slice(0, 80)}`));
  const visit = (node) => {
    if (isLocalizeCall(node)) {
      // an English fragment passed into a placeholder (`l10n.t('{0} session', on ? 'active' : 'idle')`) bypasses it too
      flag(node.arguments.slice(1).flatMap((a) => offending(a, [])), 'placeholder value');
      node.arguments.slice(1).forEach(visit);
      return;
    }
    if (ts.isCallExpression(node) && UI_CALLS.has(calleeName(node.expression))) {
      const name = calleeName(node.expression);
      const args = name in TEXT_ARGUMENT ? node.arguments.slice(TEXT_ARGUMENT[name], TEXT_ARGUMENT[name] + 1) : node.arguments;
      flag(args.flatMap((a) => offending(a, [])), `${name}() argument`);
    } else if (ts.isNewExpression(node) && UI_CONSTRUCTORS.has(calleeName(node.expression))) {
      flag((node.arguments ?? []).flatMap((a) => offending(a, [])), `new ${calleeName(node.expression)}() argument`);
    } else if (ts.isPropertyAssignment(node) && uiPropertyName(node.name)) {
      flag(offending(node.initializer, []), `"${node.name.text}" property`);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isPropertyAccessExpression(node.left) && UI_PROPERTIES.has(node.left.name.text)) {
      flag(offending(node.right, []), `".${node.left.name.text} =" assignment`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** `l10n.t` calls outside any function: they would run once, before the extension installs its localizer. */
function checkModuleScope(file, report) {
  const source = parse(file);
  const insideFunction = (node) => {
    for (let p = node.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isClassStaticBlockDeclaration(p)) return true;
    return false;
  };
  const visit = (node) => {
    if (isLocalizeCall(node) && !insideFunction(node)) report.push(`${where(source, node)}  l10n.t at module scope: ${node.getText(source).slice(0, 70)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function main() {
  const report = [];
  for (const file of sourceFiles(DIR)) checkFile(file, report);
  for (const dir of BUNDLE_DIRS) for (const file of sourceFiles(path.join(ROOT, dir))) checkModuleScope(file, report);
  let failed = false;
  if (report.length) {
    console.error(`l10n: ${report.length} user-facing string(s) bypass vscode.l10n.t:\n  ${report.join('\n  ')}`);
    failed = true;
  }
  const nls = unlocalized();
  if (nls.length) {
    console.error(`l10n: package.json and package.nls.json disagree (run \`node test/tools/l10n-nls.js\`):\n  ${nls.join('\n  ')}`);
    failed = true;
  }
  const { text, dynamic } = bundleText();
  const bundleFile = path.join(ROOT, 'l10n/bundle.l10n.json');
  if (dynamic.length) {
    console.error(`l10n: a localized message must be a string literal (the bundle key):\n  ${dynamic.join('\n  ')}`);
    failed = true;
  }
  if (!fs.existsSync(bundleFile) || fs.readFileSync(bundleFile, 'utf8') !== text) {
    console.error('l10n: l10n/bundle.l10n.json is out of date with the l10n.t messages in src; run `node test/tools/l10n-bundle.js`.');
    failed = true;
  }
  if (failed) process.exitCode = 1;
}

main();
