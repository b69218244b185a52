// Listing restore sessions (all, or one workload's collection): keyset-paged so inserts never shift pages,
// filtered by `$filter` (status, restoreJobType, createdDateTime), ordered by createdDateTime, `$select`, `$count`.
import {
  EVOLVABLE_PROPERTIES, evolvableMembers, RESTORE_JOB_TYPES, RESTORE_SESSION_STATUSES,
} from '../../backup/model';
import { badRequest } from '../errors';
import type { SessionRecord } from '../state';
import type { Reply, RequestContext } from './context';
import { ok } from './context';
import type { EmulatorCore } from './core';
import type { FilterSchema } from './odataFilter';
import { compileFilter } from './odataFilter';
import {
  applySelect, contextUrl, decodeToken, encodeToken, nextLink, option, parseCount, parseOrderBy, parseSelect, parseTop,
} from './odata';
import { allowOptions } from './queryOptions';
import { presentSession, visibleEnum } from './present';
import type { ListKey } from './store';
import { compareKeys, keyOf } from './store';

export const SESSION_PROPERTIES = [
  'id', 'status', 'restoreJobType', 'restoreSessionArtifactCount', 'createdBy', 'createdDateTime', 'lastModifiedBy',
  'lastModifiedDateTime', 'completedDateTime', 'error',
];

const sessionFilter = (includeUnknown: boolean): FilterSchema<SessionRecord> => ({
  status: {
    type: 'enum', members: RESTORE_SESSION_STATUSES, evolvable: evolvableMembers(EVOLVABLE_PROPERTIES.restoreSession.status),
    get: (r) => visibleEnum('restoreSession', 'status', r.session.status, includeUnknown),
  },
  restoreJobType: {
    type: 'enum', members: RESTORE_JOB_TYPES, evolvable: evolvableMembers(EVOLVABLE_PROPERTIES.restoreSession.restoreJobType),
    get: (r) => visibleEnum('restoreSession', 'restoreJobType', r.session.restoreJobType, includeUnknown),
  },
  createdDateTime: { type: 'dateTime', get: (r) => r.session.createdDateTime },
});

interface SessionToken { c: number; i: string; d: boolean }
const isSessionToken = (v: unknown): v is SessionToken =>
  typeof v === 'object' && v !== null && typeof (v as SessionToken).c === 'number' && typeof (v as SessionToken).i === 'string' && typeof (v as SessionToken).d === 'boolean';

export function listSessions(core: EmulatorCore, ctx: RequestContext, key: ListKey, path: string): Reply {
  allowOptions(ctx, 'sessionList', `/${path}`);
  const top = parseTop(ctx);
  const order = parseOrderBy(ctx, ['createdDateTime'], { property: 'createdDateTime', descending: true });
  const select = parseSelect(ctx, SESSION_PROPERTIES);
  const count = parseCount(ctx);
  const filterText = option(ctx, '$filter');
  const predicate = filterText === undefined ? () => true : compileFilter(filterText, sessionFilter(ctx.includeUnknownEnums), ctx.includeUnknownEnums);
  const list = core.store.list(key);
  const rawToken = option(ctx, '$skiptoken');
  const token = rawToken === undefined ? undefined : decodeToken(rawToken, isSessionToken);
  if (token && token.d !== order.descending) throw badRequest('BadRequest', 'Invalid $skiptoken: it belongs to a different $orderby.');

  // Keyset paging: resume strictly after the last item of the previous page, so inserts never shift pages.
  const step = order.descending ? -1 : 1;
  let index: number;
  if (!token) index = order.descending ? list.length - 1 : 0;
  else {
    const at = core.store.lowerBound(list, { createdMs: token.c, id: token.i });
    const exact = at < list.length && compareKeys(keyOf(list[at]), { createdMs: token.c, id: token.i }) === 0;
    index = order.descending ? at - 1 : exact ? at + 1 : at;
  }
  const page: SessionRecord[] = [];
  let more = false;
  for (; index >= 0 && index < list.length; index += step) {
    const record = list[index];
    if (!predicate(record)) continue;
    if (page.length === top) { more = true; break; }
    page.push(record);
  }
  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}`) };
  if (count) body['@odata.count'] = list.reduce((n, r) => n + (predicate(r) ? 1 : 0), 0);
  if (more && page.length > 0) {
    const last = keyOf(page[page.length - 1]);
    body['@odata.nextLink'] = nextLink(ctx, path, encodeToken({ c: last.createdMs, i: last.id, d: order.descending }));
  }
  body.value = page.map((r) => applySelect(presentSession(r, { includeUnknown: ctx.includeUnknownEnums }), select));
  return ok(body);
}

// ---- get ----
