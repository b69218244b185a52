// One details panel: one restore session of one connection. Keeps the connection it was opened on (its
// hub), so it never shows another tenant's session or name; reads the session through that hub and
// follows the hub's announcements of it; polls through PanelPoller; answers the page's `ready` with a full
// snapshot and sends a new full snapshot after every change. Message handling, actions, loading and
// polling live in panelMessages.ts, panelActions.ts, panelLoading.ts and panelPoller.ts.
import * as vscode from 'vscode';
import type { HistoryKey, HistoryRecorder, ObservationSource } from '../../backup/history';
import type { RestoreSession, Workload } from '../../backup/model';
import { workload as workloadById } from '../../backup/model';
import { sessionStatusWord } from '../../backup/presentation';
import { hostMessage, type DetailsAction, type DetailsSnapshot, type HostMessage, type PanelIdentity } from '../../protocol/details';
import type { RenderedReport } from '../../protocol/testHooks';
import type { ActionDeps } from '../actions/deps';
import { classifyError, summaryWithRequestId } from '../errors';
import type { Log } from '../log';
import type { SessionChange, SessionHub } from '../sessions/hub';
import { unitLookup } from '../sessions/unitLookup';
import { panelAction } from './panelActions';
import { goneLoaded, loadedFromRead } from './panelLoading';
import { receivePageMessage } from './panelMessages';
import { PanelPoller } from './panelPoller';
import type { DetailsUi } from './panelUi';
import type { DetailsHost } from './detailsHost';
import { buildSnapshot, emptyLoaded, notedInputs, type Loaded } from './snapshot';

export class DetailsPanel implements vscode.Disposable {
  readonly workload: Workload;
  readonly key: HistoryKey;
  loaded: Loaded = emptyLoaded();
  private hub: SessionHub | undefined;
  private isReady = false;
  private readyWaiters: (() => void)[] = [];
  private inFlight: Promise<void> | undefined;
  /** The snapshot being built after the last change, so a refresh resolves once the page was told. */
  private changeShown: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly poller = new PanelPoller(this);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  /** Every message the host sent to the page (for tests and diagnostics). */
  readonly onDidPost = this.posted.event;
  readonly onDidDispose = this.disposedEmitter.event;
  /** The last snapshot sent to the page. */
  lastSnapshot: DetailsSnapshot | undefined;
  /** What the page last reported it rendered (only under the test launchers). */
  lastRendered: RenderedReport | undefined;

  constructor(
    private readonly host: DetailsHost,
    readonly panel: vscode.WebviewPanel,
    readonly identity: PanelIdentity,
    opened: { session?: RestoreSession; hub?: SessionHub },
    source: ObservationSource,
  ) {
    this.workload = workloadById(identity.workload);
    this.key = { connectionId: identity.connectionId, sessionId: identity.sessionId };
    this.hub = opened.hub;
    if (opened.session) this.loaded.session = opened.session;
    panel.webview.html = host.html(panel.webview, this.title());
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(() => !this.disposed && this.poller.viewStateChanged()),
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

  get visible(): boolean {
    return this.panel.visible;
  }

  get connectionActive(): boolean {
    return this.host.hubs.isActive(this.identity.connectionId);
  }

  /** Always the panel's own connection's name, whichever connection is active. */
  get connectionLabel(): string {
    return (this.hub ?? this.host.hubs.get(this.identity.connectionId))?.label ?? this.identity.connectionId;
  }

  get log(): Log {
    return this.host.log;
  }

  get ui(): DetailsUi {
    return this.host.ui;
  }

  get recorder(): HistoryRecorder {
    return this.host.recorder;
  }

  /** Resolves once the page has said `ready` (and has been sent a snapshot). */
  whenReady(): Promise<void> {
    return this.isReady ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Handles a message as if the page had posted it. Invalid messages are ignored (and logged). */
  receive(message: unknown): Promise<void> {
    return receivePageMessage(this, message);
  }

  async ready(): Promise<void> {
    await this.inFlight;
    this.isReady = true;
    this.post(hostMessage.strings(this.host.pageStrings()));
    await this.postSnapshot();
    this.readyWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Runs one of the panel's actions, telling the page when it starts and ends and how it ended. */
  async runAction(action: DetailsAction): Promise<void> {
    this.post(hostMessage.busy(action, true));
    try {
      const outcome = await panelAction(this, action).catch((cause: unknown) => ({ kind: 'failed' as const, error: classifyError(cause), cause }));
      if (outcome.kind === 'failed') {
        this.host.log.error(`details ${action} failed for ${this.identity.sessionId}: ${outcome.error.detail}`);
        this.post(hostMessage.notice('error', summaryWithRequestId(outcome.error)));
      } else if (outcome.message) {
        this.post(hostMessage.notice('info', outcome.message));
      }
    } finally {
      if (!this.disposed) this.post(hostMessage.busy(action, false));
    }
  }

  compare(a: number, b: number): Promise<void> {
    return this.host.documents.compare(this.key, a, b);
  }

  rendered(report: RenderedReport): void {
    this.lastRendered = report;
  }

  /** The session actions' needs, with this panel's own connection. */
  async deps(): Promise<ActionDeps> {
    return { hub: await this.activeHub(), ui: this.host.ui, busy: this.host.busy, watch: this.host.watch };
  }

  openPanel(workload: Workload, session: RestoreSession): Promise<unknown> {
    return this.host.open({ workload, session });
  }

  poll(): void {
    void this.refresh('poll');
  }

  /** Reads everything again through the hub; concurrent calls share one load. */
  refresh(source: ObservationSource, note?: string): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.inFlight ??= this.load(source, note).finally(() => {
      this.inFlight = undefined;
      this.poller.schedule();
    });
    return this.inFlight;
  }

  /** The hub announced a change of this session (`recorded` settles once the history has it). */
  sessionChanged(change: SessionChange, recorded: Promise<unknown>): void {
    if (this.disposed) return;
    if (change.read) this.loaded = loadedFromRead(change.read);
    else if (!change.session) this.loaded = goneLoaded(this.loaded);
    else {
      const statusMoved = change.session.status !== this.loaded.session?.status;
      this.loaded = { ...this.loaded, session: change.session };
      // Seen elsewhere with a new status: read the contents too. An action's panel re-reads by itself.
      if (statusMoved && change.source !== 'action') this.poll();
    }
    this.changeShown = recorded.then(() => this.postSnapshot());
  }

  /** The active connection changed: a panel of the active connection rebinds on its next read; others stop polling. */
  connectionChanged(): void {
    if (this.connectionActive) this.hub = undefined;
    this.poller.schedule();
    void this.postSnapshot();
  }

  /** Builds and sends a full snapshot (when the page is ready). */
  async postSnapshot(): Promise<void> {
    if (this.disposed) return;
    const hub = this.hub ?? this.host.hubs.get(this.identity.connectionId);
    const units = hub?.units;
    const [history, { unitNames, restorePointUnits }] = await Promise.all([
      this.host.recorder.list(this.key),
      unitLookup(units, this.workload, [...this.loaded.standard, ...this.loaded.granular]),
    ]);
    const snapshot = buildSnapshot({
      identity: this.identity,
      connectionLabel: this.connectionLabel,
      workload: this.workload,
      loaded: this.loaded,
      unitNames,
      restorePointUnits,
      history,
      historyLimit: this.host.recorder.maxSnapshots,
      live: this.poller.live(),
      now: new Date(),
      ...notedInputs(hub?.notes, this.identity.sessionId, this.loaded),
    });
    this.lastSnapshot = snapshot;
    if (this.loaded.session && this.hub) await this.hub.names.named(this.workload, this.loaded.session);
    if (this.disposed) return;
    this.panel.title = this.title();
    if (this.isReady) this.post(hostMessage.snapshot(snapshot));
  }

  post(message: HostMessage): void {
    if (this.disposed) return;
    this.posted.fire(message);
    if (this.isReady) void this.panel.webview.postMessage(message);
  }

  private async load(source: ObservationSource, note?: string): Promise<void> {
    try {
      const hub = await this.activeHub();
      // The result arrives through the hub's announcement (sessionChanged), like every other change.
      await hub.load(this.workload, this.identity.sessionId, source, note);
      await this.changeShown;
    } catch (error) {
      const classified = classifyError(error);
      this.host.log.error(`details: loading ${this.identity.sessionId} failed: ${classified.detail}`);
      this.loaded = { ...this.loaded, error: summaryWithRequestId(classified) };
      await this.postSnapshot();
    }
  }

  /** The hub of this panel's connection, refusing while another connection is active. */
  private async activeHub(): Promise<SessionHub> {
    if (!this.connectionActive) {
      throw new Error(vscode.l10n.t('This panel shows a session of the connection "{0}", which is not the active connection. Switch back to it to refresh.', this.connectionLabel));
    }
    this.hub ??= await this.host.hubs.active();
    return this.hub;
  }

  /** Named by what the session restores ("Debra Berger +2 · Active"), the same name as its tree row. */
  private title(): string {
    const { session } = this.loaded;
    const status = session?.status ? ` · ${sessionStatusWord(session.status)}` : '';
    const name = session && this.hub?.names.nameOf(this.workload, session);
    return `${name ?? `${this.workload.label} restore`}${status}`;
  }

  dispose(panelGone = false): void {
    if (this.disposed) return;
    this.disposed = true;
    this.poller.dispose();
    this.disposedEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    if (!panelGone) this.panel.dispose();
  }
}
