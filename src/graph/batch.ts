/**
 * JSON `$batch` (https://learn.microsoft.com/en-us/graph/json-batching): at most 20 sub-requests per call
 * (Graph's limit). Longer lists are split into several calls (a few in flight at once) and the responses are
 * returned in the order of the requests, whatever order the service answers in. Each sub-request carries its
 * own headers (Graph applies none of the outer request's to it), so each asks for the evolvable enum members
 * itself. A sub-request throttled inside the batch (429, or 503/504 for a read) is sent again, alone with the
 * other throttled ones, after the longest Retry-After, within the client's retry policy; a 429 means the
 * service did not process it, so even a POST is retried.
 */

import { errorFromResponse, GraphError, redactUrl } from './errors';
import type { BatchOptions, BatchRequestItem, BatchResponseItem, GraphResponse } from './types';
import { decideRetry, isIdempotent, parseRetryAfter, type RetryPolicy } from './retry';

export const MAX_BATCH_SIZE = 20;

interface WireRequest {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface WireResponse {
  id?: unknown;
  status?: unknown;
  headers?: unknown;
  body?: unknown;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** A sub-request URL relative to the version root; absolute URLs under the root are made relative. */
export function toBatchUrl(baseUrl: string, url: string): string {
  if (url.startsWith(`${baseUrl}/`)) {
    return url.slice(baseUrl.length);
  }
  if (/^https?:\/\//i.test(url)) {
    throw new TypeError(`Batch sub-request URL ${redactUrl(url)} is not under ${baseUrl}`);
  }
  return url.startsWith('/') ? url : `/${url}`;
}

/** Asks Graph to send enum members added after v1.0 shipped instead of `unknownFutureValue`. */
export const PREFER_UNKNOWN_ENUMS = 'include-unknown-enum-members';

export function toWire(baseUrl: string, r: BatchRequestItem): WireRequest {
  const wire: WireRequest = { id: r.id, method: r.method.toUpperCase(), url: toBatchUrl(baseUrl, r.url) };
  // Graph applies only a sub-request's own headers to it (the outer request's Prefer does not carry over).
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  const prefer = Object.keys(headers).find((h) => h.toLowerCase() === 'prefer');
  if (prefer === undefined) {
    headers.Prefer = PREFER_UNKNOWN_ENUMS;
  } else if (!headers[prefer].toLowerCase().includes(PREFER_UNKNOWN_ENUMS)) {
    headers[prefer] = `${PREFER_UNKNOWN_ENUMS}, ${headers[prefer]}`;
  }
  if (r.body !== undefined) {
    wire.body = r.body;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
  }
  wire.headers = headers;
  return wire;
}

/** How throttled sub-requests are waited for: the client's retry policy and its cancellable sleep. */
export interface BatchRetry {
  policy: RetryPolicy;
  wait(ms: number): Promise<void>;
}

type Post = (body: { requests: WireRequest[] }, idempotent: boolean) => Promise<GraphResponse<unknown>>;

export async function runBatch(
  baseUrl: string,
  requests: readonly BatchRequestItem[],
  options: BatchOptions,
  post: Post,
  retry: BatchRetry,
): Promise<BatchResponseItem[]> {
  const ids = new Set<string>();
  for (const r of requests) {
    if (typeof r.id !== 'string' || r.id === '' || ids.has(r.id)) {
      throw new TypeError(`Batch request ids must be unique non-empty strings; bad id ${JSON.stringify(r.id)}`);
    }
    ids.add(r.id);
  }
  const chunks = chunk(requests, MAX_BATCH_SIZE);
  const results: BatchResponseItem[][] = new Array(chunks.length);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < chunks.length) {
      const index = next++;
      try {
        results[index] = await sendChunk(baseUrl, chunks[index], options, post, retry);
      } catch (err) {
        failed = true; // stop the other workers from starting further calls
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, () => worker()));
  return results.flat();
}

/** One chunk, then again only its throttled sub-requests until none is left or the policy says stop. */
async function sendChunk(baseUrl: string, part: readonly BatchRequestItem[], options: BatchOptions, post: Post, retry: BatchRetry): Promise<BatchResponseItem[]> {
  const started = Date.now();
  const answers = new Map<string, BatchResponseItem>();
  let pending = part;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const idempotent = options.idempotent ?? pending.every((r) => isIdempotent(r.method));
    const response = await post({ requests: pending.map((r) => toWire(baseUrl, r)) }, idempotent);
    const items = orderResponses(pending, response, `${baseUrl}/$batch`);
    for (const item of items) answers.set(item.id, item);
    const decisions = items.map((item, i) => ({ request: pending[i], decision: retryDecision(item, pending[i], attempt, Date.now() - started, retry.policy) }))
      .filter((d) => d.decision !== undefined);
    if (decisions.length === 0 || decisions.some((d) => !d.decision?.retry)) break;
    await retry.wait(Math.max(...decisions.map((d) => (d.decision?.retry ? d.decision.delayMs : 0))));
    pending = decisions.map((d) => d.request);
  }
  return part.map((r) => answers.get(r.id) as BatchResponseItem);
}

/** Undefined when the sub-response is final; otherwise whether and when to send it again. */
function retryDecision(item: BatchResponseItem, request: BatchRequestItem, attempt: number, elapsedMs: number, policy: RetryPolicy): ReturnType<typeof decideRetry> | undefined {
  if (item.status !== 429 && item.status !== 503 && item.status !== 504) return undefined;
  // A throttled request was not processed, so repeating it is safe whatever its method.
  const idempotent = item.status === 429 || isIdempotent(request.method);
  if (!idempotent) return undefined;
  return decideRetry({ attempt, elapsedMs, idempotent, kind: 'http', status: item.status, retryAfterMs: parseRetryAfter(item.headers['retry-after']) }, policy);
}

function orderResponses(part: readonly BatchRequestItem[], response: GraphResponse<unknown>, url: string): BatchResponseItem[] {
  const body = response.body as { responses?: unknown } | undefined;
  const list = body && Array.isArray(body.responses) ? (body.responses as WireResponse[]) : undefined;
  if (!list) {
    throw invalid(response, url, 'the $batch response has no "responses" array');
  }
  const byId = new Map<string, WireResponse>();
  for (const item of list) {
    if (item && typeof item === 'object') {
      byId.set(String(item.id), item);
    }
  }
  return part.map((r) => {
    const item = byId.get(r.id);
    if (!item) {
      throw invalid(response, url, `the $batch response has no item for request id ${JSON.stringify(r.id)}`);
    }
    return {
      id: r.id,
      status: typeof item.status === 'number' ? item.status : Number(item.status),
      headers: normaliseHeaders(item.headers),
      body: item.body,
    };
  });
}

function normaliseHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (h && typeof h === 'object') {
    for (const [k, v] of Object.entries(h as Record<string, unknown>)) {
      out[k.toLowerCase()] = String(v);
    }
  }
  return out;
}

function invalid(response: GraphResponse<unknown>, url: string, reason: string): GraphError {
  return new GraphError({
    kind: 'parse',
    status: response.status,
    code: 'InvalidResponse',
    message: reason,
    method: 'POST',
    url,
    requestId: response.requestId,
    clientRequestId: response.clientRequestId,
    date: response.date,
    attempts: response.attempts,
  });
}

/** The error a failed sub-response stands for, as if the sub-request had been sent alone. */
export function batchItemError(baseUrl: string, request: BatchRequestItem, item: BatchResponseItem): GraphError {
  const bodyText = item.body === undefined ? '' : typeof item.body === 'string' ? item.body : JSON.stringify(item.body);
  return errorFromResponse({
    method: request.method.toUpperCase(),
    url: redactUrl(`${baseUrl}${toBatchUrl(baseUrl, request.url)}`),
    status: item.status,
    headers: item.headers,
    bodyText,
    retryAfterMs: parseRetryAfter(item.headers['retry-after']),
  });
}
