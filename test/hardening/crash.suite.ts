// kill -9 during writes: the emulator CLI runs as its own process with `--data`, writers fire creates and
// deletes, and the process is SIGKILLed at a random moment. After each crash the data file must parse as a
// state file, and a restart with the same file must hold every write that was acknowledged (2xx) before the
// kill: acknowledged creates present, acknowledged deletes absent.
import { strict as assert } from 'assert';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, prng, recordFigures, scaled, sleep } from './support';

const CLI = path.resolve(__dirname, '..', '..', 'src', 'emulator', 'cli.js');
/** Every launch of this suite uses the same control token, so restarted emulators accept the state reads. */
const CONTROL = { 'x-emulator-control-token': `crash-suite-${process.pid}-control` };

interface Running { child: ChildProcess; url: string }

function launch(dataFile: string, seed: 'demo' | 'empty'): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--host', '127.0.0.1', '--seed', seed, '--data', dataFile, '--control-token', CONTROL['x-emulator-control-token']], { stdio: ['ignore', 'pipe', 'pipe'] });
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

export function crashSuite(): void {
  describe('hardening: kill -9 during writes with --data', function () {
    this.timeout(600_000);
    const children: ChildProcess[] = [];
    after(async () => { for (const c of children) await killed(c); });

    it(`keeps every acknowledged write across ${scaled(3, 25)} SIGKILLs and never corrupts the file`, async () => {
      assert.ok(fs.existsSync(CLI), `${CLI} missing: run tsc -p . first`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-crash-'));
      const file = path.join(dir, 'state.json');
      const rng = prng(4242);
      const figures = { crashes: 0, restarts: 0, acknowledgedWrites: 0, unacknowledgedWrites: 0, lostWrites: 0, corruptions: 0, resurrectedDeletes: 0, tempFilesAfterKills: 0, tempFilesLeft: 0, failedRestarts: 0 };
      const created = new Set<string>();
      const deleted = new Set<string>();
      const crashes = scaled(3, 25);
      try {
        for (let round = 0; round < crashes; round++) {
          const running = await launch(file, 'demo');
          children.push(running.child);
          figures.restarts++;
          // Everything acknowledged so far is there after the restart.
          const state = (await (await fetch(`${running.url}/_emulator/state?detail=sessions`, { headers: CONTROL })).json()) as { sessions: { session: { id: string } }[] };
          const ids = new Set(state.sessions.map((r) => r.session.id.toLowerCase()));
          for (const id of created) if (!ids.has(id)) figures.lostWrites++;
          for (const id of deleted) if (ids.has(id)) figures.resurrectedDeletes++;
          assert.equal(figures.lostWrites, 0, `round ${round}: acknowledged creates lost`);
          assert.equal(figures.resurrectedDeletes, 0, `round ${round}: acknowledged deletes undone`);

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
                  figures.acknowledgedWrites++;
                } else if (res.status === 204 && target) {
                  deleted.add(target);
                  figures.acknowledgedWrites++;
                } else if (target) {
                  created.add(target); // refused: still there
                }
              } catch {
                figures.unacknowledgedWrites++; // in flight when the process died: no answer, no promise
                return;
              }
            }
          };
          const writers = Array.from({ length: 4 }, writer);
          await sleep(30 + rng.int(400));
          await killed(running.child);
          figures.crashes++;
          stop = true;
          await Promise.all(writers);
          figures.tempFilesAfterKills += fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')).length;
          // The file on disk is always a whole state: old or new, never half.
          try {
            const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: number; sessions?: unknown[] };
            assert.ok(saved.version === 1 && Array.isArray(saved.sessions), 'a whole state file');
          } catch (err) {
            figures.corruptions++;
            throw err;
          }
        }
        // A last restart checks the final round's acknowledged writes.
        const last = await launch(file, 'demo');
        children.push(last.child);
        const state = (await (await fetch(`${last.url}/_emulator/state?detail=sessions`, { headers: CONTROL })).json()) as { sessions: { session: { id: string } }[] };
        const ids = new Set(state.sessions.map((r) => r.session.id.toLowerCase()));
        for (const id of created) if (!ids.has(id)) figures.lostWrites++;
        for (const id of deleted) if (ids.has(id)) figures.resurrectedDeletes++;
        await killed(last.child);
        figures.tempFilesLeft = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')).length;
        recordFigures('crash', figures);
        assert.equal(figures.lostWrites, 0);
        assert.equal(figures.resurrectedDeletes, 0);
        assert.ok(figures.acknowledgedWrites > 0);
        assert.equal(figures.tempFilesLeft, 0, 'a restart removes the temp files of killed writers');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
