// The small file interface the history recorder persists through, and its Node implementation. Tests point
// it at a temporary directory; the extension at its global storage folder. History names people and sites, so
// files are private to the user (0600, folders 0700), written durably (fsync before the rename that publishes
// them), and pruned after the retention the user chose.
import { createHash, randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';

export interface HistoryFiles {
  /** The whole file, or undefined when it does not exist. */
  read(name: string): Promise<string | undefined>;
  /** Replaces the file atomically (write aside, then rename). */
  write(name: string, content: string): Promise<void>;
  append(name: string, content: string): Promise<void>;
  remove(name: string): Promise<void>;
}

const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

/** Files under one directory; names may contain `/` for sub-folders. */
export function directoryFiles(root: string): HistoryFiles {
  const full = (name: string) => {
    const resolved = path.resolve(root, name);
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`history file name escapes its folder: ${name}`);
    return resolved;
  };
  return {
    async read(name) {
      try {
        return await fs.readFile(full(name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(name, content) {
      const file = full(name);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
      // an unpredictable name opened exclusively: nobody can plant a file or link there first
      const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
      const handle = await fs.open(temp, 'wx', PRIVATE_FILE);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    },
    async append(name, content) {
      const file = full(name);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_DIR });
      const handle = await fs.open(file, 'a', PRIVATE_FILE);
      try {
        await handle.appendFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async remove(name) {
      await fs.rm(full(name), { force: true });
    },
  };
}

/**
 * A file-system-safe name for a connection or session id: kept as is when it is plain (GUIDs are), otherwise
 * a readable prefix plus a hash, so different ids never share a file.
 */
export function safeName(id: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) return id;
  const prefix = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '').slice(0, 40);
  return `${prefix}~${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

/**
 * Removes history files not written for `retentionDays` days (0 keeps everything), and folders left empty.
 * Returns how many files went. A file that vanishes meanwhile is not an error.
 */
export async function pruneHistory(root: string, retentionDays: number, nowMs = Date.now()): Promise<number> {
  if (!(retentionDays > 0)) return 0;
  const cutoff = nowMs - retentionDays * 86_400_000;
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        await fs.rmdir(full).catch(() => undefined); // only succeeds when now empty
      } else if (entry.isFile()) {
        const stat = await fs.stat(full).catch(() => undefined);
        if (stat && stat.mtimeMs < cutoff) {
          await fs.rm(full, { force: true });
          removed++;
        }
      }
    }
  };
  await walk(root);
  return removed;
}
