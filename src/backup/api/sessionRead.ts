// Reading a session together with its contents (standard and granular artifacts, bulk addition requests)
// in one call, keeping each response's metadata (status, request-id, timing) for the details panel; and
// reading the artifacts of many sessions in `$batch` calls of at most 20 sub-requests.
import type { GraphClient, GraphResponse } from '../../graph';
import type { RestoreArtifact, RestoreArtifactsBulkAdditionRequest, RestoreSession, Workload } from '../model';
import type { ArtifactKind } from './inputs';
import { paths } from './paths';

/** One GET of a session read: where it went and what came back (no body). */
export interface ReadResponse {
  method: 'GET';
  path: string;
  response: Omit<GraphResponse<unknown>, 'body'>;
}

export interface SessionContentsRead {
  standard: RestoreArtifact[];
  granular: RestoreArtifact[];
  bulkRequests: RestoreArtifactsBulkAdditionRequest[];
  responses: { standard?: ReadResponse; granular?: ReadResponse; bulkRequests?: ReadResponse };
}

export interface SessionRead {
  session: RestoreSession;
  response: ReadResponse;
  /** Present when asked for with `{ contents: true }`. */
  contents?: SessionContentsRead;
}

export interface ReadOptions {
  contents?: boolean;
  signal?: AbortSignal;
  /** Called with each page of artifacts as it arrives, so a caller can start work on it before the last page. */
  onArtifacts?: (artifacts: RestoreArtifact[]) => void;
}

export async function readSession(client: GraphClient, workload: Workload, id: string, options: ReadOptions = {}): Promise<SessionRead> {
  const path = paths.workloadSession(workload, id);
  const sessionRead = client.get<RestoreSession>(path, { signal: options.signal });
  if (!options.contents) {
    const response = await sessionRead;
    return { session: response.body, response: meta(path, response) };
  }
  const [response, standard, granular, bulkRequests] = await Promise.all([
    sessionRead,
    readAll<RestoreArtifact>(client, paths.navigation(workload, id, workload.standardArtifacts.nav), options.signal, options.onArtifacts),
    readAll<RestoreArtifact>(client, paths.navigation(workload, id, workload.granularArtifacts.nav), options.signal, options.onArtifacts),
    readAll<RestoreArtifactsBulkAdditionRequest>(client, paths.navigation(workload, id, workload.bulkRequests.nav), options.signal),
  ]);
  return {
    session: response.body,
    response: meta(path, response),
    contents: {
      standard: standard.items,
      granular: granular.items,
      bulkRequests: bulkRequests.items,
      responses: { standard: standard.first, granular: granular.first, bulkRequests: bulkRequests.first },
    },
  };
}

/**
 * Artifacts of one kind for many sessions of a workload, in `$batch` calls of at most 20 (the client splits
 * longer lists). Only each session's first page is read: enough to name its rows. Sessions whose read failed
 * are left out of the map.
 */
export async function readArtifactsOfSessions(
  client: GraphClient, workload: Workload, sessionIds: readonly string[], kind: ArtifactKind, signal?: AbortSignal,
): Promise<Map<string, RestoreArtifact[]>> {
  const nav = kind === 'standard' ? workload.standardArtifacts.nav : workload.granularArtifacts.nav;
  const responses = await client.batch(
    sessionIds.map((id, index) => ({ id: String(index), method: 'GET', url: paths.navigation(workload, id, nav) })),
    { signal },
  );
  const result = new Map<string, RestoreArtifact[]>();
  for (const response of responses) {
    if (response.status !== 200) continue;
    result.set(sessionIds[Number(response.id)], (response.body as { value?: RestoreArtifact[] } | undefined)?.value ?? []);
  }
  return result;
}

async function readAll<T>(client: GraphClient, path: string, signal?: AbortSignal, onPage?: (items: T[]) => void): Promise<{ items: T[]; first?: ReadResponse }> {
  const items: T[] = [];
  let first: ReadResponse | undefined;
  for await (const page of client.pages<T>(path, { signal })) {
    first ??= meta(path, page.response);
    items.push(...page.items);
    if (page.items.length) onPage?.(page.items);
  }
  return { items, first };
}

function meta(path: string, response: GraphResponse<unknown>): ReadResponse {
  const { status, headers, requestId, clientRequestId, date, durationMs, attempts } = response;
  return { method: 'GET', path, response: { status, headers, requestId, clientRequestId, date, durationMs, attempts } };
}
