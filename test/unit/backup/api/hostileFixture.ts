// A session whose every server field carries shell, PowerShell and .http injection attempts, for the export tests.
// Each attempt would create `marker` if any export let it run.
import type { RestoreArtifact, RestoreArtifactsBulkAdditionRequest, RestoreSession } from '../../../../src/backup/model';

export function hostileStrings(marker: string): string {
  return [
    `x\ntouch ${marker}\n`, `$(touch ${marker})`, `\`touch ${marker}\``, `'; touch ${marker}; '`, `"; touch ${marker}; "`,
    `; rm -rf ${marker}.dir;`, `\r\u2028touch ${marker}`, `’; New-Item ${marker}; ‘`, `\n### injected\nDELETE {{baseUrl}}/solutions/backupRestore/restoreSessions/x`,
  ].join(' ');
}

export function hostileSession(marker: string): { session: RestoreSession; standard: RestoreArtifact[]; bulkRequests: RestoreArtifactsBulkAdditionRequest[] } {
  const h = hostileStrings(marker);
  // The id keeps its quotes and `$(...)` but not its line breaks: a session id with a newline is refused as a path.
  const session = { id: `sess-${h.replace(/[\r\n\u2028]/g, '')}`, status: h, restoreJobType: h, createdDateTime: h, createdBy: { user: { id: h, displayName: h } } } as unknown as RestoreSession;
  const standard = [{ id: `a1${h}`, status: 'failed', destinationType: h, restorePoint: { id: `rp1${h}` } }, { id: `a2${h}`, status: h }] as unknown as RestoreArtifact[];
  const bulkRequests = [{ id: `b${h}`, displayName: h, status: 'active', destinationType: 'new', mailboxes: [h], directoryObjectIds: [h], tags: h }] as unknown as RestoreArtifactsBulkAdditionRequest[];
  return { session, standard, bulkRequests };
}
