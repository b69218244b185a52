// Tool: list restore sessions of the active connection, newest first, filtered by workload, status and creation
// time; one line per session, named by what it restores, with its id and workload.
import type { RestoreSession, RestoreSessionStatus, Workload, WorkloadId } from '../../backup/model';
import { workload as workloadById } from '../../backup/model';
import { sessionStatusWord } from '../../backup/presentation';
import type { SessionHubs } from '../sessions/hubs';
import { namedSessions, sessionLine, withWorkload } from './sessionFacts';
import { ToolInputError, type AgentTool } from './toolKit';
import { l10n } from '../../backup/l10n';

export interface ListSessionsInput {
  workload?: WorkloadId;
  statuses?: RestoreSessionStatus[];
  createdAfter?: string;
  top?: number;
}

export function listSessionsTool(hubs: SessionHubs): AgentTool<ListSessionsInput> {
  return {
    name: 'restoreSessions_listSessions',
    async prepare(input) {
      return { invocationMessage: input.workload ? l10n.t('Listing {0} restore sessions', workloadById(input.workload).label) : l10n.t('Listing all restore sessions') };
    },
    async invoke(input) {
      const createdAfter = input.createdAfter === undefined ? undefined : new Date(input.createdAfter);
      if (createdAfter && Number.isNaN(createdAfter.getTime())) throw new ToolInputError(l10n.t('createdAfter "{0}" is not an ISO 8601 time.', input.createdAfter ?? ''));
      const workload: Workload | undefined = input.workload ? workloadById(input.workload) : undefined;
      const top = input.top ?? 20;
      const hub = await hubs.active();
      const pages = hub.api.sessions.list(workload, { statuses: input.statuses, createdAfter, top, order: 'desc' });
      const first = await pages.next();
      await pages.return(undefined);
      const sessions = (first.done ? [] : first.value.items).slice(0, top)
        .map((s: RestoreSession) => withWorkload(s, workload)).filter((s): s is NonNullable<typeof s> => !!s);
      const filter = [
        workload ? workload.label : 'all workloads',
        input.statuses?.length ? input.statuses.map(sessionStatusWord).join(' or ').toLowerCase() : '',
        createdAfter ? `created after ${createdAfter.toISOString()}` : '',
      ].filter(Boolean).join(', ');
      if (!sessions.length) return `No restore sessions on ${hub.label} match (${filter}).`;
      const named = await namedSessions(hub, sessions);
      const now = Date.now();
      return [
        `${sessions.length} restore session(s) on ${hub.label} (${filter}), newest first${first.done || !first.value.nextLink ? '' : '; more exist, raise top to see them'}:`,
        ...sessions.map(({ session }) => `- ${sessionLine(named.get(session.id)!, session, now)}`),
      ].join('\n');
    },
  };
}
