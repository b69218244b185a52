#!/usr/bin/env node
// Contributions through package.nls.json. Every field of package.json that VS Code shows to people (command
// titles and categories, view names, welcome contents, setting descriptions and enum descriptions, walkthrough
// texts, color descriptions, tool names, the workspace-trust note, the extension's own name and description)
// holds `%key%` and package.nls.json holds the English text. Run without arguments it moves any plain text it
// finds into package.nls.json under a key named after where it sits (e.g. `command.restoreSessions.refresh.title`)
// and drops keys nothing uses, so a merged branch that added plain-text contributions is converted by one run.
// `unlocalized()` lists the problems instead, for test/tools/l10n-check.js.
// Left in English on purpose: a tool's modelDescription and its input schema (read by language models, not
// people), command ids, when clauses and setting keys.
//   node test/tools/l10n-nls.js
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = path.join(ROOT, 'package.json');
const NLS = path.join(ROOT, 'package.nls.json');
const SHARED_CATEGORY = 'command.category';

/** Every localizable field as { owner, field, key }: `owner[field]` is the text (or an enumDescriptions array item). */
function fields(pkg) {
  const out = [];
  const add = (owner, field, key) => {
    if (owner && typeof owner[field] === 'string') out.push({ owner, field, key });
  };
  const c = pkg.contributes ?? {};
  add(pkg, 'displayName', 'displayName');
  add(pkg, 'description', 'description');
  for (const list of Object.values(c.viewsContainers ?? {})) for (const v of list) add(v, 'title', `viewsContainer.${v.id}.title`);
  for (const list of Object.values(c.views ?? {})) {
    for (const v of list) {
      add(v, 'name', `view.${v.id}.name`);
      add(v, 'contextualTitle', `view.${v.id}.contextualTitle`);
    }
  }
  const welcomeCount = {};
  for (const w of c.viewsWelcome ?? []) {
    welcomeCount[w.view] = (welcomeCount[w.view] ?? 0) + 1;
    add(w, 'contents', `viewsWelcome.${w.view}.${welcomeCount[w.view]}`);
  }
  for (const cmd of c.commands ?? []) {
    add(cmd, 'title', `command.${cmd.command}.title`);
    add(cmd, 'shortTitle', `command.${cmd.command}.shortTitle`);
    add(cmd, 'category', SHARED_CATEGORY);
  }
  for (const sub of c.submenus ?? []) add(sub, 'label', `submenu.${sub.id}.label`);
  for (const [i, conf] of (Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : []).entries()) {
    add(conf, 'title', i === 0 ? 'config.title' : `config.${i}.title`);
    for (const [name, schema] of Object.entries(conf.properties ?? {})) settingFields(schema, `config.${name}`, add);
  }
  for (const color of c.colors ?? []) add(color, 'description', `color.${color.id}.description`);
  for (const w of c.walkthroughs ?? []) {
    add(w, 'title', `walkthrough.${w.id}.title`);
    add(w, 'description', `walkthrough.${w.id}.description`);
    for (const s of w.steps ?? []) {
      add(s, 'title', `walkthrough.${w.id}.${s.id}.title`);
      add(s, 'description', `walkthrough.${w.id}.${s.id}.description`);
      add(s.media, 'altText', `walkthrough.${w.id}.${s.id}.altText`);
    }
  }
  for (const tool of c.languageModelTools ?? []) {
    add(tool, 'displayName', `tool.${tool.name}.displayName`);
    add(tool, 'userDescription', `tool.${tool.name}.userDescription`);
  }
  add(pkg.capabilities?.untrustedWorkspaces, 'description', 'capabilities.untrustedWorkspaces.description');
  add(pkg.capabilities?.virtualWorkspaces, 'description', 'capabilities.virtualWorkspaces.description');
  return out;
}

/** A setting's texts, and those of the object properties and array items it describes (shown in settings.json). */
function settingFields(schema, key, add) {
  if (!schema || typeof schema !== 'object') return;
  for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) add(schema, field, `${key}.${field}`);
  for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) {
    (schema[field] ?? []).forEach((_, i) => add(schema[field], i, `${key}.${field}.${schema.enum?.[i] ?? i}`));
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) settingFields(sub, `${key}.${name}`, add);
  if (schema.items) settingFields(schema.items, key, add);
}

const KEY = /^%([^%]+)%$/;

function read() {
  return { pkg: JSON.parse(fs.readFileSync(PACKAGE, 'utf8')), nls: fs.existsSync(NLS) ? JSON.parse(fs.readFileSync(NLS, 'utf8')) : {} };
}

/** Problems: plain text in a localizable field, a %key% package.nls.json lacks, a key of package.nls.json nothing uses. */
function unlocalized() {
  const { pkg, nls } = read();
  const problems = [];
  const used = new Set();
  for (const { owner, field, key } of fields(pkg)) {
    const match = KEY.exec(owner[field]);
    if (!match) problems.push(`plain text where "%${key}%" belongs: ${JSON.stringify(owner[field]).slice(0, 70)}`);
    else if (!Object.prototype.hasOwnProperty.call(nls, match[1])) problems.push(`"%${match[1]}%" is not in package.nls.json`);
    else used.add(match[1]);
  }
  for (const key of Object.keys(nls)) if (!used.has(key)) problems.push(`package.nls.json key "${key}" is used nowhere in package.json`);
  return problems;
}

function convert() {
  const { pkg, nls } = read();
  const used = {};
  let moved = 0;
  for (const { owner, field, key } of fields(pkg)) {
    const match = KEY.exec(owner[field]);
    if (match) {
      if (Object.prototype.hasOwnProperty.call(nls, match[1])) used[match[1]] = nls[match[1]];
      continue;
    }
    if (used[key] !== undefined && used[key] !== owner[field]) throw new Error(`two texts want the key ${key}: ${JSON.stringify(used[key])} and ${JSON.stringify(owner[field])}`);
    used[key] = owner[field];
    owner[field] = `%${key}%`;
    moved++;
  }
  fs.writeFileSync(PACKAGE, `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(NLS, `${JSON.stringify(used, null, 2)}\n`);
  console.log(`l10n: ${moved} text(s) moved into package.nls.json (${Object.keys(used).length} keys)`);
}

if (require.main === module) convert();
module.exports = { unlocalized };
