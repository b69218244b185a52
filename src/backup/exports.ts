// What a session can be exported as: one JSON document (the session with its artifacts inline, as a
// `$expand` would return it) and a `.http` file of the requests that reproduce it (REST Client / httpYac
// syntax, Authorization redacted). Retrying failed artifacts lives in ./retry.
import { paths } from './api';
import { granularArtifactBody, standardArtifactBody } from './api/bodies';
import type { GranularArtifactInput, StandardArtifactInput } from './api/inputs';
import type {
  GranularMailboxRestoreArtifact, GranularRestoreArtifactBase, RestoreArtifact, RestoreArtifactBase, RestoreArtifactsBulkAdditionRequest,
  RestoreSession, Workload,
} from './model';
import { chunk, LIMITS } from './model';

export interface SessionContents {
  standard: readonly RestoreArtifact[];
  granular: readonly RestoreArtifact[];
  bulkRequests?: readonly RestoreArtifactsBulkAdditionRequest[];
}

/** The session with its artifacts under their navigation names. */
export function sessionDocument(workload: Workload, session: RestoreSession, contents: SessionContents): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...session };
  doc[workload.standardArtifacts.nav] = contents.standard;
  doc[workload.granularArtifacts.nav] = contents.granular;
  if (contents.bulkRequests) doc[workload.bulkRequests.nav] = contents.bulkRequests;
  return doc;
}

export type ArtifactInput =
  | { kind: 'standard'; input: StandardArtifactInput }
  | { kind: 'granular'; input: GranularArtifactInput };

/** The input that adds this artifact to a session again, or a reason why it cannot be rebuilt. */
export function artifactInput(workload: Workload, artifact: RestoreArtifact, kind: 'standard' | 'granular'): ArtifactInput | { reason: string } {
  const standard = artifact as RestoreArtifactBase;
  const destinationType = standard.destinationType ?? 'new';
  if (kind === 'standard') {
    const restorePointId = standard.restorePoint?.id;
    if (!restorePointId) return { reason: `artifact ${artifact.id}: the service did not return its restore point` };
    return { kind, input: { restorePointId, destinationType } };
  }
  if (workload.granularArtifacts.source === 'search') {
    const granular = artifact as GranularMailboxRestoreArtifact;
    const restorePointId = granular.restorePoint?.id;
    if (!restorePointId || !granular.searchResponseId) return { reason: `artifact ${artifact.id}: restore point or searchResponseId missing` };
    return { kind, input: { restorePointId, destinationType, searchResponseId: granular.searchResponseId } };
  }
  const browse = artifact as GranularRestoreArtifactBase;
  if (!browse.browseSessionId) return { reason: `artifact ${artifact.id}: browseSessionId missing` };
  return { kind, input: { browseSessionId: browse.browseSessionId, itemKey: artifact.id } };
}

export interface HttpExportOptions {
  /** Version root, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** For the header comment. */
  generatedAt?: Date;
}

const AUTH = 'Authorization: Bearer <redacted>';

/**
 * A `.http` file that reproduces the session: create it with the same artifacts (at most 50 per request;
 * the rest added with PATCH `@delta`), add its bulk addition requests, activate it, then read it back.
 * The token is never written: the Authorization header reads `Bearer <redacted>`.
 */
export function httpFile(workload: Workload, session: RestoreSession, contents: SessionContents, options: HttpExportOptions): string {
  const lines: string[] = [];
  const created = '{{createSession.response.body.$.id}}';
  const request = (title: string, method: string, path: string, body?: unknown, name?: string) => {
    lines.push(`### ${title}`);
    if (name) lines.push(`# @name ${name}`);
    lines.push(`${method} {{baseUrl}}${path}`, AUTH, 'Prefer: include-unknown-enum-members');
    if (body !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(body, null, 2));
    lines.push('');
  };

  lines.push(
    `# ${workload.label} restore session ${session.id}`,
    `# Status ${session.status ?? 'unknown'}, job type ${session.restoreJobType ?? 'unknown'}, created ${session.createdDateTime ?? 'unknown'}.`,
    `# Generated ${(options.generatedAt ?? new Date()).toISOString()} by the Restore Sessions extension.`,
    '# These requests create a new session like this one. Replace <redacted> with a token that has',
    '# BackupRestore-Restore.ReadWrite.All (the local emulator ignores it).',
    '',
    `@baseUrl = ${options.baseUrl.replace(/\/+$/, '')}`,
    '',
  );

  const standard: Record<string, unknown>[] = [];
  const granular: Record<string, unknown>[] = [];
  const skipped: string[] = [];
  for (const [list, kind] of [[contents.standard, 'standard'], [contents.granular, 'granular']] as const) {
    for (const artifact of list) {
      const built = artifactInput(workload, artifact, kind);
      if ('reason' in built) skipped.push(built.reason);
      else if (built.kind === 'standard') standard.push(standardArtifactBody(built.input));
      else granular.push(granularArtifactBody(workload, built.input));
    }
  }
  for (const reason of skipped) lines.push(`# not reproducible: ${reason}`);
  if (skipped.length) lines.push('');

  const nav = standard.length ? workload.standardArtifacts.nav : workload.granularArtifacts.nav;
  const all = standard.length ? standard : granular;
  const [first = [], ...rest] = chunk(all, LIMITS.artifactsPerRequest);
  const createBody = first.length ? { [nav]: first } : {};
  request(`1. Create the session${first.length ? ` with ${first.length} artifact(s)` : ' (empty)'}`, 'POST', paths.workloadSessions(workload), createBody, 'createSession');
  let step = 2;
  for (const part of rest) {
    request(`${step++}. Add ${part.length} more artifact(s)`, 'PATCH', `${paths.workloadSessions(workload)}/${created}`, { [`${nav}@delta`]: part });
  }
  if (standard.length && granular.length) lines.push('# The session also held granular artifacts; a session cannot mix both kinds, so they are left out.', '');
  for (const bulk of contents.bulkRequests ?? []) {
    const body: Record<string, unknown> = {};
    for (const field of ['displayName', 'destinationType', 'protectionTimePeriod', 'restorePointPreference', 'tags', workload.bulkRequests.resourceField, workload.bulkRequests.idField]) {
      const value = (bulk as unknown as Record<string, unknown>)[field];
      if (value !== undefined && value !== null) body[field] = value;
    }
    request(`${step++}. Add the bulk addition request "${bulk.displayName ?? bulk.id}"`, 'POST', `${paths.workloadSessions(workload)}/${created}/${workload.bulkRequests.nav}`, body);
  }
  request(`${step++}. Activate it (only a draft can be activated; an active restore cannot be cancelled)`, 'POST', `${paths.restoreSessions()}/${created}/activate`);
  request(`${step++}. Watch its status`, 'GET', `${paths.workloadSessions(workload)}/${created}`);
  request(`${step++}. Its ${standard.length || !granular.length ? 'standard' : 'granular'} artifacts`, 'GET', `${paths.workloadSessions(workload)}/${created}/${nav}`);
  request(`${step++}. The original session, as exported`, 'GET', paths.workloadSession(workload, session.id));
  return lines.join('\n');
}
