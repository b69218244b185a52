// Activation: one connection manager, one session hub per connection, one tree, one command list.
// Everything else is created lazily, so activation stays cheap; the emulator starts only when the view
// first needs data. Views subscribe to the hubs, never to each other.
import * as vscode from 'vscode';
import { setLocalize } from '../backup/l10n';
import { agentTools } from './agent';
import { ConnectionStatusBar, VsCodeSecretStore, authCommands } from './auth';
import { EMULATOR_ACCOUNTS_PROVIDER } from './auth/emulatorAccounts';
import { registerEmulatorAccounts } from './auth/testAccounts';
import { recordActions } from './actionLog';
import { AutoRefresh } from './autoRefresh';
import { artifactCommands } from './commands/artifactCommands';
import { bulkCsvCommands } from './commands/bulkCsvCommand';
import type { CommandContext } from './commands/context';
import { createSessionCommand } from './commands/createSession';
import { detailsCommands } from './commands/detailsCommands';
import { exportCommands } from './commands/exportCommands';
import { findRestoresCommands } from './commands/findRestores';
import { granularCommands } from './commands/granularCommands';
import { registerCommands } from './commands/registry';
import { sessionCommands } from './commands/sessionCommands';
import { viewCommands } from './commands/viewCommands';
import { ConnectionManager } from './connections';
import { CompletionNotifier } from './completionNotifier';
import { SessionFilter } from './filter';
import { pruneHistorySoon } from './historyRetention';
import { ProtectionChanges } from './protection/changes';
import { linkContributions } from './links';
import { Log } from './log';
import { protectionCommands } from './protection/commands';
import type { ProtectionNode } from './protection/nodes';
import { ProtectionProvider } from './protection/provider';
import { SESSION_SCHEME, SessionDocuments } from './sessionDocuments';
import { BusySessions } from './sessions/busy';
import { SessionHubs } from './sessions/hubs';
import { readSettings } from './settings';
import { TEST_HOOKS } from './testHooks';
import type { Node } from './tree/nodes';
import { RestoreSessionsProvider } from './tree/provider';
import { vscodeUi, type Ui } from './ui';
import { DetailsPanels } from './webview/panels';
import { WatchList } from './watchList';

/** Returned from `activate` only under the test launchers (RESTORE_SESSIONS_TEST_HOOKS=1). */
export interface ExtensionApi {
  /** The connection in use, its session hubs and the tree's data. */
  connections: ConnectionManager;
  hubs: SessionHubs;
  tree: RestoreSessionsProvider;
  /** The explorer view (tests: it is visible once focused). */
  view: vscode.TreeView<Node>;
  filter: SessionFilter;
  /** Integration tests replace `ui.confirm` to answer modal confirmations. */
  ui: Ui;
  /** Session details panels and their status history (tests: open, wait for the page, post messages). */
  details: DetailsPanels;
  /** Completion notices as they are shown (tests: a notice for a session whose workload was never expanded). */
  notices: CompletionNotifier;
  /** The Protection view and its data. */
  protection: { tree: ProtectionProvider; view: vscode.TreeView<ProtectionNode> };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  // src/backup builds many of the words people read and cannot import vscode: it localizes through this seam.
  setLocalize(vscode.l10n.t.bind(vscode.l10n));
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const log = new Log();
  pruneHistorySoon(context, log);
  const connections = new ConnectionManager(
    log, version, { state: context.globalState, secrets: new VsCodeSecretStore(context.secrets) }, TEST_HOOKS ? EMULATOR_ACCOUNTS_PROVIDER : undefined,
  );
  const hubs = new SessionHubs(connections);
  const busy = new BusySessions();
  const filter = new SessionFilter(context.workspaceState);
  const tree = new RestoreSessionsProvider(connections, hubs, busy, () => filter.toQuery(), () => readSettings().pageSize);
  const view = vscode.window.createTreeView('restoreSessions.explorer', { treeDataProvider: tree, showCollapseAll: true });
  const protection = new ProtectionProvider(hubs);
  const protectionView = vscode.window.createTreeView('restoreSessions.protection', { treeDataProvider: protection, showCollapseAll: true });
  const notices = new CompletionNotifier(connections);
  const watch = new WatchList(hubs, notices);
  const autoRefresh = new AutoRefresh(view, hubs, log);
  const ctx: CommandContext = { connections, hubs, busy, tree, filter, log, watch, ui: { ...vscodeUi } };
  const details = new DetailsPanels(context, connections, hubs, busy, watch, log, ctx.ui);
  const documents = new SessionDocuments(hubs);
  const protectionChanges = new ProtectionChanges(ctx);

  const showFilter = () => {
    view.description = filter.describe();
    void vscode.commands.executeCommand('setContext', 'restoreSessions.filtered', filter.isActive);
  };
  // What the first paint does not need (the status bar item, context keys) is made once `activate` has returned,
  // so the host's activation does not wait for it; the output channel is made on its first line (log.ts).
  const afterActivation = setTimeout(() => {
    showFilter();
    context.subscriptions.push(new ConnectionStatusBar(connections));
  }, 0);
  const filterChanged = () => {
    showFilter();
    tree.refreshAll();
  };

  context.subscriptions.push(
    log,
    connections,
    hubs,
    busy,
    tree,
    view,
    protection,
    protectionView,
    autoRefresh,
    details,
    documents,
    protectionChanges,
    // A change made here shows in the Protection view at once (the service's answer, not a guess).
    protectionChanges.onDidChange(() => protection.refresh()),
    vscode.workspace.registerTextDocumentContentProvider(SESSION_SCHEME, documents),
    // A session someone activated here says so once it finishes, whatever the tree shows (watchList.ts).
    notices,
    watch,
    recordActions(log, hubs),
    { dispose: () => clearTimeout(afterActivation) },
    ...registerCommands(
      [
        ...viewCommands(ctx, filterChanged),
        ...findRestoresCommands(ctx, view, filterChanged),
        ...sessionCommands(ctx),
        createSessionCommand(ctx),
        ...artifactCommands(ctx),
        ...granularCommands(ctx),
        ...bulkCsvCommands(ctx),
        ...detailsCommands(ctx, details),
        ...exportCommands(ctx),
        ...protectionChanges.commands,
        ...protectionCommands(protection),
        ...authCommands({ connections, log }),
      ],
      log,
    ),
    connections.onDidChange(() => {
      tree.refreshAll();
      protection.refresh();
    }),
    ...agentTools(context, ctx),
    ...linkContributions(context, ctx, details),
    ...(TEST_HOOKS ? registerEmulatorAccounts(connections) : []),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('restoreSessions.emulator')) void connections.reset();
      else if (e.affectsConfiguration('restoreSessions.connections')) void connections.reloadConfig();
      else if (e.affectsConfiguration('restoreSessions.pageSize')) tree.refreshAll();
      if (e.affectsConfiguration('restoreSessions.autoRefresh')) autoRefresh.schedule();
    }),
  );
  return TEST_HOOKS ? { connections, hubs, tree, view, filter, ui: ctx.ui, details, notices, protection: { tree: protection, view: protectionView } } : undefined;
}

export function deactivate(): void {}
