// The read side of the tenant, served from the catalog and the protection state: protection policies and units (with
// type casts and per-workload collections), restore points (list with its required $expand/$filter, get,
// search). Units carry evolvable statuses, substituted per request like every other enum.
import type { ProtectionUnit, RestorePoint, Workload } from '../../backup/model';
import { EVOLVABLE_PROPERTIES, evolvableMembers, LIMITS, odataType, PROTECTION_UNIT_STATUSES, RESTORE_POINT_PREFERENCES, WORKLOADS } from '../../backup/model';
import { badRequest, notFound } from '../errors';
import type { Reply, RequestContext } from './context';
import { ok } from './context';
import { unitIdOfPoint } from './catalogExtras';
import type { EmulatorCore } from './core';
import type { FilterSchema } from './odataFilter';
import { compileFilter } from './odataFilter';
import { applySelect, contextUrl, decodeToken, encodeToken, nextLink, option, parseCount, parseOrderBy, parseSelect, parseTop } from './odata';
import { allowOptions } from './queryOptions';
import { adaptBetaSearch } from './betaSearch';
import { selectable, withBetaProperties, withNewerItemsTag } from './betaShapes';
import { presentPolicy, presentUnit, visibleEnum } from './present';
import { bodyObject, isObject, rejectUnknown } from './validate';

// ---- paging over policies and units (offsets: writes append units and policies at the end) ----

interface OffsetToken { o: number }
const isOffsetToken = (v: unknown): v is OffsetToken => typeof v === 'object' && v !== null && Number.isInteger((v as OffsetToken).o) && (v as OffsetToken).o >= 0;

/** A page of units or policies; on /beta each carries its beta-only properties before `$select` projects it. */
function pageOf<T>(ctx: RequestContext, items: readonly T[], path: string, present: (item: T) => Record<string, unknown>, known: readonly string[]): Reply {
  const top = parseTop(ctx);
  const select = parseSelect(ctx, known);
  const raw = option(ctx, '$skiptoken');
  const start = raw === undefined ? 0 : decodeToken(raw, isOffsetToken).o;
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}`) };
  if (parseCount(ctx)) body['@odata.count'] = items.length;
  if (top > 0 && start + top < items.length) body['@odata.nextLink'] = nextLink(ctx, path, encodeToken({ o: start + top }));
  body.value = items.slice(start, start + top).map((item) => applySelect(withBetaProperties(ctx, present(item)), select));
  return ok(body);
}

// ---- protection units ----

const UNIT_PROPERTIES = [
  'id', 'status', 'policyId', 'protectionSources', 'createdBy', 'createdDateTime', 'lastModifiedBy', 'lastModifiedDateTime', 'error',
  'offboardRequestedDateTime', 'directoryObjectId', 'displayName', 'email', 'siteId', 'siteName', 'siteWebUrl',
];

const unitFilter = (includeUnknown: boolean): FilterSchema<ProtectionUnit> => ({
  status: {
    type: 'enum', members: PROTECTION_UNIT_STATUSES, evolvable: evolvableMembers(EVOLVABLE_PROPERTIES.protectionUnit.status),
    get: (u) => visibleEnum('protectionUnit', 'status', u.status, includeUnknown),
  },
  id: { type: 'string', get: (u) => u.id },
  policyId: { type: 'string', get: (u) => u.policyId },
});

export function listUnits(core: EmulatorCore, ctx: RequestContext, w: Workload | undefined, path: string): Reply {
  allowOptions(ctx, 'unitList', `/${path}`);
  const filterText = option(ctx, '$filter');
  let units = core.catalog.units(w?.id);
  if (filterText !== undefined) units = units.filter(compileFilter(filterText, unitFilter(ctx.includeUnknownEnums), ctx.includeUnknownEnums));
  return pageOf(ctx, units, path, (u) => presentUnit(withType(core, u), ctx.includeUnknownEnums), selectable(ctx, 'unit', UNIT_PROPERTIES));
}

/** Units inside restore points may come without `@odata.type`; polymorphic items always carry it. */
function withType(core: EmulatorCore, unit: ProtectionUnit): ProtectionUnit {
  if (unit['@odata.type']) return unit;
  const workloadId = core.catalog.workloadOfUnit(unit.id);
  const w = WORKLOADS.find((x) => x.id === workloadId);
  return w ? { '@odata.type': odataType(w.protectionUnits.type), ...unit } : unit;
}

/** One unit; with `policyId`, only a unit of that policy (`…ProtectionPolicies/{id}/…ProtectionUnits/{unitId}`). */
export function getUnit(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined, policyId?: string): Reply {
  allowOptions(ctx, 'unitGet', 'a protection unit');
  if (policyId !== undefined && !policiesOf(core, w).some((p) => p.id.toLowerCase() === policyId.toLowerCase())) throw policyNotFound(policyId);
  const unit = core.catalog.unit(id);
  const outside = policyId !== undefined && unit?.policyId?.toLowerCase() !== policyId.toLowerCase();
  if (!unit || outside || (w && core.catalog.workloadOfUnit(id) !== w.id)) throw badRequest('InvalidProtectionUnitId', `Protection unit ID '${id}' is invalid: no such protection unit.`);
  const path = w ? w.protectionUnits.nav : 'protectionUnits';
  return ok({
    '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}/$entity`),
    ...applySelect(withBetaProperties(ctx, presentUnit(withType(core, unit), ctx.includeUnknownEnums)), parseSelect(ctx, selectable(ctx, 'unit', UNIT_PROPERTIES))),
  });
}

// ---- protection policies ----

const POLICY_PROPERTIES = [
  'id', 'displayName', 'status', 'isEnabled', 'createdBy', 'createdDateTime', 'lastModifiedBy', 'lastModifiedDateTime',
  'protectionPolicyArtifactCount', 'retentionSettings',
];

/** The Get protection policy errors of Microsoft's table: 400 InvalidPolicyId for a blank id, 404 PolicyNotFound. */
function policyNotFound(id: string) {
  return id.trim() === '' ? badRequest('InvalidPolicyId', 'Policy ID is invalid.') : notFound('PolicyNotFound', `Unable to get protection policy '${id}'.`);
}

function policiesOf(core: EmulatorCore, w: Workload | undefined) {
  return core.protection.policies(w).map((p) => p.policy);
}

export function listPolicies(core: EmulatorCore, ctx: RequestContext, w: Workload | undefined): Reply {
  const path = w ? w.policyCollection : 'protectionPolicies';
  allowOptions(ctx, 'policyList', `/${path}`);
  return pageOf(ctx, policiesOf(core, w), path, presentPolicy, selectable(ctx, 'policy', POLICY_PROPERTIES));
}

export function getPolicy(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'policyGet', 'a protection policy');
  const policy = policiesOf(core, w).find((p) => p.id.toLowerCase() === id.toLowerCase());
  if (!policy) throw policyNotFound(id);
  const path = w ? w.policyCollection : 'protectionPolicies';
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}/$entity`), ...applySelect(withBetaProperties(ctx, presentPolicy(policy)), parseSelect(ctx, selectable(ctx, 'policy', POLICY_PROPERTIES))) });
}

export function listPolicyUnits(core: EmulatorCore, ctx: RequestContext, policyId: string, w: Workload): Reply {
  const path = `${w.policyCollection}('${policyId}')/${w.protectionUnits.nav}`;
  allowOptions(ctx, 'unitList', `/${w.protectionUnits.nav}`);
  const policy = policiesOf(core, w).find((p) => p.id.toLowerCase() === policyId.toLowerCase());
  if (!policy) throw policyNotFound(policyId);
  let units = core.catalog.units(w.id).filter((u) => u.policyId === policy.id);
  const filterText = option(ctx, '$filter');
  if (filterText !== undefined) units = units.filter(compileFilter(filterText, unitFilter(ctx.includeUnknownEnums), ctx.includeUnknownEnums));
  return pageOf(ctx, units, path, (u) => presentUnit(withType(core, u), ctx.includeUnknownEnums), selectable(ctx, 'unit', UNIT_PROPERTIES));
}

// ---- restore points ----

/** A point as answered; on /beta one a search found with `includeNewerItems` carries that tag. */
function presentPoint(core: EmulatorCore, ctx: RequestContext, point: RestorePoint, expandUnit: boolean): Record<string, unknown> {
  const { protectionUnit: embedded, ...rest } = point;
  const out: Record<string, unknown> = { '@odata.type': '#microsoft.graph.restorePoint', ...rest };
  if (ctx.version === 'beta' && core.store.newerItemsPoints.has(point.id)) out.tags = withNewerItemsTag(point.tags);
  if (expandUnit) {
    const unitId = unitIdOfPoint(core.catalog, point);
    const unit = embedded && 'status' in embedded ? embedded : unitId ? core.catalog.unit(unitId) : undefined;
    if (unit) out.protectionUnit = presentUnit(withType(core, unit), ctx.includeUnknownEnums);
  }
  return out;
}

const EXPAND_PATTERN = /^\s*protectionUnit\s*\(\s*\$filter\s*=\s*id\s+eq\s+'([^']+)'\s*\)\s*$/i;
const DATE_CLAUSE = /^\s*protectionDateTime\s+(lt|le|gt|ge)\s+'?([0-9][0-9T:.+\-Z]*)'?\s*$/i;

export function listRestorePoints(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'restorePointList', '/restorePoints');
  const expand = option(ctx, '$expand');
  const filter = option(ctx, '$filter');
  const expandMatch = expand === undefined ? null : EXPAND_PATTERN.exec(expand);
  if (!expandMatch) throw badRequest('BadRequest', "GET /restorePoints requires $expand=protectionUnit($filter=id eq '<protectionUnitId>').");
  if (filter === undefined) throw badRequest('BadRequest', 'GET /restorePoints requires $filter on protectionDateTime (lt, le, gt or ge), e.g. $filter=protectionDateTime lt 2025-03-04T00:00:00Z.');
  const bounds: ((ms: number) => boolean)[] = [];
  let beforeMs: number | undefined;
  let afterMs: number | undefined;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = DATE_CLAUSE.exec(clause);
    const ms = m ? Date.parse(m[2]) : NaN;
    if (!m || Number.isNaN(ms)) throw badRequest('BadRequest', `Invalid $filter clause '${clause.trim()}': supported: protectionDateTime lt|le|gt|ge <DateTimeOffset>, combined with 'and'.`);
    const op = m[1].toLowerCase();
    if (op === 'lt' || op === 'le') { beforeMs = Math.min(beforeMs ?? Infinity, ms); bounds.push(op === 'lt' ? (t) => t < ms : (t) => t <= ms); }
    else { afterMs = Math.max(afterMs ?? -Infinity, ms); bounds.push(op === 'gt' ? (t) => t > ms : (t) => t >= ms); }
  }
  const order = parseOrderBy(ctx, ['protectionDateTime'], { property: 'protectionDateTime', descending: true });
  const unitId = expandMatch[1];
  if (!core.catalog.unit(unitId)) throw badRequest('InvalidProtectionUnitId', `The protection unit '${unitId}' does not exist.`);
  const points = core.catalog.restorePoints(unitId, ctx.nowMs, { beforeMs, afterMs, order: order.descending ? 'desc' : 'asc', limit: LIMITS.restorePointListMax + 2 })
    .filter((p) => { const t = Date.parse(p.protectionDateTime ?? ''); return bounds.every((b) => b(t)); })
    .slice(0, LIMITS.restorePointListMax);
  return ok({
    '@odata.context': contextUrl(ctx, 'solutions/backupRestore/restorePoints(protectionUnit())'),
    value: points.map((p) => presentPoint(core, ctx, p, true)),
  });
}

export function getRestorePoint(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'restorePointGet', 'a restore point');
  const expand = option(ctx, '$expand');
  if (expand !== undefined && expand.trim().toLowerCase() !== 'protectionunit') throw badRequest('BadRequest', "Invalid $expand: only 'protectionUnit' can be expanded on a restore point.");
  const point = core.catalog.restorePoint(id, ctx.nowMs);
  if (!point) throw notFound('itemNotFound', `The restore point '${id}' does not exist or has expired.`);
  return ok({ '@odata.context': contextUrl(ctx, 'solutions/backupRestore/restorePoints/$entity'), ...presentPoint(core, ctx, point, expand !== undefined) });
}

export function searchRestorePoints(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'restorePointSearch', 'restorePoints/search');
  const body = bodyObject(ctx.body, false);
  const beta = ctx.version === 'beta' ? adaptBetaSearch(core, body) : { includeNewerItems: false };
  rejectUnknown(body, ['protectionUnitIds', 'protectionTimePeriod', 'restorePointPreference', 'tags', 'artifactQuery'], 'the search action');
  const ids = body.protectionUnitIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((i) => typeof i !== 'string')) {
    throw badRequest('InvalidSearchRequest', "'protectionUnitIds' is required: an array of protection unit ids.");
  }
  if (!isObject(body.protectionTimePeriod)) throw badRequest('InvalidSearchRequest', "'protectionTimePeriod' is required: { startDateTime, endDateTime }.");
  if (body.restorePointPreference != null && !(RESTORE_POINT_PREFERENCES as readonly unknown[]).includes(body.restorePointPreference)) {
    throw badRequest('InvalidSearchRequest', "'restorePointPreference' must be latest or oldest.");
  }
  if (body.artifactQuery != null && !isObject(body.artifactQuery)) throw badRequest('InvalidSearchRequest', "'artifactQuery' must be an object.");
  const result = core.catalog.search(body as never, ctx.nowMs);
  if (beta.includeNewerItems) for (const r of result.searchResults ?? []) if (r.restorePoint) core.store.newerItemsPoints.add(r.restorePoint.id);
  const searchResults = (result.searchResults ?? []).map((r) => ({
    ...r,
    restorePoint: r.restorePoint ? presentPoint(core, ctx, r.restorePoint, true) : r.restorePoint,
  }));
  return ok({ '@odata.context': contextUrl(ctx, 'microsoft.graph.restorePointSearchResponse'), ...result, searchResults });
}
