// `POST /restorePoints/search`: validation in the order the service documents it (§3.6), then one restore point
// per unit: the latest (default) or oldest inside the window, honouring `tags`. Units without a match are listed
// in `noResultProtectionUnitIds`.
//
// The searchResponseId is self-describing (restore point id + hit count + checksum, base64url), so a granular
// mailbox artifact created from it can be resolved later, even after the emulator restarted from its data file.
import { flagMembers, workload } from '../../backup/model';
import {
  isFlagsValue, isMember, LIMITS, RESTORABLE_ARTIFACTS, RESTORE_POINT_PREFERENCES, RESTORE_POINT_TAGS,
  type RestorePointSearchRequest, type RestorePointSearchResponse, type RestorePointSearchResult,
} from '../../backup/model';
import { badRequest } from '../errors';
import { checksum, fromToken, hash32, toToken } from './hash';
import { decodeRestorePointId, isFastRestoreTime, pointTimes, restorePointOf, takePoints } from './restorePoints';
import type { Tenant } from './tenant';
import { parseDateTime } from './time';
import type { UnitRecord } from './units';

const invalid = (message: string) => badRequest('InvalidSearchRequest', message);

interface ValidSearch {
  records: UnitRecord[];
  afterMs?: number;
  beforeMs?: number;
  preference: 'latest' | 'oldest';
  fastOnly: boolean;
  queryExpression?: string;
}

function validate(tenant: Tenant, request: RestorePointSearchRequest): ValidSearch {
  if (request === null || typeof request !== 'object') throw invalid('The request body must be a JSON object.');
  const ids: unknown = request.protectionUnitIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id.length > 0)) {
    throw invalid('protectionUnitIds is required: a non-empty array of protection unit ids.');
  }
  const query = request.artifactQuery ?? undefined;
  const max = query ? LIMITS.restorePointSearchUnitsWithQuery : LIMITS.restorePointSearchUnits;
  if (ids.length > max) {
    throw invalid(query
      ? `When artifactQuery is given, protectionUnitIds must contain exactly ${max} protection unit id; it has ${ids.length}.`
      : `protectionUnitIds can contain at most ${max} protection unit ids; it has ${ids.length}.`);
  }
  if (new Set(ids).size !== ids.length) throw invalid('protectionUnitIds contains the same id more than once.');

  const period = request.protectionTimePeriod;
  if (period === null || typeof period !== 'object' || Array.isArray(period)) {
    throw invalid('protectionTimePeriod is required: { "startDateTime": …, "endDateTime": … }.');
  }
  const start = parseDateTime(period.startDateTime);
  const end = parseDateTime(period.endDateTime);
  if (start === null || end === null) throw invalid('protectionTimePeriod.startDateTime and endDateTime must be ISO 8601 date-times.');
  if (start === undefined && end === undefined) throw invalid('protectionTimePeriod needs a startDateTime, an endDateTime or both.');
  if (start !== undefined && end !== undefined && start > end) throw invalid('protectionTimePeriod.startDateTime is after endDateTime.');

  const preference = request.restorePointPreference ?? 'latest';
  if (!isMember(RESTORE_POINT_PREFERENCES, preference) || preference === 'unknownFutureValue') {
    throw invalid(`restorePointPreference must be 'latest' or 'oldest', not '${String(preference)}'.`);
  }
  const tags = request.tags ?? 'none';
  if (!isFlagsValue(RESTORE_POINT_TAGS, tags)) throw invalid(`tags must be 'none' or 'fastRestore', not '${String(tags)}'.`);

  let queryExpression: string | undefined;
  if (query) {
    if (typeof query !== 'object') throw invalid('artifactQuery must be an object.');
    if (query.artifactType != null && (!isMember(RESTORABLE_ARTIFACTS, query.artifactType) || query.artifactType === 'unknownFutureValue')) {
      throw invalid(`artifactQuery.artifactType must be 'message', not '${String(query.artifactType)}'.`);
    }
    if (typeof query.queryExpression !== 'string' || query.queryExpression.trim() === '') {
      throw invalid("artifactQuery.queryExpression is required, e.g. \"(Sender -eq 'finance@contoso.com') -and (Subject -like '*invoice*')\".");
    }
    queryExpression = query.queryExpression;
  }

  const records = ids.map((id: string) => {
    const record = tenant.record(id);
    if (!record) throw badRequest('InvalidProtectionUnitId', `The protection unit id '${id}' is not valid or does not exist.`);
    return record;
  });
  if (queryExpression !== undefined && workload(records[0].workload).granularArtifacts.source !== 'search') {
    throw invalid('artifactQuery is supported only for mailbox protection units (granular Exchange restore).');
  }
  return {
    records,
    afterMs: start === undefined ? undefined : start - 1,
    beforeMs: end,
    preference,
    fastOnly: flagMembers(tags).includes('fastRestore'),
    queryExpression,
  };
}

/** Items matching a query in a mailbox at a point: a stable function of both, fewer the more clauses it has. */
export function artifactHitCount(queryExpression: string, restorePointId: string): number {
  const normalized = queryExpression.replace(/\s+/g, ' ').trim().toLowerCase();
  const clauses = (normalized.match(/-and/g) ?? []).length + 1;
  return Math.max(1, Math.floor((hash32(`${normalized}|${restorePointId}`) % 400) / clauses));
}

export function encodeSearchResponseId(restorePointId: string, hitCount: number): string {
  const body = `${restorePointId}~${hitCount}`;
  return toToken(`${body}~${checksum(body)}`);
}

export function decodeSearchResponseId(token: string): { restorePointId: string; unitId: string; hitCount: number } | undefined {
  const parts = fromToken(token)?.split('~');
  if (!parts || parts.length !== 3 || checksum(`${parts[0]}~${parts[1]}`) !== parts[2]) return undefined;
  const decoded = decodeRestorePointId(parts[0]);
  const hitCount = Number(parts[1]);
  if (!decoded || !Number.isInteger(hitCount)) return undefined;
  return { restorePointId: parts[0], unitId: decoded.unitId, hitCount };
}

export function searchRestorePoints(tenant: Tenant, request: RestorePointSearchRequest, nowMs: number): RestorePointSearchResponse {
  const search = validate(tenant, request);
  const results: RestorePointSearchResult[] = [];
  const noResult: string[] = [];
  for (const record of search.records) {
    const order = search.preference === 'latest' ? 'desc' : 'asc';
    const times = pointTimes(record, nowMs, { afterMs: search.afterMs, beforeMs: search.beforeMs }, order);
    const [ms] = takePoints(times, 1, search.fastOnly ? isFastRestoreTime : undefined);
    if (ms === undefined) {
      noResult.push(record.unit.id);
      continue;
    }
    const point = restorePointOf(record.unit.id, ms);
    results.push({
      artifactHitCount: search.queryExpression === undefined ? null : artifactHitCount(search.queryExpression, point.id),
      restorePoint: { '@odata.type': '#microsoft.graph.restorePoint', ...point, protectionUnit: record.unit },
    });
  }
  // A granular search names one unit; its id lets a granularMailboxRestoreArtifact find the point again.
  const first = results[0]?.restorePoint;
  const searchResponseId = search.queryExpression !== undefined && first
    ? encodeSearchResponseId(first.id, results[0].artifactHitCount as number)
    : toToken(`search~${checksum(JSON.stringify(request) + nowMs)}`);
  return { searchResponseId, searchResults: results, noResultProtectionUnitIds: noResult };
}
