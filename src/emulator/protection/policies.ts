// Protection policy writes (graph-backup-api.md §3.2, error codes from Microsoft's "Backup Storage API error
// responses"): create with units, delete (inactive only), activate (inactive only; one active policy per
// workload) and deactivate (active only). A new policy is `inactive` and its units `unprotected`; activating asks
// to protect them, deactivating to unprotect them, and the clock does the rest (lifecycle.ts).
import { randomUUID } from 'node:crypto';
import type { Workload } from '../../backup/model';
import { odataType } from '../../backup/model';
import { RETENTION_SETTINGS } from '../catalog/policies';
import { badRequest, EmulatorError } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import { noContent, ok } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { contextUrl } from '../service/odata';
import { allowOptions } from '../service/queryOptions';
import { iso } from '../service/records';
import { bodyObject } from '../service/validate';
import { assertChangesAllowed, callerOf, policyOrThrow } from './guards';
import { HOLDS_RESOURCE, requestUnit } from './lifecycle';
import { resolveAdditions, UNITS_PER_REQUEST } from './delta';
import type { PolicyRecord } from './types';

export function policyEntity(ctx: RequestContext, record: PolicyRecord, path: string): Record<string, unknown> {
  return { '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}/$entity`), ...record.policy };
}

export function validDisplayName(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > 1024) {
    throw badRequest('InvalidDisplayName', 'Please ensure the policy name is more than 0 and at most 1024 characters long.');
  }
  return value;
}

export function createPolicy(core: EmulatorCore, ctx: RequestContext, w: Workload): Reply {
  allowOptions(ctx, 'policyWrite', `POST /${w.policyCollection}`);
  assertChangesAllowed(core);
  const body = bodyObject(ctx.body, false);
  const nav = w.protectionUnits.nav;
  for (const key of Object.keys(body)) {
    if (!['@odata.type', 'displayName', nav].includes(key)) throw badRequest('InvalidCreateRequest', `The property '${key}' cannot be set when creating a ${w.label} protection policy.`);
  }
  const displayName = validDisplayName(body.displayName);
  const requested = body[nav] ?? [];
  if (!Array.isArray(requested)) throw badRequest('InvalidCreateRequest', `'${nav}' must be an array of units.`);
  if (requested.length > UNITS_PER_REQUEST) {
    throw new EmulatorError(413, 'ProtectionUnitsLimitBreached', `Number of protection units in each request must not exceed ${UNITS_PER_REQUEST}; this one has ${requested.length}.`);
  }
  const additions = resolveAdditions(core, w, requested);
  for (const a of additions) {
    if ('error' in a) throw new EmulatorError(a.error.responseCode, a.error.code, a.error.message);
  }
  const now = iso(ctx.nowMs);
  const record: PolicyRecord = {
    workload: w.id,
    policy: {
      '@odata.type': odataType(w.policyType), id: randomUUID(), displayName, isEnabled: false, status: 'inactive',
      retentionSettings: RETENTION_SETTINGS.map((r) => ({ ...r })), protectionPolicyArtifactCount: { total: 0, completed: 0, inProgress: 0, failed: 0 },
      createdBy: callerOf(ctx), createdDateTime: now, lastModifiedBy: callerOf(ctx), lastModifiedDateTime: now,
    },
  };
  core.protection.state.policies.push(record);
  for (const a of additions) if ('seed' in a) core.protection.addUnit(record, a.seed, 'unprotected', 'manual', ctx.nowMs, callerOf(ctx));
  core.tick(ctx.nowMs);
  core.commit();
  const location = `${ctx.serviceBase}/solutions/backupRestore/${w.policyCollection}('${record.policy.id}')`;
  return { status: 201, body: policyEntity(ctx, record, w.policyCollection), headers: { 'Content-Location': location } };
}

export function deletePolicy(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'policyWrite', 'DELETE a protection policy');
  const record = policyOrThrow(core, id, w);
  if (record.policy.status !== 'inactive') {
    throw new EmulatorError(403, 'PolicyActionNotAllowed', "Can't delete policy. Only policy in Inactive status can be deleted.");
  }
  const state = core.protection.state;
  state.policies.splice(state.policies.indexOf(record), 1);
  state.rules = state.rules.filter((r) => r.policyId !== record.policy.id);
  state.jobs = state.jobs.filter((j) => j.policyId !== record.policy.id);
  core.commit();
  return noContent();
}

export function activatePolicy(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'policyWrite', 'activate');
  assertChangesAllowed(core);
  const record = policyOrThrow(core, id, w);
  if (record.policy.status !== 'inactive') {
    throw new EmulatorError(403, 'PolicyActionNotAllowed', "Can't activate policy. The policy isn't in correct state. Make sure the policy is in Inactive state.");
  }
  const other = core.protection.policies().find((p) => p !== record && p.workload === record.workload && p.policy.isEnabled);
  if (other) throw new EmulatorError(409, 'PolicyCreationNotAllowed', `Can't activate policy. Another active policy already exists: '${other.policy.displayName}'.`);
  record.policy.isEnabled = true;
  for (const u of core.protection.unitsOf(record.policy.id)) {
    if (u.unit.status !== 'unprotected') continue;
    const holder = core.protection.holder(u.workload, u.resourceId);
    if (holder) {
      u.unit.error = { code: 'ProtectionUnitAlreadyExists', message: `Artifact ${u.resourceId} is not eligible for protection because it is already protected under policy ${holder.unit.policyId}.` };
    } else requestUnit(u, 'protectRequested', ctx.nowMs, callerOf(ctx), core.protection.applyAt(ctx.nowMs));
  }
  return touched(core, ctx, record);
}

export function deactivatePolicy(core: EmulatorCore, ctx: RequestContext, id: string, w: Workload | undefined): Reply {
  allowOptions(ctx, 'policyWrite', 'deactivate');
  const record = policyOrThrow(core, id, w);
  if (record.policy.status !== 'active' && record.policy.status !== 'activeWithErrors') {
    throw new EmulatorError(403, 'PolicyActionNotAllowed', "Policy isn't in correct state. Wait until it moves to the active state.");
  }
  record.policy.isEnabled = false;
  for (const u of core.protection.unitsOf(record.policy.id)) {
    if (HOLDS_RESOURCE.includes(u.unit.status ?? 'protected')) requestUnit(u, 'unprotectRequested', ctx.nowMs, callerOf(ctx), core.protection.applyAt(ctx.nowMs));
  }
  return touched(core, ctx, record);
}

/** Stamps the policy, settles (its status follows the units) and answers it. */
export function touched(core: EmulatorCore, ctx: RequestContext, record: PolicyRecord, extra: Record<string, unknown> = {}): Reply {
  record.policy.lastModifiedBy = callerOf(ctx);
  record.policy.lastModifiedDateTime = iso(ctx.nowMs);
  core.tick(ctx.nowMs);
  core.commit();
  return ok({ ...policyEntity(ctx, record, 'protectionPolicies'), ...extra });
}
