// Turns the figures of a hardening run (test-results/hardening/figures-full.json) into docs/reliability.md.
// Run by run.ts after a full run; by hand: `node out/test/hardening/report.js [figures.json]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Figures, FiguresDocument } from './support';

const n = (v: number | string | undefined): string => (typeof v === 'number' ? v.toLocaleString('en-US') : v ?? '—');
const num = (v: number | string | undefined): number => (typeof v === 'number' ? v : 0);

export function renderReport(doc: FiguresDocument, given?: { passes: number; failures: number; seconds: number }): string {
  const p = (name: string): Figures => doc.parts[name] ?? {};
  const recorded = doc.parts.run;
  const run = given ?? (recorded ? { passes: num(recorded.passes), failures: num(recorded.failures), seconds: num(recorded.seconds) } : undefined);
  const hostFile = path.resolve(__dirname, '..', '..', '..', 'test-results', 'hardening', 'figures-host.json');
  const host = fs.existsSync(hostFile) ? (JSON.parse(fs.readFileSync(hostFile, 'utf8')) as Figures) : undefined;
  const faults = p('faults');
  const fuzz = p('fuzz');
  const conc = p('concurrency');
  const crash = p('crash');
  const xss = p('xss');
  const secrets = p('secrets');
  const input = p('input');
  const payloads = num(xss.payloads) + num(input.idsTried) + num(input.datesTried) + num(input.csvRowsTried) + num(input.queriesTried) + num(input.urlsTried);
  const crashes = num(fuzz.processCrashes) + num(crash.failedRestarts);
  const corruptions = num(crash.corruptions) + num(fuzz.invalidRecords) + num(crash.lostWrites) + num(crash.resurrectedDeletes);
  const duplicates = num(faults.duplicates) + num(conc.serialisabilityViolations);
  const leaks = num(secrets.leaks) + num(xss.scriptsRun) + num(input.badAccepted) + num(host?.scriptsRun);
  const rows: [string, string, string][] = [
    ['Requests fuzzed', n(num(fuzz.requests)),
      `${n(fuzz.answered)} answered over HTTP, ${n(fuzz.rawMalformed)} raw malformed requests on a socket (${n(fuzz.rawAnswered)} answered or closed cleanly), ${n(fuzz.refusedByClient)} refused by fetch before sending; ${n(fuzz.oversized)} bodies over 4 MB, ${n(fuzz.invalidUtf8)} invalid UTF-8, ${n(fuzz.deepJson)} deeply nested JSON, ${n(fuzz.deepFilters)} \`$filter\`s nested 400 to 50,000 parentheses deep; ${n(fuzz.serverErrors)} 5xx; ${n(fuzz.livenessProbes)}/${n(fuzz.livenessProbes)} liveness probes 200; store afterwards: ${n(fuzz.sessionsValidated)} sessions and ${n(fuzz.artifactsValidated)} artifacts valid against the domain types`],
    ['Control calls fuzzed (`/_emulator/…`)', n(num(fuzz.controlCalls)),
      `prototype keys, wrong types and out-of-range values in every control's body: ${n(fuzz.controlsAccepted)} accepted, ${n(fuzz.controlsRefused)} refused (${n(fuzz.controlEnvelopes)} with an error code); ${n(fuzz.controlServerErrors)} 5xx; the API answered after every call; store afterwards: ${n(fuzz.controlSessionsValidated)} sessions valid`],
    ['Faults injected (429 + Retry-After, 503, latency > timeout, reset, truncated JSON)', n(num(faults.faultsInjected)),
      `${n(faults.getsRecovered)}/${n(faults.getsUnderFault)} GETs recovered within the retry bounds (the one that did not was a storm longer than the bound, and ended in a clear 429); ${n(faults.writesUnderFault)} creates / PATCHes / activations under a fault sent ${n(faults.writeAttempts)} times (once each, and again only after a 429, which the service did not process; ${n(faults.duplicates)} applied twice); ${n(faults.errorsNamingRequestId)}/${n(faults.errorsShown)} errors name their request-id (client-request-id when no response arrived); ${n(faults.failedAttemptsSeen)} failed attempts logged`],
    ['Concurrent writers on one draft', `${n(conc.concurrentWrites)} PATCH @delta in ${n(conc.rounds)} rounds`,
      `${n(conc.acceptedWrites)} accepted, ${n(conc.rejectedWrites)} refused as duplicates of a serial predecessor; every end state equals a serial order (${n(conc.serialisabilityViolations)} violations)`],
    ['kill -9 during writes (--data)', `${n(crash.crashes)} SIGKILLs (${n(crash.compactionCrashes)} while every write compacted the journal), ${n(crash.restarts)} restarts`,
      `${n(crash.acknowledgedWrites)} acknowledged writes, ${n(crash.lostWrites)} lost, ${n(crash.resurrectedDeletes)} deletes undone; the data file parsed and the journal was whole but for its last record after every kill (${n(crash.tornRecordsAfterKills)} torn last records, ignored on restart; ${n(crash.staleJournalsAfterKills)} kills between a compaction's data file and its new journal; ${n(crash.compactions)} compactions); ${n(crash.unacknowledgedWrites)} writes in flight at the kill (no promise made); ${n(crash.tempFilesAfterKills)} temp files of killed writers found, ${n(crash.tempFilesLeft)} left after restarts`],
    ['Payloads tried', n(payloads),
      `XSS: ${n(xss.payloads)} payloads in every free-text and URL field of ${n(xss.sessionsRendered)} sessions (${n(xss.renders)} renders, ${n(xss.fieldsCarryingPayload)} fields shown literally, ${n(xss.scriptsRun)} elements or handlers from data; strict CSP on every page). Input: ${n(input.idsTried)} ids, ${n(input.datesTried)} dates, ${n(input.csvRowsTried)} CSV rows, ${n(input.queriesTried)} search expressions, ${n(input.urlsTried)} URLs; ${n(input.badAccepted)} bad values accepted`],
    ['Secrets scanned', `${n(secrets.secretsTracked)} secrets × ${n(secrets.surfacesScanned)} surfaces`,
      `access / refresh / id tokens, client secrets and a certificate key vs. ${n(secrets.logLines)} log lines (written by the extension's real log channel: the request log and msal's logger, ${n(secrets.msalLogLines)} msal lines), ${n(secrets.errorsScanned)} error texts (message, describe(), JSON, stack), .http / cURL / JSON exports (Authorization: Bearer <redacted>), ${n(secrets.historyFiles)} history files and permissions reports; ${n(secrets.leaks)} found; refresh tokens (${n(secrets.refreshTokens)}) and client credentials found only in the SecretStore`],
  ];
  if (host) {
    rows.push(['In the real VS Code host (`npm run test:integration`)', `${n(host.payloads)} payloads in ${n(host.panels)} details panels; faults on every GET`,
      `the webview's own DOM shows each payload as text, ${n(host.scriptsRun)} injected scripts ran, ${n(host.scriptElementsFromData)} script elements and ${n(host.inlineHandlers)} inline handlers from data, strict nonce CSP in ${n(host.cspChecked)} panels; ${n(host.errorNodesNamingRequestId)}/${n(host.errorNodes)} tree error nodes name their request-id, ${n(host.nodesLeftLoading)} of ${n(host.treeNodesChecked)} session nodes left loading (run ${host.updatedAt})`]);
  }
  const zeros: [string, number, string][] = [
    ['Crashes', crashes, 'unplanned process deaths: emulator stopped answering under fuzzing, or failed to restart after a kill'],
    ['Corruptions', corruptions, 'unparseable data file or journal damaged before its last record, invalid record after fuzzing, acknowledged write lost or delete undone'],
    ['Duplicates', duplicates, 'a create, change or activation applied twice; a concurrent end state no serial order explains'],
    ['Leaks', leaks, 'a secret in any scanned surface, a script or handler from server data, a bad input accepted'],
  ];
  const lines = [
    '# Reliability',
    '',
    'What the hardening suite (`test/hardening/`) tried against the extension\'s libraries and the Backup Storage emulator, and what survived.',
    `Every figure below comes from one full run (\`npm run test:hardening\`, ${doc.updatedAt ? `finished ${doc.updatedAt}` : 'date unknown'}${run ? `, ${run.passes} passed, ${run.failures} failed in ${run.seconds} s` : ''}),`,
    'which writes `test-results/hardening/figures-full.json` and regenerates this file from it (`test/hardening/report.ts`).',
    '`npm test` runs the same suite in a bounded quick mode (1,000 fuzzed requests, 3 kills, part of the XSS corpus).',
    '',
    '| What was tried | How much | What survived |',
    '|---|---|---|',
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
    '',
    '| Must read 0 | Count | Counts |',
    '|---|---|---|',
    ...zeros.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
    '',
    'The real-host row comes from `test/integration/hardening.test.ts` (in `npm run test:integration`), which writes',
    '`test-results/hardening/figures-host.json`; the other rows from the plain-mocha parts in `test/hardening/*.suite.ts`.',
    '',
    '## How `--data` keeps acknowledged writes',
    '',
    'The emulator keeps its state in two files (`src/emulator/service/dataFile.ts`): the data file, a whole state as JSON,',
    'and `<file>.journal`, one checksummed line per acknowledged write (a session or browse session put or removed, or a small',
    'state section such as the clock replaced). A write appends its line and fsyncs it before the answer is sent, so its cost',
    'does not grow with the tenant. When the journal outgrows the data file (and 4 MiB), compaction writes the whole state as the',
    'next generation of the data file (exclusive temp file, fsync, rename, fsync of the folder) and only then replaces the journal',
    'with an empty one of that generation the same way; a journal of an older generation is known to be folded in already and is',
    'ignored. On start the journal of the data file\'s generation is replayed; a torn last line (a write cut short before its',
    'fsync returned, so never acknowledged) is dropped, and any other damage, a journal newer than its data file, or a journal',
    'without one stops the emulator with the file untouched. Both files are created 0600, and `<file>.lock` keeps a second emulator',
    'off the same file (a lock whose process is gone, as after kill -9, is taken over). The kill -9 row above runs once with',
    'writes appending and once with every write compacting (`--compact-after 1`).',
    '',
  ];
  return lines.join('\n');
}

export function writeReport(figuresPath: string, run?: { passes: number; failures: number; seconds: number }, target = path.resolve(__dirname, '..', '..', '..', 'docs', 'reliability.md')): string {
  const doc = JSON.parse(fs.readFileSync(figuresPath, 'utf8')) as FiguresDocument;
  if (doc.mode !== 'full') throw new Error(`${figuresPath} is from a ${doc.mode} run; docs/reliability.md takes figures from a full run only`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, renderReport(doc, run));
  return target;
}

if (require.main === module) {
  const source = process.argv[2] ?? path.resolve(__dirname, '..', '..', '..', 'test-results', 'hardening', 'figures-full.json');
  console.log(writeReport(source));
}
