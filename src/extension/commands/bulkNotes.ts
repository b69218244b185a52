// The rows a bulk request was sent with, kept when Bulk Restore from CSV creates it. Graph returns a bulk
// request's resource lists empty (to keep responses small), so neither the number of rows still resolving
// ("3 rows resolving" on a draft) nor the rows it failed to resolve can be read back from the service; the
// tree, the details panel and the follow-up after activation read them here. Kept for the life of the window.
import type { BulkPreview } from '../../backup/bulkResolve';
import { isGuid } from '../../backup/model';

export type BulkRow = BulkPreview['found'][number];

const rowsBySession = new Map<string, readonly BulkRow[]>();

export function rememberBulkRows(sessionId: string, rows: readonly BulkRow[]): void {
  rowsBySession.set(sessionId, rows);
}

/** The rows sent for a session created in this window; undefined for any other session. */
export function bulkRows(sessionId: string): readonly BulkRow[] | undefined {
  return rowsBySession.get(sessionId);
}

/** `3 rows resolving`, or '' when the rows of this session are not known. */
export function bulkRowsResolvingText(sessionId: string): string {
  const count = rowsBySession.get(sessionId)?.length;
  return count === undefined ? '' : `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'} resolving`;
}

/** The rows as a bulk request lists them: addresses or URLs, and ids (GUIDs). */
export function bulkLists(rows: readonly BulkRow[]): { resources: string[]; resourceIds: string[] } {
  return { resources: rows.filter((r) => !isGuid(r.value)).map((r) => r.value), resourceIds: rows.filter((r) => isGuid(r.value)).map((r) => r.value) };
}
