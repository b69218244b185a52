// A browse session is `creating` for a short simulated while after it is requested, then `created`.
import type { BrowseSessionRecord } from '../state';

export const BROWSE_CREATION_SECONDS = 10;
export const BROWSE_LIFETIME_MS = 3 * 24 * 3600 * 1000;

export function refreshBrowseSession(record: BrowseSessionRecord, nowMs: number, timeScale = 1): void {
  const session = record.browseSession;
  if (session.status !== 'creating') return;
  const createdMs = Date.parse(session.createdDateTime ?? '');
  if (Number.isNaN(createdMs) || nowMs >= createdMs + (BROWSE_CREATION_SECONDS * 1000) / timeScale) session.status = 'created';
}
