// A profile of the requests one user operation sent: how many, and the longest chain of round trips that had to
// follow one another (a request that started only after another ended is behind it in the chain). Under a fixed
// latency the wall time of an operation is about its chain length × the latency, so the chain names the floor and
// the requests in it name what to overlap or batch next.

export interface TimedRequest {
  method: string;
  /** Path (and query) under the version root, for the report. */
  path: string;
  startMs: number;
  endMs: number;
}

export interface RequestProfile {
  requests: number;
  /** Round trips in the longest chain of requests that each started after the previous one ended. */
  chain: number;
  /** That chain, first request first, as `METHOD path`. */
  chainRequests: string[];
  /** Requests by what they asked for (`GET …/mailboxRestoreArtifacts`), most first. */
  byKind: Record<string, number>;
}

/** Requests within this many ms of each other's end and start count as overlapping (timer granularity). */
const SLACK_MS = 1;

export function requestProfile(requests: readonly TimedRequest[]): RequestProfile {
  const sorted = [...requests].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    depth[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (sorted[j].endMs <= sorted[i].startMs + SLACK_MS && depth[j] + 1 > depth[i]) {
        depth[i] = depth[j] + 1;
        previous[i] = j;
      }
    }
  }
  let last = -1;
  for (let i = 0; i < sorted.length; i++) if (last < 0 || depth[i] > depth[last]) last = i;
  const chainRequests: string[] = [];
  for (let i = last; i >= 0; i = previous[i]) chainRequests.unshift(`${sorted[i].method} ${sorted[i].path}`);
  const byKind: Record<string, number> = {};
  for (const r of sorted) {
    const kind = `${r.method} ${requestKind(r.path)}`;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { requests: sorted.length, chain: last < 0 ? 0 : depth[last], chainRequests, byKind: Object.fromEntries(Object.entries(byKind).sort((a, b) => b[1] - a[1])) };
}

/** A path without ids and query: `/solutions/backupRestore/exchangeRestoreSessions/{id}/mailboxRestoreArtifacts`. */
export function requestKind(path: string): string {
  return path.split('?')[0]
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[^/]*/gi, '{id}')
    .replace(/\/[^/]*_\d+_\d_\d(?=\/|$)/g, '/{id}');
}
