// Applies the history retention setting: once per start, off the activation path, history files older than
// `restoreSessions.history.retentionDays` are removed from the extension's global storage.
import * as path from 'path';
import type * as vscode from 'vscode';
import { pruneHistory } from '../backup/history';
import type { Log } from './log';
import { readSettings } from './settings';

export function pruneHistorySoon(context: vscode.ExtensionContext, log: Log): void {
  const days = readSettings().historyRetentionDays;
  const root = path.join(context.globalStorageUri.fsPath, 'history');
  setTimeout(() => {
    pruneHistory(root, days).then(
      (removed) => removed && log.info(`history: removed ${removed} file(s) older than ${days} day(s)`),
      (error: unknown) => log.error(`history: could not prune: ${String(error)}`),
    );
  }, 5_000).unref?.();
}
