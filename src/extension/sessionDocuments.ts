// Read-only JSON documents of sessions (`restore-session:/<workload>/<id>.json`): the session with its
// artifacts and bulk requests inline. Read through the session hub when opened, and shown again whenever
// the hub announces a change of that session, so an open document follows the restore.
import * as vscode from 'vscode';
import type { SessionRead } from '../backup/api';
import { sessionDocument } from '../backup/exports';
import { isWorkloadId, workload as workloadById, type Workload } from '../backup/model';
import type { SessionChange } from './sessions/hub';
import type { SessionHubs } from './sessions/hubs';

export const SESSION_SCHEME = 'restore-session';

export function sessionUri(workload: Workload, sessionId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SESSION_SCHEME, path: `/${workload.id}/${encodeURIComponent(sessionId)}.json` });
}

export class SessionDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** The read a change brought, shown by the next `provideTextDocumentContent` instead of reading again. */
  private readonly fresh = new Map<string, SessionRead>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly hubs: SessionHubs) {
    this.subscription = hubs.onDidChangeSession((change) => this.sessionChanged(change));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, workloadId, file] = uri.path.split('/');
    if (!isWorkloadId(workloadId) || !file?.endsWith('.json')) return vscode.l10n.t('// Not a restore session document.');
    const workload = workloadById(workloadId);
    const sessionId = decodeURIComponent(file.slice(0, -'.json'.length));
    try {
      const read = this.fresh.get(uri.toString()) ?? (await (await this.hubs.active()).load(workload, sessionId, 'refresh'));
      if (!read?.contents) return vscode.l10n.t('// Restore session {0} no longer exists.', sessionId);
      return JSON.stringify(sessionDocument(workload, read.session, read.contents), null, 2);
    } catch (error) {
      return vscode.l10n.t('// Could not read restore session {0}: {1}', sessionId, error instanceof Error ? error.message : String(error));
    }
  }

  /** Shows the document of this session again if one is open: with the read the change brought, or a new read. */
  private sessionChanged(change: SessionChange): void {
    const uri = sessionUri(change.workload, change.sessionId);
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (change.read?.contents) this.fresh.set(uri.toString(), change.read);
    else this.fresh.delete(uri.toString());
    this.changed.fire(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
