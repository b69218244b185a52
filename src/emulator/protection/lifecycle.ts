// The protection lifecycles, moved on by the clock like restore sessions (service/lifecycle.ts): a requested
// change records when it takes effect, and `settleProtection` applies every change whose time has come, in time
// order, so reading at the same time twice gives the same answer. Sources (docs/fidelity.md lists them):
// - unit: protectRequested → protected, unprotectRequested → unprotected, removeRequested → unprotected (the unit
//   stays, so it can still be offboarded and its restore points stay until they age out), offboardRequested →
//   offboarded, cancelOffboardRequested → unprotected (graph-backup-api.md §4.6, protectionUnitStatus values);
// - policy status aggregated from its units (§2.2 protectionPolicyStatus);
// - service app pendingActive → active at effectiveDateTime, pendingInactive → inactive (§4.6);
// - service protectionChangeLocked → restoreLocked after the 30-day grace period (§4.6);
// Rules and bulk jobs resolve names against the directory, so the store settles them (resolve.ts).
import type { IdentitySet, ProtectionPolicyStatus, ProtectionUnitStatus } from '../../backup/model';
import { iso } from '../service/records';
import type { PolicyRecord, ProtectionState, UnitState } from './types';

const MINUTE_MS = 60_000;
/** Docs: restore points of newly added units can take up to ~15 minutes (per 1,000 units) to appear. */
export const APPLY_MS = 15 * MINUTE_MS;
/** A bulk job or a rule resolves its rows within a few minutes (emulator choice; the docs give no figure). */
export const RESOLVE_MS = 5 * MINUTE_MS;
/** Grace period of a service locked for protection changes before restores lock too (§4.6: 30 days). */
export const GRACE_MS = 30 * 24 * 60 * MINUTE_MS;

const PENDING: readonly ProtectionUnitStatus[] = ['protectRequested', 'unprotectRequested', 'removeRequested', 'offboardRequested', 'cancelOffboardRequested'];
export const isPending = (status: ProtectionUnitStatus | null | undefined) => PENDING.includes(status ?? 'protected');

/** Units that count as protected by their policy: a resource in one of these states cannot join another policy. */
export const HOLDS_RESOURCE: readonly ProtectionUnitStatus[] = ['protectRequested', 'protected', 'unprotectRequested'];

/** Asks for a change: the unit shows the requested status now and settles at `settlesAtMs`. */
export function requestUnit(u: UnitState, status: ProtectionUnitStatus, nowMs: number, by: IdentitySet, settlesAtMs: number): void {
  u.unit.status = status;
  u.settlesAtMs = settlesAtMs;
  u.unit.lastModifiedBy = by;
  u.unit.lastModifiedDateTime = iso(nowMs);
}

function openWindow(u: UnitState, atMs: number): void {
  if (u.backupStartMs !== null && u.backupEndMs !== null) u.pastWindows.unshift({ startMs: u.backupStartMs, endMs: u.backupEndMs });
  u.backupStartMs = atMs;
  u.backupEndMs = null;
}

function closeWindow(u: UnitState, atMs: number): void {
  if (u.backupStartMs !== null && u.backupEndMs === null) u.backupEndMs = atMs;
}

const NEXT: Partial<Record<ProtectionUnitStatus, ProtectionUnitStatus>> = {
  protectRequested: 'protected',
  unprotectRequested: 'unprotected',
  removeRequested: 'unprotected',
  offboardRequested: 'offboarded',
  cancelOffboardRequested: 'unprotected',
};

function settleUnit(u: UnitState, nowMs: number): void {
  if (u.settlesAtMs === undefined || u.settlesAtMs > nowMs) return;
  const at = u.settlesAtMs;
  const next = NEXT[u.unit.status ?? 'protected'];
  delete u.settlesAtMs;
  if (!next) return;
  if (next === 'protected') openWindow(u, at);
  else closeWindow(u, at);
  u.unit.status = next;
  u.unit.lastModifiedDateTime = iso(at);
}

/**
 * The documented aggregation (inactive: all units unprotected; updating: units being changed; activeWithErrors:
 * some units failed; active). The docs give no precedence: here a failed unit shows before pending changes.
 */
export function policyStatus(policy: PolicyRecord, units: readonly UnitState[]): ProtectionPolicyStatus {
  const statuses = units.map((u) => u.unit.status);
  if (!policy.policy.isEnabled) return statuses.includes('unprotectRequested') ? 'updating' : 'inactive';
  if (units.some((u) => u.unit.error)) return 'activeWithErrors';
  if (statuses.some((s) => s === 'protectRequested' || s === 'unprotectRequested' || s === 'removeRequested')) return 'updating';
  return 'active';
}

function summarisePolicy(policy: PolicyRecord, units: readonly UnitState[]): void {
  policy.policy.status = policyStatus(policy, units);
  const failed = units.filter((u) => u.unit.error).length;
  const inProgress = units.filter((u) => isPending(u.unit.status)).length;
  policy.policy.protectionPolicyArtifactCount = { total: units.length, completed: units.length - inProgress - failed, inProgress, failed };
}

/** Brings everything to its state at `nowMs`. Returns true when anything changed (the caller then persists). */
export function settleProtection(state: ProtectionState, nowMs: number): boolean {
  let changed = false;
  for (const u of state.units) {
    if (u.settlesAtMs !== undefined && u.settlesAtMs <= nowMs) { settleUnit(u, nowMs); changed = true; }
  }
  for (const app of state.serviceApps) {
    const effective = Date.parse(app.effectiveDateTime ?? '');
    if ((app.status === 'pendingActive' || app.status === 'pendingInactive') && effective <= nowMs) {
      app.status = app.status === 'pendingActive' ? 'active' : 'inactive';
      app.lastModifiedDateTime = iso(effective);
      changed = true;
    }
  }
  const service = state.service;
  const grace = Date.parse(service.gracePeriodDateTime ?? '');
  if (service.status === 'protectionChangeLocked' && grace <= nowMs) {
    service.status = 'restoreLocked';
    service.lastModifiedDateTime = iso(grace);
    changed = true;
  }
  const byPolicy = new Map<string, UnitState[]>();
  for (const u of state.units) {
    const key = u.unit.policyId ?? '';
    const list = byPolicy.get(key);
    if (list) list.push(u);
    else byPolicy.set(key, [u]);
  }
  for (const policy of state.policies) summarisePolicy(policy, byPolicy.get(policy.policy.id) ?? []);
  return changed;
}
