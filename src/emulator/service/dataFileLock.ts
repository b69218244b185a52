// One emulator per `--data` file: two writing one journal would interleave their records and the next start would
// refuse the file as damaged. `<file>.lock` holds the owner's pid. It is created whole or not at all (the pid is
// written to a temp file that is then hard-linked to the lock's name, which fails if the lock exists); a lock whose
// process is gone (kill -9, power loss) is taken over, a live owner's is refused with DataFileError.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataFileError, isAlive, removeStaleTemps } from './persistence';

/** Data files this process holds, so a second open in the same process is refused too. */
const HELD = new Set<string>();

export const lockPath = (file: string): string => `${file}.lock`;

/** Takes the lock of `file`; returns its release. */
export function lockDataFile(file: string): () => void {
  const key = path.resolve(file);
  if (HELD.has(key)) throw new DataFileError(file, 'this process is using it already');
  const lock = lockPath(file);
  removeStaleTemps(lock);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, lock)) {
      HELD.add(key);
      return () => {
        HELD.delete(key);
        fs.rmSync(lock, { force: true });
      };
    }
    const holder = Number(readIfPresent(lock)?.trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DataFileError(file, `another emulator (process ${holder}) is using it; stop that one first, or remove ${lock} if no emulator runs`);
    }
    // Its owner is gone (or was this process, which no longer holds the file): a stale lock.
    fs.rmSync(lock, { force: true });
  }
  throw new DataFileError(file, `its lock ${lock} keeps being taken by another process`);
}

function tryCreate(file: string, lock: string): boolean {
  const temp = path.join(path.dirname(path.resolve(lock)), `.${path.basename(lock)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
  fs.writeFileSync(temp, String(process.pid), { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(temp, lock);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DataFileError(file, `cannot create its lock ${lock} (${(err as Error).message})`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
