// Sessions the admin started (activated here, from any path) or watches, keyed by their connection: each is
// polled through its own connection's hub, whatever the tree shows or expands and whichever connection is
// active — an inactive connection through a background copy of it (SessionHubs.following), closed once
// nothing is left to follow there — and announced once when it finishes (completionNotifier.ts). Each round
// reads at most MAX_PER_ROUND sessions per connection (in `$batch` calls of 20).
import * as vscode from 'vscode';
import type { Workload } from '../backup/model';
import { isTerminalSession } from '../backup/model';
import type { CompletionNotifier } from './completionNotifier';
import type { SessionChange } from './sessions/hub';
import type { SessionHubs } from './sessions/hubs';
import { readSettings } from './settings';

/** Polling interval when auto-refresh is off: a started restore is still announced. */
const FALLBACK_SECONDS = 15;
/** Sessions read per connection per round; the others wait for the next round as the first ones finish. */
const MAX_PER_ROUND = 100;

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
    const announced = hub ? this.notifier.notify(hub, workload, change.session) : Promise.resolve();
    // The last one of an inactive connection: its background copy closes once the notice has read the session.
    if (!sessions.size) {
      void announced.catch(() => undefined).then(async () => {
        if (!sessions.size) await this.hubs.release(change.connectionId);
      });
    }
  }

  private schedule(): void {
    if (this.timer || ![...this.watched.values()].some((s) => s.size)) return;
    const seconds = readSettings().autoRefreshSeconds || FALLBACK_SECONDS;
    this.timer = setTimeout(() => void this.tick(), seconds * 1000);
  }

  /** One bounded `$batch` read per connection with watched sessions, active or not; a failure is tried again next time. */
  private async tick(): Promise<void> {
    this.timer = undefined;
    await Promise.all([...this.watched].map(async ([connectionId, sessions]) => {
      if (!sessions.size) return;
      const hub = await this.hubs.following(connectionId).catch(() => undefined);
      if (hub) await hub.refreshMany([...sessions.keys()].slice(0, MAX_PER_ROUND), 'poll').catch(() => undefined);
    }));
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
