// The `--data` file: loaded once at start and rewritten atomically after every acknowledged write (temp file in
// the same folder, fsync, rename), so a crash leaves either the old or the new state, never half of one. The
// temp file has an unpredictable name and is created exclusively (never through a planted file or link), and
// the data is readable by its owner only (0600).
// A file that exists but cannot be read or parsed stops the emulator: it is never silently overwritten.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EmulatorState } from '../state';

export class DataFileError extends Error {
  constructor(file: string, reason: string) {
    super(`Cannot use data file ${file}: ${reason}. Fix or move the file; the emulator will not overwrite it.`);
    this.name = 'DataFileError';
  }
}

/** The saved state, or undefined when the file does not exist yet. */
export function loadState(file: string): EmulatorState | undefined {
  removeStaleTemps(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(file, (err as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  const state = parsed as Partial<EmulatorState> | null;
  if (!state || typeof state !== 'object' || state.version !== 1 || !Array.isArray(state.sessions) || !Array.isArray(state.browseSessions)
    || (state.seed !== 'demo' && state.seed !== 'empty')) {
    throw new DataFileError(file, 'not an emulator state file (expected version 1 with sessions and browseSessions)');
  }
  for (const record of state.sessions) {
    if (!record || typeof record !== 'object' || typeof record.session?.id !== 'string' || !Array.isArray(record.standard)
      || !Array.isArray(record.granular) || !Array.isArray(record.bulkRequests)) {
      throw new DataFileError(file, 'a session record is malformed');
    }
  }
  return state as EmulatorState;
}

export function saveState(file: string, state: EmulatorState): void {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(state));
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
}

/**
 * Temp files of `saveState` left by a process killed between write and rename (kill -9, power loss). Each
 * carries its writer's pid; those of processes that are gone are removed, a live writer's is left alone.
 */
export function removeStaleTemps(file: string): number {
  const dir = path.dirname(path.resolve(file));
  const pattern = new RegExp(`^\\.${path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-f]{16}\\.tmp$`);
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    } catch {
      // not ours to fight over
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
