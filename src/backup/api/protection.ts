// Reading what Backup Storage protects, for the Protection view: the service's status, each workload's policies,
// the units of a policy, and a unit's restore points over a time range. `GET /restorePoints` answers at most five
// points per request (it requires `$expand` naming the unit and a `$filter` on protectionDateTime), so a range is
// read as pages of five, oldest first, each page asking for the points after the newest one already read.
import type { GraphClient } from '../../graph';
import type { ProtectionPolicyBase, ProtectionUnit, RestorePoint, ServiceStatus, Workload } from '../model';
import { LIMITS } from '../model';
import { odataString, paths } from './paths';

/** A time range `[fromMs, toMs]`, both ends included. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export class ProtectionApi {
  constructor(private readonly client: GraphClient) {}

  /** The service's status: on, off, locked, and the dates of a grace period. */
  async serviceStatus(signal?: AbortSignal): Promise<ServiceStatus | undefined> {
    const { body } = await this.client.get<{ serviceStatus?: ServiceStatus | null }>(paths.serviceRoot(), { signal });
    return body.serviceStatus ?? undefined;
  }

  /** The protection policies of one workload, following paging. */
  async policies(workload: Workload, signal?: AbortSignal): Promise<ProtectionPolicyBase[]> {
    return this.client.collectAll<ProtectionPolicyBase>(paths.workloadPolicies(workload), { signal });
  }

  /** The units one policy protects (or protected), following paging. */
  async policyUnits(workload: Workload, policyId: string, signal?: AbortSignal): Promise<ProtectionUnit[]> {
    return this.client.collectAll<ProtectionUnit>(paths.policyUnits(workload, policyId), { signal });
  }

  /**
   * Pages of a unit's restore points inside the range, oldest first. Each page is one request of at most five
   * points; the next one starts after the last point of the page, until a page comes back short.
   */
  async *restorePointPages(unitId: string, range: TimeRange, signal?: AbortSignal): AsyncGenerator<RestorePoint[]> {
    let after = new Date(range.fromMs - 1).toISOString();
    const until = new Date(range.toMs).toISOString();
    for (;;) {
      const { body } = await this.client.get<{ value: RestorePoint[] }>(paths.restorePoints(), {
        query: {
          $expand: `protectionUnit($filter=id eq ${odataString(unitId)})`,
          $filter: `protectionDateTime gt ${after} and protectionDateTime le ${until}`,
          $orderby: 'protectionDateTime asc',
        },
        signal,
      });
      const page = body.value.slice(0, LIMITS.restorePointListMax);
      if (page.length) yield page;
      const last = Date.parse(page[page.length - 1]?.protectionDateTime ?? '');
      if (page.length < LIMITS.restorePointListMax || !(last > Date.parse(after))) return;
      after = new Date(last).toISOString();
    }
  }

  /** Every restore point of the unit inside the range, oldest first. */
  async restorePointsIn(unitId: string, range: TimeRange, signal?: AbortSignal): Promise<RestorePoint[]> {
    const points: RestorePoint[] = [];
    for await (const page of this.restorePointPages(unitId, range, signal)) points.push(...page);
    return points;
  }
}
