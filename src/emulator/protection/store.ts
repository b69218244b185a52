// The protection state in memory, bound to the catalog: every unit of the state shares its entity with the
// catalog's unit record, and its backup windows are copied onto that record, so restore points, search, browse
// and restores (which all read the catalog) follow what policies did to the unit. Units the API adds get a new
// catalog record built from the directory resource they protect.
import { randomUUID } from 'node:crypto';
import type { IdentitySet, ProtectionUnitStatus, Workload, WorkloadId } from '../../backup/model';
import { odataType, workload as workloadOf } from '../../backup/model';
import type { Catalog } from '../catalog/types';
import type { UnitSeed } from '../catalog/units';
import { iso } from '../service/records';
import { APPLY_MS, HOLDS_RESOURCE, RESOLVE_MS, settleProtection } from './lifecycle';
import { settleJobs, settleRules } from './resolve';
import type { PolicyRecord, ProtectionState, UnitState } from './types';

/** "Never requested", as the documented unit examples show it. */
export const NEVER = '0001-01-01T00:00:00Z';

export class ProtectionStore {
  /** @param timeScale shortens the time a requested change takes, as it shortens restores (service/lifecycle.ts). */
  constructor(public state: ProtectionState, private catalog: Catalog, private readonly timeScale = 1) {
    this.bindAll();
  }

  /** When a unit change requested at `nowMs` takes effect: the documented ~15 minutes, scaled. */
  applyAt(nowMs: number): number {
    return nowMs + APPLY_MS / this.timeScale;
  }

  /** When a rule or bulk job started at `nowMs` has resolved its rows, scaled. */
  resolveAt(nowMs: number): number {
    return nowMs + RESOLVE_MS / this.timeScale;
  }

  /** Takes a new state (reset or load) and the catalog it belongs to. */
  replace(state: ProtectionState, catalog: Catalog): void {
    this.state = state;
    this.catalog = catalog;
    this.bindAll();
  }

  /** Applies every change due at `nowMs`; true when something changed. */
  settle(nowMs: number): boolean {
    const resolved = settleRules(this, nowMs) + settleJobs(this, nowMs);
    const changed = settleProtection(this.state, nowMs) || resolved > 0;
    for (const u of this.state.units) this.sync(u);
    return changed;
  }

  policies(w?: Workload): PolicyRecord[] {
    return w ? this.state.policies.filter((p) => p.workload === w.id) : this.state.policies;
  }

  policy(id: string, w?: Workload): PolicyRecord | undefined {
    return this.policies(w).find((p) => p.policy.id.toLowerCase() === id.toLowerCase());
  }

  unitsOf(policyId: string): UnitState[] {
    return this.state.units.filter((u) => u.unit.policyId === policyId);
  }

  unit(id: string): UnitState | undefined {
    return this.state.units.find((u) => u.unit.id.toLowerCase() === id.toLowerCase());
  }

  resource(workload: WorkloadId, name: string): UnitSeed | undefined {
    return this.catalog.resource(workload, name);
  }

  /** The unit that protects (or is about to protect) the resource, in any policy. */
  holder(workload: WorkloadId, resourceId: string): UnitState | undefined {
    return this.state.units.find((u) => u.workload === workload && u.resourceId === resourceId && HOLDS_RESOURCE.includes(u.unit.status ?? 'protected'));
  }

  /** A new unit of `policy` for a directory resource, in `status` (settling later when it is a request). */
  addUnit(policy: PolicyRecord, seed: UnitSeed, status: ProtectionUnitStatus, source: string, nowMs: number, by: IdentitySet, settlesAtMs?: number): UnitState {
    const id = randomUUID();
    const record = this.catalog.addUnit(policy.workload, seed.resourceId, id);
    if (!record) throw new Error(`The directory has no resource ${seed.resourceId}`);
    const unit = Object.assign(record.unit, {
      '@odata.type': odataType(workloadOf(policy.workload).protectionUnits.type),
      policyId: policy.policy.id,
      protectionSources: source,
      status,
      createdBy: by,
      createdDateTime: iso(nowMs),
      lastModifiedBy: by,
      lastModifiedDateTime: iso(nowMs),
      offboardRequestedDateTime: NEVER,
      error: null,
    });
    const state: UnitState = { workload: policy.workload, resourceId: seed.resourceId, unit, backupStartMs: null, backupEndMs: null, pastWindows: [], settlesAtMs };
    this.state.units.push(state);
    this.sync(state);
    return state;
  }

  private bindAll(): void {
    for (const u of this.state.units) {
      const record = this.catalog.unitRecord(u.unit.id) ?? this.catalog.addUnit(u.workload, u.resourceId, u.unit.id);
      if (!record) continue;
      // One entity for both: what the state changes, the catalog (lists, restore points, restores) sees.
      u.unit = Object.assign(record.unit, u.unit);
      this.sync(u);
    }
  }

  private sync(u: UnitState): void {
    const record = this.catalog.unitRecord(u.unit.id);
    if (!record) return;
    record.backupStartMs = u.backupStartMs ?? Infinity;
    record.backupEndMs = u.backupEndMs ?? Infinity;
    record.pastWindows = u.pastWindows;
  }
}
