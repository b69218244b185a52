// What this window knows about a session that the service cannot give back, kept on the connection's hub so
// the tree, the details panel, the confirmation and the completion notice all read the same notes:
// - the rows a bulk request was sent with (Graph returns a bulk request's resource lists empty, so neither
//   "3 rows resolving" on a draft nor the rows it failed to resolve could be told otherwise);
// - the query and match count of a granular mailbox restore (the artifact carries only the opaque
//   `searchResponseId`), by session id and by search response id.
// Kept for the life of the window. Free of `vscode`.
import type { BulkPreview } from '../../backup/bulkResolve';

export type BulkRow = BulkPreview['found'][number];

export interface GranularQueryNote {
  sessionId: string;
  searchResponseId: string;
  mailbox: string;
  expression: string;
  /** The expression in words (describeQueryExpression). */
  description: string;
  hitCount: number;
  /** The restore point the count was taken at (ISO). */
  pointDateTime?: string;
}

export class SessionNotes {
  private readonly rowsBySession = new Map<string, readonly BulkRow[]>();
  private readonly queriesBySession = new Map<string, GranularQueryNote>();
  private readonly queriesBySearch = new Map<string, GranularQueryNote>();

  rememberBulkRows(sessionId: string, rows: readonly BulkRow[]): void {
    this.rowsBySession.set(sessionId, rows);
  }

  /** The rows sent for a session created in this window; undefined for any other session. */
  bulkRows(sessionId: string): readonly BulkRow[] | undefined {
    return this.rowsBySession.get(sessionId);
  }

  rememberQuery(note: GranularQueryNote): void {
    this.queriesBySession.set(note.sessionId, note);
    this.queriesBySearch.set(note.searchResponseId, note);
  }

  /** The query of a session created in this window, by the session's id or its artifact's searchResponseId. */
  queryNote(key: { sessionId?: string; searchResponseId?: string | null }): GranularQueryNote | undefined {
    return (key.sessionId ? this.queriesBySession.get(key.sessionId) : undefined) ?? (key.searchResponseId ? this.queriesBySearch.get(key.searchResponseId) : undefined);
  }
}
