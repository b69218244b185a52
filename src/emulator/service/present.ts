// Turns stored records into what the wire shows: `@odata.type` on polymorphic items, navigations expanded or
// trimmed as the docs show them, and evolvable enum members replaced by `unknownFutureValue` unless this
// request sent `Prefer: include-unknown-enum-members`. Stored records are never modified here.
import type { BrowseSessionBase, ProtectionPolicyBase, ProtectionUnit, RestoreArtifactsBulkRequestBase, Workload } from '../../backup/model';
import { EVOLVABLE_PROPERTIES, evolvableMembers, odataType, workload } from '../../backup/model';
import type { BrowseSessionRecord, SessionRecord } from '../state';

type Kind = keyof typeof EVOLVABLE_PROPERTIES;

const EVOLVABLE: Record<Kind, [string, string[]][]> = Object.fromEntries(
  Object.entries(EVOLVABLE_PROPERTIES).map(([kind, props]) => [kind, Object.entries(props).map(([p, members]) => [p, evolvableMembers(members)])]),
) as Record<Kind, [string, string[]][]>;

/** The value a caller sees for an enum property of `kind`. */
export function visibleEnum(kind: Kind, property: string, value: string | null | undefined, includeUnknown: boolean): string | null | undefined {
  if (includeUnknown || value == null) return value;
  const evolvable = EVOLVABLE[kind].find(([p]) => p === property)?.[1];
  return evolvable?.includes(value) ? 'unknownFutureValue' : value;
}

/**
 * A status for an error message, as this caller may see it: a member hidden from it (`failed` without
 * `Prefer: include-unknown-enum-members`) is neither named nor shown as the bare sentinel, but said in words
 * with how to see it.
 */
export function statusInMessage(kind: Kind, property: string, value: string | null | undefined, includeUnknown: boolean): string {
  const visible = visibleEnum(kind, property, value, includeUnknown);
  return visible === 'unknownFutureValue' && value !== 'unknownFutureValue'
    ? 'in a status this request does not opt in to (send Prefer: include-unknown-enum-members to see it)'
    : visible ?? 'without a status';
}

function substitute(kind: Kind, item: Record<string, unknown>, includeUnknown: boolean): Record<string, unknown> {
  if (includeUnknown) return item;
  for (const [property, members] of EVOLVABLE[kind]) {
    const value = item[property];
    if (typeof value === 'string' && members.includes(value)) item[property] = 'unknownFutureValue';
  }
  return item;
}

export interface PresentOptions { includeUnknown: boolean; expand?: readonly string[] }

export function presentSession(record: SessionRecord, options: PresentOptions): Record<string, unknown> {
  const w = workload(record.workload);
  const out: Record<string, unknown> = { '@odata.type': odataType(w.sessionType), ...record.session };
  substitute('restoreSession', out, options.includeUnknown);
  for (const nav of options.expand ?? []) {
    if (nav === w.standardArtifacts.nav) out[nav] = record.standard.map((a) => presentArtifact(w, a, 'standard'));
    else if (nav === w.granularArtifacts.nav) out[nav] = record.granular.map((a) => presentArtifact(w, a, 'granular'));
    else if (nav === w.bulkRequests.nav) out[nav] = record.bulkRequests.map((b) => presentBulkRequest(w, b));
  }
  return out;
}

/** Artifacts carry `@odata.type`; the restore point is inlined (as the docs' examples show) without its unit. */
export function presentArtifact(w: Workload, artifact: object, kind: 'standard' | 'granular'): Record<string, unknown> {
  const type = kind === 'standard' ? w.standardArtifacts.type : w.granularArtifacts.type;
  const out: Record<string, unknown> = { '@odata.type': odataType(type), ...artifact };
  const point = out.restorePoint as Record<string, unknown> | null | undefined;
  if (point && typeof point === 'object') {
    const { protectionUnit: _unit, ...rest } = point;
    out.restorePoint = rest;
  }
  return out;
}

/** Bulk requests: the docs return the big resource lists as `[]` to keep responses small. */
export function presentBulkRequest(w: Workload, request: RestoreArtifactsBulkRequestBase): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.type': odataType(w.bulkRequests.type), ...request };
  out[w.bulkRequests.resourceField] = [];
  out[w.bulkRequests.idField] = [];
  out.protectionUnitIds = [];
  return out;
}

export function presentUnit(unit: ProtectionUnit, includeUnknown: boolean): Record<string, unknown> {
  return substitute('protectionUnit', { ...unit }, includeUnknown);
}

export function presentPolicy(policy: ProtectionPolicyBase): Record<string, unknown> {
  return { ...policy };
}

export function presentBrowseSession(record: BrowseSessionRecord): Record<string, unknown> {
  const type = workload(record.workload).browseSessions?.type ?? '';
  const session: BrowseSessionBase = record.browseSession;
  return { '@odata.type': odataType(type), ...session };
}
