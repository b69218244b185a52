// The small file interface the history recorder persists through, and its Node implementation. Tests point
// it at a temporary directory; the extension at its global storage folder.
import { createHash } from 'crypto';
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
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(temp, content, 'utf8');
      await fs.rename(temp, file);
    },
    async append(name, content) {
      const file = full(name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.appendFile(file, content, 'utf8');
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
