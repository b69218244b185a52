import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../../../src/emulator';
import { FAILING, PREFER, start } from './helpers';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-data-')), 'state.json');
const journalOf = (file: string) => `${file}.journal`;
const read = (file: string) => fs.readFileSync(file, 'utf8');
/** The journal's records: the file up to the zero-filled room it grows ahead. */
const records = (file: string) => read(journalOf(file)).replace(/\0+$/, '');

async function sessionIds(file: string): Promise<string[]> {
  const api = await start({ dataFile: file, seed: 'empty' });
  try {
    const state = (await api.get('/_emulator/state?detail=sessions')).body as { sessions: { session: { id: string } }[] };
    return state.sessions.map((r) => r.session.id);
  } finally { await api.emulator.close(); }
}

describe('emulator: persistence', () => {
  it('writes acknowledged writes to the data file and loads them after a restart', async () => {
    const file = tempFile();
    const first = await start({ dataFile: file, seed: 'demo' });
    const [point] = await first.pointIds('mailboxProtectionUnit', 1, { exclude: FAILING });
    const created = await first.post('/exchangeRestoreSessions', { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] });
    assert.equal(created.status, 201);
    const id = created.body.id;
    // Acknowledged means on disk already, before any shutdown.
    assert.ok(records(file).includes(id));
    await first.post(`/restoreSessions/${id}/activate`);
    await first.advance(3600);
    const before = (await first.get(`/restoreSessions/${id}`, PREFER)).body;
    const total = (await first.get('/_emulator/state')).body.sessions;
    await first.emulator.close();
    assert.deepEqual(fs.readdirSync(path.dirname(file)).sort(), ['state.json', 'state.json.journal'], 'no temp files left behind');
    if (process.platform !== 'win32') {
      for (const f of [file, journalOf(file)]) assert.equal(fs.statSync(f).mode & 0o777, 0o600, `only its owner can read ${path.basename(f)}`);
    }

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

  it('appends a write to the journal without rewriting the data file', async () => {
    const file = tempFile();
    const api = await start({ dataFile: file, seed: 'demo' });
    try {
      const base = read(file);
      const journalBefore = records(file).length;
      const id = (await api.post('/sharePointRestoreSessions', {})).body.id;
      assert.equal((await api.delete(`/restoreSessions/${id}`)).status, 204);
      assert.equal(read(file), base, 'the data file is untouched by a write');
      const grown = records(file).length - journalBefore;
      assert.ok(grown > 0 && grown < base.length / 10, `the journal grew by the write (${grown} bytes), not by the tenant (${base.length} bytes)`);
    } finally { await api.emulator.close(); }
  });

  it('folds the journal into the data file when it outgrows its limit, and loads the same state', async () => {
    const file = tempFile();
    const api = await start({ dataFile: file, seed: 'demo', compactAfterBytes: 4000 });
    const kept: string[] = [];
    const deleted: string[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const id = (await api.post('/oneDriveForBusinessRestoreSessions', {})).body.id as string;
        if (i % 3 === 0) {
          assert.equal((await api.delete(`/restoreSessions/${id}`)).status, 204);
          deleted.push(id);
        } else kept.push(id);
      }
      assert.ok(records(file).length <= 4000 + 2000, 'the journal was compacted');
      assert.ok(kept.some((id) => read(file).includes(id)), 'compaction wrote the sessions into the data file');
    } finally { await api.emulator.close(); }
    const ids = await sessionIds(file);
    for (const id of kept) assert.ok(ids.includes(id), `session ${id} survived compaction`);
    for (const id of deleted) assert.ok(!ids.includes(id), `deleted session ${id} stays deleted`);
  });

  it('ignores a torn last journal record and keeps appending after the last whole one', async () => {
    const file = tempFile();
    const first = await start({ dataFile: file, seed: 'empty' });
    const id = (await first.post('/exchangeRestoreSessions', {})).body.id as string;
    await first.emulator.close();
    // A write cut short by kill -9: the start of a record where the next one goes, without its end.
    const written = records(file);
    const fd = fs.openSync(journalOf(file), 'r+');
    fs.writeSync(fd, written.split('\n')[1].slice(0, 40), Buffer.byteLength(written));
    fs.closeSync(fd);
    const second = await start({ dataFile: file, seed: 'empty' });
    const next = (await second.post('/sharePointRestoreSessions', {})).body.id as string;
    await second.emulator.close();
    assert.deepEqual((await sessionIds(file)).sort(), [id, next].sort());
  });

  it('refuses a journal damaged before its last record and leaves both files untouched', async () => {
    const file = tempFile();
    const api = await start({ dataFile: file, seed: 'empty' });
    await api.post('/exchangeRestoreSessions', {});
    await api.post('/exchangeRestoreSessions', {});
    await api.emulator.close();
    const lines = read(journalOf(file)).split('\n');
    lines[1] = lines[1].replace('"draft"', '"drafx"');
    fs.writeFileSync(journalOf(file), lines.join('\n'));
    const [base, journal] = [read(file), read(journalOf(file))];
    await assert.rejects(startEmulator({ port: 0, dataFile: file }), /Cannot use data file .*journal record 1 is damaged/);
    assert.equal(read(file), base);
    assert.equal(read(journalOf(file)), journal);
  });

  it('ignores a journal the data file already holds (a crash between compaction and the journal reset)', async () => {
    const file = tempFile();
    const first = await start({ dataFile: file, seed: 'empty' });
    const id = (await first.post('/exchangeRestoreSessions', {})).body.id as string;
    await first.emulator.close();
    const olderJournal = read(journalOf(file));
    // Every write compacts: the delete lands in a new generation of the data file.
    const second = await start({ dataFile: file, seed: 'empty', compactAfterBytes: 1 });
    assert.equal((await second.delete(`/restoreSessions/${id}`)).status, 204);
    await second.emulator.close();
    fs.writeFileSync(journalOf(file), olderJournal, { mode: 0o600 });
    assert.deepEqual(await sessionIds(file), [], 'the older journal does not bring the deleted session back');
  });

  it('refuses a journal newer than its data file, or a journal without one', async () => {
    const file = tempFile();
    const first = await start({ dataFile: file, seed: 'empty' });
    const olderBase = read(file);
    await first.emulator.close();
    const second = await start({ dataFile: file, seed: 'empty', compactAfterBytes: 1 });
    await second.post('/exchangeRestoreSessions', {});
    await second.emulator.close();
    fs.writeFileSync(file, olderBase);
    await assert.rejects(startEmulator({ port: 0, dataFile: file }), /continues generation \d+ of the data file, which holds generation \d+/);
    fs.rmSync(file);
    await assert.rejects(startEmulator({ port: 0, dataFile: file }), /it is missing but its journal/);
    assert.ok(!fs.existsSync(file), 'no data file is made up');
  });

  it('refuses a data file another emulator is using, and takes over the lock of one that is gone', async () => {
    const file = tempFile();
    const lock = `${file}.lock`;
    const first = await start({ dataFile: file, seed: 'empty' });
    try {
      await assert.rejects(startEmulator({ port: 0, dataFile: file }), /this process is using it already/);
    } finally { await first.emulator.close(); }
    assert.ok(!fs.existsSync(lock), 'closing releases the lock');
    // A lock left by a process killed with -9: its pid names no live process, so the next start takes it over.
    fs.writeFileSync(lock, String(spawnSync(process.execPath, ['-e', '']).pid));
    const second = await start({ dataFile: file, seed: 'empty' });
    await second.emulator.close();
    // A lock whose process is alive (this test's parent) belongs to another emulator.
    fs.writeFileSync(lock, String(process.ppid));
    await assert.rejects(startEmulator({ port: 0, dataFile: file }), new RegExp(`another emulator \\(process ${process.ppid}\\) is using it`));
    assert.equal(read(lock), String(process.ppid), 'the live owner keeps its lock');
  });

  it('refuses a corrupt or foreign data file and leaves it untouched', async () => {
    for (const content of ['{ not json', JSON.stringify({ hello: 'world' }), JSON.stringify({ version: 1, seed: 'demo', sessions: [{}], browseSessions: [] })]) {
      const file = tempFile();
      fs.writeFileSync(file, content);
      await assert.rejects(startEmulator({ port: 0, dataFile: file }), /Cannot use data file/);
      assert.equal(read(file), content);
      assert.ok(!fs.existsSync(journalOf(file)), 'no journal is started beside a refused file');
      assert.ok(!fs.existsSync(`${file}.lock`), 'a refused file is not left locked');
    }
  });

  it('creates the data file and its journal on first start', async () => {
    const file = tempFile();
    const api = await start({ dataFile: file, seed: 'empty' });
    try {
      const saved = JSON.parse(read(file));
      assert.equal(saved.version, 1);
      assert.deepEqual(saved.sessions, []);
      assert.equal(records(file).split('\n').length, 2, 'a journal with its header only');
    } finally { await api.emulator.close(); }
  });
});
