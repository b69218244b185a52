// Restore sessions: list, get, create, change artifacts, delete, activate — one code path for the three
// workloads, driven by the workload table.
import { batchItemError, GraphError, type GraphClient, type GraphResponse } from '../../graph';
import type { DeltaItemFailure, RestoreArtifact, RestoreSession, RestoreSessionBase, RestoreSessionStatus, Workload } from '../model';
import { chunk, LIMITS } from '../model';
import { granularArtifactBody, removalBody, standardArtifactBody } from './bodies';
import type { ArtifactChangeInput, ArtifactKind, CreateSessionInput, GranularArtifactInput, SessionListQuery, StandardArtifactInput } from './inputs';
import { OptionSupport } from './optionSupport';
import { paths } from './paths';
import { continuePage, listSessions, type Continuation, type SessionPage } from './sessionList';
import { readArtifactsOfSessions, readSession, type ReadOptions, type SessionRead } from './sessionRead';

/** Result of one logical artifact change, possibly sent as several PATCH requests of at most 50 items. */
export interface ArtifactChangeResult {
  added: RestoreArtifact[];
  removed: string[];
  /** Per-item failures the service reported inside its 200 responses; never swallowed. */
  failures: DeltaItemFailure[];
  requests: number;
}

export class SessionsApi {
  /** Continuation links handed out by `list`, with what their pages still need from this side. */
  private readonly continuations = new Map<string, Continuation>();
  /** The rest of pages the service made larger than asked, under links of this side's own. */
  private readonly buffered = new Map<string, { page: SessionPage; continuation: Continuation }>();
  private bufferedPages = 0;

  constructor(private readonly client: GraphClient, private readonly support: OptionSupport = new OptionSupport()) {}

  /**
   * Pages of one workload's sessions (or of every workload's when `workload` is omitted), newest first by
   * default when the service sorts them (`serverOrder` says when it did not); filtered whatever the service did
   * with `$filter` (sessionList.ts).
   */
  async *list(workload: Workload | undefined, query: SessionListQuery = {}): AsyncGenerator<SessionPage> {
    const path = workload ? paths.workloadSessions(workload) : paths.restoreSessions();
    const collection = workload ? workload.sessionCollection : 'restoreSessions';
    for await (const page of listSessions(this.client, this.support, collection, path, query)) {
      let part = this.sized(page, { collection, query });
      yield part;
      // A page larger than asked (`$top` not honoured) is handed out in parts of the asked size.
      while (part.nextLink !== undefined && this.buffered.has(part.nextLink)) {
        part = this.takeBuffered(part.nextLink);
        yield part;
      }
    }
  }

  async get(workload: Workload | undefined, id: string, signal?: AbortSignal): Promise<GraphResponse<RestoreSession>> {
    const path = workload ? paths.workloadSession(workload, id) : paths.restoreSession(id);
    return this.client.get<RestoreSession>(path, { signal });
  }

  /** A session of a workload; with `{ contents: true }` also its artifacts and bulk addition requests, read in parallel. */
  read(workload: Workload, id: string, options: ReadOptions = {}): Promise<SessionRead> {
    return readSession(this.client, workload, id, options);
  }

  /** The page after `nextLink` (a continuation link the service sent with an earlier page). */
  async nextPage(nextLink: string, signal?: AbortSignal): Promise<SessionPage | undefined> {
    if (this.buffered.has(nextLink)) return this.takeBuffered(nextLink);
    const pages = this.client.pages<RestoreSession>(nextLink, { signal });
    const next = await pages.next();
    await pages.return(undefined);
    if (next.done) return undefined;
    const continuation = this.continuations.get(nextLink);
    if (!continuation) return next.value;
    this.continuations.delete(nextLink);
    return this.sized(continuePage(this.support, continuation, next.value), continuation);
  }

  /**
   * The page as the caller asked for it: at most `top` items, the rest kept for the next call under a link
   * of this side's own; the service's continuation link is remembered with what its pages still need.
   */
  private sized(page: SessionPage, continuation: Continuation): SessionPage {
    const top = continuation.query.top;
    if (top === undefined || top < 1 || page.items.length <= top) {
      remember(this.continuations, page.nextLink, continuation);
      return page;
    }
    const link = `${BUFFERED_PAGE}${this.bufferedPages++}`;
    remember(this.buffered, link, { page: { ...page, items: page.items.slice(top), count: undefined }, continuation });
    return { ...page, items: page.items.slice(0, top), nextLink: link };
  }

  private takeBuffered(link: string): SessionPage {
    const { page, continuation } = this.buffered.get(link) as { page: SessionPage; continuation: Continuation };
    this.buffered.delete(link);
    return this.sized(page, continuation);
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
    const parts = chunk(entries, LIMITS.artifactsPerRequest);
    if (parts.length > 1 && !change.remove?.length) return this.addInBatches(workload, sessionId, nav, parts, result, signal);
    for (const part of parts) {
      const response = await this.client.patch<Record<string, unknown> | undefined>(paths.workloadSession(workload, sessionId), {
        body: { [`${nav}@delta`]: part },
        signal,
      });
      result.requests++;
      collectDelta(response.body?.[`${nav}@delta`], part, result);
    }
    return result;
  }

  /**
   * Additions only: the PATCHes do not depend on each other, so they travel in `$batch` calls (20 per call) rather
   * than one after another. Items the service could not add are returned as failures; a PATCH refused as a whole
   * throws, as it would have alone.
   */
  private async addInBatches(workload: Workload, sessionId: string, nav: string, parts: Record<string, unknown>[][], result: ArtifactChangeResult, signal?: AbortSignal): Promise<ArtifactChangeResult> {
    const requests = parts.map((part, index) => ({ id: String(index), method: 'PATCH', url: paths.workloadSession(workload, sessionId), body: { [`${nav}@delta`]: part } }));
    const responses = await this.client.batch(requests, { signal });
    for (const [index, response] of responses.entries()) {
      if (response.status < 200 || response.status >= 300) throw batchItemError(this.client.baseUrl, requests[index], response);
      result.requests++;
      collectDelta((response.body as Record<string, unknown> | undefined)?.[`${nav}@delta`], parts[index], result);
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
  async firstPage(workload: Workload | undefined, query: SessionListQuery = {}): Promise<SessionPage | undefined> {
    const pages = this.list(workload, query);
    const first = await pages.next();
    await pages.return(undefined);
    return first.done ? undefined : first.value;
  }

  /**
   * How many sessions (of one workload, or all) have one of these statuses: the service's `$count` when it
   * filtered and counted as asked, otherwise counted here over every page. `within` narrows by creation time.
   */
  async count(workload: Workload | undefined, statuses: RestoreSessionStatus[], signal?: AbortSignal, within: SessionListQuery = {}): Promise<number> {
    const query: SessionListQuery = { createdAfter: within.createdAfter, createdBefore: within.createdBefore, statuses, signal };
    const first = await this.firstPage(workload, { ...query, count: true });
    if (!first || first.count !== undefined) return first?.count ?? 0;
    // Counted here: the first page is already in hand, so the count goes on from its continuation link.
    let count = first.items.length;
    for (let link = first.nextLink; link !== undefined;) {
      const page = await this.nextPage(link, signal);
      if (!page) break;
      count += page.items.length;
      link = page.nextLink;
    }
    return count;
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

/** Links this side makes for the rest of a page larger than asked; never sent to the service. */
const BUFFERED_PAGE = 'urn:m365-restore-sessions:buffered-page:';

/** Keeps at most 64 links: ones nobody followed are forgotten oldest first. */
function remember<T>(map: Map<string, T>, link: string | undefined, value: T): void {
  if (link === undefined) return;
  if (map.size >= 64) map.delete(map.keys().next().value as string);
  map.set(link, value);
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
