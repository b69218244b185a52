// Restore-artifact bulk addition requests: create (validated completely first), list, get, delete, and the
// step that turns a request into artifacts when its session is activated: each named mailbox / site / drive is
// resolved through the catalog and given a restore point from the request's time window, preference and tags.
import { randomUUID } from 'node:crypto';
import type { RestoreArtifactsBulkRequestBase, Workload } from '../../backup/model';
import { DESTINATION_TYPES, INCLUDE_NEWER_ITEMS_TAG, isActionAllowed, isEmailAddress, isSiteUrl, LIMITS, RESTORE_POINT_PREFERENCES, stringListFieldOf, workload } from '../../backup/model';
import { badRequest, forbidden, notFound } from '../errors';
import type { SessionRecord } from '../state';
import { newArtifactRecord } from './artifactRecord';
import { isTagsValue } from './artifacts';
import { withNewerItemsTag } from './betaShapes';
import type { Reply, RequestContext } from './context';
import { created, isGuid, noContent, ok } from './context';
import type { EmulatorCore } from './core';
import { contextUrl } from './odata';
import { allowOptions } from './queryOptions';
import { presentBulkRequest, statusInMessage } from './present';
import { EMULATOR_IDENTITY, iso } from './records';
import { findSession } from './sessionLookup';
import type { Json } from './validate';
import { bodyObject, checkODataType, isObject, optionalDateTime, optionalEnum, optionalString, rejectUnknown, stringArray } from './validate';


function bulkPath(w: Workload, record: SessionRecord): string {
  return `${w.sessionCollection}('${record.session.id}')/${w.bulkRequests.nav}`;
}

export function listBulkRequests(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string): Reply {
  allowOptions(ctx, 'bulkRequests', `/${w.bulkRequests.nav} (the service supports no OData query options on bulk addition requests)`);
  const record = findSession(core, sessionId, w.id);
  return ok({
    '@odata.context': contextUrl(ctx, `solutions/backupRestore/${bulkPath(w, record)}`),
    value: record.bulkRequests.map((r) => presentBulkRequest(w, r)),
  });
}

function findBulkRequest(record: SessionRecord, requestId: string): RestoreArtifactsBulkRequestBase {
  if (!isGuid(requestId)) throw badRequest('InvalidBulkRestoreArtifactId', `'${requestId}' is not a valid bulk addition request id (a GUID).`);
  const found = record.bulkRequests.find((r) => r.id.toLowerCase() === requestId.toLowerCase());
  if (!found) throw notFound('BulkRestoreArtifactsNotFound', `The bulk addition request '${requestId}' was not found.`);
  return found;
}

export function getBulkRequest(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string, requestId: string): Reply {
  allowOptions(ctx, 'bulkRequests', `/${w.bulkRequests.nav}/{id} (the service supports no OData query options on bulk addition requests)`);
  const record = findSession(core, sessionId, w.id);
  const request = findBulkRequest(record, requestId);
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${bulkPath(w, record)}/$entity`), ...presentBulkRequest(w, request) });
}

export function deleteBulkRequest(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string, requestId: string): Reply {
  allowOptions(ctx, 'bulkRequests', `/${w.bulkRequests.nav}/{id}`);
  const record = findSession(core, sessionId, w.id);
  const request = findBulkRequest(record, requestId);
  if (request.status !== 'completed' && request.status !== 'completedWithErrors') {
    throw forbidden('InvalidStateForBulkRequestDeletion', `The bulk addition request is ${request.status}; it can be deleted only when completed or completedWithErrors.`);
  }
  record.bulkRequests.splice(record.bulkRequests.indexOf(request), 1);
  core.commit({ sessions: [record] });
  return noContent();
}

export function createBulkRequest(core: EmulatorCore, ctx: RequestContext, w: Workload, sessionId: string): Reply {
  allowOptions(ctx, 'bulkRequests', `POST /${w.bulkRequests.nav}`);
  const record = findSession(core, sessionId, w.id);
  const spec = w.bulkRequests;
  const where = `#${spec.type}`;
  const body = bodyObject(ctx.body, false);
  checkODataType(body, spec.type, where);
  rejectUnknown(body, ['@odata.type', 'displayName', 'destinationType', 'protectionTimePeriod', 'restorePointPreference', 'tags', spec.resourceField, spec.idField, 'protectionUnitIds'], where);
  if (!isActionAllowed(record.session.status, 'patch')) {
    throw forbidden('RestoreSessionActionNotAllowed', `The restore session is ${statusInMessage('restoreSession', 'status', record.session.status, ctx.includeUnknownEnums)}; bulk addition requests can be added only to a draft session.`);
  }
  if (record.bulkRequests.length >= LIMITS.bulkRequestsPerSession) {
    throw badRequest('BulkRestoreInvalidCreateRequest', `A restore session accepts at most ${LIMITS.bulkRequestsPerSession} bulk addition request.`);
  }
  if (record.standard.length + record.granular.length > 0) {
    throw badRequest('BulkRestoreInvalidCreateRequest', 'This restore session already has artifacts; a bulk addition request cannot be combined with manually added artifacts.');
  }
  // Count before looking at each entry, so an oversized request is refused cheaply.
  const rawResources = body[spec.resourceField];
  const rawIds = body[spec.idField];
  const total = (Array.isArray(rawResources) ? rawResources.length : 0) + (Array.isArray(rawIds) ? rawIds.length : 0);
  if (total > LIMITS.bulkRequestResources) {
    throw badRequest('BulkRestoreRestorationResourcesCountExceedsLimit', `A bulk addition request names at most ${LIMITS.bulkRequestResources} ${w.unitLabelPlural}; this one names ${total}.`);
  }
  const resources = stringArray(body, spec.resourceField, where) ?? [];
  const ids = stringArray(body, spec.idField, where) ?? [];
  if (body.protectionUnitIds !== undefined && body.protectionUnitIds !== null && !(Array.isArray(body.protectionUnitIds) && body.protectionUnitIds.length === 0)) {
    throw badRequest('BulkRestoreInvalidCreateRequest', "'protectionUnitIds' is not implemented by the service; name the resources in " + `'${spec.resourceField}' or '${spec.idField}'.`);
  }
  if (total === 0) throw badRequest('BulkRestoreInvalidCreateRequest', `Name at least one ${w.unitLabel} in '${spec.resourceField}' or '${spec.idField}'.`);
  for (const resource of resources) {
    if (spec.resourceField === 'siteWebUrls') {
      if (!isSiteUrl(resource)) throw badRequest('BulkRestoreInvalidCreateRequestSiteUrl', `'${resource}' is not a valid site URL (https://…).`);
    } else if (!isEmailAddress(resource)) {
      throw badRequest('BulkRestoreInvalidCreateRequestUserEmail', `'${resource}' is not a valid e-mail address.`);
    }
  }
  for (const id of ids) {
    if (id.trim() === '') throw badRequest('BulkRestoreInvalidCreateRequest', `'${spec.idField}' contains an empty id.`);
  }
  const period = body.protectionTimePeriod;
  let protectionTimePeriod: Json | null = null;
  if (period !== undefined && period !== null) {
    if (!isObject(period)) throw badRequest('BadRequest', `'protectionTimePeriod' of ${where} must be an object.`);
    rejectUnknown(period, ['startDateTime', 'endDateTime'], 'protectionTimePeriod');
    protectionTimePeriod = {
      startDateTime: optionalDateTime(period, 'startDateTime', 'protectionTimePeriod') ?? null,
      endDateTime: optionalDateTime(period, 'endDateTime', 'protectionTimePeriod') ?? null,
    };
  }
  const tags = body.tags;
  if (tags !== undefined && tags !== null && !isTagsValue(tags, ctx.version)) {
    throw badRequest('BadRequest', `'tags' of ${where} must be none or fastRestore${ctx.version === 'beta' ? ' (with includeNewerItems if wanted)' : ''}.`);
  }
  const now = iso(ctx.nowMs);
  const request = {
    id: randomUUID(),
    displayName: optionalString(body, 'displayName', where) ?? null,
    destinationType: optionalEnum(body, 'destinationType', DESTINATION_TYPES, where) ?? 'new',
    restorePointPreference: optionalEnum(body, 'restorePointPreference', RESTORE_POINT_PREFERENCES, where) ?? 'latest',
    tags: (tags as string | undefined) ?? 'none',
    protectionTimePeriod,
    status: 'active',
    [spec.resourceField]: resources,
    [spec.idField]: ids,
    protectionUnitIds: [],
    createdBy: ctx.caller ?? EMULATOR_IDENTITY,
    createdDateTime: now,
    lastModifiedBy: ctx.caller ?? EMULATOR_IDENTITY,
    lastModifiedDateTime: now,
    error: null,
  } as unknown as RestoreArtifactsBulkRequestBase;
  record.bulkRequests.push(request);
  record.session.restoreJobType = 'bulk';
  record.session.lastModifiedDateTime = now;
  core.commit({ sessions: [record] });
  return created({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${bulkPath(w, record)}/$entity`), ...presentBulkRequest(w, request) });
}

/** On activation: one standard artifact per resolvable resource; the request ends completed(WithErrors). */
export function materialiseBulkRequests(core: EmulatorCore, record: SessionRecord, nowMs: number): void {
  const w = record.workload;
  const spec = workload(w);
  const seenUnits = new Set<string>();
  for (const request of record.bulkRequests) {
    if (request.status !== 'active') continue;
    const names = [...stringListFieldOf(request, spec.bulkRequests.resourceField), ...stringListFieldOf(request, spec.bulkRequests.idField)];
    const unresolved: string[] = [];
    const noPoint: string[] = [];
    const period = request.protectionTimePeriod;
    const afterMs = period?.startDateTime ? Date.parse(period.startDateTime) : undefined;
    const beforeMs = period?.endDateTime ? Math.min(Date.parse(period.endDateTime), nowMs) : nowMs;
    const wantFast = (request.tags ?? '').includes('fastRestore');
    // Only a /beta request can carry the flag (isTagsValue); its artifacts' points keep it, as a beta search's do.
    const newer = (request.tags ?? '').includes(INCLUDE_NEWER_ITEMS_TAG);
    for (const name of names) {
      const unit = core.catalog.unitByResource(w, name);
      if (!unit) { unresolved.push(name); continue; }
      if (seenUnits.has(unit.id)) continue;
      const points = core.catalog.restorePoints(unit.id, nowMs, { beforeMs, afterMs, order: request.restorePointPreference === 'oldest' ? 'asc' : 'desc', limit: 5000 })
        .filter((p) => !wantFast || (p.tags ?? '').includes('fastRestore'))
        .filter((p) => afterMs === undefined || Date.parse(p.protectionDateTime ?? '') >= afterMs);
      const point = points[0];
      if (!point) { noPoint.push(name); continue; }
      seenUnits.add(unit.id);
      const restorePoint = newer ? { ...point, tags: withNewerItemsTag(point.tags) } : point;
      record.standard.push(newArtifactRecord(spec, { restorePoint, unitId: unit.id, destinationType: request.destinationType }));
    }
    const problems = [
      ...(unresolved.length ? [`not protected or unknown: ${unresolved.join(', ')}`] : []),
      ...(noPoint.length ? [`no matching restore point: ${noPoint.join(', ')}`] : []),
    ];
    request.status = problems.length ? 'completedWithErrors' : 'completed';
    request.error = problems.length ? { code: 'ProtectionUnitNotFound', message: `Some ${spec.unitLabelPlural} could not be added (${problems.join('; ')}).` } : null;
    request.lastModifiedDateTime = iso(nowMs);
  }
}
