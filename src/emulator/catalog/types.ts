// What the emulator knows about the tenant besides restore sessions: protection policies and units, restore
// points (computed on demand from the documented cadence, never stored one by one), restore-point search,
// browse sessions' item trees, and the deterministic outcome of restoring each unit. The service layer
// (routes, store, lifecycle) reads the tenant only through this interface.
import type {
  BrowseQueryResponseItem, BrowseRequest, ProtectionPolicyBase, ProtectionUnit, PublicError, RestorePoint,
  RestorePointSearchRequest, RestorePointSearchResponse, WorkloadId,
} from '../../backup/model';
import type { UnitRecord, UnitSeed } from './units';

export type SeedName = 'demo' | 'empty';

/** How restoring one protection unit ends; the same unit always ends the same way, so tests are reproducible. */
export interface RestoreOutcome {
  succeeds: boolean;
  /** Filled when `succeeds` is false: a documented artifact error code (`ArtifactCannotBeRestored`, …). */
  error?: PublicError;
  /** Simulated seconds from `inProgress` to terminal, before time scaling. */
  durationSeconds: number;
  /** For mailboxes: items restored. */
  restoredItemCount?: number;
}

export interface Catalog {
  policies(): ProtectionPolicyBase[];
  /** Units with `@odata.type`, in a stable order; all workloads when `workload` is omitted. */
  units(workload?: WorkloadId): ProtectionUnit[];
  unit(id: string): ProtectionUnit | undefined;
  workloadOfUnit(id: string): WorkloadId | undefined;
  /** Finds a unit by its resource: SMTP address / owner e-mail / site URL, or directory object id / site id. */
  unitByResource(workload: WorkloadId, resource: string): ProtectionUnit | undefined;

  /**
   * Restore points of one unit taken at or before `beforeMs` (and after `afterMs` when given), newest first
   * unless `order` is `asc`, at most `limit`. Points exist every 10 minutes for the last 14 days, then weekly
   * up to a year, relative to `nowMs`.
   */
  restorePoints(unitId: string, nowMs: number, query: { beforeMs?: number; afterMs?: number; order?: 'asc' | 'desc'; limit: number }): RestorePoint[];
  /** Resolves an opaque restore point id (valid only while the point exists at `nowMs`). */
  restorePoint(id: string, nowMs: number): RestorePoint | undefined;
  /** `POST /restorePoints/search`. Throws EmulatorError (400 `InvalidSearchRequest`, `InvalidProtectionUnitId`) on bad input. */
  search(request: RestorePointSearchRequest, nowMs: number): RestorePointSearchResponse;
  /** The restore point a granular mailbox search response refers to, if `searchResponseId` is known. */
  searchResponse(searchResponseId: string): { restorePointId: string; unitId: string; hitCount: number } | undefined;

  /**
   * One page of `browse` for a browse session of `unitId` at restore point `restorePointId`. `nextFetchToken` is
   * opaque; `undefined` in the result means the last page.
   */
  browse(unitId: string, restorePointId: string, request: BrowseRequest, page: { size: number; nextFetchToken?: string }):
    { items: BrowseQueryResponseItem[]; count: number; nextFetchToken?: string };
  /** Resolves an item key from browse (for granular artifacts); undefined when unknown. */
  browseItem(unitId: string, itemKey: string): BrowseQueryResponseItem | undefined;

  outcome(unitId: string): RestoreOutcome;

  /** The unit's mutable record: the protection state writes its status and backup windows here. */
  unitRecord(id: string): UnitRecord | undefined;
  /** A directory resource a policy could protect, by directoryObjectId / siteId or e-mail / site URL. */
  resource(workload: WorkloadId, name: string): UnitSeed | undefined;
  /** Adds a unit with id `id` for a directory resource (see `resource`); undefined when there is no such resource. */
  addUnit(workload: WorkloadId, resourceId: string, id: string): UnitRecord | undefined;
}
