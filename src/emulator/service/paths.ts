// Splitting a request target into the part of the emulator it addresses (Graph under a version, $batch, or
// the /_emulator controls, or `$metadata`), decoded path segments, and query options. OData key syntax
// `restoreSessions('id')` is accepted as the equivalent `restoreSessions/id`; the CSDL function form
// `browse(nextFetchToken='…')` as the documented `browse?$skiptoken=…` (the same opaque token).
import { ownEntry } from '../../backup/model/lookup';
import { badRequest } from '../errors';

export interface ParsedPath {
  area: 'graph' | 'batch' | 'metadata' | 'controls' | 'other';
  /** `v1.0` or `beta` when the path carried a version. */
  version?: string;
  /** Segments after `/solutions/backupRestore` (graph) or after `/_emulator` (controls). */
  segments: string[];
  query: Map<string, string>;
}

const VERSIONS: Record<string, string> = { 'v1.0': 'v1.0', beta: 'beta' };
const KEY_SEGMENT = /^([^()]+)\('?([^()']*)'?\)$/;
const FUNCTION_SEGMENT = /^((?:microsoft\.graph\.)?browse)\(\s*nextFetchToken\s*=\s*'((?:[^']|'')*)'\s*\)$/i;

export function parsePath(rawTarget: string): ParsedPath {
  // A request line may carry the absolute form (`GET http://host/v1.0/… HTTP/1.1`); only the path matters.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rawTarget);
  const target = absolute ? rawTarget.slice(absolute[0].length) || '/' : rawTarget;
  const q = target.indexOf('?');
  const pathname = q < 0 ? target : target.slice(0, q);
  const search = q < 0 ? '' : target.slice(q + 1);
  let segments: string[];
  try {
    segments = pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
  } catch {
    throw badRequest('BadRequest', 'The request path is not correctly percent-encoded.');
  }
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  const query = parseQuery(search);
  if (segments[0] === '_emulator') return { area: 'controls', segments: segments.slice(1), query };
  const version = ownEntry(VERSIONS, (segments[0] ?? '').toLowerCase());
  const rest = version ? segments.slice(1) : segments;
  if (rest.length === 1 && rest[0] === '$batch' && version) return { area: 'batch', version, segments: [], query };
  if (rest.length === 1 && rest[0] === '$metadata' && version) return { area: 'metadata', version, segments: [], query };
  if (rest.length >= 2 && rest[0].toLowerCase() === 'solutions' && rest[1].toLowerCase() === 'backuprestore') {
    const graphSegments: string[] = [];
    for (const segment of rest.slice(2)) {
      const call = FUNCTION_SEGMENT.exec(segment);
      if (call) {
        if (query.has('$skiptoken')) throw badRequest('BadRequest', 'Give the browse token once: as nextFetchToken or as $skiptoken.');
        graphSegments.push(call[1]);
        query.set('$skiptoken', call[2].replace(/''/g, "'"));
        continue;
      }
      const key = KEY_SEGMENT.exec(segment);
      if (key) graphSegments.push(key[1], key[2]);
      else graphSegments.push(segment);
    }
    return { area: 'graph', version, segments: graphSegments, query };
  }
  return { area: 'other', version, segments: rest, query };
}

function parseQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  if (search === '') return query;
  let params: URLSearchParams;
  try {
    // URLSearchParams never throws on bad escapes; decodeURIComponent is the strict check.
    for (const part of search.split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    params = new URLSearchParams(search);
  } catch {
    throw badRequest('BadRequest', 'The query string is not correctly percent-encoded.');
  }
  for (const [name, value] of params) {
    if (name === '') continue;
    const lower = name.startsWith('$') ? name.toLowerCase() : name;
    if (query.has(lower)) throw badRequest('BadRequest', `The query option '${name}' is given more than once.`);
    query.set(lower, value);
  }
  return query;
}
