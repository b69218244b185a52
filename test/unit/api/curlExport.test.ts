// The cURL export is a script a user runs: run it against the emulator and check it made the same session.
import { strict as assert } from 'assert';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { curlScript, httpFile } from '../../../src/backup/exports';
import { workload, type RestoreArtifactBase } from '../../../src/backup/model';
import { startHarness, type Harness } from './harness';

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
