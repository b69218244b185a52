// Sessions with an action in flight and the temporary words shown meanwhile ("Activating…"). The tree shows
// a spinner with those words; a second action on the same session while one runs is refused, so a double
// click (in the tree or a panel) never sends twice.
import * as vscode from 'vscode';

export class BusySessions implements vscode.Disposable {
  private readonly busy = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the session id when it becomes busy or idle. */
  readonly onDidChange = this.changed.event;

  description(sessionId: string): string | undefined {
    return this.busy.get(sessionId);
  }

  /** Runs `action` while the session shows `description`; resolves to `refused` when one already runs. */
  async run<T>(sessionId: string, description: string, action: () => Promise<T>): Promise<{ value: T } | 'refused'> {
    if (this.busy.has(sessionId)) return 'refused';
    this.busy.set(sessionId, description);
    this.changed.fire(sessionId);
    try {
      return { value: await action() };
    } finally {
      this.busy.delete(sessionId);
      this.changed.fire(sessionId);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
