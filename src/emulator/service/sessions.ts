// Restore sessions: get, create, PATCH with `@delta`, delete and
// activate (the list is sessionList.ts). One code path for all workloads, driven by the workload table; the rules come from the model
// (checkArtifactChange, checkActivation, isActionAllowed) so the extension's plan and the emulator agree.
import { randomUUID } from 'node:crypto';
import type { RestoreSessionStatus, Workload } from '../../backup/model';
import { checkActivation, checkArtifactChange, isActionAllowed, RUNNING_SESSION_STATUSES, workload } from '../../backup/model';
import type { Violation } from '../../backup/model';
import { badRequest, EmulatorError, forbidden } from '../errors';
import { assertRestoresAllowed } from '../protection/guards';
import type { SessionRecord } from '../state';
import type { ArtifactKind, ParsedAdd } from './artifacts';
import { parseAdd, resolveAdd, storedKey } from './artifacts';
import { materialiseBulkRequests } from './bulk';
import { SESSION_PROPERTIES } from './sessionList';
import { findSession } from './sessionLookup';
import type { Reply, RequestContext } from './context';
import { created, noContent, ok } from './context';
import type { EmulatorCore } from './core';
import { settleSession } from './lifecycle';
import { applySelect, contextUrl, option, parseSelect } from './odata';
import { allowOptions } from './queryOptions';
import { presentArtifact, presentSession, statusInMessage } from './present';
import { EMULATOR_IDENTITY, iso, newSessionRecord } from './records';
import { bodyObject, checkODataType, rejectUnknown } from './validate';


function violation(v: Violation): EmulatorError {
  return new EmulatorError(v.httpStatus, v.code, v.message);
}

export function getSession(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'sessionGet', 'a restore session');
  const record = findSession(core, id, w?.id);
  const rw = workload(record.workload);
  const select = parseSelect(ctx, SESSION_PROPERTIES);
  const expandable = [rw.standardArtifacts.nav, rw.granularArtifacts.nav, rw.bulkRequests.nav];
  const expand = (option(ctx, '$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
    const match = expandable.find((e) => e.toLowerCase() === name.toLowerCase());
    if (!match) throw badRequest('BadRequest', `Invalid $expand '${name}': expandable here: ${expandable.join(', ')}.`);
    return match;
  });
  const collection = w ? w.sessionCollection : 'restoreSessions';
  const item = presentSession(record, { includeUnknown: ctx.includeUnknownEnums, expand });
  const projected = applySelect(item, select);
  for (const nav of expand) projected[nav] = item[nav];
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${collection}/$entity`), ...projected });
}

// ---- create ----

function navKinds(w: Workload): [string, ArtifactKind][] {
  return [[w.standardArtifacts.nav, 'standard'], [w.granularArtifacts.nav, 'granular']];
}

export function createSession(core: EmulatorCore, ctx: RequestContext, w: Workload): Reply {
  allowOptions(ctx, 'sessionWrite', `POST /${w.sessionCollection}`);
  const body = bodyObject(ctx.body, true);
  checkODataType(body, w.sessionType, `/${w.sessionCollection}`);
  rejectUnknown(body, ['@odata.type', w.standardArtifacts.nav, w.granularArtifacts.nav], `#${w.sessionType} (on create only ${w.standardArtifacts.nav} or ${w.granularArtifacts.nav} may be sent)`);
  const adds: ParsedAdd[] = [];
  for (const [nav, kind] of navKinds(w)) {
    const list = body[nav];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw badRequest('BadRequest', `The property '${nav}' must be an array.`);
    if (list.length === 0) throw badRequest('InvalidArtifactRequest', `'${nav}' is empty; send at least one artifact, or omit it to create an empty session.`);
    if (list.length > 10_000) throw violation({ code: 'RestoreArtifactsLimitBreached', httpStatus: 413, message: `Too many artifacts (${list.length}).` });
    list.forEach((item, i) => adds.push(parseAdd(w, kind, item, `${nav}[${i}]`, ctx.version)));
  }
  const v = checkArtifactChange({
    addedKinds: new Set(adds.map((a) => a.kind)),
    addedDestinations: adds.flatMap((a) => (a.destinationType ? [a.destinationType] : [])),
    addedKeys: adds.map((a) => a.key),
    removedCount: 0,
    isCreate: true,
  }, null);
  if (v) throw violation(v);
  const now = ctx.nowMs;
  const resolved = adds.map((a) => ({ kind: a.kind, artifact: resolveAdd(core, w, a, now, ctx.version) }));
  const record = newSessionRecord(w.id, randomUUID(), now, ctx.caller);
  for (const { kind, artifact } of resolved) {
    if (kind === 'standard') record.standard.push(artifact as SessionRecord['standard'][number]);
    else record.granular.push(artifact as SessionRecord['granular'][number]);
  }
  if (record.granular.length > 0) record.session.restoreJobType = 'granular';
  settleSession(record, now, core.catalog, core.clock.timeScale);
  core.store.insert(record);
  core.commit({ sessions: [record] });
  return created({
    '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.sessionCollection}/$entity`),
    ...presentSession(record, { includeUnknown: ctx.includeUnknownEnums }),
  });
}

// ---- update (@delta) ----

/** `at`: the entry's position in its `@delta` array; the answer echoes entries in request order. */
interface Removal { kind: ArtifactKind; nav: string; id: string; reason: string; at: number }

export function updateSession(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload): Reply {
  allowOptions(ctx, 'sessionWrite', `PATCH /${w.sessionCollection}/{id}`);
  const record = findSession(core, id, w.id);
  const body = bodyObject(ctx.body, false);
  checkODataType(body, w.sessionType, `/${w.sessionCollection}`);
  const deltaKeys = navKinds(w).map(([nav]) => `${nav}@delta`);
  rejectUnknown(body, ['@odata.type', ...deltaKeys], `#${w.sessionType} (PATCH accepts ${deltaKeys.join(' or ')})`);

  const adds: (ParsedAdd & { nav: string; at: number })[] = [];
  const removals: Removal[] = [];
  for (const [nav, kind] of navKinds(w)) {
    const list = body[`${nav}@delta`];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw badRequest('BadRequest', `The property '${nav}@delta' must be an array.`);
    if (list.length > 10_000) throw violation({ code: 'RestoreArtifactsLimitBreached', httpStatus: 400, message: `Too many artifacts (${list.length}).` });
    list.forEach((entry, i) => {
      const where = `${nav}@delta[${i}]`;
      if (entry && typeof entry === 'object' && '@removed' in entry) removals.push({ ...parseRemoval(entry as Record<string, unknown>, kind, nav, where), at: i });
      else adds.push({ ...parseAdd(w, kind, entry, where, ctx.version), nav, at: i });
    });
  }
  if (adds.length === 0 && removals.length === 0) {
    throw badRequest('InvalidPatchRequest', `Send ${deltaKeys.join(' or ')} with at least one item to add or remove.`);
  }
  const existing = [...record.standard, ...record.granular];
  const v = checkArtifactChange({
    addedKinds: new Set(adds.map((a) => a.kind)),
    addedDestinations: adds.flatMap((a) => (a.destinationType ? [a.destinationType] : [])),
    addedKeys: adds.map((a) => a.key),
    removedCount: removals.length,
    isCreate: false,
  }, {
    status: record.session.status ?? 'draft',
    restoreJobType: record.session.restoreJobType ?? 'standard',
    existingKind: record.standard.length ? 'standard' : record.granular.length ? 'granular' : null,
    existingDestination: existing.map((a) => (a as { destinationType?: 'new' | 'inPlace' | null }).destinationType).find((d) => d) ?? null,
    // Artifacts removed in this same request no longer count as duplicates.
    existingKeys: new Set(existing.filter((a) => !removals.some((r) => r.id === a.id)).map(storedKey)),
    bulkRequestCount: record.bulkRequests.length,
  });
  if (v) throw visibleViolation(v, record.session.status ?? 'draft', ctx);
  const now = ctx.nowMs;
  const resolved = adds.map((a) => ({ add: a, artifact: resolveAdd(core, w, a, now, ctx.version) }));

  // Everything is valid: apply.
  const echoes = new Map<string, { at: number; item: unknown }[]>(navKinds(w).map(([nav]) => [nav, []]));
  for (const removal of removals) {
    const list = removal.kind === 'standard' ? record.standard : record.granular;
    const at = list.findIndex((a) => a.id === removal.id);
    if (at < 0) {
      echoes.get(removal.nav)!.push({ at: removal.at, item: {
        '@contentId': removal.id,
        '@Core.DataModificationException': {
          info: { code: 'Invalid', message: 'The identifier to be removed from the Restore Session does not exist' },
          failedOperation: 'remove',
          responseCode: 409,
        },
        id: removal.id,
      } });
      continue;
    }
    list.splice(at, 1);
    if (removal.kind === 'granular') echoes.get(removal.nav)!.push({ at: removal.at, item: { '@removed': { reason: removal.reason }, id: removal.id } });
  }
  for (const { add, artifact } of resolved) {
    if (add.kind === 'standard') record.standard.push(artifact as SessionRecord['standard'][number]);
    else record.granular.push(artifact as SessionRecord['granular'][number]);
    echoes.get(add.nav)!.push({ at: add.at, item: presentArtifact(w, artifact, add.kind) });
  }
  if (record.granular.length > 0) record.session.restoreJobType = 'granular';
  else if (record.standard.length > 0) record.session.restoreJobType = 'standard';
  record.session.lastModifiedDateTime = iso(now);
  record.session.lastModifiedBy = ctx.caller ?? EMULATOR_IDENTITY;
  settleSession(record, now, core.catalog, core.clock.timeScale);
  core.commit({ sessions: [record] });

  // The documented answer: the `…@delta` array, entries in request order; the granular examples add the
  // `@context` and the session id.
  const response: Record<string, unknown> = {};
  for (const [nav, kind] of navKinds(w)) {
    if (body[`${nav}@delta`] === undefined) continue;
    if (kind === 'granular') Object.assign(response, { '@context': '#$delta', id: record.session.id });
    response[`${nav}@delta`] = echoes.get(nav)!.sort((a, b) => a.at - b.at).map((e) => e.item);
  }
  return ok(response);
}

/** The refusal of an action, naming the status as this caller sees it (`failed` stays hidden without Prefer). */
function visibleViolation(v: NonNullable<ReturnType<typeof checkActivation>>, status: string, ctx: RequestContext) {
  if (v.code === 'RestoreSessionActionNotAllowed') v.message = v.message.replace(status, statusInMessage('restoreSession', 'status', status, ctx.includeUnknownEnums));
  return violation(v);
}

function parseRemoval(entry: Record<string, unknown>, kind: ArtifactKind, nav: string, where: string): Omit<Removal, 'at'> {
  rejectUnknown(entry, ['@removed', 'id', '@odata.type'], where);
  const removed = entry['@removed'];
  const reason = removed && typeof removed === 'object' ? (removed as Record<string, unknown>).reason : undefined;
  if (reason !== 'changed' && reason !== 'deleted') {
    throw badRequest('InvalidPatchRequest', `${where}: '@removed' must be { "reason": "changed" } (or "deleted").`);
  }
  if (typeof entry.id !== 'string' || entry.id === '') throw badRequest('InvalidPatchRequest', `${where}: a removal needs the artifact 'id'.`);
  return { kind, nav, id: entry.id, reason };
}

// ---- delete / activate ----

export function deleteSession(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'sessionWrite', 'DELETE of a restore session');
  const record = findSession(core, id, w?.id);
  if (!isActionAllowed(record.session.status, 'delete')) {
    throw forbidden('RestoreSessionActionNotAllowed', `The restore session is ${statusInMessage('restoreSession', 'status', record.session.status, ctx.includeUnknownEnums)}; only a draft session can be deleted.`);
  }
  core.store.remove(record);
  core.commit({ removedSessionIds: [record.session.id] });
  return noContent();
}

export function runningSessions(core: EmulatorCore): number {
  let count = 0;
  for (const record of core.store.list('all')) if (RUNNING_SESSION_STATUSES.includes(record.session.status as RestoreSessionStatus)) count++;
  return count;
}

export function activateSession(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'sessionWrite', 'activate');
  const record = findSession(core, id, w?.id);
  if (ctx.body !== undefined) {
    const body = bodyObject(ctx.body, true);
    rejectUnknown(body, [], 'activate (it takes no parameters)');
  }
  const status = record.session.status ?? 'draft';
  const v = checkActivation(status, status === 'draft' ? runningSessions(core) : 0);
  if (v) throw visibleViolation(v, status, ctx);
  assertRestoresAllowed(core);
  const hasArtifacts = record.standard.length + record.granular.length > 0;
  if (!hasArtifacts && record.bulkRequests.length === 0) {
    throw badRequest('InvalidArtifactRequest', 'The restore session has no artifacts and no bulk addition request; add artifacts before activating it.');
  }
  const now = ctx.nowMs;
  if (record.bulkRequests.length > 0) materialiseBulkRequests(core, record, now);
  record.activatedAtMs = now;
  record.session.lastModifiedDateTime = iso(now);
  record.session.lastModifiedBy = ctx.caller ?? EMULATOR_IDENTITY;
  if (settleSession(record, now, core.catalog, core.clock.timeScale)) core.store.running.add(record);
  core.commit({ sessions: [record] });
  return ok({
    '@odata.context': contextUrl(ctx, 'solutions/backupRestore/restoreSessions/$entity'),
    ...presentSession(record, { includeUnknown: ctx.includeUnknownEnums }),
  });
}

