// Restore sessions: list, get, create, change artifacts, delete, activate — one code path for the three
// workloads, driven by the workload table.
import { GraphError, type GraphClient, type GraphPage, type GraphResponse } from '../../graph';
import type { DeltaItemFailure, RestoreArtifact, RestoreSession, RestoreSessionBase, RestoreSessionStatus, Workload } from '../model';
import { chunk, LIMITS } from '../model';
import { granularArtifactBody, removalBody, standardArtifactBody } from './bodies';
import type { ArtifactChangeInput, ArtifactKind, CreateSessionInput, GranularArtifactInput, SessionListQuery, StandardArtifactInput } from './inputs';
import { odataString, paths } from './paths';
import { readArtifactsOfSessions, readSession, type SessionRead } from './sessionRead';

/** Result of one logical artifact change, possibly sent as several PATCH requests of at most 50 items. */
export interface ArtifactChangeResult {
  added: RestoreArtifact[];
  removed: string[];
  /** Per-item failures the service reported inside its 200 responses; never swallowed. */
  failures: DeltaItemFailure[];
  requests: number;
}

export class SessionsApi {
  constructor(private readonly client: GraphClient) {}

  /** Pages of one workload's sessions (or of every workload's when `workload` is omitted), newest first by default. */
  list(workload: Workload | undefined, query: SessionListQuery = {}): AsyncGenerator<GraphPage<RestoreSession>> {
    const path = workload ? paths.workloadSessions(workload) : paths.restoreSessions();
    return this.client.pages<RestoreSession>(path, { query: listQuery(query), signal: query.signal });
  }

  async get(workload: Workload | undefined, id: string, signal?: AbortSignal): Promise<GraphResponse<RestoreSession>> {
    const path = workload ? paths.workloadSession(workload, id) : paths.restoreSession(id);
    return this.client.get<RestoreSession>(path, { signal });
  }

  /** A session of a workload; with `{ contents: true }` also its artifacts and bulk addition requests, read in parallel. */
  read(workload: Workload, id: string, options: { contents?: boolean; signal?: AbortSignal } = {}): Promise<SessionRead> {
    return readSession(this.client, workload, id, options);
  }

  /** The page after `nextLink` (a continuation link the service sent with an earlier page). */
  async nextPage(nextLink: string, signal?: AbortSignal): Promise<GraphPage<RestoreSession> | undefined> {
    const pages = this.client.pages<RestoreSession>(nextLink, { signal });
    const next = await pages.next();
    await pages.return(undefined);
    return next.done ? undefined : next.value;
  }

  /** The first page of artifacts of each of many sessions, in `$batch` calls of at most 20 sub-requests. */
  artifactsOfMany(workload: Workload, sessionIds: readonly string[], kind: ArtifactKind, signal?: AbortSignal): Promise<Map<string, RestoreArtifact[]>> {
    return readArtifactsOfSessions(this.client, workload, sessionIds, kind, signal);
  }

  /**
   * Creates a draft session. With no artifacts this is the documented empty POST (used before adding a bulk
   * addition request). Standard and granular artifacts cannot be mixed; more than 50 are not accepted in one
   * create, so larger plans create with the first 50 and add the rest with `changeArtifacts`.
   */
  async create(workload: Workload, input: CreateSessionInput = {}, signal?: AbortSignal): Promise<GraphResponse<RestoreSession>> {
    const body: Record<string, unknown> = {};
    if (input.standard?.length) body[workload.standardArtifacts.nav] = input.standard.map(standardArtifactBody);
    if (input.granular?.length) body[workload.granularArtifacts.nav] = input.granular.map((g) => granularArtifactBody(workload, g));
    return this.client.post<RestoreSession>(paths.workloadSessions(workload), { body, signal });
  }

  /**
   * Creates a draft holding any number of artifacts of one kind: the first 50 go in the create, the rest are
   * added with PATCH requests of at most 50. Per-item failures of those PATCHes are returned, not thrown: the
   * draft exists by then, and the caller says what was left out.
   */
  async createWith(
    workload: Workload, kind: ArtifactKind, items: readonly (StandardArtifactInput | GranularArtifactInput)[], signal?: AbortSignal,
  ): Promise<{ session: RestoreSession; failures: DeltaItemFailure[]; requests: number }> {
    const [first = [], ...rest] = chunk(items, LIMITS.artifactsPerRequest);
    const { body: session } = await this.create(workload, kind === 'standard' ? { standard: first as StandardArtifactInput[] } : { granular: first as GranularArtifactInput[] }, signal);
    if (!rest.length) return { session, failures: [], requests: 1 };
    const change = await this.changeArtifacts(workload, session.id, { kind, add: rest.flat() }, signal);
    return { session, failures: change.failures, requests: 1 + change.requests };
  }

  /** Adds and removes artifacts of a draft session with `<nav>@delta`, in requests of at most 50 items. */
  async changeArtifacts(workload: Workload, sessionId: string, change: ArtifactChangeInput, signal?: AbortSignal): Promise<ArtifactChangeResult> {
    const nav = change.kind === 'standard' ? workload.standardArtifacts.nav : workload.granularArtifacts.nav;
    const entries = [
      ...(change.add ?? []).map((item) =>
        change.kind === 'standard' ? standardArtifactBody(item as never) : granularArtifactBody(workload, item as never),
      ),
      ...(change.remove ?? []).map(removalBody),
    ];
    const result: ArtifactChangeResult = { added: [], removed: [], failures: [], requests: 0 };
    for (const part of chunk(entries, LIMITS.artifactsPerRequest)) {
      const response = await this.client.patch<Record<string, unknown> | undefined>(paths.workloadSession(workload, sessionId), {
        body: { [`${nav}@delta`]: part },
        signal,
      });
      result.requests++;
      collectDelta(response.body?.[`${nav}@delta`], part, result);
    }
    return result;
  }

  async delete(id: string, signal?: AbortSignal): Promise<void> {
    await this.client.delete(paths.restoreSession(id), { signal });
  }

  /**
   * Activates a draft session. Never retried automatically: a repeated activation is not harmless. When the
   * answer is lost (timeout, dropped connection, cut-off body) the session is read back: if it left draft,
   * the activation was applied and that is the answer; if it is still a draft, the error stands and the
   * caller may safely try again.
   */
  async activate(id: string, signal?: AbortSignal): Promise<GraphResponse<RestoreSessionBase>> {
    try {
      return await this.client.post<RestoreSessionBase>(paths.activate(id), { signal });
    } catch (error) {
      if (!(error instanceof GraphError) || !['timeout', 'network', 'parse'].includes(error.kind)) throw error;
      const after = await this.get(undefined, id, signal).catch(() => undefined);
      if (after && after.body.status !== 'draft') return after;
      throw error;
    }
  }

  /** Only the first page of `list` (one request). */
  async firstPage(workload: Workload | undefined, query: SessionListQuery = {}): Promise<GraphPage<RestoreSession> | undefined> {
    const pages = this.list(workload, query);
    const first = await pages.next();
    await pages.return(undefined);
    return first.done ? undefined : first.value;
  }

  /** How many sessions (of one workload, or all) have one of these statuses, from `$count`. */
  async count(workload: Workload | undefined, statuses: RestoreSessionStatus[], signal?: AbortSignal): Promise<number> {
    return (await this.firstPage(workload, { statuses, top: 1, count: true, signal }))?.count ?? 0;
  }

  /** Reads many sessions in as few round trips as `$batch` allows; missing sessions come back as `undefined`. */
  async getMany(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, RestoreSession | undefined>> {
    const responses = await this.client.batch(
      ids.map((id, index) => ({ id: String(index), method: 'GET', url: paths.restoreSession(id) })),
      { signal },
    );
    const result = new Map<string, RestoreSession | undefined>();
    for (const response of responses) {
      const id = ids[Number(response.id)];
      result.set(id, response.status === 200 ? (response.body as RestoreSession) : undefined);
    }
    return result;
  }
}

function listQuery(query: SessionListQuery): Record<string, string | number | boolean | undefined> {
  const filters: string[] = [];
  if (query.statuses?.length === 1) filters.push(`status eq ${odataString(query.statuses[0])}`);
  else if (query.statuses?.length) filters.push(`status in (${query.statuses.map(odataString).join(',')})`);
  if (query.createdAfter) filters.push(`createdDateTime ge ${query.createdAfter.toISOString()}`);
  if (query.createdBefore) filters.push(`createdDateTime le ${query.createdBefore.toISOString()}`);
  return {
    $top: query.top,
    $filter: filters.length ? filters.join(' and ') : undefined,
    $orderby: `createdDateTime ${query.order ?? 'desc'}`,
    $count: query.count ? true : undefined,
  };
}

/**
 * Sorts the echoed `@delta` array into added artifacts, removed ids and per-item failures. Removals are
 * echoed only for granular sessions, so a removal counts as done unless the echo reports it failed.
 */
function collectDelta(echo: unknown, sent: Record<string, unknown>[], into: ArtifactChangeResult): void {
  const items = Array.isArray(echo) ? (echo as Record<string, unknown>[]) : [];
  const failed = new Set<string>();
  for (const item of items) {
    if (item['@Core.DataModificationException']) {
      into.failures.push(item as unknown as DeltaItemFailure);
      failed.add(String(item.id ?? item['@contentId']));
    } else if (!item['@removed']) {
      into.added.push(item as unknown as RestoreArtifact);
    }
  }
  for (const item of sent) {
    if ('@removed' in item && !failed.has(String(item.id))) into.removed.push(String(item.id));
  }
}
