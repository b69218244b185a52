// Sessions the user activated in this window: when one reaches a terminal status, say so once.
import * as vscode from 'vscode';
import type { RestoreSession, Workload } from '../backup/model';
import { isTerminalSession } from '../backup/model';
import { progressText, sessionStatusWord } from '../backup/presentation';

export class WatchList {
  private readonly watched = new Map<string, Workload>();

  add(workload: Workload, sessionId: string): void {
    this.watched.set(sessionId, workload);
  }

  /** Call with every fresh copy of a session; notifies when a watched one has finished. */
  observe(session: RestoreSession): void {
    const workload = this.watched.get(session.id);
    if (!workload || !isTerminalSession(session.status)) return;
    this.watched.delete(session.id);
    const message = `${workload.label} restore session ${sessionStatusWord(session.status).toLowerCase()}: ${progressText(session)}.`;
    const show = session.status === 'completed' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(message, 'Open Details').then((choice) => {
      if (choice === 'Open Details') void vscode.commands.executeCommand('restoreSessions.openDetails', session.id);
    });
  }
}
