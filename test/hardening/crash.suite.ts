// kill -9 during writes: the emulator CLI runs as its own process with `--data`, writers fire creates and
// deletes, and the process is SIGKILLed at a random moment. After each crash the data file must parse as a
// state file and its journal must be whole but for a torn last record, and a restart with the same file must
// hold every write that was acknowledged (2xx) before the kill: acknowledged creates present, acknowledged
// deletes absent. Two runs: one where writes append to the journal, one where every write compacts it into the
// data file (`--compact-after 1`), so kills land in the middle of compactions and between their two renames.
import { strict as assert } from 'assert';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseJournal } from '../../src/emulator/service/journal';
import { ROOT, prng, recordFigures, scaled, sleep } from './support';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'emulator', 'cli.js');
/** Every launch of this suite uses the same control token, so restarted emulators accept the state reads. */
const CONTROL = { 'x-emulator-control-token': `crash-suite-${process.pid}-control` };

interface Running { child: ChildProcess; url: string }
/** Every emulator started, so none outlives a failed round. */
const CHILDREN: ChildProcess[] = [];

function launch(dataFile: string, seed: 'demo' | 'empty', extraArgs: readonly string[]): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--host', '127.0.0.1', '--seed', seed, '--data', dataFile, '--control-token', CONTROL['x-emulator-control-token'], ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    CHILDREN.push(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`emulator did not start in 15 s: ${err}`)); }, 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) { clearTimeout(timer); resolve({ child, url: match[1] }); }
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited with ${code}: ${err}`)); });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const FIGURES = {
  crashes: 0, compactionCrashes: 0, restarts: 0, acknowledgedWrites: 0, unacknowledgedWrites: 0, lostWrites: 0, corruptions: 0,
  resurrectedDeletes: 0, tempFilesAfterKills: 0, tempFilesLeft: 0, failedRestarts: 0, tornRecordsAfterKills: 0, staleJournalsAfterKills: 0,
  compactions: 0,
};

async function sessionIdsOf(running: Running): Promise<Set<string>> {
  const state = (await (await fetch(`${running.url}/_emulator/state?detail=sessions`, { headers: CONTROL })).json()) as { sessions: { session: { id: string } }[] };
  return new Set(state.sessions.map((r) => r.session.id.toLowerCase()));
}

/** What a kill left on disk: a whole data file, and a journal whole but for its last record. */
function inspectFiles(dir: string, file: string): { generation: number } {
  FIGURES.tempFilesAfterKills += fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')).length;
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: number; sessions?: unknown[]; journalGeneration?: number };
    assert.ok(saved.version === 1 && Array.isArray(saved.sessions), 'a whole state file');
    const generation = saved.journalGeneration ?? 0;
    const bytes = fs.readFileSync(`${file}.journal`);
    const journal = parseJournal(bytes.toString('utf8'));
    assert.ok(typeof journal !== 'string', `the journal is damaged beyond a torn last record: ${String(journal)}`);
    assert.ok(journal.generation <= generation, 'the journal never belongs to a newer data file');
    // After the records: zeros (room grown ahead), or the start of a record the kill cut short.
    if (bytes.subarray(journal.validBytes).some((b) => b !== 0)) FIGURES.tornRecordsAfterKills++;
    if (journal.generation < generation) FIGURES.staleJournalsAfterKills++;
    return { generation };
  } catch (err) {
    FIGURES.corruptions++;
    throw err;
  }
}

/** Rounds of start, check the acknowledged writes, write from 4 clients and a bulk seeder, kill -9 at a random moment. */
async function crashRounds(crashes: number, seed: number, extraArgs: readonly string[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-crash-'));
  const file = path.join(dir, 'state.json');
  const rng = prng(seed);
  const created = new Set<string>();
  const deleted = new Set<string>();
  const checkRestart = async (): Promise<Running> => {
    const running = await launch(file, 'demo', extraArgs);
    FIGURES.restarts++;
    // Everything acknowledged so far is there after the restart.
    const ids = await sessionIdsOf(running);
    for (const id of created) if (!ids.has(id)) FIGURES.lostWrites++;
    for (const id of deleted) if (ids.has(id)) FIGURES.resurrectedDeletes++;
    assert.equal(FIGURES.lostWrites, 0, 'acknowledged creates lost');
    assert.equal(FIGURES.resurrectedDeletes, 0, 'acknowledged deletes undone');
    return running;
  };
  let generation = 0;
  try {
    for (let round = 0; round < crashes; round++) {
      const running = await checkRestart();
      let stop = false;
      const writer = async (): Promise<void> => {
        for (let n = 0; n < 500 && !stop; n++) {
          const del = created.size > 0 && rng.chance(0.25);
          const target = del ? [...created][rng.int(created.size)] : undefined;
          // A delete in flight makes its session's fate unknown until it is answered: no longer promised present.
          if (target) created.delete(target);
          try {
            const res = target
              ? await fetch(`${running.url}${ROOT}/restoreSessions/${target}`, { method: 'DELETE' })
              : await fetch(`${running.url}${ROOT}/${rng.pick(['sharePointRestoreSessions', 'exchangeRestoreSessions', 'oneDriveForBusinessRestoreSessions'])}`, {
                method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
              });
            const text = await res.text();
            if (res.status === 201) {
              created.add((JSON.parse(text) as { id: string }).id.toLowerCase());
              FIGURES.acknowledgedWrites++;
            } else if (res.status === 204 && target) {
              deleted.add(target);
              FIGURES.acknowledgedWrites++;
            } else if (target) {
              created.add(target); // refused: still there
            }
          } catch {
            FIGURES.unacknowledgedWrites++; // in flight when the process died: no answer, no promise
            return;
          }
        }
      };
      // Large records too (one commit of 20 sessions × 20 artifacts, ~200 KB): a kill can cut a long write short.
      const bulkWriter = async (): Promise<void> => {
        while (!stop) {
          try {
            const res = await fetch(`${running.url}/_emulator/seed/sessions`, {
              method: 'POST', headers: { ...CONTROL, 'content-type': 'application/json' }, body: JSON.stringify({ workload: 'sharePoint', count: 20, artifactsPerSession: 20 }),
            });
            const answer = (await res.json()) as { ids?: string[] };
            if (res.status !== 200 || !answer.ids) throw new Error(`seed answered ${res.status}`);
            for (const id of answer.ids) created.add(id.toLowerCase());
            FIGURES.acknowledgedWrites++;
          } catch {
            FIGURES.unacknowledgedWrites++;
            return;
          }
        }
      };
      const writers = [...Array.from({ length: 4 }, writer), bulkWriter()];
      await sleep(30 + rng.int(400));
      await killed(running.child);
      FIGURES.crashes++;
      if (extraArgs.length) FIGURES.compactionCrashes++;
      stop = true;
      await Promise.all(writers);
      const after = inspectFiles(dir, file);
      FIGURES.compactions += after.generation - generation;
      generation = after.generation;
    }
    // A last restart checks the final round's acknowledged writes.
    const last = await checkRestart();
    await killed(last.child);
    FIGURES.tempFilesLeft += fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')).length;
    assert.equal(FIGURES.tempFilesLeft, 0, 'a restart removes the temp files of killed writers');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function crashSuite(): void {
  describe('hardening: kill -9 during writes with --data', function () {
    this.timeout(600_000);
    const rounds = scaled(3, 25);
    before(() => assert.ok(fs.existsSync(CLI), `${CLI} missing: run tsc -p . first`));
    afterEach(() => recordFigures('crash', FIGURES));
    after(async () => { for (const child of CHILDREN) await killed(child); });

    it(`keeps every acknowledged write across ${rounds} SIGKILLs while writes append to the journal`, async () => {
      await crashRounds(rounds, 4242, []);
      assert.ok(FIGURES.acknowledgedWrites > 0);
    });

    it(`keeps every acknowledged write across ${rounds} SIGKILLs while every write compacts the journal into the data file`, async () => {
      const before = FIGURES.compactions;
      await crashRounds(rounds, 4243, ['--compact-after', '1']);
      assert.ok(FIGURES.compactions > before, 'the writes compacted the journal');
    });
  });
}
