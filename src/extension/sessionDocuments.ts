// Read-only JSON documents of sessions (`restore-session:/<workload>/<id>.json`): the session with its
// artifacts and bulk requests inline, read from the service when opened and again whenever the explorer or a
// panel sees the session change, so an open document follows the restore.
import * as vscode from 'vscode';
import type { BackupApi } from '../backup/api';
import { sessionDocument, type SessionContents } from '../backup/exports';
import { isWorkloadId, workload as workloadById, type RestoreSession, type Workload } from '../backup/model';

export const SESSION_SCHEME = 'restore-session';

export function sessionUri(workload: Workload, sessionId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SESSION_SCHEME, path: `/${workload.id}/${encodeURIComponent(sessionId)}.json` });
}

/** A session and everything in it, read in parallel. */
export async function readSession(api: BackupApi, workload: Workload, sessionId: string): Promise<{ session: RestoreSession; contents: SessionContents }> {
  const [{ body: session }, standard, granular, bulkRequests] = await Promise.all([
    api.sessions.get(workload, sessionId),
    api.artifacts.listAll(workload, sessionId, 'standard'),
    api.artifacts.listAll(workload, sessionId, 'granular'),
    api.artifacts.listBulkRequests(workload, sessionId),
  ]);
  return { session, contents: { standard, granular, bulkRequests } };
}

export class SessionDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly api: () => Promise<BackupApi>) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, workloadId, file] = uri.path.split('/');
    if (!isWorkloadId(workloadId) || !file?.endsWith('.json')) return '// Not a restore session document.';
    const workload = workloadById(workloadId);
    const sessionId = decodeURIComponent(file.slice(0, -'.json'.length));
    try {
      const { session, contents } = await readSession(await this.api(), workload, sessionId);
      return JSON.stringify(sessionDocument(workload, session, contents), null, 2);
    } catch (error) {
      return `// Could not read restore session ${sessionId}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Re-reads the document of this session if one is open. */
  sessionChanged(workload: Workload, sessionId: string): void {
    const uri = sessionUri(workload, sessionId);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
