// Unit objects to add to a policy (a create with units, or a PATCH's `…@delta` additions), resolved against the
// directory: an unknown resource or one another policy already protects fails that row only; a malformed item or
// a duplicate refuses the whole request (graph-backup-api.md §3.2, §5).
import type { Workload } from '../../backup/model';
import type { UnitSeed } from '../catalog/units';
import { badRequest } from '../errors';
import type { EmulatorCore } from '../service/core';
import { isObject } from '../service/validate';

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

