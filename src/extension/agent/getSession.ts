// Tool: one restore session with its artifacts, each named by the unit (or file) it restores, with its point in
// time, destination and status; failed ones with the error in words, its code, and what to change on a retry.
import type { PublicError, RestoreArtifact, RestoreArtifactBase, Workload, WorkloadId } from '../../backup/model';
import { workload as workloadById } from '../../backup/model';
import { artifactPointInTime, createdByText, formatDateTime } from '../../backup/presentation';
import { progressOf, statusBanner } from '../../backup/progress';
import { retrySuggestion } from '../../backup/retry';
import { bulkName, itemName, sessionName, unitDisplayName } from '../../backup/sessionNaming';
import { pointInTimeText } from '../../backup/timeWords';
import { errorText, words } from '../../backup/words';
import type { SessionHubs } from '../sessions/hubs';
import { unitLookup, unitRefs, type UnitOf } from './sessionFacts';
import type { AgentTool } from './toolKit';
import { l10n } from '../../backup/l10n';

export interface SessionRefInput {
  workload: WorkloadId;
  sessionId: string;
}

export function getSessionTool(hubs: SessionHubs): AgentTool<SessionRefInput> {
  return {
    name: 'restoreSessions_getSession',
    async prepare(input) {
      return { invocationMessage: l10n.t('Reading the {0} restore session', workloadById(input.workload).label) };
    },
    async invoke(input) {
      const workload = workloadById(input.workload);
      const hub = await hubs.active();
      const read = await hub.load(workload, input.sessionId, 'refresh');
      if (!read?.contents) return `${hub.label} has no ${workload.label} restore session with id ${input.sessionId}: it was deleted, or the service no longer keeps it.`;
      const { session, contents } = read;
      const all = [...contents.standard, ...contents.granular];
      const unitOf = await unitLookup(hub, await unitRefs(hub, workload), all);
      const progress = progressOf(session.restoreSessionArtifactCount);
      const now = Date.now();
      const banner = statusBanner(session, progress).text;
      const lines = [
        `${sessionName({ workload, session, ...contents, unitOf })} — ${workload.label} restore session on ${hub.label}`,
        `Status: ${banner}`,
        `Kind: ${words('restoreJobType', session.restoreJobType)}. Created ${formatDateTime(session.createdDateTime) || 'at an unknown time'} by ${createdByText(session.createdBy)}.`,
        // the banner usually quotes the session's error already
        ...(session.error && !banner.includes(errorText(session.error)) ? [`Session error: ${errorText(session.error)}`] : []),
        `Artifacts (${all.length}${all.length ? ', failed first' : ''}):`,
        ...failedFirst(contents.standard).map((a) => `- ${artifactLine(workload, a, unitOf, now, false)}`),
        ...failedFirst(contents.granular).map((a) => `- ${artifactLine(workload, a, unitOf, now, true)}`),
        ...contents.bulkRequests.map((b) => `- Bulk request ${bulkName(workload, b)}: ${words('bulkRequestStatus', b.status)}${b.error ? `; error: ${errorText(b.error)}` : ''}. bulk request id ${b.id}`),
        `id ${session.id}, workload ${workload.id}`,
      ];
      return lines.join('\n');
    },
  };
}

function failedFirst(artifacts: readonly RestoreArtifact[]): RestoreArtifact[] {
  return [...artifacts].sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed'));
}

function artifactLine(workload: Workload, artifact: RestoreArtifact, unitOf: UnitOf, nowMs: number, granular: boolean): string {
  const base = artifact as RestoreArtifactBase & { error?: PublicError | null };
  const what = granular && workload.granularArtifacts.source !== 'search' ? itemName(artifact) : unitDisplayName(workload, unitOf(artifact));
  const when = pointInTimeText(artifactPointInTime(artifact), nowMs);
  const parts = [
    `${what}: ${words('artifactStatus', artifact.status)}`,
    when ? `as of ${when}` : '',
    base.destinationType ? `destination ${words('destinationType', base.destinationType).toLowerCase()}` : '',
  ].filter(Boolean);
  if (artifact.status === 'failed') {
    parts.push(`error: ${errorText(base.error) || 'the service gave no reason'}`);
    parts.push(`to retry: ${retrySuggestion(workload, base.error, base.destinationType ?? 'new').reason}`);
  }
  return `${parts.join('; ').replace(/\.$/, '')}. artifact id ${artifact.id}`;
}
