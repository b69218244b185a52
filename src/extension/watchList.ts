// Sessions the admin started (activated here, from any path) or watches, keyed by their connection: each is
// polled through its own connection's hub, whatever the tree shows or expands and whichever connection is
// active, and announced once when it finishes (completionNotifier.ts).
import * as vscode from 'vscode';
import type { Workload } from '../backup/model';
import { isTerminalSession } from '../backup/model';
import type { CompletionNotifier } from './completionNotifier';
import type { SessionChange } from './sessions/hub';
import type { SessionHubs } from './sessions/hubs';
import { readSettings } from './settings';

/** Polling interval when auto-refresh is off: a started restore is still announced. */
const FALLBACK_SECONDS = 15;

export class WatchList implements vscode.Disposable {
  /** Connection id → session id → workload. */
  private readonly watched = new Map<string, Map<string, Workload>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly hubs: SessionHubs, private readonly notifier: CompletionNotifier) {
    this.subscription = hubs.onDidChangeSession((change) => this.observe(change));
  }

  /** Watches a session of `connectionId` (by default the active connection). */
  add(workload: Workload, sessionId: string, connectionId: string = this.hubs.activeConnectionId): void {
    for (const sessions of this.watched.values()) sessions.delete(sessionId);
    let sessions = this.watched.get(connectionId);
    if (!sessions) this.watched.set(connectionId, (sessions = new Map()));
    sessions.set(sessionId, workload);
    this.schedule();
  }

  /** Every change of every hub: an activation starts a watch; a watched session that finished is announced. */
  private observe(change: SessionChange): void {
    if (change.source === 'action' && change.note === 'after Activate' && change.session && !isTerminalSession(change.session.status)) {
      this.add(change.workload, change.sessionId, change.connectionId);
      return;
    }
    const sessions = this.watched.get(change.connectionId);
    const workload = sessions?.get(change.sessionId);
    if (!sessions || !workload) return;
    if (!change.session) {
      sessions.delete(change.sessionId);
      return;
    }
    if (!isTerminalSession(change.session.status)) return;
    sessions.delete(change.sessionId);
    const hub = this.hubs.get(change.connectionId);
    if (hub) void this.notifier.notify(hub, workload, change.session);
  }

  private schedule(): void {
    if (this.timer || ![...this.watched.values()].some((s) => s.size)) return;
    const seconds = readSettings().autoRefreshSeconds || FALLBACK_SECONDS;
    this.timer = setTimeout(() => void this.tick(), seconds * 1000);
  }

  /** One `$batch` round trip per connection with watched sessions; a failure is tried again next time. */
  private async tick(): Promise<void> {
    this.timer = undefined;
    await Promise.all([...this.watched].map(async ([connectionId, sessions]) => {
      const hub = this.hubs.get(connectionId);
      if (hub && sessions.size) await hub.refreshMany([...sessions.keys()], 'poll').catch(() => undefined);
    }));
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
