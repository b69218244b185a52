// When a details panel reads its session again: while visible at most every 5 s, while hidden at least
// every 60 s, never once the session is terminal or gone, and never while the panel's connection is not the
// active one (its requests would go to a connection that was closed). Back in view it catches up at once.
import { isTerminalSession } from '../../backup/model';
import { sessionStatusWord } from '../../backup/presentation';
import type { LiveInfo } from '../../protocol/details';
import { readSettings } from '../settings';
import type { Loaded } from './snapshot';
import { l10n } from '../../backup/l10n';

/** Poll no slower than this while the panel is visible. */
export const VISIBLE_POLL_CAP_MS = 5_000;
/** Poll at least this slowly while hidden. */
export const HIDDEN_POLL_MIN_MS = 60_000;

/** What the poller reads of its panel. */
export interface Pollable {
  readonly loaded: Loaded;
  readonly visible: boolean;
  /** False while another connection is the active one. */
  readonly connectionActive: boolean;
  /** The label of the panel's own connection, for the reason line. */
  readonly connectionLabel: string;
  poll(): void;
}

export class PanelPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly panel: Pollable) {}

  /** 0 when the panel should not poll at all. */
  interval(): number {
    const { loaded } = this.panel;
    if (!loaded.exists || isTerminalSession(loaded.session?.status) || !this.panel.connectionActive) return 0;
    const seconds = readSettings().autoRefreshSeconds;
    if (seconds <= 0) return 0;
    return this.panel.visible ? Math.min(seconds * 1000, VISIBLE_POLL_CAP_MS) : Math.max(seconds * 1000, HIDDEN_POLL_MIN_MS);
  }

  live(): LiveInfo {
    const { loaded } = this.panel;
    const interval = this.interval();
    let reason: string;
    if (!loaded.exists) reason = l10n.t('Not polling: the service no longer has this session.');
    else if (isTerminalSession(loaded.session?.status)) reason = l10n.t('Not polling: the session is {0}.', sessionStatusWord(loaded.session?.status).toLowerCase());
    else if (!this.panel.connectionActive) reason = l10n.t('Not polling: the connection "{0}" is not the active one.', this.panel.connectionLabel);
    else if (interval === 0) reason = l10n.t('Not polling: auto-refresh is off (restoreSessions.autoRefresh.intervalSeconds is 0).');
    else reason = this.panel.visible ? l10n.t('Polling every {0} s while this panel is visible.', Math.round(interval / 1000)) : l10n.t('Polling every {0} s while this panel is hidden.', Math.round(interval / 1000));
    return { intervalMs: interval, polling: interval > 0, lastUpdated: loaded.lastUpdated, reason };
  }

  schedule(): void {
    this.clear();
    if (this.stopped) return;
    const interval = this.interval();
    if (interval > 0) this.timer = setTimeout(() => this.panel.poll(), interval);
  }

  /** The panel was shown or hidden: back in view, catch up at once if a poll is due, then keep the visible pace. */
  viewStateChanged(): void {
    const interval = this.interval();
    if (this.panel.visible && interval > 0) {
      const last = this.panel.loaded.lastUpdated ? Date.parse(this.panel.loaded.lastUpdated) : 0;
      if (Date.now() - last >= interval) {
        this.panel.poll();
        return;
      }
    }
    this.schedule();
  }

  dispose(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
