// Read-only virtual documents of recorded history snapshots, so two of them can be opened in VS Code's diff
// editor. URI: restore-sessions-history:/<connectionId>/<sessionId>/<seq>.json (segments URI-encoded).
import * as vscode from 'vscode';
import type { HistoryKey, HistoryRecorder, HistorySnapshot } from '../../backup/history';

export const HISTORY_SCHEME = 'restore-sessions-history';

export function snapshotUri(key: HistoryKey, seq: number): vscode.Uri {
  return vscode.Uri.from({
    scheme: HISTORY_SCHEME,
    path: `/${encodeURIComponent(key.connectionId)}/${encodeURIComponent(key.sessionId)}/${seq}.json`,
  });
}

export function parseSnapshotUri(uri: vscode.Uri): { key: HistoryKey; seq: number } | undefined {
  const match = /^\/([^/]+)\/([^/]+)\/(\d+)\.json$/.exec(uri.path);
  if (!match) return undefined;
  try {
    return { key: { connectionId: decodeURIComponent(match[1]), sessionId: decodeURIComponent(match[2]) }, seq: Number(match[3]) };
  } catch {
    return undefined;
  }
}

/** A snapshot as a stable, diff-friendly JSON document (artifacts sorted by kind and id). */
export function snapshotDocument(snapshot: HistorySnapshot): string {
  const artifacts = snapshot.artifacts
    ? [...snapshot.artifacts].sort((a, b) => `${a.kind}/${a.id}`.localeCompare(`${b.kind}/${b.id}`))
    : undefined;
  return JSON.stringify({ ...snapshot, artifacts }, null, 2) + '\n';
}

export class HistoryDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly recorder: HistoryRecorder) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const parsed = parseSnapshotUri(uri);
    if (!parsed) return vscode.l10n.t('// Not a history snapshot: {0}\n', uri.toString());
    const snapshot = await this.recorder.get(parsed.key, parsed.seq);
    return snapshot ? snapshotDocument(snapshot) : vscode.l10n.t('// Snapshot #{0} of session {1} is no longer recorded (history cleared or trimmed).\n', parsed.seq, parsed.key.sessionId);
  }

  /** Opens two snapshots side by side in the diff editor. */
  async compare(key: HistoryKey, a: number, b: number): Promise<void> {
    const [older, newer] = a < b ? [a, b] : [b, a];
    const [first, second] = await Promise.all([this.recorder.get(key, older), this.recorder.get(key, newer)]);
    if (!first || !second) throw new Error(vscode.l10n.t('One of the snapshots is no longer recorded; refresh the panel and pick again.'));
    const when = (s: HistorySnapshot) => new Date(s.observedAt).toLocaleTimeString();
    await vscode.commands.executeCommand(
      'vscode.diff',
      snapshotUri(key, older),
      snapshotUri(key, newer),
      `Session ${key.sessionId.slice(0, 8)}: #${older} (${when(first)}) ↔ #${newer} (${when(second)})`,
      { preview: true },
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
