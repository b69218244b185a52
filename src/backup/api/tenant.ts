// What restores are made from: protection policies and units, restore points and their search, and browse
// sessions for picking SharePoint / OneDrive items.
import type { GraphClient, GraphPage, GraphResponse } from '../../graph';
import type {
  BackupRestoreRoot, BrowseQueryResponseItem, BrowseRequest, BrowseSessionBase, ProtectionPolicyBase, ProtectionUnit,
  RestorePoint, RestorePointSearchRequest, RestorePointSearchResponse, Workload,
} from '../model';
import { LIMITS } from '../model';
import { OptionSupport, refusedOption } from './optionSupport';
import { odataString, paths } from './paths';
import { stringFieldOf } from '../model';

/** `$batch` calls of restore points' units in flight at once (each holds 20 reads): enough that the units of a
 * first page of 50 sessions (up to 300 restore points) go in one wave rather than two. */
const POINT_BATCHES_IN_FLIGHT = 16;

/** Where the connection remembers whether `$expand=protectionUnit` works on a single restore point. */
const POINT = 'restorePoints/{id}';

export class TenantApi {
  constructor(private readonly client: GraphClient, private readonly support: OptionSupport = new OptionSupport()) {}

  async serviceRoot(signal?: AbortSignal): Promise<GraphResponse<BackupRestoreRoot>> {
    return this.client.get<BackupRestoreRoot>(paths.serviceRoot(), { signal });
  }

  async policies(signal?: AbortSignal): Promise<ProtectionPolicyBase[]> {
    return this.client.collectAll<ProtectionPolicyBase>(paths.protectionPolicies(), { signal });
  }

  /** Every protection unit of one workload (or all), following paging. Display names need delegated permissions. */
  async units(workload?: Workload, signal?: AbortSignal): Promise<ProtectionUnit[]> {
    return this.client.collectAll<ProtectionUnit>(paths.protectionUnits(workload), { signal });
  }

  /**
   * Finds units by what a person types about them — unit id, directory object / site id, e-mail or site URL —
   * for checking rows of a bulk CSV before anything is sent. The service filters units by id, status and
   * policy only, so the workload's list is read once (paged) and indexed here; each call of the returned
   * function then answers a batch of values from that index without another request.
   */
  async unitLookup(workload: Workload, signal?: AbortSignal): Promise<(values: readonly string[]) => Promise<Map<string, ProtectionUnit>>> {
    const index = new Map<string, ProtectionUnit>();
    const key = (value: string) => value.trim().toLowerCase().replace(/\/+$/, '');
    for (const unit of await this.units(workload, signal)) {
      for (const field of ['id', workload.protectionUnits.resourceIdField, workload.protectionUnits.addressField]) {
        const value = stringFieldOf(unit, field);
        if (value) index.set(key(value), unit);
      }
    }
    return async (values) => new Map(values.flatMap((value) => {
      const unit = index.get(key(value));
      return unit ? [[value, unit] as const] : [];
    }));
  }

  async unit(id: string, signal?: AbortSignal): Promise<GraphResponse<ProtectionUnit>> {
    return this.client.get<ProtectionUnit>(paths.protectionUnit(id), { signal });
  }

  /**
   * Up to five restore points of one unit around a time. The service requires both `$expand` (naming the unit)
   * and `$filter` (on protectionDateTime); it returns at most five.
   */
  async restorePoints(unitId: string, around: { before?: Date; after?: Date; order?: 'asc' | 'desc' } = {}, signal?: AbortSignal): Promise<RestorePoint[]> {
    const filter = around.after
      ? `protectionDateTime gt ${around.after.toISOString()}`
      : `protectionDateTime lt ${(around.before ?? new Date()).toISOString()}`;
    const response = await this.client.get<{ value: RestorePoint[] }>(paths.restorePoints(), {
      query: {
        $expand: `protectionUnit($filter=id eq ${odataString(unitId)})`,
        $filter: filter,
        $orderby: `protectionDateTime ${around.order ?? (around.after ? 'asc' : 'desc')}`,
      },
      signal,
    });
    return response.body.value.slice(0, LIMITS.restorePointListMax);
  }

  /**
   * A restore point with its protection unit. No page documents `$expand` on a single point, so the unit is
   * asked for that way only while the service honours it, and read from the point's `protectionUnit`
   * navigation (the v1.0 metadata's) otherwise.
   */
  async restorePoint(id: string, signal?: AbortSignal): Promise<GraphResponse<RestorePoint>> {
    if (this.support.supports(POINT, '$expand')) {
      try {
        const expanded = await this.client.get<RestorePoint>(paths.restorePoint(id), { query: { $expand: 'protectionUnit' }, signal });
        if (expanded.body.protectionUnit) return expanded;
        this.support.drop(POINT, '$expand', 'ignored');
      } catch (error) {
        if (!refusedOption(error, ['$expand'])) throw error;
        this.support.drop(POINT, '$expand', 'refused');
      }
    }
    const point = await this.client.get<RestorePoint>(paths.restorePoint(id), { signal });
    const unit = await this.client.get<ProtectionUnit>(`${paths.restorePoint(id)}/protectionUnit`, { signal }).catch(() => undefined);
    return unit ? { ...point, body: { ...point.body, protectionUnit: unit.body } } : point;
  }

  /**
   * The protection unit of each restore point. Artifacts carry their restore point inline without its unit, so
   * naming what an artifact restores takes one `$batch` of `restorePoints/{id}/protectionUnit` (the CSDL's
   * navigation, no query option to be refused) per 20 points. Unknown or expired points are left out.
   */
  async unitsOfRestorePoints(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, ProtectionUnit>> {
    const unique = [...new Set(ids)];
    const responses = await this.client.batch(
      unique.map((id, index) => ({ id: String(index), method: 'GET', url: `${paths.restorePoint(id)}/protectionUnit` })),
      // Reads only, named for a view that waits on them: a few more calls in flight than the default.
      { signal, concurrency: POINT_BATCHES_IN_FLIGHT },
    );
    const units = new Map<string, ProtectionUnit>();
    for (const response of responses) {
      if (response.status === 200 && response.body) units.set(unique[Number(response.id)], response.body as ProtectionUnit);
    }
    return units;
  }

  /**
   * `restorePoints/search` for any number of units: the service takes at most 20 per call, so larger lists are
   * sent as several searches and merged. The action only reads, so it is safe to retry.
   */
  async search(request: RestorePointSearchRequest, signal?: AbortSignal): Promise<RestorePointSearchResponse> {
    const perCall = request.artifactQuery ? LIMITS.restorePointSearchUnitsWithQuery : LIMITS.restorePointSearchUnits;
    const merged: RestorePointSearchResponse = { searchResults: [], noResultProtectionUnitIds: [] };
    for (let i = 0; i < request.protectionUnitIds.length || i === 0; i += perCall) {
      const ids = request.protectionUnitIds.slice(i, i + perCall);
      const response = await this.client.post<RestorePointSearchResponse>(paths.restorePointSearch(), {
        body: { ...request, protectionUnitIds: ids },
        idempotent: true,
        signal,
      });
      merged.searchResults!.push(...(response.body.searchResults ?? []));
      merged.noResultProtectionUnitIds!.push(...(response.body.noResultProtectionUnitIds ?? []));
      merged.searchResponseId = response.body.searchResponseId ?? merged.searchResponseId;
      if (ids.length === 0) break;
    }
    return merged;
  }

  /** Starts a browse session on a fast-restore point (SharePoint and OneDrive only). */
  async createBrowseSession(workload: Workload, restorePointId: string, signal?: AbortSignal): Promise<GraphResponse<BrowseSessionBase>> {
    return this.client.post<BrowseSessionBase>(paths.browseSessions(browseCollection(workload)), { body: { restorePointId }, signal });
  }

  async getBrowseSession(workload: Workload, id: string, signal?: AbortSignal): Promise<GraphResponse<BrowseSessionBase>> {
    return this.client.get<BrowseSessionBase>(paths.browseSession(browseCollection(workload), id), { signal });
  }

  /** Pages of items under a location of a browse session (`{}` = the top-level locations). */
  async *browse(workload: Workload, browseSessionId: string, request: BrowseRequest = {}, signal?: AbortSignal): AsyncGenerator<GraphPage<BrowseQueryResponseItem>> {
    const first = await this.client.post<{ value: BrowseQueryResponseItem[]; '@odata.nextLink'?: string; '@odata.count'?: number }>(
      paths.browse(browseCollection(workload), browseSessionId),
      { body: request, idempotent: true, signal },
    );
    yield { items: first.body.value, nextLink: first.body['@odata.nextLink'], count: first.body['@odata.count'], response: first };
    if (first.body['@odata.nextLink']) yield* this.client.pages<BrowseQueryResponseItem>(first.body['@odata.nextLink'], { signal });
  }
}

function browseCollection(workload: Workload): string {
  if (!workload.browseSessions) throw new TypeError(`${workload.label} has no browse sessions; granular ${workload.label} restores use a restore point search.`);
  return workload.browseSessions.nav;
}
