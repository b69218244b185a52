// Feeds the Restore Sessions view. Loads lazily (a workload's first page when it is expanded, a session's
// artifacts when it is expanded), renders failures as nodes with a Retry action rather than toasts, and
// refreshes only the nodes whose data changed.
import * as vscode from 'vscode';
import type { SessionListQuery } from '../../backup/api';
import type { RestoreArtifact, RestoreArtifactBase, RestorePoint, RestoreSession, Workload } from '../../backup/model';
import { RUNNING_SESSION_STATUSES, WORKLOADS } from '../../backup/model';
import { artifactUnitId } from '../../backup/presentation';
import { UnitDirectory } from '../../backup/unitDirectory';
import type { ConnectionManager } from '../connections';
import { checkPermissionsArgs, isSignInRequired } from '../auth';
import { describeError } from '../errors';
import { artifactItem } from './artifactItem';
import type { ArtifactNode, MessageNode, Node, SessionNode, WorkloadNode } from './nodes';
import { SessionList } from './sessionList';
import { sessionItem } from './sessionItem';
import { bulkRequestItem, connectionItem, loadMoreItem, messageItem, workloadItem } from './simpleItems';

export class RestoreSessionsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly lists = new Map<string, SessionList>();
  private readonly workloadNodes = new Map<string, WorkloadNode>();
  private readonly sessionNodes = new Map<string, SessionNode>();
  /** Sessions with an action in flight, and the temporary description shown meanwhile ("Activating…"). */
  private readonly busy = new Map<string, string>();

  /** Protection unit names, shared with the details panels. */
  readonly units: UnitDirectory;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly query: () => SessionListQuery & { createdByMe?: boolean },
    private readonly pageSize: () => number,
  ) {
    this.units = new UnitDirectory(async () => (await connections.get()).api);
  }

  getTreeItem(node: Node): vscode.TreeItem | Thenable<vscode.TreeItem> {
    switch (node.kind) {
      case 'connection': return connectionItem(node);
      case 'workload': return workloadItem(node, this.lists.get(node.workload.id));
      case 'session': return sessionItem(node, this.busy.get(node.session.id));
      case 'artifact': return this.unitNameOf(node).then((name) => artifactItem(node, name));
      case 'bulkRequest': return bulkRequestItem(node);
      case 'loadMore': return loadMoreItem(node);
      case 'message': return messageItem(node);
    }
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'session') return this.workloadNodes.get(node.workload.id);
    return undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    try {
      if (!node) return await this.rootChildren();
      if (node.kind === 'connection') return WORKLOADS.map((w) => this.workloadNode(w));
      if (node.kind === 'workload') return await this.workloadChildren(node);
      if (node.kind === 'session') return await this.sessionChildren(node);
      return [];
    } catch (error) {
      return [errorNode(`${node?.id ?? 'root'}/error`, error)];
    }
  }

  /** Everything reloads: connection changes, filters, manual refresh. */
  refreshAll(): void {
    for (const list of this.lists.values()) list.reset();
    this.units.clear();
    this.changed.fire(undefined);
  }

  refreshWorkload(workload: Workload): void {
    this.lists.get(workload.id)?.reset();
    this.changed.fire(this.workloadNodes.get(workload.id));
  }

  async loadMore(workload: Workload, all: boolean): Promise<void> {
    const list = this.lists.get(workload.id);
    if (!list) return;
    const connection = await this.connections.get();
    await list.loadMore(connection.api.client, all);
    this.changed.fire(this.workloadNodes.get(workload.id));
  }

  /**
   * Runs an action on a session while its node shows a spinner and `description`. A second action on the
   * same session while one runs is refused, so a double click never sends twice.
   */
  async runBusy<T>(sessionId: string, description: string, action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy.has(sessionId)) return undefined;
    this.busy.set(sessionId, description);
    this.fireSession(sessionId);
    try {
      return await action();
    } finally {
      this.busy.delete(sessionId);
      this.fireSession(sessionId);
    }
  }

  /** Re-reads one session's children (artifacts) on next expansion. */
  refreshSession(sessionId: string): void {
    this.fireSession(sessionId);
  }

  private fireSession(sessionId: string): void {
    const node = this.findSession(sessionId);
    if (node) this.changed.fire(node);
  }

  /** Sessions loaded in the tree that have not reached a terminal status. */
  runningSessions(): SessionNode[] {
    return [...this.sessionNodes.values()].filter((n) => RUNNING_SESSION_STATUSES.includes(n.session.status ?? 'draft'));
  }

  /** Applies fresh copies of sessions; re-renders only those that changed. Returns the changed ones. */
  applyUpdates(workload: Workload, sessions: RestoreSession[]): RestoreSession[] {
    const changed = this.lists.get(workload.id)?.update(sessions) ?? [];
    for (const session of changed) {
      const node = this.sessionNodes.get(sessionNodeId(workload, session.id));
      if (node) {
        node.session = session;
        this.changed.fire(node);
      }
    }
    if (changed.length) this.changed.fire(this.workloadNodes.get(workload.id));
    return changed;
  }

  removeSession(workload: Workload, sessionId: string): void {
    this.lists.get(workload.id)?.remove(sessionId);
    this.sessionNodes.delete(sessionNodeId(workload, sessionId));
    this.changed.fire(this.workloadNodes.get(workload.id));
  }

  findSession(sessionId: string): SessionNode | undefined {
    return [...this.sessionNodes.values()].find((n) => n.session.id === sessionId);
  }

  private async rootChildren(): Promise<Node[]> {
    const connection = await this.connections.get();
    return [{ kind: 'connection', id: `connection/${connection.id}`, label: connection.label, detail: new URL(connection.baseUrl).host }];
  }

  private workloadNode(workload: Workload): WorkloadNode {
    let node = this.workloadNodes.get(workload.id);
    if (!node) {
      node = { kind: 'workload', id: `workload/${workload.id}`, workload };
      this.workloadNodes.set(workload.id, node);
    }
    return node;
  }

  private async workloadChildren(node: WorkloadNode): Promise<Node[]> {
    const { workload } = node;
    let list = this.lists.get(workload.id);
    if (!list) {
      list = new SessionList(workload);
      this.lists.set(workload.id, list);
    }
    if (!list.loaded && !list.error) {
      const connection = await this.connections.get();
      // The workload row shows the counts; it is re-rendered when the running count arrives.
      await list.loadFirst(connection.api, { ...this.query(), top: this.pageSize() }, () => this.changed.fire(node));
    }
    if (list.error) {
      const error = list.error;
      list.error = undefined;
      return [errorNode(`${workload.id}/error`, error, { command: 'restoreSessions.refreshWorkload', title: 'Retry', arguments: [workload.id] })];
    }
    if (list.sessions.length === 0) {
      return [{ kind: 'message', id: `${workload.id}/empty`, label: `No ${workload.label} restore sessions`, description: 'Create one…', icon: 'info', command: { command: 'restoreSessions.createSession', title: 'Create', arguments: [workload.id] } }];
    }
    // Graph documents no $filter on createdBy, so "created by me" is applied to the loaded pages here.
    const mine = this.query().createdByMe ? await this.connections.me() : undefined;
    const shown = mine ? list.sessions.filter((s) => isCreatedBy(s, mine)) : list.sessions;
    const children: Node[] = shown.map((session) => this.sessionNode(workload, session));
    if (mine && shown.length === 0) {
      children.push({ kind: 'message', id: `${workload.id}/none-mine`, label: `None of the ${list.sessions.length} loaded sessions were created by you`, icon: 'filter' });
    }
    if (list.nextLink) children.push({ kind: 'loadMore', id: `${workload.id}/loadMore`, workload, loaded: list.sessions.length, total: list.total });
    return children;
  }

  private sessionNode(workload: Workload, session: RestoreSession): SessionNode {
    const id = sessionNodeId(workload, session.id);
    let node = this.sessionNodes.get(id);
    if (!node) {
      node = { kind: 'session', id, workload, session };
      this.sessionNodes.set(id, node);
    } else {
      node.session = session;
    }
    return node;
  }

  private async sessionChildren(node: SessionNode): Promise<Node[]> {
    const { workload, session } = node;
    const { api } = await this.connections.get();
    const [standard, granular, bulk] = await Promise.all([
      api.artifacts.listAll(workload, session.id, 'standard'),
      api.artifacts.listAll(workload, session.id, 'granular'),
      api.artifacts.listBulkRequests(workload, session.id),
    ]);
    await this.attachUnits(standard);
    const children: Node[] = [
      ...sortFailedFirst(standard).map((artifact): ArtifactNode => ({ kind: 'artifact', id: `${node.id}/${artifact.id}`, workload, sessionId: session.id, sessionStatus: session.status ?? 'draft', artifact, granular: false })),
      ...sortFailedFirst(granular).map((artifact): ArtifactNode => ({ kind: 'artifact', id: `${node.id}/g/${artifact.id}`, workload, sessionId: session.id, sessionStatus: session.status ?? 'draft', artifact, granular: true })),
      ...bulk.map((request) => ({ kind: 'bulkRequest' as const, id: `${node.id}/bulk/${request.id}`, workload, sessionId: session.id, request })),
    ];
    if (children.length === 0) {
      return [{ kind: 'message', id: `${node.id}/empty`, label: 'No artifacts', description: session.status === 'draft' ? 'add some before activating' : undefined, icon: 'info' }];
    }
    return children;
  }

  /** Fills `restorePoint.protectionUnit` on artifacts whose restore point came without it. */
  private async attachUnits(artifacts: RestoreArtifact[]): Promise<void> {
    const points = artifacts.map((a) => (a as RestoreArtifactBase).restorePoint).filter((p): p is RestorePoint => !!p?.id && !p.protectionUnit);
    if (!points.length) return;
    const owners = await this.units.unitsOfRestorePoints(points.map((p) => p.id)).catch(() => new Map<string, string>());
    for (const point of points) {
      const unitId = owners.get(point.id);
      if (unitId) point.protectionUnit = { id: unitId };
    }
  }

  private async unitNameOf(node: ArtifactNode): Promise<string | undefined> {
    const unitId = artifactUnitId(node.artifact);
    if (!unitId) return undefined;
    return (await this.units.unitNames(node.workload).catch(() => new Map<string, string>())).get(unitId);
  }
}

function isCreatedBy(session: RestoreSession, me: { userId?: string; appId?: string }): boolean {
  const by = session.createdBy;
  if (me.userId) return by?.user?.id === me.userId;
  if (me.appId) return !by?.user && by?.application?.id === me.appId;
  return false;
}

function sessionNodeId(workload: Workload, sessionId: string): string {
  return `${workload.id}/${sessionId}`;
}

function sortFailedFirst(artifacts: RestoreArtifact[]): RestoreArtifact[] {
  return [...artifacts].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
}

function errorNode(id: string, error: unknown, retry?: MessageNode['command']): MessageNode {
  const { summary, detail } = describeError(error);
  // Failures with a known next step offer that step instead of a plain retry.
  if (error instanceof Error && error.name === 'EmulatorStoppedError') {
    return { kind: 'message', id, label: 'The local emulator is stopped', description: 'click to start it', tooltip: detail, icon: 'debug-stop', command: { command: 'restoreSessions.startEmulator', title: 'Start Local Emulator' } };
  }
  if (isSignInRequired(error)) {
    return { kind: 'message', id, label: 'Sign in to see restore sessions', description: summary, tooltip: detail, icon: 'account', command: { command: 'restoreSessions.signIn', title: 'Sign In' } };
  }
  const permissions = checkPermissionsArgs(error);
  if (permissions) {
    return { kind: 'message', id, label: summary, description: 'click to check permissions', tooltip: detail, icon: 'shield', command: { command: 'restoreSessions.checkPermissions', title: 'Check Permissions', arguments: [permissions] } };
  }
  return {
    kind: 'message',
    id,
    label: summary,
    description: retry ? 'click to retry' : undefined,
    tooltip: detail,
    icon: 'error',
    command: retry ?? { command: 'restoreSessions.refresh', title: 'Retry' },
  };
}
