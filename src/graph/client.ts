/**
 * GraphClient: Graph requests over one HttpTransport. Adds the standard headers (Prefer, a fresh
 * client-request-id per call, User-Agent, Authorization from the token provider), JSON bodies, the retry
 * loop of retry.ts, GraphError for every failure, and the per-attempt request log. Paging and $batch are
 * built on top (paging.ts, batch.ts).
 */

import { randomUUID } from 'node:crypto';
import { runBatch } from './batch';
import { PREFER_UNKNOWN_ENUMS, withUnknownEnums } from './prefer';
import { GraphError, errorFromResponse, invalidResponseError, redactUrl } from './errors';
import { iteratePages } from './paging';
import { RetryPolicy, decideRetry, isIdempotent, parseRetryAfter, resolveRetryPolicy } from './retry';
import { HttpTransport, TransportError } from './transport';
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

  /** The retry loop around one logical request to an already-built URL. */
  private async send<T>(method: string, url: string, options: GraphRequestOptions): Promise<GraphResponse<T>> {
    const signal = options.signal;
    const idempotent = isIdempotent(method, options.idempotent);
    const safeUrl = redactUrl(url);
    const { headers, clientRequestId } = this.baseHeaders(options.headers);
    const body = encodeBody(options.body, headers);
    const withToken = this.tokenProvider !== undefined && sameOrigin(url, this.baseUrl);
    const started = performance.now();

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) {
        throw abortedError(method, safeUrl, clientRequestId, attempt - 1, signal.reason);
      }
      const attemptHeaders = withToken ? await this.authorize(headers, method, safeUrl, clientRequestId, attempt, signal) : headers;
      const attemptStarted = performance.now();
      let error: GraphError;
      let requestId: string | undefined;
      let status = 0;
      try {
        const res = await this.transport.send({
          method,
          url,
          headers: attemptHeaders,
          body,
          signal,
          timeoutMs: options.timeoutMs ?? this.timeoutMs,
        });
        status = res.status;
        requestId = res.headers['request-id'] ?? res.headers['x-ms-request-id'];
        const facts = {
          method,
          url: safeUrl,
          status: res.status,
          headers: res.headers,
          bodyText: res.body,
          clientRequestId,
          retryAfterMs: parseRetryAfter(res.headers['retry-after']),
        };
        if (res.status >= 200 && res.status < 300) {
          const parsed = parseBody(res.status, res.headers, res.body);
          if (parsed.ok) {
            this.log({ method, url: safeUrl, status, requestId, clientRequestId, durationMs: res.durationMs, attempt });
            return {
              status: res.status,
              body: parsed.value as T,
              headers: res.headers,
              requestId,
              clientRequestId,
              date: res.headers['date'],
              durationMs: Math.round(performance.now() - started),
              attempts: attempt,
            };
          }
          error = invalidResponseError(facts, parsed.reason);
        } else {
          error = errorFromResponse(facts);
        }
      } catch (err) {
        if (!(err instanceof TransportError)) {
          throw err;
        }
        status = err.status;
        error = fromTransportError(err, method, safeUrl, clientRequestId);
      }

      const decision = decideRetry(
        {
          attempt,
          elapsedMs: performance.now() - started,
          idempotent,
          kind: error.kind,
          status: error.status,
          retryAfterMs: error.retryAfterMs,
          code: error.code,
        },
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
        headers.prefer = withUnknownEnums(value);
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

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseBody(status: number, headers: Record<string, string>, text: string): Parsed {
  if (status === 204 || text.length === 0) {
    return { ok: true, value: undefined };
  }
  const type = headers['content-type'];
  if (type !== undefined && !/json/i.test(type)) {
    return { ok: true, value: text };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `The response body is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function encodeBody(body: unknown, headers: Record<string, string>): string | Uint8Array | undefined {
  if (body === undefined) {
    return undefined;
  }
  if (typeof body === 'string' || body instanceof Uint8Array) {
    headers['content-type'] ??= 'application/json';
    return body;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

function fromTransportError(err: TransportError, method: string, url: string, clientRequestId: string): GraphError {
  const code = err.kind === 'timeout' ? 'Timeout' : err.kind === 'aborted' ? 'Aborted' : 'NetworkError';
  return new GraphError({
    kind: err.kind,
    status: 0,
    code: err.code && err.kind === 'network' ? err.code : code,
    message: err.message,
    method,
    url,
    clientRequestId,
    cause: err,
  });
}

function abortedError(method: string, url: string, clientRequestId: string, attempts: number, cause: unknown): GraphError {
  return new GraphError({
    kind: 'aborted',
    status: 0,
    code: 'Aborted',
    message: 'The request was cancelled',
    method,
    url,
    clientRequestId,
    attempts,
    cause,
  });
}

/** Waits, but rejects at once when the signal fires. */
function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(onAbort());
      return;
    }
    const abort = (): void => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}
