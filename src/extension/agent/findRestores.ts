// Tool: the restore sessions that restore a mailbox, site or OneDrive, matched by name, e-mail / UPN, site URL or
// id (matchesUnit) among the newest sessions; says too which units the text matched, so a model can tell a unit
// that was never restored from a name that matches nothing.
import type { RestoreSession, Workload, WorkloadId } from '../../backup/model';
import { WORKLOADS, workload as workloadById } from '../../backup/model';
import { matchesUnit, unitDisplayName } from '../../backup/sessionNaming';
import type { SessionHubs } from '../sessions/hubs';
import { namedSessions, sessionLine, unitRefs, withWorkload } from './sessionFacts';
import type { AgentTool } from './toolKit';
import { l10n } from '../../backup/l10n';

export interface FindRestoresInput {
  unit: string;
  workload?: WorkloadId;
  top?: number;
}

const PAGE = 100;

export function findRestoresTool(hubs: SessionHubs): AgentTool<FindRestoresInput> {
  return {
    name: 'restoreSessions_findRestores',
    async prepare(input) {
      return { invocationMessage: l10n.t('Finding restores of "{0}"', input.unit) };
    },
    async invoke(input) {
      const hub = await hubs.active();
      const workloads: readonly Workload[] = input.workload ? [workloadById(input.workload)] : WORKLOADS;
      const matchedUnits: string[] = [];
      for (const workload of workloads) {
        for (const ref of (await unitRefs(hub, workload)).values()) if (matchesUnit(input.unit, [ref])) matchedUnits.push(`${unitDisplayName(workload, ref)} (${workload.unitLabel})`);
      }
      const wanted = input.top ?? 200;
      const sessions: RestoreSession[] = [];
      for await (const page of hub.api.sessions.list(input.workload ? workloads[0] : undefined, { top: Math.min(PAGE, wanted), order: 'desc' })) {
        sessions.push(...page.items);
        if (sessions.length >= wanted) break;
      }
      const targets = sessions.slice(0, wanted).map((s) => withWorkload(s, input.workload ? workloads[0] : undefined)).filter((t): t is NonNullable<typeof t> => !!t);
      const named = await namedSessions(hub, targets);
      const found = targets.filter(({ session }) => matchesUnit(input.unit, named.get(session.id)!.units));
      const units = matchedUnits.length ? `"${input.unit}" matches ${matchedUnits.slice(0, 10).join(', ')}${matchedUnits.length > 10 ? ` and ${matchedUnits.length - 10} more` : ''}.` : `"${input.unit}" matches no protected mailbox, site or OneDrive on ${hub.label}.`;
      if (!found.length) return `${units}\nNone of the newest ${targets.length} restore session(s) on ${hub.label} restores it.`;
      const now = Date.now();
      return [units, `${found.length} of the newest ${targets.length} restore session(s) on ${hub.label} restore it, newest first:`,
        ...found.map(({ session }) => `- ${sessionLine(named.get(session.id)!, session, now)}`)].join('\n');
    },
  };
}
