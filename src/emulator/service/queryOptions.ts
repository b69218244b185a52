// The ONE table of OData query options per API: what the emulator implements, and what Microsoft's page for that
// API documents, with the page. An option that is implemented but not documented is governed by the emulator's
// profile (`--undocumented-options refuse|ignore|honour`): refuse answers 400 naming the option and the flag,
// ignore drops it and names it in a `Warning` header, honour applies it. Documented options work in every profile;
// options the emulator does not implement are a 400 in every profile (nothing is ever silently ignored unasked).
import { badRequest } from '../errors';
import type { RequestContext } from './context';

import { UNDOCUMENTED_OPTION_PROFILES, type UndocumentedOptions } from './profiles';

export { DEFAULT_UNDOCUMENTED_OPTIONS, UNDOCUMENTED_OPTION_PROFILES, type UndocumentedOptions } from './profiles';

interface OptionsRow {
  /** The API as Microsoft's page titles it. */
  title: string;
  implemented: readonly string[];
  documented: readonly string[];
  /** The page that lists (or, by having no "Optional query parameters" section, does not list) the options. */
  page: string;
}

const LEARN = 'https://learn.microsoft.com/en-us/graph/api/';
/** Following `@odata.nextLink` (which carries `$skiptoken`) is how Graph documents paging for every collection. */
const PAGING = '$skiptoken';
const LIST_ALL = ['$top', PAGING, '$filter', '$select', '$count'];

export const QUERY_OPTIONS = {
  serviceRoot: { title: 'Get backupRestoreRoot', implemented: ['$select'], documented: [], page: `${LEARN}backuprestoreroot-get` },
  sessionList: { title: 'List restoreSessionBase', implemented: [...LIST_ALL, '$orderby'], documented: [PAGING], page: `${LEARN}backuprestoreroot-list-restoresessions` },
  sessionGet: { title: 'Get restoreSessionBase', implemented: ['$select', '$expand'], documented: [], page: `${LEARN}restoresessionbase-get` },
  sessionWrite: { title: 'Create, update, activate or delete a restore session', implemented: [], documented: [], page: `${LEARN}backuprestoreroot-post-exchangerestoresessions` },
  artifactList: { title: 'List restore artifacts', implemented: LIST_ALL, documented: [PAGING], page: `${LEARN}exchangerestoresession-list-mailboxrestoreartifacts` },
  artifactGet: { title: 'Get a restore artifact', implemented: ['$select'], documented: [], page: `${LEARN}exchangerestoresession-list-mailboxrestoreartifacts` },
  granularArtifacts: { title: 'List granular restore artifacts', implemented: [], documented: [], page: `${LEARN}sharepointrestoresession-list-granularsiterestoreartifacts` },
  unitList: { title: 'List protectionUnits', implemented: LIST_ALL, documented: [PAGING, '$filter'], page: 'https://learn.microsoft.com/en-us/graph/backup-storage-error-codes' },
  unitGet: { title: 'Get protectionUnitBase', implemented: ['$select'], documented: [], page: `${LEARN}protectionunitbase-get` },
  policyList: { title: 'List protectionPolicies', implemented: ['$top', PAGING, '$select', '$count'], documented: [PAGING], page: `${LEARN}backuprestoreroot-list-protectionpolicies` },
  policyGet: { title: 'Get protectionPolicyBase', implemented: ['$select'], documented: [], page: `${LEARN}protectionpolicybase-get` },
  restorePointList: { title: 'List restorePoints', implemented: ['$expand', '$filter', '$orderby'], documented: ['$expand', '$filter', '$orderby'], page: `${LEARN}backuprestoreroot-list-restorepoints` },
  restorePointGet: { title: 'Get restorePoint', implemented: ['$expand'], documented: [], page: `${LEARN}restorepoint-get` },
  restorePointSearch: { title: 'restorePoint: search', implemented: [], documented: [], page: `${LEARN}restorepoint-search` },
  bulkRequests: { title: 'Restore artifacts bulk addition requests', implemented: [], documented: [], page: `${LEARN}exchangerestoresession-list-mailboxrestoreartifactsbulkadditionrequests` },
  browseSessions: { title: 'Browse sessions', implemented: [], documented: [], page: `${LEARN}backuprestoreroot-list-browsesessions` },
  serviceApps: { title: 'List serviceApps', implemented: [], documented: [], page: `${LEARN}backuprestoreroot-list-serviceapps` },
  serviceWrite: { title: 'backupRestoreRoot: enable, service apps and notification setting', implemented: [], documented: [], page: `${LEARN}backuprestoreroot-enable` },
  policyWrite: { title: 'Create, update, activate, deactivate or delete a protection policy', implemented: [], documented: [], page: `${LEARN}exchangeprotectionpolicy-update` },
  unitAction: { title: 'protectionUnitBase: offboard / cancelOffboard', implemented: [], documented: [], page: `${LEARN}protectionunitbase-offboard` },
  rules: { title: 'List protectionRuleBase', implemented: [], documented: [], page: `${LEARN}protectionrulebase-list` },
  unitBulkJobs: { title: 'Protection unit bulk addition jobs', implemented: [], documented: [], page: `${LEARN}mailboxprotectionunitsbulkadditionjobs-get` },
  navigation: { title: 'a navigation property of the v1.0 metadata', implemented: [], documented: [], page: 'https://learn.microsoft.com/en-us/graph/api/resources/backup-restore-overview' },
  browse: { title: 'browseSessionBase: browse', implemented: [PAGING], documented: [PAGING], page: `${LEARN}browsesessionbase-browse` },
} as const satisfies Record<string, OptionsRow>;

export type QueryApi = keyof typeof QUERY_OPTIONS;

/** Options the OData grammar defines; anything else starting with `$` is unknown. */
const KNOWN_OPTIONS = new Set([
  '$top', '$skip', '$skiptoken', '$filter', '$orderby', '$select', '$expand', '$count', '$search', '$format',
  '$levels', '$apply', '$compute', '$index', '$schemaversion', '$deltatoken',
]);

/**
 * Checks every `$` option against the table row of `api`: unknown or unimplemented options are a 400; an
 * undocumented one is refused, dropped (with a warning) or kept according to the request's profile.
 */
export function allowOptions(ctx: RequestContext, api: QueryApi, resource: string): void {
  const row: OptionsRow = QUERY_OPTIONS[api];
  for (const name of [...ctx.query.keys()]) {
    if (!name.startsWith('$')) continue;
    const lower = name.toLowerCase();
    if (!KNOWN_OPTIONS.has(lower)) throw badRequest('BadRequest', `Unknown query option '${name}'.`);
    if (!row.implemented.includes(lower)) {
      const hint = row.implemented.length ? `supported here: ${row.implemented.join(', ')}` : 'this resource supports no OData query options';
      throw badRequest('BadRequest', `The query option '${name}' is not supported on ${resource}; ${hint}.`);
    }
    if (row.documented.includes(lower) || ctx.undocumentedOptions === 'honour') continue;
    if (ctx.undocumentedOptions === 'refuse') {
      throw badRequest('BadRequest', `The query option '${name}' is not documented for ${row.title} (${row.page}); this emulator runs with --undocumented-options refuse. Start it with --undocumented-options honour or ignore to allow it.`);
    }
    ctx.query.delete(name);
    ctx.warnings.push(`The query option '${name}' is not documented for ${row.title} and was ignored (--undocumented-options ignore).`);
  }
}

/** `Warning: 299 - "<text>"` values (RFC 7234 §5.5, miscellaneous persistent warning), one per ignored option. */
export function warningHeader(warnings: readonly string[]): Record<string, string> {
  if (warnings.length === 0) return {};
  return { Warning: warnings.map((w) => `299 - "${w.replace(/["\\]/g, '')}"`).join(', ') };
}

export function parseUndocumentedOptions(value: string): UndocumentedOptions | undefined {
  return UNDOCUMENTED_OPTION_PROFILES.find((p) => p === value);
}
