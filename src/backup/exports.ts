// What a session can be exported as: one JSON document (the session with its artifacts inline, as a
// `$expand` would return it), and the requests that reproduce it as a `.http` file (REST Client / httpYac
// syntax) or a POSIX sh script with curl; PowerShell lives in ./powershellExport. No token is ever written, and
// every server value passes through ./exportQuoting. Retrying failed artifacts lives in ./retry.
import { paths } from './api';
import { granularArtifactBody, standardArtifactBody } from './api/bodies';
import type { GranularArtifactInput, StandardArtifactInput } from './api/inputs';
import type {
  GranularMailboxRestoreArtifact, GranularRestoreArtifactBase, RestoreArtifact, RestoreArtifactBase, RestoreArtifactsBulkAdditionRequest,
  RestoreSession, Workload,
} from './model';
import { chunk, fieldOf, LIMITS } from './model';
import { commentText, oneLineJson, shQuote } from './exportQuoting';

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

/** "Copy Session JSON" content, the same from the tree and the panel: the session with its artifacts, indented. */
export function sessionJson(workload: Workload, session: RestoreSession, contents: SessionContents): string {
  return JSON.stringify(sessionDocument(workload, session, contents), null, 2);
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
  /** A link that opens the original session in VS Code (Copy Link), named in the header comment. */
  link?: string;
}

const REDACTED = 'Bearer <redacted>';

/** One request of a reproduction; `{id}` in a path stands for the id of the session the first request creates. */
export interface ReproductionRequest {
  title: string;
  method: string;
  path: string;
  body?: unknown;
}

/**
 * The requests that reproduce a session: create it with the same artifacts (at most 50 per request; the rest
 * added with PATCH `@delta`), add its bulk addition requests, activate it, then read it back. `notes` says
 * what could not be reproduced.
 */
export function reproduction(workload: Workload, session: RestoreSession, contents: SessionContents): { requests: ReproductionRequest[]; notes: string[] } {
  const requests: ReproductionRequest[] = [];
  const notes: string[] = [];
  const standard: Record<string, unknown>[] = [];
  const granular: Record<string, unknown>[] = [];
  for (const [list, kind] of [[contents.standard, 'standard'], [contents.granular, 'granular']] as const) {
    for (const artifact of list) {
      const built = artifactInput(workload, artifact, kind);
      if ('reason' in built) notes.push(`not reproducible: ${built.reason}`);
      else if (built.kind === 'standard') standard.push(standardArtifactBody(built.input));
      else granular.push(granularArtifactBody(workload, built.input));
    }
  }
  if (standard.length && granular.length) notes.push('The session also held granular artifacts; a session cannot mix both kinds, so they are left out.');
  const nav = standard.length ? workload.standardArtifacts.nav : workload.granularArtifacts.nav;
  const [first = [], ...rest] = chunk(standard.length ? standard : granular, LIMITS.artifactsPerRequest);
  const sessionPath = `${paths.workloadSessions(workload)}/{id}`;
  requests.push({ title: `Create the session${first.length ? ` with ${first.length} artifact(s)` : ' (empty)'}`, method: 'POST', path: paths.workloadSessions(workload), body: first.length ? { [nav]: first } : {} });
  for (const part of rest) requests.push({ title: `Add ${part.length} more artifact(s)`, method: 'PATCH', path: sessionPath, body: { [`${nav}@delta`]: part } });
  for (const bulk of contents.bulkRequests ?? []) {
    const body: Record<string, unknown> = {};
    for (const field of ['displayName', 'destinationType', 'protectionTimePeriod', 'restorePointPreference', 'tags', workload.bulkRequests.resourceField, workload.bulkRequests.idField]) {
      const value = fieldOf(bulk, field);
      if (value !== undefined && value !== null) body[field] = value;
    }
    requests.push({ title: `Add the bulk addition request "${commentText(bulk.displayName ?? bulk.id)}"`, method: 'POST', path: `${sessionPath}/${workload.bulkRequests.nav}`, body });
  }
  requests.push({ title: 'Activate it (only a draft can be activated; an active restore cannot be cancelled)', method: 'POST', path: `${paths.restoreSessions()}/{id}/activate` });
  requests.push({ title: 'Watch its status', method: 'GET', path: sessionPath });
  requests.push({ title: `Its ${standard.length || !granular.length ? 'standard' : 'granular'} artifacts`, method: 'GET', path: `${sessionPath}/${nav}` });
  try {
    requests.push({ title: 'The original session, as exported', method: 'GET', path: paths.workloadSession(workload, session.id) });
  } catch {
    notes.push('The original session id is not a valid id, so no request reads it back.');
  }
  return { requests, notes: notes.map(commentText) };
}

/** How the .http and cURL files take a token: the admin puts one where `<redacted>` stands. */
const PLACEHOLDER_TOKEN = [
  'Replace <redacted> with a token that has',
  'BackupRestore-Restore.ReadWrite.All (the local emulator ignores it).',
];

/** The comment at the top of an export; `token` says how the requests get their token (constant text only). */
export function header(workload: Workload, session: RestoreSession, options: HttpExportOptions, comment: string, token: readonly string[] = PLACEHOLDER_TOKEN): string[] {
  const [first, ...rest] = token;
  return [
    `${comment} ${workload.label} restore session ${commentText(session.id)}`,
    `${comment} Status ${commentText(session.status ?? 'unknown')}, job type ${commentText(session.restoreJobType ?? 'unknown')}, created ${commentText(session.createdDateTime ?? 'unknown')}.`,
    `${comment} Generated ${(options.generatedAt ?? new Date()).toISOString()} by the Restore Sessions extension.`,
    `${comment} These requests create a new session like this one. ${first}`,
    ...rest.map((line) => `${comment} ${line}`),
    ...(options.link ? [`${comment} The original session in VS Code: ${commentText(options.link)}`] : []),
  ];
}

/** A `.http` file (REST Client / httpYac syntax) of the reproduction. The token is never written. */
export function httpFile(workload: Workload, session: RestoreSession, contents: SessionContents, options: HttpExportOptions): string {
  const { requests, notes } = reproduction(workload, session, contents);
  const lines = [...header(workload, session, options, '#'), '', `@baseUrl = ${commentText(options.baseUrl).replace(/\/+$/, '')}`, ''];
  for (const note of notes) lines.push(`# ${note}`);
  if (notes.length) lines.push('');
  requests.forEach((request, index) => {
    lines.push(`### ${index + 1}. ${commentText(request.title)}`);
    if (index === 0) lines.push('# @name createSession');
    lines.push(`${request.method} {{baseUrl}}${request.path.replace('{id}', '{{createSession.response.body.$.id}}')}`, `Authorization: ${REDACTED}`, 'Prefer: include-unknown-enum-members');
    if (request.body !== undefined) lines.push('Content-Type: application/json', '', JSON.stringify(request.body, null, 2));
    lines.push('');
  });
  return lines.join('\n');
}

/** A POSIX shell script of the reproduction with curl (and jq to read the new session's id). The token is never written. */
export function curlScript(workload: Workload, session: RestoreSession, contents: SessionContents, options: HttpExportOptions): string {
  const { requests, notes } = reproduction(workload, session, contents);
  const lines = [
    '#!/bin/sh',
    ...header(workload, session, options, '#'),
    '# Needs curl and jq. Set TOKEN first: TOKEN=... sh this-file.sh',
    'set -eu',
    `BASE=${shQuote(commentText(options.baseUrl).replace(/\/+$/, ''))}`,
    `AUTH="Authorization: Bearer \${TOKEN:-<redacted>}"`,
    '',
  ];
  for (const note of notes) lines.push(`# ${note}`);
  requests.forEach((request, index) => {
    lines.push(`# ${index + 1}. ${commentText(request.title)}`);
    const url = `"$BASE"${request.path.split('{id}').map(shQuote).join('"$ID"')}`;
    const parts = [`curl -sS -X ${request.method} ${url}`, '-H "$AUTH"', "-H 'Prefer: include-unknown-enum-members'"];
    if (request.body !== undefined) parts.push("-H 'Content-Type: application/json'", `--data ${shQuote(oneLineJson(request.body))}`);
    lines.push(index === 0 ? `ID=$(${parts.join(' ')} | jq -r .id)` : parts.join(' '), index === 0 ? 'echo "created session $ID"' : '');
  });
  return lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n') + '\n';
}
