// The Catalog implementation: the tenant's policies, units, restore points, search, browse trees and restore
// outcomes, all derived from the seed data. Everything is built once (units, indexes) or lazily and then cached
// (browse trees), and nothing depends on the wall clock except the anchor passed in.
import { workload } from '../../backup/model';
import type {
  BrowseQueryResponseItem, BrowseRequest, ProtectionPolicyBase, ProtectionUnit, RestorePoint, RestorePointSearchRequest,
  RestorePointSearchResponse, WorkloadId,
} from '../../backup/model';
import { browseTree, toResponseItem } from './browse';
import { buildBrowseTree, type BrowseTree } from './browseTree';
import { SITES } from './directory';
import { outcomeOf } from './outcomes';
import { buildPolicies } from './policies';
import { decodeRestorePointId, pointExists, pointTimes, restorePointOf, takePoints } from './restorePoints';
import { decodeSearchResponseId, searchRestorePoints } from './search';
import { Tenant } from './tenant';
import type { Catalog, RestoreOutcome } from './types';
import { buildRecord, buildUnits, resourceKey, resourceSeeds, type UnitRecord, type UnitSeed } from './units';

export class SeededCatalog implements Catalog {
  readonly tenant: Tenant;
  private readonly policyList: ProtectionPolicyBase[];
  private readonly trees = new Map<string, BrowseTree>();
  /** Directory resources by resourceKey of their id and of their address, per workload, built on first use. */
  private readonly resources = new Map<WorkloadId, Map<string, UnitSeed>>();

  /** @param anchorMs the moment the seeded tenant's history is laid out from (unit creation, deletions). */
  constructor(readonly anchorMs: number) {
    this.tenant = new Tenant(buildUnits(anchorMs));
    this.policyList = buildPolicies(anchorMs, (workload) => {
      const units = this.tenant.inWorkload(workload);
      const done = units.filter((r) => r.unit.status === 'protected' || r.unit.status === 'unprotected').length;
      return { total: units.length, completed: done, inProgress: units.length - done, failed: 0 };
    });
  }

  policies(): ProtectionPolicyBase[] {
    return this.policyList;
  }

  units(workload?: WorkloadId): ProtectionUnit[] {
    // Shared, cached entities: callers copy before they change anything.
    return this.tenant.units(workload);
  }

  unit(id: string): ProtectionUnit | undefined {
    return this.tenant.record(id)?.unit;
  }

  workloadOfUnit(id: string): WorkloadId | undefined {
    return this.tenant.record(id)?.workload;
  }

  unitByResource(workload: WorkloadId, resource: string): ProtectionUnit | undefined {
    return this.tenant.byResourceName(workload, resource)?.unit;
  }

  restorePoints(unitId: string, nowMs: number, query: { beforeMs?: number; afterMs?: number; order?: 'asc' | 'desc'; limit: number }): RestorePoint[] {
    const record = this.tenant.record(unitId);
    if (!record) return [];
    const times = pointTimes(record, nowMs, { beforeMs: query.beforeMs, afterMs: query.afterMs }, query.order ?? 'desc');
    return takePoints(times, query.limit).map((ms) => restorePointOf(unitId, ms));
  }

  restorePoint(id: string, nowMs: number): RestorePoint | undefined {
    const decoded = decodeRestorePointId(id);
    const record = decoded && this.tenant.record(decoded.unitId);
    if (!decoded || !record || !pointExists(record, decoded.ms, nowMs)) return undefined;
    return restorePointOf(record.unit.id, decoded.ms);
  }

  search(request: RestorePointSearchRequest, nowMs: number): RestorePointSearchResponse {
    return searchRestorePoints(this.tenant, request, nowMs);
  }

  searchResponse(searchResponseId: string): { restorePointId: string; unitId: string; hitCount: number } | undefined {
    const decoded = decodeSearchResponseId(searchResponseId);
    return decoded && this.tenant.record(decoded.unitId) ? decoded : undefined;
  }

  browse(unitId: string, restorePointId: string, request: BrowseRequest, page: { size: number; nextFetchToken?: string }):
    { items: BrowseQueryResponseItem[]; count: number; nextFetchToken?: string } {
    const tree = this.tree(unitId);
    if (!tree) return { items: [], count: 0 };
    return browseTree(tree, `${unitId}|${restorePointId}`, request, page);
  }

  browseItem(unitId: string, itemKey: string): BrowseQueryResponseItem | undefined {
    const node = this.tree(unitId)?.byKey.get(itemKey);
    return node && toResponseItem(node);
  }

  /** Path of a browse item below its site (`Shared Documents/Budgets`), for restoredItemPath and the like. */
  browseItemPath(unitId: string, itemKey: string): string | undefined {
    return this.tree(unitId)?.byKey.get(itemKey)?.path;
  }

  outcome(unitId: string): RestoreOutcome {
    const record = this.tenant.record(unitId);
    if (!record) throw new Error(`Unknown protection unit: ${unitId}`);
    return outcomeOf(record);
  }

  unitRecord(id: string): UnitRecord | undefined {
    return this.tenant.record(id);
  }

  resource(workload: WorkloadId, name: string): UnitSeed | undefined {
    let index = this.resources.get(workload);
    if (!index) {
      index = new Map();
      for (const seed of resourceSeeds(workload)) {
        index.set(resourceKey(workload, seed.resourceId), seed);
        index.set(resourceKey(workload, seed.address), seed);
      }
      this.resources.set(workload, index);
    }
    return index.get(resourceKey(workload, name));
  }

  addUnit(workload: WorkloadId, resourceId: string, id: string): UnitRecord | undefined {
    const seed = this.resource(workload, resourceId);
    if (!seed) return undefined;
    const record = buildRecord(seed, this.anchorMs);
    record.unit.id = id;
    this.tenant.add(record);
    return record;
  }

  /** The browse tree of a site or OneDrive unit, built on first use. Mailboxes have none. */
  tree(unitId: string): BrowseTree | undefined {
    const cached = this.trees.get(unitId);
    if (cached) return cached;
    const record = this.tenant.record(unitId);
    if (!record || workload(record.workload).granularArtifacts.source !== 'browse') return undefined;
    const tree = buildBrowseTree(record, topicOf(record));
    this.trees.set(unitId, tree);
    return tree;
  }
}

function topicOf(record: UnitRecord) {
  if (workload(record.workload).contentHost === 'personalSites') return 'personal' as const;
  return SITES.find((s) => (s.path || 'root') === record.key)?.topic ?? 'general';
}
