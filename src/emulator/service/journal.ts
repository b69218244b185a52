// The journal beside the `--data` base file: one line per acknowledged write, appended and fsynced before the
// answer leaves. A line is `<checksum> <json>\n`; the first line is a header naming the base file generation the
// journal continues. Records are generic: a restore or browse session put or removed (whole record, by id), or a
// small top-level state section (clock, seed, anything added to EmulatorState later) replaced, so replaying a
// journal needs no knowledge of what a section holds.
// What counts as damage: only the last line may be torn (a write cut short by kill -9 or power loss, never
// acknowledged because its fsync had not returned); a bad line followed by good ones is corruption. Zero bytes
// after the records are room grown ahead (dataFile.ts): JSON text never holds one, so they are no record.
import { createHash } from 'node:crypto';
import type { BrowseSessionRecord, EmulatorState, SessionRecord } from '../state';
import { isSessionRecord } from './persistence';

/** What one acknowledged write changed, as its handler knows it. */
export interface StateChange {
  sessions?: readonly SessionRecord[];
  removedSessionIds?: readonly string[];
  browseSessions?: readonly BrowseSessionRecord[];
  removedBrowseSessionIds?: readonly string[];
}

export type JournalOp =
  | { op: 'session'; record: SessionRecord }
  | { op: 'sessionRemoved'; id: string }
  | { op: 'browseSession'; record: BrowseSessionRecord }
  | { op: 'browseSessionRemoved'; id: string }
  | { op: 'section'; key: string; value: unknown }
  | { op: 'sectionRemoved'; key: string };

/** The state keys that are collections of records, journaled record by record; every other key is a section. */
const COLLECTIONS = new Set(['sessions', 'browseSessions']);
/** A section that never changes once written (the file format). */
const FIXED = new Set(['version']);

export function opsOf(change: StateChange): JournalOp[] {
  return [
    ...(change.sessions ?? []).map((record): JournalOp => ({ op: 'session', record })),
    ...(change.removedSessionIds ?? []).map((id): JournalOp => ({ op: 'sessionRemoved', id })),
    ...(change.browseSessions ?? []).map((record): JournalOp => ({ op: 'browseSession', record })),
    ...(change.removedBrowseSessionIds ?? []).map((id): JournalOp => ({ op: 'browseSessionRemoved', id })),
  ];
}

/** The serialised small sections of a state, to journal only those that changed since the last write. */
export function sectionsOf(state: EmulatorState): Map<string, string> {
  const sections = new Map<string, string>();
  for (const [key, value] of Object.entries(state)) {
    if (COLLECTIONS.has(key) || FIXED.has(key) || value === undefined) continue;
    sections.set(key, JSON.stringify(value));
  }
  return sections;
}

export function sectionOps(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): JournalOp[] {
  const ops: JournalOp[] = [];
  for (const [key, json] of after) if (before.get(key) !== json) ops.push({ op: 'section', key, value: JSON.parse(json) as unknown });
  for (const key of before.keys()) if (!after.has(key)) ops.push({ op: 'sectionRemoved', key });
  return ops;
}

const checksum = (json: string): string => createHash('sha256').update(json).digest('hex').slice(0, 16);

export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}\n`;
}

/** A line's value, or undefined when it is not a whole, intact line. */
function decodeLine(line: string): unknown {
  const json = line.slice(17);
  if (line[16] !== ' ' || checksum(json) !== line.slice(0, 16)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export const header = (generation: number): string => encodeLine({ journal: 1, generation });

export interface ParsedJournal {
  generation: number;
  /** Each record's operations, in write order. */
  records: JournalOp[][];
  /** Bytes of the header and intact records; anything after them is a torn last record. */
  validBytes: number;
}

/** Parses journal text; a reason string when the journal is damaged beyond a torn last record. */
export function parseJournal(text: string): ParsedJournal | string {
  const lines = text.replace(/\0+$/, '').split('\n');
  // After the last newline: empty for a journal whose last record is whole, a torn write otherwise.
  const tail = lines.pop() ?? '';
  const head = lines.length > 0 ? decodeLine(lines[0]) as { journal?: unknown; generation?: unknown } | undefined : undefined;
  if (!head || head.journal !== 1 || !Number.isSafeInteger(head.generation)) return 'its journal has no valid header';
  const records: JournalOp[][] = [];
  let validBytes = Buffer.byteLength(lines[0]) + 1;
  for (let i = 1; i < lines.length; i++) {
    const record = decodeLine(lines[i]) as { ops?: unknown } | undefined;
    const ops = record?.ops;
    const isLast = i === lines.length - 1 && tail === '';
    if (!Array.isArray(ops) || !ops.every(isOp)) {
      // A whole last line whose checksum fails is a write whose fsync never returned: unacknowledged.
      if (isLast) break;
      return `journal record ${i} is damaged and later records follow it`;
    }
    records.push(ops);
    validBytes += Buffer.byteLength(lines[i]) + 1;
  }
  return { generation: head.generation as number, records, validBytes };
}

function isOp(value: unknown): value is JournalOp {
  const op = value as Partial<Record<string, unknown>> | null;
  if (!op || typeof op !== 'object') return false;
  switch (op.op) {
    case 'session': return isSessionRecord(op.record);
    case 'browseSession': return typeof (op.record as BrowseSessionRecord | undefined)?.browseSession?.id === 'string';
    case 'sessionRemoved': case 'browseSessionRemoved': return typeof op.id === 'string';
    case 'section': return typeof op.key === 'string' && !COLLECTIONS.has(op.key) && !FIXED.has(op.key) && 'value' in op;
    case 'sectionRemoved': return typeof op.key === 'string' && !COLLECTIONS.has(op.key) && !FIXED.has(op.key);
    default: return false;
  }
}

/** The base state with the journal's records applied in order. */
export function replay(base: EmulatorState, records: readonly JournalOp[][]): EmulatorState {
  if (records.length === 0) return base;
  const sessions = new Map(base.sessions.map((r) => [r.session.id.toLowerCase(), r]));
  const browse = new Map(base.browseSessions.map((r) => [r.browseSession.id, r]));
  const state: Record<string, unknown> = { ...base };
  for (const op of records.flat()) {
    switch (op.op) {
      case 'session': sessions.set(op.record.session.id.toLowerCase(), op.record); break;
      case 'sessionRemoved': sessions.delete(op.id.toLowerCase()); break;
      case 'browseSession': browse.set(op.record.browseSession.id, op.record); break;
      case 'browseSessionRemoved': browse.delete(op.id); break;
      case 'section': state[op.key] = op.value; break;
      case 'sectionRemoved': delete state[op.key]; break;
    }
  }
  return { ...(state as unknown as EmulatorState), sessions: [...sessions.values()], browseSessions: [...browse.values()] };
}
