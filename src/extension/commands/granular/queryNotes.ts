// What a granular mailbox session restores, kept at creation. The Graph artifact carries only the opaque
// `searchResponseId` (and a deprecated `artifactCount`): neither the search expression nor its match count can
// be read back from the service, so the session that made the search remembers them here, by session id and by
// search response id, for the tree and the details panel to show ("Mail from Debra with 'invoice' in the
// subject · 117 items"). Kept for the life of the window.
export interface GranularQueryNote {
  sessionId: string;
  searchResponseId: string;
  mailbox: string;
  expression: string;
  /** The expression in words. */
  description: string;
  hitCount: number;
  /** The restore point the count was taken at (ISO). */
  pointDateTime?: string;
}

const bySession = new Map<string, GranularQueryNote>();
const bySearch = new Map<string, GranularQueryNote>();

export function rememberQuery(note: GranularQueryNote): void {
  bySession.set(note.sessionId, note);
  bySearch.set(note.searchResponseId, note);
}

/** The query of a session created in this window, by the session's id or its artifact's searchResponseId. */
export function queryNote(key: { sessionId?: string; searchResponseId?: string | null }): GranularQueryNote | undefined {
  return (key.sessionId ? bySession.get(key.sessionId) : undefined) ?? (key.searchResponseId ? bySearch.get(key.searchResponseId) : undefined);
}

/** `Mail from Debra with 'invoice' in the subject · 117 items`. */
export function queryNoteText(note: GranularQueryNote): string {
  return `${note.description} · ${note.hitCount.toLocaleString('en-US')} ${note.hitCount === 1 ? 'item' : 'items'}`;
}
