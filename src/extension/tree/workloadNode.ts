// A workload row (Exchange, SharePoint, OneDrive) with its counts ("2 active · 41"); its children are the
// loaded pages of its sessions, "created by me" applied locally, then Load more while the service has more.
import * as vscode from 'vscode';
import type { SessionListQuery } from '../../backup/api';
import type { RestoreSession, Workload } from '../../backup/model';
import type { SessionHub } from '../sessions/hub';
import { loadMoreNode } from './loadMoreNode';
import { errorNode } from './messageNode';
import type { ConnectionNode, Node, SessionNode, WorkloadNode } from './nodes';
import type { SessionList } from './sessionList';

export function workloadNode(parent: ConnectionNode, workload: Workload): WorkloadNode {
  return { kind: 'workload', id: `${parent.id}/${workload.id}`, parent, workload };
}

export function workloadItem(node: WorkloadNode, list: SessionList | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(node.workload.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.workload.icon);
  item.contextValue = 'workload';
  if (list?.loaded) {
    const total = list.total ?? `${list.sessions.length}+`;
    item.description = list.running ? vscode.l10n.t('{0} active · {1}', list.running, total) : `${total}`;
  }
  return item;
}

/** The list query plus the filters applied here: "created by me" and "restores this unit" (name, UPN or URL). */
export type TreeQuery = SessionListQuery & { createdByMe?: boolean; unit?: string };

/** What listing a workload's sessions needs from the provider. */
export interface WorkloadSource {
  hub: SessionHub;
  list: SessionList;
  query: TreeQuery;
  pageSize: number;
  /** The signed-in caller, for "created by me". */
  me(): Promise<{ userId?: string; appId?: string }>;
  /** The same node object for the same session, so expansion state and updates find it. */
  sessionNode(parent: WorkloadNode, session: RestoreSession): SessionNode;
  /** The workload row changed (its counts arrived). */
  onCounts(): void;
}

export async function workloadChildren(node: WorkloadNode, source: WorkloadSource): Promise<Node[]> {
  const { workload } = node;
  const { list } = source;
  await loadFirstPage(node, source);
  if (list.error) {
    const error = list.error;
    list.error = undefined;
    return [errorNode(node, error, { command: 'restoreSessions.refreshWorkload', title: vscode.l10n.t('Retry'), arguments: [workload.id] })];
  }
  if (list.sessions.length === 0) {
    return [{ kind: 'message', id: `${node.id}/empty`, parent: node, label: vscode.l10n.t('No {0} restore sessions', workload.label), description: vscode.l10n.t('Create one…'), icon: 'info', command: { command: 'restoreSessions.createSession', title: vscode.l10n.t('Create'), arguments: [workload.id] } }];
  }
  // Graph documents no $filter on createdBy, so "created by me" is applied to the loaded pages here.
  const mine = source.query.createdByMe ? await source.me() : undefined;
  const shown = mine ? list.sessions.filter((s) => isCreatedBy(s, mine)) : list.sessions;
  const children: Node[] = shown.map((session) => source.sessionNode(node, session));
  if (mine && shown.length === 0) {
    children.push({ kind: 'message', id: `${node.id}/none-mine`, parent: node, label: vscode.l10n.t('None of the {0} loaded sessions were created by you', list.sessions.length), icon: 'filter' });
  }
  if (list.nextLink) children.push(loadMoreNode(node, list));
  return children;
}

/** The first page, once; the workload row shows the counts and is re-rendered when the running count arrives. */
export async function loadFirstPage(node: WorkloadNode, { list, hub, query, pageSize, onCounts }: WorkloadSource): Promise<void> {
  if (list.loaded || list.error) return;
  await list.loadFirst(hub.api, { ...query, top: pageSize }, onCounts);
  hub.observe(node.workload, list.sessions, 'tree');
}

function isCreatedBy(session: RestoreSession, me: { userId?: string; appId?: string }): boolean {
  const by = session.createdBy;
  if (me.userId) return by?.user?.id === me.userId;
  if (me.appId) return !by?.user && by?.application?.id === me.appId;
  return false;
}
