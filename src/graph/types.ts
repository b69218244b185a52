/** Public types of the Graph layer. */

import type { RetryOptions } from './retry';
import type { HttpTransport } from './transport';
import type { QueryValue } from './url';

/** Supplies bearer tokens. Returning undefined sends the request without Authorization. */
export interface TokenProvider {
  getToken(scopes: readonly string[], signal?: AbortSignal): Promise<string | undefined>;
}

/** One line of the request log: one per attempt. URLs are redacted; no headers, so no tokens. */
export interface RequestLogEntry {
  method: string;
  url: string;
  /** 0 when no response arrived. */
  status: number;
  requestId?: string;
  clientRequestId: string;
  durationMs: number;
  /** 1-based. */
  attempt: number;
  /** Set when the attempt failed: `<kind> <code>: <message>`. */
  error?: string;
  /** Set when another attempt follows, after this many ms. */
  retryInMs?: number;
}

export interface GraphClientOptions {
  /** Version root, e.g. 'https://graph.microsoft.com/v1.0' or 'http://127.0.0.1:4000/beta'. */
  baseUrl: string;
  /** No Authorization header when absent or when it returns undefined. Only sent to baseUrl's origin. */
  tokenProvider?: TokenProvider;
  scopes?: readonly string[];
  /** Default `m365-restore-sessions/<DEFAULT_VERSION>`; the extension passes its real version. */
  userAgent?: string;
  /** Per attempt, default 30 000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Extra trusted CA (PEM), added to the default roots. */
  ca?: string;
  /** Honour HTTPS_PROXY / HTTP_PROXY / NO_PROXY. Default true. */
  proxyFromEnv?: boolean;
  /** Explicit proxy URL (e.g. VS Code's http.proxy); wins over the environment. */
  proxy?: string;
  /** Called once per attempt, for the log channel. Exceptions thrown by it are ignored. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Share an existing transport (pool) instead of creating one; close() then leaves it open. */
  transport?: HttpTransport;
}

export interface GraphRequestOptions {
  query?: Record<string, QueryValue>;
  /** Serialised as JSON unless it is already a string or bytes. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Overrides the method's default (GET/HEAD/PUT/DELETE yes, POST/PATCH no). */
  idempotent?: boolean;
  /** Per attempt. */
  timeoutMs?: number;
}

export interface GraphResponse<T> {
  status: number;
  /** Parsed JSON; undefined for 204 or an empty body; text for non-JSON content types. */
  body: T;
  /** Lower-case names. */
  headers: Record<string, string>;
  requestId?: string;
  clientRequestId: string;
  date?: string;
  /** Whole call, retries and waits included. */
  durationMs: number;
  attempts: number;
}

export interface GraphPage<T> {
  items: T[];
  /** The raw `@odata.nextLink` as the server sent it. */
  nextLink?: string;
  /** `@odata.count` when present. */
  count?: number;
  response: GraphResponse<unknown>;
}

export interface BatchRequestItem {
  id: string;
  method: string;
  /** Relative to the version root, e.g. `/solutions/backupRestore/restoreSessions/abc`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponseItem<T = unknown> {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface BatchOptions {
  signal?: AbortSignal;
  /** Overrides the default (idempotent only when every sub-request's method is). */
  idempotent?: boolean;
  /** How many $batch calls may be in flight at once. Default 4. */
  concurrency?: number;
}
