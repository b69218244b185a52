// `POST /protectionUnits/{id}/offboard` and `…/cancelOffboard` (graph-backup-api.md §3.4; Microsoft's offboard
// page): only a unit no policy protects any more (removed or unprotected) can be offboarded; attached to a
// policy, the documented answer is 403 OperationNotAllowed. Offboarding stops the unit's backups for good once
// it settles (offboarded); cancelling is possible while it is only requested.
import { badRequest, EmulatorError } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import { ok } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { contextUrl } from '../service/odata';
import { presentUnit } from '../service/present';
import { allowOptions } from '../service/queryOptions';
import { iso } from '../service/records';
import { bodyObject } from '../service/validate';
import { assertChangesAllowed, callerOf } from './guards';
import { requestUnit } from './lifecycle';
import type { UnitState } from './types';

function unitOrThrow(core: EmulatorCore, id: string): UnitState {
  const unit = core.protection.unit(id);
  if (!unit) throw badRequest('InvalidProtectionUnitId', `Protection unit ID '${id}' is invalid: no such protection unit.`);
  return unit;
}

const notAllowed = () => new EmulatorError(403, 'OperationNotAllowed', "Can't process this request as it is not in valid state.");

function answer(core: EmulatorCore, ctx: RequestContext, unit: UnitState): Reply {
  core.tick(ctx.nowMs);
  core.commit();
  return ok({ '@odata.context': contextUrl(ctx, 'solutions/backupRestore/protectionUnits/$entity'), ...presentUnit(unit.unit, ctx.includeUnknownEnums) });
}

export function offboardUnit(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'unitAction', 'offboard');
  bodyObject(ctx.body, true);
  assertChangesAllowed(core);
  const unit = unitOrThrow(core, id);
  if (unit.unit.status !== 'unprotected') throw notAllowed();
  requestUnit(unit, 'offboardRequested', ctx.nowMs, callerOf(ctx), core.protection.applyAt(ctx.nowMs));
  unit.unit.offboardRequestedDateTime = iso(ctx.nowMs);
  return answer(core, ctx, unit);
}

export function cancelOffboard(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'unitAction', 'cancelOffboard');
  bodyObject(ctx.body, true);
  const unit = unitOrThrow(core, id);
  if (unit.unit.status !== 'offboardRequested') throw notAllowed();
  requestUnit(unit, 'cancelOffboardRequested', ctx.nowMs, callerOf(ctx), core.protection.applyAt(ctx.nowMs));
  return answer(core, ctx, unit);
}
