// A session's contents: standard and granular artifacts, and bulk addition requests.
import type { GraphClient, GraphPage, GraphResponse } from '../../graph';
import type { RestoreArtifact, RestoreArtifactsBulkAdditionRequest, Workload } from '../model';
import type { ArtifactKind, BulkRequestInput } from './inputs';
import { OptionSupport, refusedOption } from './optionSupport';
import { paths } from './paths';

export class ArtifactsApi {
  constructor(private readonly client: GraphClient, private readonly support: OptionSupport = new OptionSupport()) {}

  /**
   * Pages of a session's standard or granular artifacts. Granular lists accept no query options (documented);
   * standard ones are asked for a page size only while the service has not refused `$top` there.
   */
  async *list(workload: Workload, sessionId: string, kind: ArtifactKind, options: { top?: number; signal?: AbortSignal } = {}): AsyncGenerator<GraphPage<RestoreArtifact>> {
    const nav = kind === 'standard' ? workload.standardArtifacts.nav : workload.granularArtifacts.nav;
    const sized = kind === 'standard' && options.top !== undefined && this.support.supports(nav, '$top');
    const pages = this.client.pages<RestoreArtifact>(paths.navigation(workload, sessionId, nav), { query: sized ? { $top: options.top } : undefined, signal: options.signal });
    let first: IteratorResult<GraphPage<RestoreArtifact>>;
    try {
      first = await pages.next();
    } catch (error) {
      if (!sized || !refusedOption(error, ['$top'])) throw error;
      this.support.drop(nav, '$top', 'refused');
      yield* this.list(workload, sessionId, kind, options);
      return;
    }
    if (first.done) return;
    yield first.value;
    yield* pages;
  }

  /** Every artifact of one kind, following paging. */
  async listAll(workload: Workload, sessionId: string, kind: ArtifactKind, signal?: AbortSignal): Promise<RestoreArtifact[]> {
    const items: RestoreArtifact[] = [];
    for await (const page of this.list(workload, sessionId, kind, { signal })) items.push(...page.items);
    return items;
  }

  async get(workload: Workload, sessionId: string, kind: ArtifactKind, artifactId: string, signal?: AbortSignal): Promise<GraphResponse<RestoreArtifact>> {
    const nav = kind === 'standard' ? workload.standardArtifacts.nav : workload.granularArtifacts.nav;
    return this.client.get<RestoreArtifact>(paths.navigationItem(workload, sessionId, nav, artifactId), { signal });
  }

  /** Bulk addition requests of a session (not paginated, no query options; big resource lists come back empty). */
  async listBulkRequests(workload: Workload, sessionId: string, signal?: AbortSignal): Promise<RestoreArtifactsBulkAdditionRequest[]> {
    return this.client.collectAll<RestoreArtifactsBulkAdditionRequest>(paths.navigation(workload, sessionId, workload.bulkRequests.nav), { signal });
  }

  async getBulkRequest(workload: Workload, sessionId: string, requestId: string, signal?: AbortSignal): Promise<GraphResponse<RestoreArtifactsBulkAdditionRequest>> {
    return this.client.get(paths.navigationItem(workload, sessionId, workload.bulkRequests.nav, requestId), { signal });
  }

  /** Attaches a bulk addition request to an empty draft session; artifacts materialise when the session is activated. */
  async createBulkRequest(workload: Workload, sessionId: string, input: BulkRequestInput, signal?: AbortSignal): Promise<GraphResponse<RestoreArtifactsBulkAdditionRequest>> {
    const spec = workload.bulkRequests;
    const body: Record<string, unknown> = {
      displayName: input.displayName,
      destinationType: input.destinationType,
      protectionTimePeriod: input.protectionTimePeriod,
      restorePointPreference: input.restorePointPreference,
      tags: input.tags,
    };
    if (input.resources?.length) body[spec.resourceField] = input.resources;
    if (input.resourceIds?.length) body[spec.idField] = input.resourceIds;
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    return this.client.post(paths.navigation(workload, sessionId, spec.nav), { body, signal });
  }

  async deleteBulkRequest(workload: Workload, sessionId: string, requestId: string, signal?: AbortSignal): Promise<void> {
    await this.client.delete(paths.navigationItem(workload, sessionId, workload.bulkRequests.nav, requestId), { signal });
  }
}
