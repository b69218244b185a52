// Turning names into protection units: a bulk addition job's rows (e-mail addresses, directory object ids, site
// URLs, site ids) and an inclusion rule's expression are resolved against the directory when they settle. Each
// row that names a resource no policy holds becomes a unit of the job's or rule's policy; the others are the
// failed rows, listed in the job's (or rule's) `error.details`, and the job or rule ends `completedWithErrors`
// (docs: "If any failures occur, the status of the job is completedWithErrors").
import type { IdentitySet, PublicError, PublicErrorDetail, Workload } from '../../backup/model';
import { workload as workloadOf } from '../../backup/model';
import { iso } from '../service/records';
import type { PolicyRecord } from './types';
import type { ProtectionStore } from './store';

/** The rule property holding the expression: `mailboxExpression`, `siteExpression`, `driveExpression`. */
export const expressionKey = (w: Workload) => `${w.protectionUnits.nav.replace(/ProtectionUnits$/, '')}Expression`;

export interface Resolution {
  added: number;
  failed: PublicErrorDetail[];
}

/** Adds a unit to `policy` for each name; names that are unknown or already protected come back as failures. */
export function protectNames(store: ProtectionStore, policy: PolicyRecord, names: readonly string[], source: string, nowMs: number, by: IdentitySet): Resolution {
  const w = workloadOf(policy.workload);
  const result: Resolution = { added: 0, failed: [] };
  const seen = new Set<string>();
  for (const name of names) {
    const seed = store.resource(policy.workload, name);
    if (!seed) {
      result.failed.push({ code: 'ProtectionUnitNotFound', message: `No ${w.unitLabel} '${name}' was found in the directory.`, target: name });
      continue;
    }
    const holder = store.holder(policy.workload, seed.resourceId);
    if (holder || seen.has(seed.resourceId)) {
      const where = holder ? `policy ${holder.unit.policyId}` : 'this request';
      result.failed.push({ code: 'ProtectionUnitAlreadyExists', message: `${seed.label} is not eligible for protection because it is already protected under ${where}.`, target: name });
      continue;
    }
    seen.add(seed.resourceId);
    const enabled = policy.policy.isEnabled === true;
    store.addUnit(policy, seed, enabled ? 'protectRequested' : 'unprotected', source, nowMs, by, enabled ? store.applyAt(nowMs) : undefined);
    result.added++;
  }
  return result;
}

export function failureError(failed: readonly PublicErrorDetail[], total: number, what: string): PublicError | null {
  if (failed.length === 0) return null;
  return { code: 'ResourceResolutionFailed', message: `${failed.length} of ${total} ${what} could not be added.`, details: [...failed] };
}

/** Values between single quotes in a rule expression: the ids, addresses or URLs it names. */
export function expressionValues(expression: string): string[] {
  return [...expression.matchAll(/'([^']*)'/g)].map((m) => m[1]).filter((v) => v.trim() !== '');
}

export function settleRules(store: ProtectionStore, nowMs: number): number {
  let settled = 0;
  for (const record of [...store.state.rules]) {
    if (record.settlesAtMs === undefined || record.settlesAtMs > nowMs) continue;
    const at = record.settlesAtMs;
    delete record.settlesAtMs;
    settled++;
    if (record.deleting) {
      store.state.rules.splice(store.state.rules.indexOf(record), 1);
      continue;
    }
    const policy = store.policy(record.policyId);
    const w = workloadOf(record.workload);
    const names = expressionValues(String(record.rule[expressionKey(w)] ?? ''));
    const by = record.rule.lastModifiedBy ?? {};
    const result = policy ? protectNames(store, policy, names, record.rule.isAutoApplyEnabled ? 'dynamicRule' : 'manual', at, by) : { added: 0, failed: [] };
    record.rule.status = result.failed.length ? 'completedWithErrors' : 'completed';
    record.rule.error = failureError(result.failed, names.length, 'resources of the expression');
    record.rule.lastModifiedDateTime = iso(at);
  }
  return settled;
}

export function settleJobs(store: ProtectionStore, nowMs: number): number {
  let settled = 0;
  for (const record of store.state.jobs) {
    if (record.settlesAtMs === undefined || record.settlesAtMs > nowMs) continue;
    const at = record.settlesAtMs;
    delete record.settlesAtMs;
    settled++;
    const policy = store.policy(record.policyId);
    const names = jobRows(record.job);
    const result = policy ? protectNames(store, policy, names, 'manual', at, record.job.createdBy ?? {}) : { added: 0, failed: [] };
    record.job.status = result.failed.length ? 'completedWithErrors' : 'completed';
    record.job.error = failureError(result.failed, names.length, 'rows');
    record.job.lastModifiedDateTime = iso(at);
  }
  return settled;
}

/** Every row of a job, whatever list it came in (mailboxes / drives / siteWebUrls and the id lists). */
export function jobRows(job: Record<string, unknown>): string[] {
  return ['mailboxes', 'drives', 'siteWebUrls', 'directoryObjectIds', 'siteIds'].flatMap((key) => (Array.isArray(job[key]) ? job[key] as string[] : []));
}
