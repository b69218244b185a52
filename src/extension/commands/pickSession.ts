// Resolves the session a command acts on: the tree node it was invoked on, a session id, or a pick from
// the service's list when run from the command palette. Every quick pick of sessions names them the way the
// tree does — by their units, with status, progress, age and creator in words — never by id (an id appears in
// the detail only to tell apart two sessions that would read the same).
import * as vscode from 'vscode';
import type { RestoreSession, RestoreSessionStatus, Workload } from '../../backup/model';
import { workload as workloadById, workloadBySessionType } from '../../backup/model';
import { formatDateTime, sessionStatusWord } from '../../backup/presentation';
import { progressOf } from '../../backup/progress';
import { sessionDescription } from '../../backup/sessionNaming';
import type { SessionTarget } from '../actions/deps';
import type { SessionHub } from '../sessions/hub';
import type { SessionNode } from '../tree/nodes';
import type { CommandContext } from './context';

export type { SessionTarget } from '../actions/deps';

/** Sessions named before the palette's pick is shown (their artifacts load in `$batch` calls of 20). */
const NAMED_IN_PICK = 200;

export interface SessionPick extends vscode.QuickPickItem {
  target: SessionTarget;
}

/** Quick pick items for sessions, named by their units once the hub knows them (`nameSessions` first). */
export function sessionPickItems(hub: SessionHub, targets: readonly SessionTarget[], nowMs = Date.now()): SessionPick[] {
  const items = targets.map((target): SessionPick => ({
    label: hub.names.nameOf(target.workload, target.session) ?? vscode.l10n.t('{0} restore', target.workload.label),
    description: sessionDescription(target.session, progressOf(target.session.restoreSessionArtifactCount), nowMs).text,
    detail: vscode.l10n.t('{0} · created {1}', target.workload.label, formatDateTime(target.session.createdDateTime)),
    target,
  }));
  // Two sessions that read the same are told apart by their ids, and only then.
  const seen = new Map<string, number>();
  for (const item of items) seen.set(`${item.label}|${item.description}|${item.detail}`, (seen.get(`${item.label}|${item.description}|${item.detail}`) ?? 0) + 1);
  for (const item of items) {
    if ((seen.get(`${item.label}|${item.description}|${item.detail}`) ?? 0) > 1) item.detail = vscode.l10n.t('{0} · id {1}', item.detail ?? '', item.target.session.id);
  }
  return items;
}

/** Names the sessions of each workload (at most NAMED_IN_PICK), for a pick; a failure leaves them unnamed. */
async function nameForPick(hub: SessionHub, targets: readonly SessionTarget[]): Promise<void> {
  const first = targets.slice(0, NAMED_IN_PICK);
  const workloads = [...new Set(first.map((t) => t.workload))];
  await Promise.all(workloads.map((w) => hub.nameSessions(w, first.filter((t) => t.workload === w).map((t) => t.session)).catch(() => undefined)));
}

export async function resolveSession(ctx: CommandContext, arg: unknown, statuses?: RestoreSessionStatus[]): Promise<SessionTarget | undefined> {
  if (isSessionNode(arg)) return { workload: arg.workload, session: arg.session };
  const hub = await ctx.hubs.active();
  const { api } = hub;
  if (typeof arg === 'string') {
    const { body } = await api.sessions.get(undefined, arg);
    return withWorkload(body);
  }
  const sessions: RestoreSession[] = [];
  const pages = api.sessions.list(undefined, { statuses, top: 100 });
  for await (const page of pages) {
    sessions.push(...page.items);
    if (sessions.length >= 500) break;
  }
  if (sessions.length === 0) {
    void vscode.window.showInformationMessage(statuses ? vscode.l10n.t('No {0} restore sessions.', statuses.map(sessionStatusWord).join(' or ').toLowerCase()) : vscode.l10n.t('No restore sessions.'));
    return undefined;
  }
  const targets = sessions.map(withWorkload).filter((t): t is SessionTarget => !!t);
  return pickFrom(nameForPick(hub, targets).then(() => sessionPickItems(hub, targets)));
}

/** Typed text that can only be (the start of) a session id. */
const ID_TEXT = /^[0-9a-f]{8}(-[0-9a-f-]*)?$/i;

/**
 * The pick, busy while the names load. An admin who types (the start of) a session id — from a log line or a
 * link — finds that session: its id shows in the detail then, because it was asked for.
 */
function pickFrom(loading: Promise<SessionPick[]>): Promise<SessionTarget | undefined> {
  const pick = vscode.window.createQuickPick<SessionPick>();
  pick.title = vscode.l10n.t('Pick a restore session');
  pick.placeholder = vscode.l10n.t('Type a name, an address, a status or an age');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  let all: SessionPick[] = [];
  const show = () => {
    const typed = pick.value.trim().toLowerCase();
    pick.items = ID_TEXT.test(typed)
      ? all.filter((item) => item.target.session.id.toLowerCase().startsWith(typed))
        .map((item) => (item.detail?.includes(item.target.session.id) ? item : { ...item, detail: vscode.l10n.t('{0} · id {1}', item.detail ?? '', item.target.session.id) }))
      : all;
  };
  return new Promise((resolve, reject) => {
    let chosen: SessionTarget | undefined;
    let failure: unknown;
    pick.onDidChangeValue(show);
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.target;
      if (chosen) pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (failure) reject(failure);
      else resolve(chosen);
    });
    loading.then((items) => {
      all = items;
      pick.busy = false;
      show();
    }, (error: unknown) => {
      failure = error;
      pick.hide();
    });
    pick.show();
  });
}

function withWorkload(session: RestoreSession): SessionTarget | undefined {
  const workload = workloadBySessionType(session['@odata.type']);
  return workload ? { workload, session } : undefined;
}

function isSessionNode(value: unknown): value is SessionNode {
  return typeof value === 'object' && value !== null && (value as SessionNode).kind === 'session';
}

export function workloadFromArg(arg: unknown): Workload | undefined {
  if (typeof arg === 'string') {
    try {
      return workloadById(arg as never);
    } catch {
      return undefined;
    }
  }
  if (typeof arg === 'object' && arg !== null && 'workload' in arg) return (arg as { workload: Workload }).workload;
  return undefined;
}
