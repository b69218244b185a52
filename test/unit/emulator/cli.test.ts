import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../../src/emulator/cli.js');

describe('emulator: CLI', () => {
  it('prints the URL and the control token, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'empty', '--control-token', 'cli-test-control-token'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^Backup Storage emulator listening on (http:\/\/127\.0\.0\.1:\d+)\ncontrol token: cli-test-control-token\n$/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const res = await fetch(`${url}/v1.0/solutions/backupRestore/restoreSessions`);
    assert.equal(res.status, 200);
    assert.deepEqual((await res.json()).value, []);
    assert.equal((await fetch(`${url}/_emulator/state`)).status, 401);
    assert.equal((await fetch(`${url}/_emulator/state`, { headers: { 'x-emulator-control-token': 'cli-test-control-token' } })).status, 200);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.equal(output.split('\n').filter(Boolean).length, 2);
  });

  it('refuses a non-loopback --host without --allow-remote', () => {
    const run = spawnSync(process.execPath, [CLI, '--port', '0', '--host', '0.0.0.0'], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /not a loopback address.*--allow-remote/);
  });

  it('prints usage for --help and exits 2 on a bad flag', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--port <n>/);
    for (const args of [['--bogus'], ['--port'], ['--port', 'abc'], ['--seed', 'full'], ['--time-scale', '0'], ['--auth', 'maybe'], ['--https-port', '70000']]) {
      const bad = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      assert.equal(bad.status, 2, `${args.join(' ')}: ${bad.stderr}`);
      assert.match(bad.stderr, /^emulator: /);
    }
  });

  it('exits 1 with a clear message for a corrupt data file', () => {
    const fs = require('node:fs') as typeof import('node:fs'); // eslint-disable-line @typescript-eslint/no-require-imports
    const os = require('node:os') as typeof import('node:os'); // eslint-disable-line @typescript-eslint/no-require-imports
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-')), 'bad.json');
    fs.writeFileSync(file, 'garbage');
    const run = spawnSync(process.execPath, [CLI, '--port', '0', '--data', file], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Cannot use data file/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'garbage');
  });
});
