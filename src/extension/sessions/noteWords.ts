// The session notes (sessionNotes.ts) in words, for the tree, toasts and the details panel host.
import * as vscode from 'vscode';
import type { GranularQueryNote } from './sessionNotes';

/**
 * A bulk request's rows sent from this window, not yet units: `3 rows to resolve` on a draft (the service resolves
 * them when it is activated), `3 rows resolving` after.
 */
export function bulkRowsText(count: number, draft: boolean): string {
  const n = count.toLocaleString('en-US');
  if (draft) return count === 1 ? vscode.l10n.t('1 row to resolve') : vscode.l10n.t('{0} rows to resolve', n);
  return count === 1 ? vscode.l10n.t('1 row resolving') : vscode.l10n.t('{0} rows resolving', n);
}

/** `117 items`. */
export function matchCountText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 matching item') : vscode.l10n.t('{0} matching items', count.toLocaleString('en-US'));
}

/** `Mail from Debra with 'invoice' in the subject · 117 matching items`. */
export function queryNoteText(note: GranularQueryNote): string {
  return `${note.description} · ${matchCountText(note.hitCount)}`;
}
