#!/usr/bin/env node
// Import-cycle checker for src/**/*.ts, run by `npm run lint` after eslint. It parses every file with the
// project's own `typescript` package, resolves relative imports and re-exports (`./x` -> x.ts or x/index.ts),
// finds the strongly connected components of that graph (Tarjan) and prints one concrete cycle for each.
// Exits 1 when there is any cycle, so a new one fails lint.
//
// Type-only edges (`import type …`, `export type … from`, imports whose every binding is `type`-qualified)
// count too, and are drawn `-(type)->`: tsc erases them, so they cannot break load order, but they still tie
// two modules to each other (a file that needs its importer's interface should own that interface, or both
// should take it from a third file), and the layer design wants one direction. --runtime-only leaves them
// out, to see the cycles that can also leave a binding undefined while modules load.
//   node test/tools/import-cycles.js [--runtime-only] [root dir, default src]
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const args = process.argv.slice(2);
const runtimeOnly = args.includes('--runtime-only');
const ROOT = path.resolve(__dirname, '../..');
const SRC = path.resolve(ROOT, args.find((a) => !a.startsWith('--')) || 'src');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier names, or undefined for packages and files outside the tree. */
function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function isTypeOnlyImport(node) {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false; // a default binding is a value
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node) {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The files `file` imports, each mapped to whether every import of it is type-only. */
function importsOf(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const targets = new Map();
  for (const node of source.statements) {
    let specifier;
    let typeOnly = false;
    if (ts.isImportDeclaration(node)) { specifier = node.moduleSpecifier; typeOnly = isTypeOnlyImport(node); } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      specifier = node.moduleSpecifier;
      typeOnly = isTypeOnlyExport(node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) specifier = node.moduleReference.expression;
    if (!specifier || !ts.isStringLiteral(specifier) || (runtimeOnly && typeOnly)) continue;
    const target = resolve(file, specifier.text);
    if (target) targets.set(target, (targets.get(target) ?? true) && typeOnly);
  }
  return targets;
}

/** Tarjan's strongly connected components; only the ones that hold a cycle are returned. */
function cyclicComponents(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v).keys()) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do { w = stack.pop(); onStack.delete(w); component.push(w); } while (w !== v);
    if (component.length > 1 || graph.get(v).has(v)) found.push(component);
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The shortest cycle through the component's first file (breadth-first inside the component). */
function shortestCycle(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v).keys()) {
      if (w === start) {
        const cycle = [start];
        for (let u = v; u !== start; u = previous.get(u)) cycle.splice(1, 0, u);
        return [...cycle, start];
      }
      if (members.has(w) && !previous.has(w)) { previous.set(w, v); queue.push(w); }
    }
  }
  return [start, start];
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const components = cyclicComponents(graph);
const rel = (f) => path.relative(ROOT, f);
const kind = runtimeOnly ? 'runtime import' : 'import';
const drawn = (cycle) => cycle.map((f, i) => (i === 0 ? rel(f) : `${graph.get(cycle[i - 1]).get(f) ? ' -(type)-> ' : ' -> '}${rel(f)}`)).join('');
if (!components.length) {
  console.log(`import-cycles: no ${kind} cycle among ${files.length} files under ${rel(SRC)}/`);
  process.exit(0);
}
console.error(`import-cycles: ${components.length} ${kind} cycle(s) among ${files.length} files under ${rel(SRC)}/`);
for (const component of components) {
  console.error(`  ${drawn(shortestCycle(graph, component))}`);
  if (component.length > 2) console.error(`    (${component.length} files tangled: ${component.map(rel).sort().join(', ')})`);
}
process.exit(1);
