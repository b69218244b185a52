// Inclusion rules (graph-backup-api.md §1.3, §3.3; codes from Microsoft's error page): create (status `active`,
// then `completed` or `completedWithErrors` once applied), list (per policy and tenant-wide), get, PATCH (dynamic
// rules only; `isAutoApplyEnabled` never), delete, `run` (static rules: active again) and `deleteAndUnprotect`
// (dynamic rules: deleteRequested, their units asked to stop being protected, the rule gone once that settles).
// What a rule protects: the resources its expression names in quotes (ids, e-mail addresses, site URLs); a
// quoted value the directory does not know is a failed row (emulator semantics: Entra groups are not emulated).
import { randomUUID } from 'node:crypto';
import type { Workload } from '../../backup/model';
import { badRequest, EmulatorError, notFound } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import { created, noContent, ok } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { contextUrl } from '../service/odata';
import { visibleEnum } from '../service/present';
import { allowOptions } from '../service/queryOptions';
import { iso } from '../service/records';
import { bodyObject } from '../service/validate';
import { assertChangesAllowed, callerOf, policyOrThrow } from './guards';
import { requestUnit } from './lifecycle';
import { expressionKey } from './resolve';
import type { RuleRecord } from './types';

/** Group ids an expression may name (413 InvalidRuleExpressionGroupLimitExceeded). */
export const RULE_GROUP_LIMIT = 100;

const ruleType = (w: Workload) => `#microsoft.graph.${w.protectionUnits.nav.replace(/ProtectionUnits$/, '')}ProtectionRule`;

function present(ctx: RequestContext, record: RuleRecord): Record<string, unknown> {
  const rule = { ...record.rule };
  rule.status = visibleEnum('protectionRule', 'status', rule.status, ctx.includeUnknownEnums) ?? rule.status;
  return rule;
}

function ruleOrThrow(core: EmulatorCore, w: Workload, id: string, policyId?: string): RuleRecord {
  if (id.trim() === '') throw badRequest('InvalidInclusionRuleId', 'The rule ID is invalid.');
  const record = core.protection.state.rules.find((r) => r.workload === w.id && r.rule.id.toLowerCase() === id.toLowerCase() && (!policyId || r.policyId === policyId));
  if (!record) throw notFound('ProtectionRuleNotFound', `The rule '${id}' is either incorrect or the rule was deleted.`);
  return record;
}

function validExpression(w: Workload, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('InvalidRuleExpression', `'${expressionKey(w)}' is required: the expression isn't valid and can't be parsed.`);
  const groups = value.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
  if (groups.length > RULE_GROUP_LIMIT) {
    throw new EmulatorError(413, 'InvalidRuleExpressionGroupLimitExceeded', `The expression contains ${groups.length} group IDs; at most ${RULE_GROUP_LIMIT} are allowed.`);
  }
  return value;
}

export function listRules(core: EmulatorCore, ctx: RequestContext, w: Workload, policyId?: string): Reply {
  allowOptions(ctx, 'rules', `/${w.inclusionRulesNav}`);
  const policy = policyId === undefined ? undefined : policyOrThrow(core, policyId, w);
  const rules = core.protection.state.rules.filter((r) => r.workload === w.id && (!policy || r.policyId === policy.policy.id));
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.inclusionRulesNav}`), value: rules.map((r) => present(ctx, r)) });
}

export function getRule(core: EmulatorCore, ctx: RequestContext, w: Workload, id: string, policyId?: string): Reply {
  allowOptions(ctx, 'rules', 'an inclusion rule');
  const record = ruleOrThrow(core, w, id, policyId && policyOrThrow(core, policyId, w).policy.id);
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.inclusionRulesNav}/$entity`), ...present(ctx, record) });
}

export function createRule(core: EmulatorCore, ctx: RequestContext, w: Workload, policyId: string): Reply {
  allowOptions(ctx, 'rules', `POST ${w.inclusionRulesNav}`);
  assertChangesAllowed(core);
  const policy = policyOrThrow(core, policyId, w);
  const body = bodyObject(ctx.body, false);
  for (const key of Object.keys(body)) {
    if (!['@odata.type', expressionKey(w), 'isAutoApplyEnabled'].includes(key)) throw badRequest('InvalidInclusionRuleCreateRequest', `The property '${key}' cannot be set on an inclusion rule.`);
  }
  if (body.isAutoApplyEnabled !== undefined && typeof body.isAutoApplyEnabled !== 'boolean') throw badRequest('InvalidInclusionRuleCreateRequest', "'isAutoApplyEnabled' must be true or false.");
  const now = iso(ctx.nowMs);
  const record: RuleRecord = {
    workload: w.id, policyId: policy.policy.id, settlesAtMs: core.protection.resolveAt(ctx.nowMs),
    rule: {
      '@odata.type': ruleType(w), id: randomUUID(), status: 'active', isAutoApplyEnabled: body.isAutoApplyEnabled === true, error: null,
      [expressionKey(w)]: validExpression(w, body[expressionKey(w)]),
      createdBy: callerOf(ctx), createdDateTime: now, lastModifiedBy: callerOf(ctx), lastModifiedDateTime: now,
    },
  };
  core.protection.state.rules.push(record);
  core.commit();
  return created({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.inclusionRulesNav}/$entity`), ...present(ctx, record) });
}

function restart(core: EmulatorCore, ctx: RequestContext, record: RuleRecord, status: string): Reply {
  Object.assign(record.rule, { status, error: null, lastModifiedBy: callerOf(ctx), lastModifiedDateTime: iso(ctx.nowMs) });
  record.settlesAtMs = core.protection.resolveAt(ctx.nowMs);
  core.commit();
  return ok({ '@odata.context': contextUrl(ctx, 'microsoft.graph.protectionRuleBase'), ...present(ctx, record) });
}

const busy = (record: RuleRecord) => record.settlesAtMs !== undefined;

export function updateRule(core: EmulatorCore, ctx: RequestContext, w: Workload, policyId: string, id: string): Reply {
  allowOptions(ctx, 'rules', 'PATCH an inclusion rule');
  const record = ruleOrThrow(core, w, id, policyOrThrow(core, policyId, w).policy.id);
  const body = bodyObject(ctx.body, false);
  if ('isAutoApplyEnabled' in body) throw badRequest('InvalidProtectionRulePatchRequest', "The 'isAutoApplyEnabled' parameter can be supplied only when the rule is created.");
  if (!record.rule.isAutoApplyEnabled) throw badRequest('PatchNotAllowedForStaticRule', 'Patch operation is not allowed for a static rule.');
  if (record.deleting) throw new EmulatorError(422, 'InvalidProtectionRuleStatusForDynamicRuleEdit', 'The patch operation is not allowed in the deleteRequested state.');
  if (busy(record)) throw badRequest('InvalidProtectionRuleStatusForUpdation', 'Update operation is not allowed while the rule is being applied.');
  for (const key of Object.keys(body)) if (!['@odata.type', expressionKey(w)].includes(key)) throw badRequest('BadRequest', `The property '${key}' cannot be updated on an inclusion rule.`);
  record.rule[expressionKey(w)] = validExpression(w, body[expressionKey(w)]);
  return restart(core, ctx, record, 'updateRequested');
}

export function deleteRule(core: EmulatorCore, ctx: RequestContext, w: Workload, policyId: string, id: string): Reply {
  allowOptions(ctx, 'rules', 'DELETE an inclusion rule');
  const record = ruleOrThrow(core, w, id, policyOrThrow(core, policyId, w).policy.id);
  if (record.rule.isAutoApplyEnabled) throw new EmulatorError(422, 'InvalidProtectionRuleStatusForDynamicRuleDeletion', 'A dynamic rule is removed with deleteAndUnprotect.');
  if (busy(record)) throw badRequest('InvalidProtectionRuleStatusForDeletion', 'Delete operation is not allowed while the rule is being applied.');
  const rules = core.protection.state.rules;
  rules.splice(rules.indexOf(record), 1);
  core.commit();
  return noContent();
}

export function runRule(core: EmulatorCore, ctx: RequestContext, w: Workload, id: string, policyId?: string): Reply {
  allowOptions(ctx, 'rules', 'run');
  assertChangesAllowed(core);
  const record = ruleOrThrow(core, w, id, policyId && policyOrThrow(core, policyId, w).policy.id);
  if (record.rule.isAutoApplyEnabled) throw badRequest('RunNotAllowedForDynamicRule', 'Run operation is not allowed for a dynamic rule.');
  if (busy(record)) throw badRequest('ProtectionRuleActionNotAllowed', 'Invalid state to invoke the run action: the rule is being applied.');
  return restart(core, ctx, record, 'active');
}

export function deleteAndUnprotect(core: EmulatorCore, ctx: RequestContext, w: Workload, id: string, policyId?: string): Reply {
  allowOptions(ctx, 'rules', 'deleteAndUnprotect');
  assertChangesAllowed(core);
  const record = ruleOrThrow(core, w, id, policyId && policyOrThrow(core, policyId, w).policy.id);
  if (!record.rule.isAutoApplyEnabled || busy(record)) {
    throw new EmulatorError(422, 'InvalidProtectionRuleStatusForDynamicRuleDeleteAndUnprotectAll', 'Invalid state to invoke the deleteAndUnprotect action.');
  }
  for (const u of core.protection.unitsOf(record.policyId)) {
    if (u.unit.protectionSources === 'dynamicRule' && (u.unit.status === 'protected' || u.unit.status === 'protectRequested')) {
      requestUnit(u, 'unprotectRequested', ctx.nowMs, callerOf(ctx), core.protection.applyAt(ctx.nowMs));
    }
  }
  record.deleting = true;
  return restart(core, ctx, record, 'deleteRequested');
}
