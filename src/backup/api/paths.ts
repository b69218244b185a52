// Graph paths of the restore API, built from the workload table. Every id that goes into a path passes
// through `segment`, so a typed or pasted id can never change which resource a request addresses.
import type { Workload } from '../model';

export const ROOT = '/solutions/backupRestore';

/** URL-encodes one path segment and rejects values that would escape it. */
export function segment(id: string): string {
  const trimmed = typeof id === 'string' ? id.trim() : '';
  if (trimmed === '' || trimmed.length > MAX_ID_LENGTH || traverses(trimmed)) {
    throw new InvalidIdError(id);
  }
  return encodeURIComponent(trimmed);
}

const MAX_ID_LENGTH = 1024;

/**
 * True when the id, as typed or after any number of percent-decodings (a proxy or server may decode once more),
 * is or contains a "." / ".." path segment, or holds a control character (including DEL and C1).
 */
function traverses(id: string): boolean {
  let value = id;
  for (let round = 0; round < 4; round++) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return true;
    if (value.split(/[/\\]/).some((part) => part === '.' || part === '..')) return true;
    // Lenient: decode every valid %XX escape even when others are malformed, as a forgiving server would.
    const decoded = value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (decoded === value) return false;
    value = decoded;
  }
  return true; // encoded more than four times deep: no real id looks like that
}

export class InvalidIdError extends Error {
  constructor(readonly value: unknown) {
    super(`"${printable(value)}" is not a valid id: ids cannot be empty, longer than ${MAX_ID_LENGTH} characters, be or contain a "." or ".." path segment (also percent-encoded, like %2e%2e), or contain control characters.`);
    this.name = 'InvalidIdError';
  }
}

/** The value with control characters shown as \uXXXX, shortened, so the message itself stays one clean line. */
function printable(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

export const paths = {
  restoreSessions: () => `${ROOT}/restoreSessions`,
  restoreSession: (id: string) => `${ROOT}/restoreSessions/${segment(id)}`,
  activate: (id: string) => `${ROOT}/restoreSessions/${segment(id)}/activate`,
  workloadSessions: (w: Workload) => `${ROOT}/${w.sessionCollection}`,
  workloadSession: (w: Workload, id: string) => `${ROOT}/${w.sessionCollection}/${segment(id)}`,
  navigation: (w: Workload, sessionId: string, nav: string) => `${ROOT}/${w.sessionCollection}/${segment(sessionId)}/${nav}`,
  navigationItem: (w: Workload, sessionId: string, nav: string, itemId: string) =>
    `${ROOT}/${w.sessionCollection}/${segment(sessionId)}/${nav}/${segment(itemId)}`,
  protectionUnits: (w?: Workload) => (w ? `${ROOT}/${w.protectionUnits.nav}` : `${ROOT}/protectionUnits`),
  protectionUnit: (id: string) => `${ROOT}/protectionUnits/${segment(id)}`,
  protectionPolicies: () => `${ROOT}/protectionPolicies`,
  workloadPolicies: (w: Workload) => `${ROOT}/${w.policyCollection}`,
  policyUnits: (w: Workload, policyId: string) => `${ROOT}/${w.policyCollection}/${segment(policyId)}/${w.protectionUnits.nav}`,
  restorePoints: () => `${ROOT}/restorePoints`,
  restorePoint: (id: string) => `${ROOT}/restorePoints/${segment(id)}`,
  restorePointSearch: () => `${ROOT}/restorePoints/search`,
  browseSessions: (collection: string) => `${ROOT}/${collection}`,
  browseSession: (collection: string, id: string) => `${ROOT}/${collection}/${segment(id)}`,
  browse: (collection: string, id: string) => `${ROOT}/${collection}/${segment(id)}/browse`,
  serviceRoot: () => ROOT,
};

/** Quotes a string literal for an OData `$filter` (single quotes doubled). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
