// One details panel: one restore session of one connection. Loads the session, its artifacts and bulk
// requests; records every change in the status history; pushes fresh sessions into the explorer; polls
// while visible and the session is not terminal (slower while hidden, never once it is terminal or gone);
// answers the page's `ready` with a full snapshot and sends a new full snapshot after every change.
import * as vscode from 'vscode';
import { paths } from '../../backup/api';
import { sessionDocument, type SessionContents } from '../../backup/exports';
import { artifactState, sessionState, type HistoryKey, type ObservationSource } from '../../backup/history';
import type { RestoreArtifact, RestoreArtifactBase, RestoreArtifactsBulkAdditionRequest, RestoreSession, Workload } from '../../backup/model';
import { isTerminalSession, workload as workloadById } from '../../backup/model';
import { artifactUnitId, sessionStatusWord } from '../../backup/presentation';
import type { GraphResponse } from '../../graph';
import { GraphError } from '../../graph';
import {
  type DetailsAction, type DetailsSnapshot, type HostMessage, type LiveInfo, type PageMessage, type PanelIdentity, type RenderedReport, type ResponseInfo,
  hostMessage, isPageMessage, safeExternalUrl,
} from '../../protocol/details';
import type { Connection } from '../connections';
import { sessionFileName } from '../commands/exportCommands';
import { describeError } from '../errors';
import { readSettings } from '../settings';
import type { DetailsHost } from './panels';
import { buildSnapshot, emptyLoaded, type Loaded } from './snapshot';

/** Poll no slower than this while the panel is visible. */
export const VISIBLE_POLL_CAP_MS = 5_000;
/** Poll at least this slowly while hidden. */
export const HIDDEN_POLL_MIN_MS = 60_000;

export class DetailsPanel implements vscode.Disposable {
  readonly workload: Workload;
  readonly key: HistoryKey;
  private loaded: Loaded = emptyLoaded();
  private connectionLabel = '';
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private inFlight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  /** Every message the host sent to the page (for tests and diagnostics). */
  readonly onDidPost = this.posted.event;
  readonly onDidDispose = this.disposedEmitter.event;
  /** The last snapshot sent to the page. */
  lastSnapshot: DetailsSnapshot | undefined;
  /** What the page last reported it rendered (text, script elements, inline handlers, injected-script marker). */
  lastRendered: RenderedReport | undefined;

  constructor(
    private readonly host: DetailsHost,
    readonly panel: vscode.WebviewPanel,
    readonly identity: PanelIdentity,
    initial: RestoreSession | undefined,
    source: ObservationSource,
  ) {
    this.workload = workloadById(identity.workload);
    this.key = { connectionId: identity.connectionId, sessionId: identity.sessionId };
    if (initial) this.loaded.session = initial;
    panel.webview.html = host.html(panel.webview, this.title());
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => this.onViewState()),
      panel.onDidDispose(() => this.dispose(true)),
      this.posted,
      this.disposedEmitter,
    );
    void this.refresh(source);
  }

  /** The HTML the panel was given (tests check its CSP). */
  get html(): string {
    return this.panel.webview.html;
  }

  get session(): RestoreSession | undefined {
    return this.loaded.session;
  }

  /** Resolves once the page has said `ready` (and has been sent a snapshot). */
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Handles a message as if the page had posted it. Invalid messages are ignored (and logged). */
  async receive(message: unknown): Promise<void> {
    if (!isPageMessage(message)) {
      this.host.log.error(`details panel: ignored an invalid message from the page: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    await this.handle(message);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.inFlight;
        this.ready = true;
        await this.postSnapshot();
        this.readyWaiters.splice(0).forEach((resolve) => resolve());
        return;
      case 'action':
        return this.runAction(message.action);
      case 'openLink': {
        const url = safeExternalUrl(message.url);
        if (!url) {
          this.post(hostMessage.notice('error', 'Only http and https links can be opened.'));
          return;
        }
        await vscode.env.openExternal(vscode.Uri.parse(url, true));
        return;
      }
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        this.post(hostMessage.notice('info', 'Copied to the clipboard.'));
        return;
      case 'compare':
        try {
          await this.host.documents.compare(this.key, message.a, message.b);
        } catch (error) {
          this.post(hostMessage.notice('error', describeError(error).summary));
        }
        return;
      case 'rendered':
        this.lastRendered = { text: message.text, scripts: message.scripts, handlers: message.handlers, injected: message.injected };
        return;
    }
  }

  /** Runs one of the panel's actions, telling the page when it starts and ends; failures become a notice. */
  async runAction(action: DetailsAction): Promise<void> {
    this.post(hostMessage.busy(action, true));
    try {
      const notice = await this.act(action);
      if (notice) this.post(hostMessage.notice('info', notice));
    } catch (error) {
      if (error instanceof vscode.CancellationError) return;
      const { summary, detail } = describeError(error);
      this.host.log.error(`details ${action} failed for ${this.identity.sessionId}: ${detail}`);
      this.post(hostMessage.notice('error', summary));
    } finally {
      if (!this.disposed) this.post(hostMessage.busy(action, false));
    }
  }

  private async act(action: DetailsAction): Promise<string | undefined> {
    const sessionId = this.identity.sessionId;
    switch (action) {
      case 'refresh':
        await this.refresh('refresh');
        return undefined;
      // Activate, Delete and Retry Failed are the explorer's commands, so the checks and confirmations are
      // the same wherever they are started; the panel then shows the result.
      case 'activate':
        await vscode.commands.executeCommand('restoreSessions.activateSession', sessionId);
        await this.refresh('action', 'after Activate');
        return `The session is ${sessionStatusWord(this.loaded.session?.status).toLowerCase()}.`;
      case 'delete':
        await vscode.commands.executeCommand('restoreSessions.deleteSession', sessionId);
        await this.refresh('action', 'after Delete');
        return this.loaded.session ? undefined : 'Deleted.';
      case 'retryFailed': {
        const created = await vscode.commands.executeCommand<string | undefined>('restoreSessions.retryFailed', sessionId);
        return created ? `Created draft session ${created}.` : undefined;
      }
      case 'copyJson':
        await vscode.env.clipboard.writeText(JSON.stringify(this.document(), null, 2));
        return 'Copied the session JSON.';
      case 'openJson':
        await vscode.commands.executeCommand('restoreSessions.openJson', sessionId);
        return undefined;
      case 'exportHttp':
        await vscode.commands.executeCommand('restoreSessions.exportHttp', sessionId);
        return undefined;
      case 'exportHistory': {
        const target = await this.host.ui.saveLocation(sessionFileName(sessionId, '-history.json'));
        if (!target) return undefined;
        await vscode.workspace.fs.writeFile(target, Buffer.from(await this.host.recorder.exportJson(this.key), 'utf8'));
        return `Saved the history to ${target.fsPath || target.toString()}.`;
      }
      case 'clearHistory': {
        const ok = await this.host.ui.confirm('Clear the recorded status history of this session?', 'Snapshots recorded so far are deleted. Recording continues with the next change.', 'Clear History');
        if (!ok) return undefined;
        await this.host.recorder.clear(this.key);
        await this.postSnapshot();
        return 'History cleared.';
      }
    }
  }

  /** A new draft with the failed artifacts (same restore points and destination), opened in its own panel. */
  private requireSession(): RestoreSession {
    if (!this.loaded.session) throw new Error('The session has not been loaded.');
    return this.loaded.session;
  }

  private contents(): SessionContents {
    return { standard: this.loaded.standard, granular: this.loaded.granular, bulkRequests: this.loaded.bulk };
  }

  private document(): Record<string, unknown> {
    return sessionDocument(this.workload, this.requireSession(), this.contents());
  }

  private async connection(): Promise<Connection> {
    const connection = await this.host.connections.get();
    this.connectionLabel = connection.label;
    if (connection.id !== this.identity.connectionId) {
      throw new Error(`This panel shows a session of the connection "${this.identity.connectionId}", but the active connection is "${connection.id}".`);
    }
    return connection;
  }

  /** Reads everything again; concurrent calls share one load. */
  refresh(source: ObservationSource, note?: string): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (!this.inFlight) {
      this.inFlight = this.load(source, note).finally(() => {
        this.inFlight = undefined;
        this.schedule();
      });
    }
    return this.inFlight;
  }

  private async load(source: ObservationSource, note?: string): Promise<void> {
    const { workload } = this;
    const id = this.identity.sessionId;
    try {
      const { api } = await this.connection();
      let sessionResponse: GraphResponse<RestoreSession>;
      try {
        sessionResponse = await api.sessions.get(workload, id);
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) {
          this.loaded = { ...this.loaded, exists: false, error: undefined, lastUpdated: new Date().toISOString() };
          this.host.tree.removeSession(workload, id);
          return;
        }
        throw error;
      }
      const session = sessionResponse.body;
      const [standard, granular, bulk] = await Promise.all([
        this.list(workload.standardArtifacts.nav, 'standard'),
        this.list(workload.granularArtifacts.nav, 'granular'),
        this.bulk(),
      ]);
      this.loaded = {
        session,
        sessionResponse: info('GET', paths.workloadSession(workload, id), sessionResponse),
        standard: standard.items,
        standardResponse: standard.response,
        granular: granular.items,
        granularResponse: granular.response,
        bulk: bulk.items,
        bulkResponse: bulk.response,
        exists: true,
        lastUpdated: new Date().toISOString(),
      };
      await this.host.recorder.record(this.key, {
        session: sessionState(session),
        artifacts: [...standard.items.map((a) => artifactState(a, 'standard')), ...granular.items.map((a) => artifactState(a, 'granular'))],
        source,
        note,
        requestId: sessionResponse.requestId,
      });
      this.host.tree.applyUpdates(workload, [session]);
      this.host.watch.observe(session);
    } catch (error) {
      const { summary, detail } = describeError(error);
      this.host.log.error(`details: loading ${id} failed: ${detail}`);
      this.loaded = { ...this.loaded, error: summary };
    } finally {
      await this.postSnapshot();
    }
  }

  private async list(nav: string, kind: 'standard' | 'granular'): Promise<{ items: RestoreArtifact[]; response?: ResponseInfo }> {
    const { api } = await this.connection();
    const items: RestoreArtifact[] = [];
    let response: ResponseInfo | undefined;
    for await (const page of api.artifacts.list(this.workload, this.identity.sessionId, kind)) {
      response ??= info('GET', paths.navigation(this.workload, this.identity.sessionId, nav), page.response);
      items.push(...page.items);
    }
    return { items, response };
  }

  private async bulk(): Promise<{ items: RestoreArtifactsBulkAdditionRequest[]; response?: ResponseInfo }> {
    const { api } = await this.connection();
    const path = paths.navigation(this.workload, this.identity.sessionId, this.workload.bulkRequests.nav);
    try {
      const response = await api.client.get<{ value?: RestoreArtifactsBulkAdditionRequest[] }>(path);
      return { items: response.body?.value ?? [], response: info('GET', path, response) };
    } catch {
      return { items: [] };
    }
  }

  /** Builds and sends a full snapshot (when the page is ready). */
  async postSnapshot(): Promise<void> {
    if (this.disposed) return;
    const pointIds = [...this.loaded.standard, ...this.loaded.granular]
      .filter((a) => !artifactUnitId(a))
      .map((a) => (a as RestoreArtifactBase).restorePoint?.id)
      .filter((id): id is string => !!id);
    const [history, unitNames, restorePointUnits] = await Promise.all([
      this.host.recorder.list(this.key),
      this.host.unitNames(this.workload).catch(() => new Map<string, string>()),
      pointIds.length ? this.host.restorePointUnits(pointIds).catch(() => new Map<string, string>()) : new Map<string, string>(),
    ]);
    const snapshot = buildSnapshot({
      identity: this.identity,
      connectionLabel: this.connectionLabel || this.identity.connectionId,
      workload: this.workload,
      loaded: this.loaded,
      unitNames,
      restorePointUnits,
      history,
      historyLimit: this.host.recorder.maxSnapshots,
      live: this.live(),
      now: new Date(),
    });
    this.lastSnapshot = snapshot;
    this.panel.title = this.title();
    if (this.ready) this.post(hostMessage.snapshot(snapshot));
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    this.posted.fire(message);
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  // ---- polling ----

  /** 0 when the panel should not poll at all. */
  pollInterval(): number {
    if (!this.loaded.exists || isTerminalSession(this.loaded.session?.status)) return 0;
    const seconds = readSettings().autoRefreshSeconds;
    if (seconds <= 0) return 0;
    return this.panel.visible ? Math.min(seconds * 1000, VISIBLE_POLL_CAP_MS) : Math.max(seconds * 1000, HIDDEN_POLL_MIN_MS);
  }

  private live(): LiveInfo {
    const interval = this.pollInterval();
    let reason: string;
    if (!this.loaded.exists) reason = 'Not polling: the service no longer has this session.';
    else if (isTerminalSession(this.loaded.session?.status)) reason = `Not polling: the session is ${sessionStatusWord(this.loaded.session?.status).toLowerCase()}.`;
    else if (interval === 0) reason = 'Not polling: auto-refresh is off (restoreSessions.autoRefresh.intervalSeconds is 0).';
    else reason = `Polling every ${Math.round(interval / 1000)} s while this panel is ${this.panel.visible ? 'visible' : 'hidden'}.`;
    return { intervalMs: interval, polling: interval > 0, lastUpdated: this.loaded.lastUpdated, reason };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    const interval = this.pollInterval();
    if (interval > 0) this.timer = setTimeout(() => void this.refresh('poll'), interval);
  }

  private onViewState(): void {
    if (this.disposed) return;
    // Back in view: catch up at once if a poll is due, then go back to the visible pace.
    if (this.panel.visible && this.pollInterval() > 0) {
      const last = this.loaded.lastUpdated ? Date.parse(this.loaded.lastUpdated) : 0;
      if (Date.now() - last >= this.pollInterval()) {
        void this.refresh('poll');
        return;
      }
    }
    this.schedule();
  }

  /** Called when the history recorder saw this session change elsewhere (e.g. in the explorer). */
  onHistoryChanged(status: string | undefined): void {
    if (status !== undefined && status !== this.loaded.session?.status) void this.refresh('poll');
    else void this.postSnapshot();
  }

  private title(): string {
    const status = this.loaded.session?.status ? ` · ${sessionStatusWord(this.loaded.session.status)}` : '';
    return `${this.workload.label} ${this.identity.sessionId.slice(0, 8)}${status}`;
  }

  dispose(panelGone = false): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposedEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    if (!panelGone) this.panel.dispose();
  }
}

function info(method: string, path: string, response: GraphResponse<unknown>): ResponseInfo {
  return {
    method, path, status: response.status, requestId: response.requestId, clientRequestId: response.clientRequestId,
    date: response.date, durationMs: response.durationMs,
  };
}

