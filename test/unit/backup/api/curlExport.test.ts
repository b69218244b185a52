// The cURL export is a script a user runs: run it against the emulator and check it made the same session.
import { strict as assert } from 'assert';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { curlScript, httpFile, reproduction } from '../../../../src/backup/exports';
import { workload, type RestoreArtifactBase } from '../../../../src/backup/model';
import { startHarness, type Harness } from './harness';
import { hostileSession, hostileStrings } from './hostileFixture';

const hasTools = ['curl', 'jq'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);

describe('cURL and .http exports', function () {
  this.timeout(30_000);
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('empty');
  });
  afterEach(async () => {
    await h.close();
  });

  it('the cURL script recreates the session with the same restore points, and never holds a token', async function () {
    if (!hasTools) this.skip();
    const w = workload('sharePoint');
    const units = (await h.api.tenant.units(w)).slice(0, 3);
    const search = await h.api.tenant.search({ protectionUnitIds: units.map((u) => u.id), protectionTimePeriod: { endDateTime: new Date().toISOString() } });
    const points = search.searchResults!.map((r) => r.restorePoint!.id);
    const { body: session } = await h.api.sessions.create(w, { standard: points.map((restorePointId) => ({ restorePointId, destinationType: 'inPlace' })) });
    const standard = await h.api.artifacts.listAll(w, session.id, 'standard');
    const options = { baseUrl: `${h.emulator.url}/v1.0` };
    const script = curlScript(w, session, { standard, granular: [] }, options);
    assert.doesNotMatch(script + httpFile(w, session, { standard, granular: [] }, options), /eyJ[\w-]+\.[\w-]+/, 'no JWT in an export');
    assert.match(httpFile(w, session, { standard, granular: [] }, options), /Authorization: Bearer <redacted>/);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'curl-export-')), 'restore.sh');
    fs.writeFileSync(file, script);
    // Asynchronously: the emulator answers from this same process.
    const { stdout: output } = await promisify(execFile)('sh', [file], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, TOKEN: 'not-needed-by-the-emulator' } });
    const id = /created session ([0-9a-f-]{36})/.exec(output)?.[1];
    assert.ok(id, output.slice(0, 300));
    const { body: copy } = await h.api.sessions.get(w, id);
    assert.equal(copy.status, 'activating', 'the script activates the copy');
    const copied = await h.api.artifacts.listAll(w, id, 'standard');
    assert.deepEqual(copied.map((a) => (a as RestoreArtifactBase).restorePoint?.id).sort(), [...points].sort());
    assert.ok(copied.every((a) => (a as RestoreArtifactBase).destinationType === 'inPlace'));
  });
});

describe('cURL export with hostile server strings', function () {
  this.timeout(20_000);

  it('runs the script with a fake curl: every request is sent, nothing injected runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curl-hostile-'));
    const marker = path.join(dir, 'marker');
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const argvLog = path.join(dir, 'argv.log');
    // curl records its arguments (one per line, escaped by JSON) and answers like the service; jq reads the id.
    fs.writeFileSync(path.join(bin, 'curl'), `#!/bin/sh\nnode -e 'require("fs").appendFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)) + "\\n")' ${JSON.stringify(argvLog)} "$@"\necho '{"id":"new-session"}'\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'jq'), '#!/bin/sh\ncat >/dev/null\necho new-session\n', { mode: 0o755 });
    const w = workload('exchange');
    const { session, standard, bulkRequests } = hostileSession(marker);
    const script = curlScript(w, session, { standard, granular: [], bulkRequests }, { baseUrl: `https://graph.example/v1.0${hostileStrings(marker)}` });
    const file = path.join(dir, 'restore.sh');
    fs.writeFileSync(file, script);
    const { stdout } = await promisify(execFile)('sh', [file], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, TOKEN: 't' } });
    assert.match(stdout, /created session new-session/);
    assert.equal(fs.existsSync(marker), false, 'an injected command ran');
    assert.equal(fs.existsSync(`${marker}.dir`), false);
    const calls = fs.readFileSync(argvLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
    const { requests } = reproduction(w, session, { standard, granular: [], bulkRequests });
    assert.equal(calls.length, requests.length, 'one curl call per request: no line was cut off or added');
    const bulkBody = calls.flatMap((argv) => argv).find((arg) => arg.includes('"mailboxes"'));
    assert.ok(bulkBody, 'the bulk request was sent');
    assert.deepEqual(JSON.parse(bulkBody).mailboxes, [hostileStrings(marker)], 'the value reached the service unchanged');
  });

  it('would run the injected command without the guard (the test can fail)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curl-unguarded-'));
    const marker = path.join(dir, 'marker');
    fs.writeFileSync(path.join(dir, 'raw.sh'), `# ${hostileStrings(marker)}\n`);
    await promisify(execFile)('sh', [path.join(dir, 'raw.sh')], { cwd: dir }).catch(() => undefined);
    assert.equal(fs.existsSync(marker), true);
  });
});
