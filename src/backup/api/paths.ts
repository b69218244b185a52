// Graph paths of the restore API, built from the workload table. Every id that goes into a path passes
// through `segment`, so a typed or pasted id can never change which resource a request addresses.
import type { Workload } from '../model';

export const ROOT = '/solutions/backupRestore';

/** URL-encodes one path segment and rejects values that would escape it. */
export function segment(id: string): string {
  const trimmed = typeof id === 'string' ? id.trim() : '';
  if (trimmed === '' || trimmed === '.' || trimmed === '..' || [...trimmed].some((ch) => ch.charCodeAt(0) < 0x20)) {
    throw new InvalidIdError(id);
  }
  return encodeURIComponent(trimmed);
}

export class InvalidIdError extends Error {
  constructor(readonly value: unknown) {
    super(`"${String(value)}" is not a valid id: ids cannot be empty, "." or "..", or contain control characters.`);
    this.name = 'InvalidIdError';
  }
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
