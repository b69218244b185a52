// Resolves the session a command acts on: the tree node it was invoked on, a session id, or a pick from
// the service's list when run from the command palette.
import * as vscode from 'vscode';
import type { RestoreSession, RestoreSessionStatus, Workload } from '../../backup/model';
import { workload as workloadById, workloadBySessionType } from '../../backup/model';
import { createdByText, formatDateTime, progressText, sessionStatusWord } from '../../backup/presentation';
import type { SessionTarget } from '../actions/deps';
import type { SessionNode } from '../tree/nodes';
import type { CommandContext } from './context';

export type { SessionTarget } from '../actions/deps';

export async function resolveSession(ctx: CommandContext, arg: unknown, statuses?: RestoreSessionStatus[]): Promise<SessionTarget | undefined> {
  if (isSessionNode(arg)) return { workload: arg.workload, session: arg.session };
  const { api } = await ctx.hubs.active();
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
  const picked = await vscode.window.showQuickPick(
    sessions.map((session) => {
      const target = withWorkload(session);
      return {
        label: `${target?.workload.label ?? vscode.l10n.t('Session')} · ${formatDateTime(session.createdDateTime)}`,
        description: `${sessionStatusWord(session.status)} · ${progressText(session)}`,
        detail: vscode.l10n.t('{0} · created by {1}', session.id, createdByText(session.createdBy)),
        target,
      };
    }),
    { title: vscode.l10n.t('Pick a restore session'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.target;
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
