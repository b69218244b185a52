// Keeps running sessions fresh while the view is visible: one `$batch` round trip for every running
// session each interval, backing off after failures, re-rendering only what changed.
import * as vscode from 'vscode';
import { workloadBySessionType } from '../backup/model';
import type { ConnectionManager } from './connections';
import type { Log } from './log';
import { readSettings } from './settings';
import type { RestoreSessionsProvider } from './tree/provider';
import type { WatchList } from './watchList';

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private visible = false;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly tree: RestoreSessionsProvider,
    private readonly connections: ConnectionManager,
    private readonly watch: WatchList,
    private readonly log: Log,
  ) {
    this.visible = view.visible;
    view.onDidChangeVisibility((e) => {
      this.visible = e.visible;
      this.schedule();
    });
    this.schedule();
  }

  /** Restarts the timer, e.g. after a session was activated or the interval setting changed. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const seconds = readSettings().autoRefreshSeconds;
    if (!this.visible || seconds <= 0) return;
    const delay = seconds * 1000 * Math.min(16, 2 ** this.failures);
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    const running = this.tree.runningSessions();
    if (running.length) {
      try {
        const { api } = await this.connections.get();
        const fresh = await api.sessions.getMany(running.map((n) => n.session.id));
        for (const node of running) {
          const session = fresh.get(node.session.id);
          if (!session) continue;
          const workload = workloadBySessionType(session['@odata.type']) ?? node.workload;
          for (const changed of this.tree.applyUpdates(workload, [session])) this.watch.observe(changed);
        }
        this.failures = 0;
      } catch (error) {
        this.failures++;
        this.log.error(`Auto-refresh failed (${this.failures} in a row): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
