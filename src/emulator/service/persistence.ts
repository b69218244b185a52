// The `--data` base file: a whole state as JSON, written only by compaction (dataFile.ts) and always atomically
// (temp file in the same folder, fsync, rename, fsync of the folder), so a crash leaves either the old or the new
// file, never half of one. Temp files have unpredictable names and are created exclusively (never through a
// planted file or link), and everything is readable by its owner only (0600).
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

/** A loaded base file: the state, and which journal generation it already holds (0 for files without one). */
export interface BaseFile { state: EmulatorState; generation: number; bytes: number }

/** The key under which the base file names its journal generation, beside the state's own keys. */
const GENERATION_KEY = 'journalGeneration';

/** The saved base state, or undefined when the file does not exist yet. */
export function loadBase(file: string): BaseFile | undefined {
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
  const { [GENERATION_KEY]: generation = 0, ...state } = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  if (!Number.isSafeInteger(generation) || (generation as number) < 0) throw new DataFileError(file, `'${GENERATION_KEY}' is not a generation number`);
  checkState(file, state);
  return { state: state as unknown as EmulatorState, generation: generation as number, bytes: Buffer.byteLength(text) };
}

/** Throws DataFileError unless `value` is a whole emulator state (also run on a state rebuilt from the journal). */
export function checkState(file: string, value: unknown): void {
  const state = value as Partial<EmulatorState> | null;
  if (!state || typeof state !== 'object' || state.version !== 1 || !Array.isArray(state.sessions) || !Array.isArray(state.browseSessions)
    || (state.seed !== 'demo' && state.seed !== 'empty')) {
    throw new DataFileError(file, 'not an emulator state file (expected version 1 with sessions and browseSessions)');
  }
  for (const record of state.sessions) {
    if (!isSessionRecord(record)) throw new DataFileError(file, 'a session record is malformed');
  }
}

/** The shape every stored restore session has (base file and journal alike). */
export function isSessionRecord(value: unknown): boolean {
  const record = value as { session?: { id?: unknown }; standard?: unknown; granular?: unknown; bulkRequests?: unknown } | null;
  return !!record && typeof record === 'object' && typeof record.session?.id === 'string' && Array.isArray(record.standard)
    && Array.isArray(record.granular) && Array.isArray(record.bulkRequests);
}

/** Serialises a whole state as the base file of `generation`; returns its size in bytes. */
export function saveBase(file: string, state: EmulatorState, generation: number): number {
  return writeAtomically(file, JSON.stringify({ ...state, [GENERATION_KEY]: generation }));
}

/** Replaces `file` with `content` so that a crash at any point leaves the old or the new file. Returns bytes written. */
export function writeAtomically(file: string, content: string): number {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  const bytes = Buffer.from(content);
  try {
    writeAll(fd, bytes);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
  syncFolder(dir);
  return bytes.length;
}

/** Writes all of `bytes`, at `position` when given (else at the file's current offset). */
export function writeAll(fd: number, bytes: Buffer, position?: number): void {
  for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
}

/** Makes a rename in `dir` durable, so the next step (replacing the journal) never lands before it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Windows cannot open or fsync a folder; its renames are durable once they return.
    if (process.platform !== 'win32') throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Temp files of `writeAtomically` left by a process killed between write and rename (kill -9, power loss).
 * Each carries its writer's pid; those of processes that are gone are removed, a live writer's is left alone.
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

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
