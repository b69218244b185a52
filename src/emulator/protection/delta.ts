// `PATCH /<workload>ProtectionPolicies/{id}` with `<units>@delta` (graph-backup-api.md §3.2, §5): new unit objects
// are added, `{"@removed": {...}, "id"}` items are removed. Each item is answered in the response's `@delta`
// array: the unit as it now is (added ones `protectRequested`, or `unprotected` in an inactive policy; removed ones
// `removeRequested`), or a `@Core.DataModificationException` item for a row that failed, as in the documented
// example. Whole-request refusals use the documented 400/404/413 codes.
import type { Workload } from '../../backup/model';
import type { UnitSeed } from '../catalog/units';
import { badRequest, EmulatorError } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { allowOptions } from '../service/queryOptions';
import { presentUnit } from '../service/present';
import { bodyObject, isObject } from '../service/validate';
import { assertChangesAllowed, callerOf, policyOrThrow } from './guards';
import { requestUnit } from './lifecycle';
import { touched, validDisplayName } from './policies';

/** Protection units in one create or PATCH request (413 ProtectionUnitsLimitBreached). */
export const UNITS_PER_REQUEST = 50;

export interface ItemError { code: string; message: string; responseCode: number }
export type Addition = { seed: UnitSeed } | { error: ItemError; item: Record<string, unknown> };

/** Resolves unit objects to add (`{ directoryObjectId }` or `{ siteId }`); duplicates refuse the request. */
export function resolveAdditions(core: EmulatorCore, w: Workload, items: readonly unknown[]): Addition[] {
  const field = w.protectionUnits.resourceIdField;
  const seen = new Set<string>();
  return items.map((item) => {
    const value = isObject(item) ? item[field] : undefined;
    if (!isObject(item) || typeof value !== 'string' || value.trim() === '') {
      throw badRequest('InvalidProtectionUnitId', `Each unit to add must be an object with '${field}'.`);
    }
    if (seen.has(value.toLowerCase())) throw badRequest('DuplicateProtectionUnitInList', `Protection unit level error: duplicate protection unit '${value}' in list.`);
    seen.add(value.toLowerCase());
    const seed = core.protection.resource(w.id, value);
    if (!seed) return { error: { code: 'InvalidProtectionUnitId', message: `Protection unit ID '${value}' is invalid: no such ${w.unitLabel} in the directory.`, responseCode: 400 }, item };
    const holder = core.protection.holder(w.id, seed.resourceId);
    if (holder) {
      return { error: { code: 'ProtectionUnitAlreadyExists', message: `Artifact ${value} is not eligible for protection because it is already protected under policy ${holder.unit.policyId}.`, responseCode: 409 }, item };
    }
    return { seed };
  });
}

const failure = (error: ItemError, operation: 'add' | 'remove', item: Record<string, unknown>, index: number) => ({
  '@contentId': String(item.id ?? item['@contentId'] ?? index),
  '@Core.DataModificationException': { info: { code: error.code, message: error.message }, failedOperation: operation, responseCode: error.responseCode },
  ...(typeof item.id === 'string' ? { id: item.id } : {}),
});

export function updatePolicy(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload): Reply {
  allowOptions(ctx, 'policyWrite', `PATCH /${w.policyCollection}`);
  assertChangesAllowed(core);
  const record = policyOrThrow(core, id, w);
  const body = bodyObject(ctx.body, false);
  const deltaKey = `${w.protectionUnits.nav}@delta`;
  for (const key of Object.keys(body)) {
    if (!['@odata.type', 'displayName', deltaKey].includes(key)) throw badRequest('BadRequest', `The property '${key}' cannot be updated on a ${w.label} protection policy.`);
  }
  const displayName = body.displayName === undefined ? undefined : validDisplayName(body.displayName);
  const items = body[deltaKey] ?? [];
  if (!Array.isArray(items)) throw badRequest('BadRequest', `'${deltaKey}' must be an array.`);
  if (items.length > UNITS_PER_REQUEST) {
    throw new EmulatorError(413, 'ProtectionUnitsLimitBreached', `Number of protection units in each request must not exceed ${UNITS_PER_REQUEST}; this one has ${items.length}.`);
  }
  const removals = items.filter((i) => isObject(i) && i['@removed'] !== undefined) as Record<string, unknown>[];
  const additions = resolveAdditions(core, w, items.filter((i) => !(isObject(i) && i['@removed'] !== undefined)));
  const removedUnits = removals.map((item) => {
    const unit = typeof item.id === 'string' ? core.protection.unit(item.id) : undefined;
    if (unit && unit.unit.policyId === record.policy.id && unit.unit.protectionSources === 'dynamicRule') {
      throw badRequest('ProtectionUnitActionNotAllowed', `The protection unit '${unit.unit.id}' can't be removed as it's protected by a dynamic rule.`);
    }
    return { item, unit: unit && unit.unit.policyId === record.policy.id ? unit : undefined };
  });

  // Everything is checked; now the changes.
  if (displayName !== undefined) record.policy.displayName = displayName;
  const enabled = record.policy.isEnabled === true;
  const echo: Record<string, unknown>[] = [];
  additions.forEach((a, index) => {
    if ('error' in a) { echo.push(failure(a.error, 'add', a.item, index)); return; }
    const unit = core.protection.addUnit(record, a.seed, enabled ? 'protectRequested' : 'unprotected', 'manual', ctx.nowMs, callerOf(ctx), enabled ? core.protection.applyAt(ctx.nowMs) : undefined);
    echo.push(presentUnit(unit.unit, ctx.includeUnknownEnums));
  });
  removedUnits.forEach(({ item, unit }, index) => {
    if (!unit) {
      echo.push(failure({ code: 'ProtectionUnitNotFound', message: 'ProtectionUnit level error: the protection unit to remove does not exist in this policy.', responseCode: 404 }, 'remove', item, index));
      return;
    }
    requestUnit(unit, 'removeRequested', ctx.nowMs, callerOf(ctx), core.protection.applyAt(ctx.nowMs));
    echo.push(presentUnit(unit.unit, ctx.includeUnknownEnums));
  });
  return touched(core, ctx, record, { [deltaKey]: echo });
}
