// The session details panels: at most one per connection and session (opening again reveals it), restored
// after a window reload by a WebviewPanelSerializer from the tiny identity the page saves with setState
// ({connectionId, workload, sessionId}). Owns the status-history recorder (JSON lines under the
// extension's global storage) and the virtual documents used to compare snapshots. Every change the session
// hubs announce is recorded in the history, then handed to the panel of that session, if one is open, so
// history grows even while no panel is open.
import * as path from 'path';
import * as vscode from 'vscode';
import { artifactState, directoryFiles, HistoryRecorder, sessionState } from '../../backup/history';
import type { RestoreSession, Workload } from '../../backup/model';
import { DETAILS_VIEW_TYPE, isPanelIdentity, type PageStrings, type PanelIdentity } from '../../protocol/details';
import type { ConnectionManager } from '../connections';
import type { Log } from '../log';
import type { BusySessions } from '../sessions/busy';
import type { SessionChange, SessionHub } from '../sessions/hub';
import type { SessionHubs } from '../sessions/hubs';
import { TEST_HOOKS } from '../testHooks';
import type { Ui } from '../ui';
import type { WatchList } from '../watchList';
import { DetailsPanel } from './detailsPanel';
import type { DetailsHost } from './detailsHost';
import { HISTORY_SCHEME, HistoryDocuments } from './historyDocuments';
import { detailsHtml } from './html';
import { detailsUi, type DetailsUi } from './panelUi';

export class DetailsPanels implements DetailsHost, vscode.Disposable {
  readonly recorder: HistoryRecorder;
  readonly documents: HistoryDocuments;
  ui: DetailsUi;
  private readonly panels = new Map<string, DetailsPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly mediaRoot: vscode.Uri;

  constructor(
    context: vscode.ExtensionContext,
    connections: ConnectionManager,
    readonly hubs: SessionHubs,
    readonly busy: BusySessions,
    readonly watch: WatchList,
    readonly log: Log,
    sharedUi: Ui,
  ) {
    this.ui = detailsUi(sharedUi);
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.recorder = new HistoryRecorder(directoryFiles(path.join(context.globalStorageUri.fsPath, 'history')));
    this.documents = new HistoryDocuments(this.recorder);
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, this.documents),
      this.documents,
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.deserializeWebviewPanel(panel, state),
      }),
      hubs.onDidChangeSession((change) => this.sessionChanged(change)),
      connections.onDidChange(() => this.panels.forEach((panel) => panel.connectionChanged())),
    );
  }

  /** Opens (or reveals) the panel of a session of the active connection. */
  async open(target: { workload: Workload; session: RestoreSession }, source: 'open' | 'restore' = 'open'): Promise<DetailsPanel> {
    const hub = await this.hubs.active();
    const identity: PanelIdentity = { connectionId: hub.connectionId, workload: target.workload.id, sessionId: target.session.id };
    const existing = this.panels.get(panelKey(identity.connectionId, identity.sessionId));
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, vscode.l10n.t('{0} restore', target.workload.label), vscode.ViewColumn.Active, this.options());
    return this.adopt(panel, identity, { session: target.session, hub }, source);
  }

  /** The open panel of a session, if any. */
  get(sessionId: string, connectionId?: string): DetailsPanel | undefined {
    return [...this.panels.values()].find((p) => p.identity.sessionId === sessionId && (!connectionId || p.identity.connectionId === connectionId));
  }

  all(): DetailsPanel[] {
    return [...this.panels.values()];
  }

  /** VS Code's bundle of this extension's messages in the display language; integration tests replace it. */
  pageStrings = (): PageStrings => vscode.l10n.bundle ?? {};

  html(webview: vscode.Webview, title: string): string {
    return detailsHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'details.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'details.css')).toString(),
      title,
      language: vscode.env.language,
      loadingText: vscode.l10n.t('Loading the restore session…'),
      testHooks: TEST_HOOKS,
    });
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [this.mediaRoot] };
  }

  private adopt(panel: vscode.WebviewPanel, identity: PanelIdentity, opened: { session?: RestoreSession; hub?: SessionHub }, source: 'open' | 'restore'): DetailsPanel {
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'restore-sessions.svg');
    const details = new DetailsPanel(this, panel, identity, opened, source);
    const key = panelKey(identity.connectionId, identity.sessionId);
    this.panels.set(key, details);
    details.onDidDispose(() => {
      if (this.panels.get(key) === details) this.panels.delete(key);
    });
    return details;
  }

  /** Restores a panel after a reload from the identity its page saved; a panel without one is closed. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const identity = (state as { identity?: unknown } | undefined)?.identity;
    if (!isPanelIdentity(identity)) {
      panel.dispose();
      return;
    }
    const existing = this.panels.get(panelKey(identity.connectionId, identity.sessionId));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.mediaRoot] };
    this.adopt(panel, identity, {}, 'restore');
  }

  /** Records the change in the session's history, then lets its panel (if open) show it. */
  private sessionChanged(change: SessionChange): void {
    const key = { connectionId: change.connectionId, sessionId: change.sessionId };
    const contents = change.read?.contents;
    const recorded = change.session
      ? this.recorder.record(key, {
        session: sessionState(change.session),
        artifacts: contents ? [...contents.standard.map((a) => artifactState(a, 'standard')), ...contents.granular.map((a) => artifactState(a, 'granular'))] : undefined,
        source: change.source,
        note: change.note,
        requestId: change.read?.response.response.requestId,
      }).catch((error: unknown) => this.log.error(`history: could not record ${change.sessionId}: ${String(error)}`))
      : Promise.resolve();
    this.panels.get(panelKey(change.connectionId, change.sessionId))?.sessionChanged(change, recorded);
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function panelKey(connectionId: string, sessionId: string): string {
  return `${connectionId}\n${sessionId}`;
}
