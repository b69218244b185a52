// The session notes (sessionNotes.ts) in words, for the tree, toasts and the details panel host.
import * as vscode from 'vscode';
import type { GranularQueryNote } from './sessionNotes';

/** `3 rows resolving`: a bulk request's rows sent from this window, not yet resolved by the service. */
export function rowsResolvingText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 row resolving') : vscode.l10n.t('{0} rows resolving', count.toLocaleString('en-US'));
}

/** `117 items`. */
export function matchCountText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 matching item') : vscode.l10n.t('{0} matching items', count.toLocaleString('en-US'));
}

/** `Mail from Debra with 'invoice' in the subject · 117 matching items`. */
export function queryNoteText(note: GranularQueryNote): string {
  return `${note.description} · ${matchCountText(note.hitCount)}`;
}
