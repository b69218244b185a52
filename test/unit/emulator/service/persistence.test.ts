import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../../../src/emulator';
import { FAILING, PREFER, start } from './helpers';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-data-')), 'state.json');

describe('emulator: persistence', () => {
  it('writes acknowledged writes to the data file and loads them after a restart', async () => {
    const file = tempFile();
    const first = await start({ dataFile: file, seed: 'demo' });
    const [point] = await first.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    const created = await first.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] });
    assert.equal(created.status, 201);
    const id = created.body.id;
    // Acknowledged means on disk already, before any shutdown.
    assert.ok(fs.readFileSync(file, 'utf8').includes(id));
    await first.post(`/restoreSessions/${id}/activate`);
    await first.advance(3600);
    const before = (await first.get(`/restoreSessions/${id}`, PREFER)).body;
    const total = (await first.get('/_emulator/state')).body.sessions;
    await first.emulator.close();
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['state.json'], 'no temp files left behind');
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'only its owner can read the data file');

    const second = await start({ dataFile: file, seed: 'empty' });
    try {
      const after = (await second.get(`/restoreSessions/${id}`, PREFER)).body;
      assert.equal(after.status, before.status);
      assert.equal(after.completedDateTime, before.completedDateTime);
      assert.equal((await second.get('/_emulator/state')).body.sessions, total);
      assert.equal((await second.get('/_emulator/state')).body.seed, 'demo');
      assert.ok((await second.now()) >= Date.parse(before.completedDateTime), 'the simulated clock resumes where it stopped');
      assert.equal((await second.delete(`/restoreSessions/${(await second.post('/sharePointRestoreSessions', {})).body.id}`)).status, 204);
    } finally { await second.emulator.close(); }
  });

  it('refuses a corrupt or foreign data file and leaves it untouched', async () => {
    for (const content of ['{ not json', JSON.stringify({ hello: 'world' }), JSON.stringify({ version: 1, seed: 'demo', sessions: [{}], browseSessions: [] })]) {
      const file = tempFile();
      fs.writeFileSync(file, content);
      await assert.rejects(startEmulator({ port: 0, dataFile: file }), /Cannot use data file/);
      assert.equal(fs.readFileSync(file, 'utf8'), content);
    }
  });

  it('creates the data file on first start', async () => {
    const file = tempFile();
    const api = await start({ dataFile: file, seed: 'empty' });
    try {
      const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(saved.version, 1);
      assert.deepEqual(saved.sessions, []);
    } finally { await api.emulator.close(); }
  });
});
