// The session details panels: at most one per connection and session (opening again reveals it), restored
// after a window reload by a WebviewPanelSerializer from the tiny identity the page saves with setState
// ({connectionId, workload, sessionId}). Owns the status-history recorder (JSON lines under the
// extension's global storage), the virtual documents used to compare snapshots, and the cache of
// protection-unit names. Also records the sessions the explorer refreshes, so history grows even while no
// panel is open.
import * as path from 'path';
import * as vscode from 'vscode';
import { directoryFiles, HistoryRecorder, sessionState } from '../../backup/history';
import type { RestoreSession, Workload } from '../../backup/model';
import { workload as workloadById, workloadBySessionType } from '../../backup/model';
import { DETAILS_VIEW_TYPE, isPanelIdentity, type PanelIdentity } from '../../protocol/details';
import type { ConnectionManager } from '../connections';
import type { Log } from '../log';
import type { Node } from '../tree/nodes';
import type { Ui } from '../ui';
import type { RestoreSessionsProvider } from '../tree/provider';
import type { WatchList } from '../watchList';
import { DetailsPanel } from './detailsPanel';
import { HISTORY_SCHEME, HistoryDocuments } from './historyDocuments';
import { detailsHtml } from './html';


/** The prompts a panel shows: the extension's shared confirmations, plus a save location; tests replace them. */
export interface DetailsUi extends Ui {
  saveLocation(defaultName: string): Promise<vscode.Uri | undefined>;
}

/** Confirms through the shared `Ui` (looked up at call time, so a test's replacement applies). */
export function detailsUi(shared: Ui): DetailsUi {
  return {
    confirm: (message, detail, action) => shared.confirm(message, detail, action),
    saveLocation: defaultSaveLocation,
  };
}

async function defaultSaveLocation(defaultName: string): Promise<vscode.Uri | undefined> {
  {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
      filters: { JSON: ['json'] },
      saveLabel: 'Export History',
    });
  }
}

/** What a panel needs from its surroundings. */
export interface DetailsHost {
  readonly connections: ConnectionManager;
  readonly tree: RestoreSessionsProvider;
  readonly watch: WatchList;
  readonly log: Log;
  readonly recorder: HistoryRecorder;
  readonly documents: HistoryDocuments;
  ui: DetailsUi;
  html(webview: vscode.Webview, title: string): string;
  unitNames(workload: Workload): Promise<Map<string, string>>;
  restorePointUnits(restorePointIds: readonly string[]): Promise<Map<string, string>>;
  open(target: { workload: Workload; session: RestoreSession }, source?: 'open' | 'restore'): Promise<DetailsPanel>;
}

export class DetailsPanels implements DetailsHost, vscode.Disposable {
  readonly recorder: HistoryRecorder;
  readonly documents: HistoryDocuments;
  ui: DetailsUi;
  private readonly panels = new Map<string, DetailsPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly mediaRoot: vscode.Uri;

  constructor(
    context: vscode.ExtensionContext,
    readonly connections: ConnectionManager,
    readonly tree: RestoreSessionsProvider,
    readonly watch: WatchList,
    readonly log: Log,
    sharedUi: Ui,
  ) {
    this.ui = detailsUi(sharedUi);
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.recorder = new HistoryRecorder(directoryFiles(path.join(context.globalStorageUri.fsPath, 'history')));
    this.documents = new HistoryDocuments(this.recorder);
    const recorded = this.recorder.onDidChange((key, snapshot) => {
      const panel = this.panels.get(panelKey(key.connectionId, key.sessionId));
      if (panel && snapshot?.source === 'tree') panel.onHistoryChanged(snapshot.session.status ?? undefined);
    });
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, this.documents),
      this.documents,
      { dispose: () => recorded.dispose() },
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.deserializeWebviewPanel(panel, state),
      }),
      tree.onDidChangeTreeData((node) => this.observeTree(node)),
    );
  }

  /** Opens (or reveals) the panel of a session of the active connection. */
  async open(target: { workload: Workload; session: RestoreSession }, source: 'open' | 'restore' = 'open'): Promise<DetailsPanel> {
    const connection = await this.connections.get();
    const identity: PanelIdentity = { connectionId: connection.id, workload: target.workload.id, sessionId: target.session.id };
    const existing = this.panels.get(panelKey(identity.connectionId, identity.sessionId));
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, `${target.workload.label} ${target.session.id.slice(0, 8)}`, vscode.ViewColumn.Active, this.options());
    return this.adopt(panel, identity, target.session, source);
  }

  /** The open panel of a session, if any. */
  get(sessionId: string, connectionId?: string): DetailsPanel | undefined {
    return [...this.panels.values()].find((p) => p.identity.sessionId === sessionId && (!connectionId || p.identity.connectionId === connectionId));
  }

  all(): DetailsPanel[] {
    return [...this.panels.values()];
  }

  html(webview: vscode.Webview, title: string): string {
    return detailsHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'details.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'details.css')).toString(),
      title,
    });
  }

  unitNames(workload: Workload): Promise<Map<string, string>> {
    return this.tree.units.unitNames(workload);
  }

  /** The protection unit of each restore point, for artifacts whose restore point came without it. */
  restorePointUnits(restorePointIds: readonly string[]): Promise<Map<string, string>> {
    return this.tree.units.unitsOfRestorePoints(restorePointIds);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [this.mediaRoot] };
  }

  private adopt(panel: vscode.WebviewPanel, identity: PanelIdentity, session: RestoreSession | undefined, source: 'open' | 'restore'): DetailsPanel {
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'restore-sessions.svg');
    const details = new DetailsPanel(this, panel, identity, session, source);
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
    const key = panelKey(identity.connectionId, identity.sessionId);
    const existing = this.panels.get(key);
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.mediaRoot] };
    this.adopt(panel, identity, undefined, 'restore');
  }

  /** Sessions the explorer refreshed (applyUpdates fires their nodes) go into their history too. */
  private observeTree(node: Node | undefined): void {
    if (node?.kind !== 'session') return;
    const session = node.session;
    void this.connections.get()
      .then((connection) => this.recorder.record({ connectionId: connection.id, sessionId: session.id }, { session: sessionState(session), source: 'tree' }))
      .catch((error) => this.log.error(`history: could not record ${session.id}: ${String(error)}`));
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

/** The workload of a session, from its `@odata.type` or from a workload id. */
export function workloadOf(session: RestoreSession, fallback?: string): Workload | undefined {
  const byType = workloadBySessionType(session['@odata.type']);
  if (byType) return byType;
  try {
    return fallback ? workloadById(fallback as never) : undefined;
  } catch {
    return undefined;
  }
}
