// Browse sessions (granular SharePoint / OneDrive restore): create from a fastRestore point, list, get, and
// browse one page at a time. A session is `creating` for a short simulated while, then `created`, and
// disappears at `expirationDateTime` (three days). Next pages are `GET …/browse?$skiptoken=…`.
import { randomBytes } from 'node:crypto';
import type { BrowseRequest, Workload } from '../../backup/model';
import { BROWSABLE_RESOURCE_TYPES, BROWSE_QUERY_ORDERS, fieldOf, workload } from '../../backup/model';
import { badRequest, notFound } from '../errors';
import type { BrowseSessionRecord } from '../state';
import { BROWSE_LIFETIME_MS, refreshBrowseSession } from './browseStatus';
import type { Reply, RequestContext } from './context';
import { created, ok } from './context';
import { unitIdOfPoint } from './catalogExtras';
import type { EmulatorCore } from './core';
import { contextUrl, decodeToken, encodeToken, option } from './odata';
import { allowOptions } from './queryOptions';
import { presentBrowseSession } from './present';
import { iso } from './records';
import { bodyObject, checkODataType, optionalEnum, optionalString, rejectUnknown } from './validate';

const BROWSE_PAGE_SIZE = 50;

function browseNav(w: Workload): string {
  return w.browseSessions?.nav ?? 'browseSessions';
}

export function createBrowseSession(core: EmulatorCore, ctx: RequestContext, w: Workload): Reply {
  allowOptions(ctx, 'browseSessions', `POST /${browseNav(w)}`);
  const spec = w.browseSessions!;
  const body = bodyObject(ctx.body, false);
  checkODataType(body, spec.type, `/${spec.nav}`);
  rejectUnknown(body, ['@odata.type', 'restorePointId'], `#${spec.type}`);
  const restorePointId = optionalString(body, 'restorePointId', `#${spec.type}`);
  if (!restorePointId) throw badRequest('BadRequest', "'restorePointId' is required: the id of a fastRestore restore point.");
  const point = core.catalog.restorePoint(restorePointId, ctx.nowMs);
  const unitId = point ? unitIdOfPoint(core.catalog, point) : undefined;
  if (!point || !unitId || core.catalog.workloadOfUnit(unitId) !== w.id) {
    throw badRequest('InvalidRestorePoint', `The restore point '${restorePointId}' does not exist, has expired, or does not belong to a ${w.unitLabel}.`);
  }
  if (!(point.tags ?? '').includes('fastRestore')) {
    throw badRequest('InvalidRestorePoint', `The restore point '${restorePointId}' is not a fastRestore point; only fastRestore points can be browsed.`);
  }
  const unit = core.catalog.unit(unitId);
  const owner = unit ? fieldOf(unit, w.protectionUnits.resourceIdField) : undefined;
  const top = core.catalog.browse(unitId, point.id, {}, { size: 1 });
  const record: BrowseSessionRecord = {
    workload: w.id,
    unitId,
    browseSession: {
      id: 'bs_' + randomBytes(24).toString('base64url'),
      status: 'creating',
      restorePointId: point.id,
      restorePointDateTime: point.protectionDateTime ?? null,
      createdDateTime: iso(ctx.nowMs),
      expirationDateTime: iso(ctx.nowMs + BROWSE_LIFETIME_MS),
      backupSizeInBytes: String(73_400_320 + top.count * 1_048_576),
      error: null,
      [spec.ownerField]: owner ?? null,
    } as BrowseSessionRecord['browseSession'],
  };
  core.store.browseSessions.set(record.browseSession.id, record);
  core.commit({ browseSessions: [record] });
  return created({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${spec.nav}/$entity`), ...presentBrowseSession(record) });
}

export function listBrowseSessions(core: EmulatorCore, ctx: RequestContext, w: Workload | undefined): Reply {
  const path = w ? browseNav(w) : 'browseSessions';
  allowOptions(ctx, 'browseSessions', `/${path}`);
  const value: Record<string, unknown>[] = [];
  for (const record of core.store.browseSessions.values()) {
    if (w && record.workload !== w.id) continue;
    refreshBrowseSession(record, ctx.nowMs, core.clock.timeScale);
    value.push(presentBrowseSession(record));
  }
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}`), value });
}

function findBrowseSession(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): BrowseSessionRecord {
  const record = core.store.browseSessions.get(id);
  if (!record || (w && record.workload !== w.id)) throw notFound('itemNotFound', `The browse session '${id}' was not found (browse sessions expire three days after creation).`);
  refreshBrowseSession(record, ctx.nowMs, core.clock.timeScale);
  return record;
}

export function getBrowseSession(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'browseSessions', 'a browse session');
  const record = findBrowseSession(core, ctx, id, w);
  const path = w ? browseNav(w) : 'browseSessions';
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}/$entity`), ...presentBrowseSession(record) });
}

interface BrowseToken { r: BrowseRequest; t: string }
const isBrowseToken = (v: unknown): v is BrowseToken =>
  typeof v === 'object' && v !== null && typeof (v as BrowseToken).t === 'string' && typeof (v as BrowseToken).r === 'object' && (v as BrowseToken).r !== null;

/** `POST …/browse` with a request body, or `GET …/browse?$skiptoken=` for the next page. */
export function browse(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  const record = findBrowseSession(core, ctx, id, w);
  let request: BrowseRequest;
  let fetchToken: string | undefined;
  if (ctx.method === 'GET') {
    allowOptions(ctx, 'browse', 'browse');
    const raw = option(ctx, '$skiptoken');
    if (raw === undefined) throw badRequest('BadRequest', 'Start browsing with POST …/browse; GET …/browse needs the $skiptoken of @odata.nextLink.');
    const token = decodeToken(raw, isBrowseToken);
    request = token.r;
    fetchToken = token.t;
  } else {
    allowOptions(ctx, 'browseSessions', 'browse');
    const body = bodyObject(ctx.body, true);
    rejectUnknown(body, ['browseLocationItemKey', 'browseResourceType', 'filter', 'orderBy'], 'the browse action');
    request = {
      browseLocationItemKey: optionalString(body, 'browseLocationItemKey', 'browse') ?? null,
      browseResourceType: optionalEnum(body, 'browseResourceType', BROWSABLE_RESOURCE_TYPES, 'browse') ?? null,
      filter: optionalString(body, 'filter', 'browse') ?? null,
      orderBy: optionalEnum(body, 'orderBy', BROWSE_QUERY_ORDERS, 'browse') ?? null,
    };
  }
  if (record.browseSession.status !== 'created') {
    throw badRequest('invalidRequest', `The browse session is ${record.browseSession.status}; browse it once its status is created.`);
  }
  const page = core.catalog.browse(record.unitId, record.browseSession.restorePointId ?? '', request, { size: BROWSE_PAGE_SIZE, nextFetchToken: fetchToken });
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(ctx, 'Collection(microsoft.graph.browseQueryResponseItem)'),
    '@odata.count': page.count,
  };
  if (page.nextFetchToken !== undefined) {
    const nav = browseNav(workload(record.workload));
    body['@odata.nextLink'] = `${ctx.serviceBase}/solutions/backupRestore/${nav}/${encodeURIComponent(id)}/browse?$skiptoken=${encodeToken({ r: request, t: page.nextFetchToken })}`;
  }
  body.value = page.items;
  return ok(body);
}
