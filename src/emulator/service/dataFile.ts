// The `--data` file and its journal, as one durable store whose write cost does not grow with the tenant:
// - each acknowledged write appends one journal record (`<file>.journal`) and fsyncs it before the answer leaves;
//   the journal is grown ahead in zero-filled chunks, so a record lands in space the file already has and its
//   fsync flushes the record alone, not a change of the file's size (cheaper, most of all on a busy disk);
// - once the journal outgrows the base file (and a floor), compaction writes the whole state as a new base file
//   generation (temp + fsync + rename) and only then replaces the journal with an empty one of that generation
//   (temp + fsync + rename). A crash between the two leaves a journal of the older generation, which the next
//   start recognises as already folded in and ignores; so every acknowledged write is in the base or the journal.
// Loading reads the base file, replays the journal of its generation, drops a torn last record (a write cut short,
// never acknowledged) and refuses anything else that is damaged (DataFileError) without touching it. One process
// at a time holds the file (dataFileLock.ts).
import * as fs from 'node:fs';
import type { EmulatorState } from '../state';
import type { JournalOp, StateChange } from './journal';
import { encodeLine, header, opsOf, parseJournal, replay, sectionOps, sectionsOf } from './journal';
import { lockDataFile } from './dataFileLock';
import { checkState, DataFileError, loadBase, removeStaleTemps, saveBase, writeAll, writeAtomically } from './persistence';

/** Journals smaller than this are never compacted: replaying them takes a few tens of milliseconds. */
export const MIN_COMPACT_BYTES = 4 * 1024 * 1024;
/** How far ahead the journal is grown (zero-filled) when a record would not fit. */
const GROW_BYTES = 256 * 1024;

export const journalPath = (file: string): string => `${file}.journal`;

export interface DataFileOptions {
  /** Compact once the journal exceeds this many bytes (default: the base file's size, at least MIN_COMPACT_BYTES). */
  compactAfterBytes?: number;
}

export class DataFile {
  private fd: number | undefined;
  private closed = false;
  /** End of the last record: where the next one is written. */
  private journalBytes = 0;
  /** Size of the journal file: records, then zero-filled room for more. */
  private allocatedBytes = 0;
  /** Serialised small sections as last journaled, so a write records only the sections it changed. */
  private sections = new Map<string, string>();

  private constructor(
    readonly file: string,
    private generation: number,
    private baseBytes: number,
    private readonly options: DataFileOptions,
    private readonly unlock: () => void,
  ) {}

  /** Opens `file` for this process alone: the saved state (undefined on first start, when the caller compacts its fresh state). */
  static open(file: string, options: DataFileOptions = {}): { dataFile: DataFile; saved: EmulatorState | undefined } {
    const unlock = lockDataFile(file);
    try {
      return DataFile.load(file, options, unlock);
    } catch (err) {
      unlock();
      throw err;
    }
  }

  private static load(file: string, options: DataFileOptions, unlock: () => void): { dataFile: DataFile; saved: EmulatorState | undefined } {
    const journal = journalPath(file);
    const base = loadBase(file);
    removeStaleTemps(journal);
    const text = readIfPresent(journal);
    if (!base) {
      if (text !== undefined) throw new DataFileError(file, `it is missing but its journal ${journal} is there (move the journal away to start afresh)`);
      return { dataFile: new DataFile(file, 0, 0, options, unlock), saved: undefined };
    }
    const dataFile = new DataFile(file, base.generation, base.bytes, options, unlock);
    const parsed = text === undefined ? undefined : parseJournal(text);
    if (typeof parsed === 'string') throw new DataFileError(journal, parsed);
    if (parsed && parsed.generation > base.generation) {
      throw new DataFileError(journal, `it continues generation ${parsed.generation} of the data file, which holds generation ${base.generation} (an older copy of the data file?)`);
    }
    let state = base.state;
    if (parsed && parsed.generation === base.generation) {
      state = replay(base.state, parsed.records);
      checkState(file, state);
      dataFile.continueJournal(parsed.validBytes);
    } else {
      // No journal yet (a file from before journals), or one already folded into this base (a crash mid-compaction).
      dataFile.startJournal();
    }
    dataFile.sections = sectionsOf(state);
    return { dataFile, saved: state };
  }

  /** Makes one acknowledged write durable: appended to the journal and fsynced, or folded into a compaction. */
  record(change: StateChange, state: EmulatorState): void {
    if (this.closed) throw new Error(`The data file ${this.file} is closed.`);
    const after = sectionsOf(state);
    const ops: JournalOp[] = [...opsOf(change), ...sectionOps(this.sections, after)];
    if (ops.length === 0) return;
    const line = Buffer.from(encodeLine({ ops }));
    // A write that alone outgrows the journal (a bulk seed) is cheaper written once, as the state.
    if (line.length > this.compactAfter()) {
      this.compact(state);
      return;
    }
    this.append(line);
    this.sections = after;
    if (this.journalBytes > this.compactAfter()) this.compactQuietly(state);
  }

  /** Writes the whole state as the next base generation and starts an empty journal for it. */
  compact(state: EmulatorState): void {
    if (this.closed) throw new Error(`The data file ${this.file} is closed.`);
    const generation = this.generation + 1;
    this.baseBytes = saveBase(this.file, state, generation);
    // From here the base holds everything; the old journal is stale whether or not the next step completes.
    this.generation = generation;
    this.closeJournal();
    this.sections = sectionsOf(state);
    this.startJournal();
  }

  close(): void {
    if (this.closed) return;
    this.closeJournal();
    this.closed = true;
    this.unlock();
  }

  private compactAfter(): number {
    return this.options.compactAfterBytes ?? Math.max(MIN_COMPACT_BYTES, this.baseBytes);
  }

  /** A compaction that fails after the write was journaled loses nothing: the journal keeps growing until the next try. */
  private compactQuietly(state: EmulatorState): void {
    try {
      this.compact(state);
    } catch (err) {
      process.emitWarning(`Compacting ${this.file} failed; its journal keeps every write. ${(err as Error).message}`);
    }
  }

  private append(line: Buffer): void {
    if (this.fd === undefined) this.startJournal();
    const fd = this.fd!;
    try {
      if (this.journalBytes + line.length > this.allocatedBytes) {
        const grow = Math.max(GROW_BYTES, this.journalBytes + line.length - this.allocatedBytes);
        writeAll(fd, Buffer.alloc(grow), this.allocatedBytes);
        fs.fdatasyncSync(fd);
        this.allocatedBytes += grow;
      }
      writeAll(fd, line, this.journalBytes);
      fs.fdatasyncSync(fd);
    } catch (err) {
      // Leave no partial record behind for the next write to follow (it would read as damage, not a torn tail).
      try {
        fs.ftruncateSync(fd, this.journalBytes);
        this.allocatedBytes = this.journalBytes;
      } catch { this.closeJournal(); }
      throw err;
    }
    this.journalBytes += line.length;
  }

  /** Replaces the journal with an empty one of the current generation (atomically) and opens it. */
  private startJournal(): void {
    const content = header(this.generation);
    writeAtomically(journalPath(this.file), content);
    this.fd = openForWriting(journalPath(this.file));
    this.journalBytes = Buffer.byteLength(content);
    this.allocatedBytes = this.journalBytes;
  }

  /**
   * Opens the loaded journal, cutting off a torn last record (and the room grown ahead) so the next record starts on
   * a clean line with nothing but zeros after it.
   */
  private continueJournal(validBytes: number): void {
    const fd = openForWriting(journalPath(this.file));
    if (fs.fstatSync(fd).size > validBytes) {
      fs.ftruncateSync(fd, validBytes);
      fs.fsyncSync(fd);
    }
    this.fd = fd;
    this.journalBytes = validBytes;
    this.allocatedBytes = validBytes;
  }

  private closeJournal(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

function openForWriting(file: string): number {
  // Never through a link planted in place of the journal. Records are written at their offset (no O_APPEND).
  return fs.openSync(file, fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0));
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(file, (err as Error).message);
  }
}
