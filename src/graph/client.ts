/**
 * GraphClient: Graph requests over one HttpTransport. Adds the standard headers (Prefer, a fresh
 * client-request-id per call, User-Agent, Authorization from the token provider), JSON bodies, the retry
 * loop of retry.ts, GraphError for every failure, and the per-attempt request log. Paging and $batch are
 * built on top (paging.ts, batch.ts).
 */

import { randomUUID } from 'node:crypto';
import { abortedError, attemptOnce, encodeBody, sleep } from './attempt';
import { PREFER_UNKNOWN_ENUMS, runBatch } from './batch';
import { redactUrl } from './errors';
import { iteratePages } from './paging';
import { RetryPolicy, decideRetry, isIdempotent, resolveRetryPolicy } from './retry';
import { HttpTransport } from './transport';
import type {
  BatchOptions,
  BatchRequestItem,
  BatchResponseItem,
  GraphClientOptions,
  GraphPage,
  GraphRequestOptions,
  GraphResponse,
  RequestLogEntry,
  TokenProvider,
} from './types';
import { buildUrl, normaliseBaseUrl, sameOrigin } from './url';

export const EXTENSION_NAME = 'm365-restore-sessions';
/** Used when the host does not pass its version (tests, CLI). */
export const DEFAULT_VERSION = '0.0.0-dev';
export const DEFAULT_USER_AGENT = `${EXTENSION_NAME}/${DEFAULT_VERSION}`;
export const DEFAULT_SCOPES: readonly string[] = ['https://graph.microsoft.com/.default'];
export { PREFER_UNKNOWN_ENUMS };

/** `m365-restore-sessions/<version>`. */
export function userAgentFor(version: string): string {
  return `${EXTENSION_NAME}/${version}`;
}

export class GraphClient {
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly tokenProvider?: TokenProvider;
  private readonly scopes: readonly string[];
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly onRequest?: (entry: RequestLogEntry) => void;

  constructor(options: GraphClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.tokenProvider = options.tokenProvider;
    this.scopes = options.scopes ?? DEFAULT_SCOPES;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = resolveRetryPolicy(options.retry);
    this.onRequest = options.onRequest;
    if (options.transport) {
      this.transport = options.transport;
      this.ownsTransport = false;
    } else {
      this.transport = new HttpTransport({
        ca: options.ca,
        proxyFromEnv: options.proxyFromEnv,
        proxy: options.proxy,
        timeoutMs: this.timeoutMs,
      });
      this.ownsTransport = true;
    }
  }

  /** `pathOrUrl`: a path under the version root (`/solutions/backupRestore/...`) or an absolute URL. */
  request<T>(method: string, pathOrUrl: string, options: GraphRequestOptions = {}): Promise<GraphResponse<T>> {
    return this.send<T>(method.toUpperCase(), buildUrl(this.baseUrl, pathOrUrl, options.query), options);
  }

  get<T>(pathOrUrl: string, options?: GraphRequestOptions): Promise<GraphResponse<T>> {
    return this.request<T>('GET', pathOrUrl, options);
  }

  post<T>(pathOrUrl: string, options?: GraphRequestOptions): Promise<GraphResponse<T>> {
    return this.request<T>('POST', pathOrUrl, options);
  }

  patch<T>(pathOrUrl: string, options?: GraphRequestOptions): Promise<GraphResponse<T>> {
    return this.request<T>('PATCH', pathOrUrl, options);
  }

  put<T>(pathOrUrl: string, options?: GraphRequestOptions): Promise<GraphResponse<T>> {
    return this.request<T>('PUT', pathOrUrl, options);
  }

  delete<T = undefined>(pathOrUrl: string, options?: GraphRequestOptions): Promise<GraphResponse<T>> {
    return this.request<T>('DELETE', pathOrUrl, options);
  }

  /** Pages of a collection, following `@odata.nextLink` verbatim until there is none. */
  pages<T>(pathOrUrl: string, options: GraphRequestOptions = {}): AsyncGenerator<GraphPage<T>> {
    const first = buildUrl(this.baseUrl, pathOrUrl, options.query);
    return iteratePages<T>(this.baseUrl, first, (url) => this.send<unknown>('GET', url, options));
  }

  /** All items of a collection (at most `maxItems`, fetching no page beyond the one that reaches it). */
  async collectAll<T>(pathOrUrl: string, options: GraphRequestOptions & { maxItems?: number } = {}): Promise<T[]> {
    const max = options.maxItems ?? Number.POSITIVE_INFINITY;
    const out: T[] = [];
    if (max <= 0) {
      return out;
    }
    for await (const page of this.pages<T>(pathOrUrl, options)) {
      for (const item of page.items) {
        out.push(item);
        if (out.length >= max) {
          return out;
        }
      }
    }
    return out;
  }

  /** JSON $batch, 20 sub-requests per call; responses in the order of `requests`. */
  batch(requests: BatchRequestItem[], options: BatchOptions = {}): Promise<BatchResponseItem[]> {
    const url = `${this.baseUrl}/$batch`;
    return runBatch(this.baseUrl, requests, options, (body, idempotent) =>
      this.send<unknown>('POST', url, { body, idempotent, signal: options.signal }), {
      policy: this.retry,
      wait: (ms) => sleep(ms, options.signal, () => abortedError('POST', url, '', 0, options.signal?.reason)),
    });
  }

  /** Closes the connection pool (unless the transport was passed in). */
  async close(): Promise<void> {
    if (this.ownsTransport) {
      await this.transport.close();
    }
  }

  /**
   * The retry loop around one logical request to an already-built URL: one `attemptOnce` per turn, the retry
   * policy decides whether and when to go again. A DELETE whose earlier answer was lost (network, timeout)
   * and whose retry finds nothing (404) did delete: it reports success, as a read-back would.
   */
  private async send<T>(method: string, url: string, options: GraphRequestOptions): Promise<GraphResponse<T>> {
    const signal = options.signal;
    const idempotent = isIdempotent(method, options.idempotent);
    const safeUrl = redactUrl(url);
    const { headers, clientRequestId } = this.baseHeaders(options.headers);
    const body = encodeBody(options.body, headers);
    const withToken = this.tokenProvider !== undefined && sameOrigin(url, this.baseUrl);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const started = performance.now();
    let answerLost = false;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) {
        throw abortedError(method, safeUrl, clientRequestId, attempt - 1, signal.reason);
      }
      const attemptHeaders = withToken ? await this.authorize(headers, method, safeUrl, clientRequestId, attempt, signal) : headers;
      const attemptStarted = performance.now();
      const outcome = await attemptOnce(this.transport, { method, url, safeUrl, headers: attemptHeaders, body, signal, timeoutMs, clientRequestId });
      const goneAfterLostDelete = !outcome.ok && method === 'DELETE' && answerLost && outcome.status === 404;
      if (outcome.ok || goneAfterLostDelete) {
        const response = outcome.ok
          ? outcome.response
          : { status: 204, body: undefined, headers: {}, requestId: outcome.requestId, clientRequestId, date: undefined };
        this.log({ method, url: safeUrl, status: response.status, requestId: response.requestId, clientRequestId, durationMs: outcome.ok ? outcome.transportMs : Math.round(performance.now() - attemptStarted), attempt });
        return { ...response, body: response.body as T, durationMs: Math.round(performance.now() - started), attempts: attempt };
      }
      const { error, status, requestId } = outcome;
      answerLost ||= error.kind === 'network' || error.kind === 'timeout';
      const decision = decideRetry(
        { attempt, elapsedMs: performance.now() - started, idempotent, kind: error.kind, status: error.status, retryAfterMs: error.retryAfterMs, code: error.code },
        this.retry,
      );
      this.log({
        method,
        url: safeUrl,
        status,
        requestId,
        clientRequestId,
        durationMs: Math.round(performance.now() - attemptStarted),
        attempt,
        error: `${error.kind} ${error.code}: ${error.message}`,
        retryInMs: decision.retry ? decision.delayMs : undefined,
      });
      error.attempts = attempt;
      if (!decision.retry) {
        throw error;
      }
      await sleep(decision.delayMs, signal, () => abortedError(method, safeUrl, clientRequestId, attempt, signal?.reason));
    }
  }

  private baseHeaders(extra: Record<string, string> | undefined): { headers: Record<string, string>; clientRequestId: string } {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.userAgent,
      prefer: PREFER_UNKNOWN_ENUMS,
    };
    let clientRequestId: string | undefined;
    for (const [rawName, value] of Object.entries(extra ?? {})) {
      const name = rawName.toLowerCase();
      if (name === 'prefer') {
        // Keep ours and add the caller's preferences (odata.maxpagesize=..., return=minimal, ...).
        headers.prefer = value.toLowerCase().includes(PREFER_UNKNOWN_ENUMS) ? value : `${PREFER_UNKNOWN_ENUMS}, ${value}`;
      } else if (name === 'client-request-id') {
        clientRequestId = value;
      } else {
        headers[name] = value;
      }
    }
    clientRequestId ??= randomUUID();
    headers['client-request-id'] = clientRequestId;
    return { headers, clientRequestId };
  }

  private async authorize(
    headers: Record<string, string>,
    method: string,
    safeUrl: string,
    clientRequestId: string,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<Record<string, string>> {
    let token: string | undefined;
    try {
      token = await this.tokenProvider?.getToken(this.scopes, signal);
    } catch (err) {
      if (signal?.aborted) {
        throw abortedError(method, safeUrl, clientRequestId, attempt - 1, err);
      }
      throw err;
    }
    if (signal?.aborted) {
      throw abortedError(method, safeUrl, clientRequestId, attempt - 1, signal.reason);
    }
    return token ? { ...headers, authorization: `Bearer ${token}` } : headers;
  }

  private log(entry: RequestLogEntry): void {
    if (!this.onRequest) {
      return;
    }
    try {
      this.onRequest(entry);
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

