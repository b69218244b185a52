// Activation: one connection manager, one tree, one command list. Everything else is created lazily, so
// activation stays cheap; the emulator starts only when the view first needs data.
import * as vscode from 'vscode';
import { ConnectionStatusBar, VsCodeSecretStore, authCommands } from './auth';
import { AutoRefresh } from './autoRefresh';
import { artifactCommands } from './commands/artifactCommands';
import { createSessionCommand } from './commands/createSession';
import { exportCommands } from './commands/exportCommands';
import { detailsCommands } from './commands/detailsCommands';
import { granularCommands } from './commands/granularCommands';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/registry';
import { sessionCommands } from './commands/sessionCommands';
import { viewCommands } from './commands/viewCommands';
import { ConnectionManager } from './connections';
import { SessionFilter } from './filter';
import { Log } from './log';
import { SESSION_SCHEME, SessionDocuments } from './sessionDocuments';
import { readSettings } from './settings';
import { RestoreSessionsProvider } from './tree/provider';
import { vscodeUi, type Ui } from './ui';
import { DetailsPanels } from './webview/panels';
import { WatchList } from './watchList';

export interface ExtensionApi {
  /** For integration tests: the connection in use and the tree's data. */
  connections: ConnectionManager;
  tree: RestoreSessionsProvider;
  filter: SessionFilter;
  /** Integration tests replace `ui.confirm` to answer modal confirmations. */
  ui: Ui;
  /** Session details panels and their status history (tests: open, wait for the page, post messages). */
  details: DetailsPanels;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const log = new Log();
  const connections = new ConnectionManager(log, version, { state: context.globalState, secrets: new VsCodeSecretStore(context.secrets) });
  const filter = new SessionFilter(context.workspaceState);
  const tree = new RestoreSessionsProvider(connections, () => filter.toQuery(), () => readSettings().pageSize);
  const view = vscode.window.createTreeView('restoreSessions.explorer', { treeDataProvider: tree, showCollapseAll: true });
  const watch = new WatchList();
  const autoRefresh = new AutoRefresh(view, tree, connections, watch, log);
  const ctx: CommandContext = { connections, tree, filter, log, watch, ui: { ...vscodeUi } };
  const details = new DetailsPanels(context, connections, tree, watch, log, ctx.ui);
  const documents = new SessionDocuments(async () => (await connections.get()).api);

  const showFilter = () => {
    view.description = filter.describe();
    void vscode.commands.executeCommand('setContext', 'restoreSessions.filtered', filter.isActive);
  };
  showFilter();

  context.subscriptions.push(
    log,
    connections,
    view,
    autoRefresh,
    details,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(SESSION_SCHEME, documents),
    // An open session document follows the session whenever the explorer or a panel sees it change.
    tree.onDidChangeTreeData((node) => {
      if (node?.kind === 'session') documents.sessionChanged(node.workload, node.session.id);
    }),
    new ConnectionStatusBar(connections),
    ...registerCommands(
      [
        ...viewCommands(ctx, () => {
          showFilter();
          tree.refreshAll();
        }),
        ...sessionCommands(ctx),
        createSessionCommand(ctx),
        ...artifactCommands(ctx),
        ...granularCommands(ctx),
        ...detailsCommands(ctx, details),
        ...exportCommands(ctx),
        ...authCommands({ connections, log }),
      ],
      log,
    ),
    connections.onDidChange(() => tree.refreshAll()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('restoreSessions.emulator')) void connections.reset();
      else if (e.affectsConfiguration('restoreSessions.connections')) void connections.reloadConfig();
      else if (e.affectsConfiguration('restoreSessions.pageSize')) tree.refreshAll();
      if (e.affectsConfiguration('restoreSessions.autoRefresh')) autoRefresh.schedule();
    }),
  );
  return { connections, tree, filter, ui: ctx.ui, details };
}

export function deactivate(): void {}
