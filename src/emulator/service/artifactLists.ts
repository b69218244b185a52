// Artifact collections of a session: standard artifacts (paged, `$filter` on status, `$select`, `$count`) and
// granular artifacts (the docs say no OData query options there), plus GET of one artifact.
import type { Workload } from '../../backup/model';
import { ARTIFACT_RESTORE_STATUSES } from '../../backup/model';
import { badRequest, notFound } from '../errors';
import type { ArtifactKind } from './artifacts';
import type { Reply, RequestContext } from './context';
import { ok } from './context';
import type { EmulatorCore } from './core';
import { compileFilter } from './odataFilter';
import { applySelect, contextUrl, decodeToken, encodeToken, nextLink, option, parseCount, parseSelect, parseTop } from './odata';
import { allowOptions } from './queryOptions';
import { presentArtifact } from './present';
import { findSession } from './sessionLookup';

const STANDARD_PROPERTIES = [
  'id', 'status', 'destinationType', 'startDateTime', 'completionDateTime', 'error', 'restorePoint', 'restoredFolderId',
  'restoredFolderName', 'restoredItemCount', 'restoredSiteId', 'restoredSiteName', 'restoredSiteWebUrl',
];

interface OffsetToken { o: number }
const isOffsetToken = (v: unknown): v is OffsetToken => typeof v === 'object' && v !== null && Number.isInteger((v as OffsetToken).o) && (v as OffsetToken).o >= 0;

function navOf(w: Workload, kind: ArtifactKind): string {
  return kind === 'standard' ? w.standardArtifacts.nav : w.granularArtifacts.nav;
}

export function listArtifacts(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string, kind: ArtifactKind): Reply {
  const nav = navOf(w, kind);
  if (kind === 'granular') allowOptions(ctx, 'granularArtifacts', `/${nav} (the service supports no OData query options on granular artifacts)`);
  else allowOptions(ctx, 'artifactList', `/${nav}`);
  const record = findSession(core, sessionId, w.id);
  const artifacts: object[] = kind === 'standard' ? record.standard : record.granular;
  const path = `${w.sessionCollection}('${record.session.id}')/${nav}`;
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}`) };
  if (kind === 'granular') {
    body.value = artifacts.map((a) => presentArtifact(w, a, kind));
    return ok(body);
  }
  const top = parseTop(ctx);
  const select = parseSelect(ctx, STANDARD_PROPERTIES);
  const filterText = option(ctx, '$filter');
  const predicate = filterText === undefined ? () => true
    : compileFilter<object>(filterText, { status: { type: 'enum', members: ARTIFACT_RESTORE_STATUSES, get: (a) => (a as { status?: string }).status } }, ctx.includeUnknownEnums);
  const matching = artifacts.filter(predicate);
  const rawToken = option(ctx, '$skiptoken');
  // Artifacts change only while a session is a draft, by its owner; an offset is stable enough here.
  const start = rawToken === undefined ? 0 : decodeToken(rawToken, isOffsetToken).o;
  const page = matching.slice(start, start + top);
  if (parseCount(ctx)) body['@odata.count'] = matching.length;
  if (start + top < matching.length && top > 0) {
    body['@odata.nextLink'] = nextLink(ctx, `${w.sessionCollection}/${record.session.id}/${nav}`, encodeToken({ o: start + top }));
  }
  body.value = page.map((a) => applySelect(presentArtifact(w, a, kind), select));
  return ok(body);
}

export function getArtifact(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string, kind: ArtifactKind, artifactId: string): Reply {
  const nav = navOf(w, kind);
  allowOptions(ctx, kind === 'standard' ? 'artifactGet' : 'granularArtifacts', `/${nav}/{id}`);
  const record = findSession(core, sessionId, w.id);
  const artifacts: { id: string }[] = kind === 'standard' ? record.standard : record.granular;
  const artifact = artifacts.find((a) => a.id === artifactId) ?? artifacts.find((a) => a.id.toLowerCase() === artifactId.toLowerCase());
  if (!artifact) {
    if (artifactId.trim() === '') throw badRequest('BadRequest', 'An artifact id is required.');
    throw notFound('itemNotFound', `The ${nav} item '${artifactId}' was not found in restore session '${record.session.id}'.`);
  }
  const select = kind === 'standard' ? parseSelect(ctx, STANDARD_PROPERTIES) : undefined;
  return ok({
    '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.sessionCollection}('${record.session.id}')/${nav}/$entity`),
    ...applySelect(presentArtifact(w, artifact, kind), select),
  });
}
