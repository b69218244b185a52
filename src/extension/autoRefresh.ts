// Keeps running sessions fresh while the view is visible: one `$batch` round trip for every running
// session the active connection's hub has seen, each interval, backing off after failures. The hub
// announces what changed; the tree, panels and watch list follow from there.
import * as vscode from 'vscode';
import type { Log } from './log';
import type { SessionHubs } from './sessions/hubs';
import { readSettings } from './settings';

export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private visible = false;
  private readonly visibility: vscode.Disposable;

  constructor(
    view: vscode.TreeView<unknown>,
    private readonly hubs: SessionHubs,
    private readonly log: Log,
  ) {
    this.visible = view.visible;
    this.visibility = view.onDidChangeVisibility((e) => {
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
    // Nothing to refresh before anything was shown: never connect (or start the emulator) for this.
    const hub = this.hubs.existing();
    if (!hub) {
      this.schedule();
      return;
    }
    try {
      await hub.refreshMany(hub.running().map((entry) => entry.session.id), 'tree');
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.log.error(`Auto-refresh failed (${this.failures} in a row): ${error instanceof Error ? error.message : String(error)}`);
    }
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.visibility.dispose();
  }
}
