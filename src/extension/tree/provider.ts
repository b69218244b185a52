// Feeds the Restore Sessions view. Loads lazily (a workload's first page when it is expanded, a session's
// artifacts when it is expanded), renders failures as nodes with a next step rather than toasts, and
// refreshes only the nodes whose data changed. Sessions come from, and changes arrive through, the session
// hub of the active connection; the tree is nobody's event source. Rows are named by their units after the
// first paint: the names load in `$batch` calls and each named row is re-rendered in place.
import * as vscode from 'vscode';
import type { GranularMailboxRestoreArtifact, RestoreSession, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import type { UnitRef } from '../../backup/sessionNaming';
import type { ConnectionManager } from '../connections';
import type { BusySessions } from '../sessions/busy';
import type { SessionChange, SessionHub } from '../sessions/hub';
import type { SessionHubs } from '../sessions/hubs';
import type { GranularQueryNote } from '../sessions/sessionNotes';
import { artifactItem } from './artifactNode';
import { bulkRequestItem } from './bulkRequestNode';
import { connectionItem, connectionNode } from './connectionNode';
import { loadMoreItem } from './loadMoreNode';
import { errorNode, messageItem } from './messageNode';
import { parentOf, type ArtifactNode, type ConnectionNode, type Node, type SessionNode, type WorkloadNode } from './nodes';
import { SessionList } from './sessionList';
import { sessionChildren, sessionItem, sessionNode } from './sessionNode';
import { unitFilteredChildren } from './unitFilter';
import { workloadChildren, workloadItem, workloadNode, type TreeQuery, type WorkloadSource } from './workloadNode';

/** Status changes arrive in bursts (a `$batch` refresh): the running count is asked for once they settle. */
const RECOUNT_DELAY_MS = 1000;

export class RestoreSessionsProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly lists = new Map<string, SessionList>();
  private readonly workloadNodes = new Map<string, WorkloadNode>();
  private readonly sessionNodes = new Map<string, SessionNode>();
  private readonly subscriptions: vscode.Disposable[];
  /** The name each session row was last rendered with, so a row is re-rendered only when it changes. */
  private readonly rendered = new Map<string, string | undefined>();
  private readonly recounts = new Map<string, NodeJS.Timeout>();
  /** The hub of the connection the tree shows (set when the root is read). */
  private hub: SessionHub | undefined;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly hubs: SessionHubs,
    private readonly busy: BusySessions,
    private readonly query: () => TreeQuery,
    private readonly pageSize: () => number,
  ) {
    this.subscriptions = [
      hubs.onDidChangeSession((change) => this.sessionChanged(change)),
      busy.onDidChange((sessionId) => this.fireSession(sessionId)),
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem | Thenable<vscode.TreeItem> {
    switch (node.kind) {
      case 'connection': return connectionItem(node);
      case 'workload': return workloadItem(node, this.lists.get(node.workload.id));
      case 'session': return this.sessionRow(node);
      case 'artifact': return this.unitOf(node).then((unit) => artifactItem(node, unit, this.queryOf(node)));
      case 'bulkRequest': return bulkRequestItem(node, this.hub?.notes.bulkRows(node.parent.session.id)?.length);
      case 'loadMore': return loadMoreItem(node);
      case 'message': return messageItem(node);
    }
  }

  getParent(node: Node): Node | undefined {
    return parentOf(node);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    try {
      if (!node) return [await this.root()];
      if (node.kind === 'connection') return WORKLOADS.map((w) => this.workloadNode(node, w));
      if (node.kind === 'workload') return await this.workloadRows(node);
      if (node.kind === 'session') return await sessionChildren(node, await this.activeHub());
      return [];
    } catch (error) {
      return [errorNode(node?.kind === 'connection' || node?.kind === 'workload' || node?.kind === 'session' ? node : undefined, error)];
    }
  }

  /** Everything reloads: connection changes, filters, manual refresh. Unit names stay (they belong to the hub). */
  refreshAll(): void {
    for (const list of this.lists.values()) list.reset();
    this.hub = undefined;
    this.workloadNodes.clear();
    this.sessionNodes.clear();
    this.changed.fire(undefined);
  }

  refreshWorkload(workload: Workload): void {
    this.lists.get(workload.id)?.reset();
    this.changed.fire(this.workloadNodes.get(workload.id));
  }

  async loadMore(workload: Workload, all: boolean): Promise<void> {
    const list = this.lists.get(workload.id);
    if (!list) return;
    const hub = await this.activeHub();
    await list.loadMore(hub.api, all);
    hub.observe(workload, list.sessions, 'tree');
    this.changed.fire(this.workloadNodes.get(workload.id));
    this.nameLater(hub, workload, list.sessions);
  }

  /**
   * The node of a session, loading its workload's pages until it shows (for Reveal); undefined when the view
   * was never shown or a filter hides the session.
   */
  async locate(workload: Workload, sessionId: string): Promise<SessionNode | undefined> {
    const node = this.workloadNodes.get(workload.id);
    if (!node) return undefined;
    await this.getChildren(node);
    const list = this.lists.get(workload.id);
    if (!this.sessionNodes.has(sessionId) && list?.nextLink) {
      await this.loadMore(workload, true);
      await this.getChildren(node);
    }
    return this.sessionNodes.get(sessionId);
  }

  /** The loaded node of a session, if the tree shows it. */
  findSession(sessionId: string): SessionNode | undefined {
    return this.sessionNodes.get(sessionId);
  }

  private async root(): Promise<ConnectionNode> {
    const hub = await this.hubs.active();
    this.hub = hub;
    return connectionNode({ id: hub.connectionId, label: hub.label, baseUrl: hub.baseUrl });
  }

  private async activeHub(): Promise<SessionHub> {
    return this.hub ?? (this.hub = await this.hubs.active());
  }

  /** A session changed in the hub: update the list that shows it and re-render only what changed. */
  private sessionChanged(change: SessionChange): void {
    if (change.connectionId !== this.hub?.connectionId) return;
    const list = this.lists.get(change.workload.id);
    if (change.created) {
      this.refreshWorkload(change.workload);
      return;
    }
    if (!change.session) {
      list?.remove(change.sessionId);
      this.sessionNodes.delete(change.sessionId);
      this.changed.fire(this.workloadNodes.get(change.workload.id));
      return;
    }
    const before = list?.sessions.find((s) => s.id === change.sessionId)?.status;
    const changed = list?.update([change.session]) ?? [];
    const node = this.sessionNodes.get(change.sessionId);
    if (node) node.session = change.session;
    // Contents read elsewhere (a panel, an action) may change the artifacts below an unchanged session.
    if (node && (changed.length || (change.read && change.source !== 'tree'))) this.changed.fire(node);
    if (changed.length) this.changed.fire(this.workloadNodes.get(change.workload.id));
    // A status change moves the workload's running count: ask the service again (one debounced request).
    if (list && before !== undefined && before !== change.session.status) this.recount(list);
    // A read with contents may name (or rename) the row once its units are known.
    const hub = this.hub;
    if (node && change.read && hub) void hub.names.named(change.workload, change.session).then(() => this.renamed(hub, node));
  }

  /** The session rows of a workload; names are asked for afterwards (or first, when filtering by unit). */
  private async workloadRows(node: WorkloadNode): Promise<Node[]> {
    const hub = await this.activeHub();
    const source = this.workloadSource(node.workload, hub);
    const unit = source.query.unit;
    if (unit) return unitFilteredChildren(node, source, unit);
    const children = await workloadChildren(node, source);
    this.nameLater(hub, node.workload, children.flatMap((c) => (c.kind === 'session' ? [c.session] : [])));
    return children;
  }

  private sessionRow(node: SessionNode): vscode.TreeItem {
    const names = this.hub?.names;
    const name = names?.nameOf(node.workload, node.session);
    this.rendered.set(node.session.id, name);
    const bulkRowsSent = this.hub?.notes.bulkRows(node.session.id)?.length;
    return sessionItem(node, { name, units: names?.unitsOf(node.workload, node.session), busy: this.busy.description(node.session.id), bulkRowsSent, nowMs: Date.now() });
  }

  /** Loads the names of rows just shown, then re-renders each row whose name arrived. */
  private nameLater(hub: SessionHub, workload: Workload, sessions: readonly RestoreSession[]): void {
    if (!sessions.length) return;
    hub.nameSessions(workload, sessions).then(
      () => {
        for (const session of sessions) {
          const node = this.sessionNodes.get(session.id);
          if (node) this.renamed(hub, node);
        }
      },
      // Unnamed rows keep their creation time; the next refresh tries again.
      () => undefined,
    );
  }

  private renamed(hub: SessionHub, node: SessionNode): void {
    if (hub !== this.hub) return;
    if (hub.names.nameOf(node.workload, node.session) !== this.rendered.get(node.session.id)) this.changed.fire(node);
  }

  private recount(list: SessionList): void {
    const hub = this.hub;
    if (!hub || !list.loaded) return;
    clearTimeout(this.recounts.get(list.workload.id));
    this.recounts.set(list.workload.id, setTimeout(() => {
      list.recount(hub.api, this.query()).then(() => this.changed.fire(this.workloadNodes.get(list.workload.id)), () => undefined);
    }, RECOUNT_DELAY_MS));
  }

  private fireSession(sessionId: string): void {
    const node = this.sessionNodes.get(sessionId);
    if (node) this.changed.fire(node);
  }

  private workloadNode(parent: ConnectionNode, workload: Workload): WorkloadNode {
    let node = this.workloadNodes.get(workload.id);
    if (!node || node.parent.id !== parent.id) {
      node = workloadNode(parent, workload);
      this.workloadNodes.set(workload.id, node);
    }
    return node;
  }

  private workloadSource(workload: Workload, hub: SessionHub): WorkloadSource {
    let list = this.lists.get(workload.id);
    if (!list) {
      list = new SessionList(workload);
      this.lists.set(workload.id, list);
    }
    return {
      hub,
      list,
      query: this.query(),
      pageSize: this.pageSize(),
      me: () => this.connections.me(),
      sessionNode: (parent: WorkloadNode, session: RestoreSession) => this.sessionNode(parent, session),
      onCounts: () => this.changed.fire(this.workloadNodes.get(workload.id)),
    };
  }

  private sessionNode(parent: WorkloadNode, session: RestoreSession): SessionNode {
    let node = this.sessionNodes.get(session.id);
    if (!node || node.parent !== parent) {
      node = sessionNode(parent, session);
      this.sessionNodes.set(session.id, node);
    } else {
      node.session = session;
    }
    return node;
  }

  /** The search of a granular mail artifact made in this window (its query and match count). */
  private queryOf(node: ArtifactNode): GranularQueryNote | undefined {
    if (!node.granular || node.workload.granularArtifacts.source !== 'search') return undefined;
    return this.hub?.notes.queryNote({ sessionId: node.parent.session.id, searchResponseId: (node.artifact as GranularMailboxRestoreArtifact).searchResponseId });
  }

  private async unitOf(node: ArtifactNode): Promise<UnitRef | undefined> {
    if (!this.hub) return undefined;
    await this.hub.names.unitRefs(node.workload).catch(() => undefined);
    return this.hub.names.unitOf(node.workload, node.artifact);
  }

  dispose(): void {
    for (const timer of this.recounts.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
