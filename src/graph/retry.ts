/**
 * Retry policy: which failures are retried, how long to wait, and when to give up. Pure functions, no
 * timers and no I/O, so that every rule is unit-testable.
 *
 * Rules:
 * - Idempotent requests are retried (GET/HEAD/PUT/DELETE/OPTIONS by default; POST/PATCH only when the
 *   caller says so). A non-idempotent write (a POST that creates or activates a session) is repeated only
 *   after a 429 with `Retry-After`: a throttled request was not processed. Never after a 5xx or a lost answer,
 *   which may have been processed.
 * - Retried: HTTP 429/503/504, network errors (reset, refused, socket closed mid-body), per-attempt
 *   timeouts, and 2xx bodies that are not valid JSON (a truncated body). Never retried: cancellation,
 *   TLS certificate failures.
 * - Delay: the server's `Retry-After` when present (seconds, possibly fractional, or an HTTP date),
 *   otherwise exponential backoff with jitter, capped per wait.
 * - Bounded by a number of attempts and by a total time budget: a wait that would end past the budget is
 *   not started; the last error is returned instead, with its `retryAfterMs`.
 */

import type { GraphErrorKind } from './errors';

export interface RetryOptions {
  /** Attempts in total, the first one included. Default 4. 1 disables retries. */
  maxAttempts?: number;
  /** Total time budget from the first attempt, waits included. Default 60 000 ms. */
  maxTotalMs?: number;
  /** First backoff delay. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap for one computed backoff delay (not for Retry-After). Default 15 000 ms. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  maxTotalMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
});

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function resolveRetryPolicy(options?: RetryOptions): RetryPolicy {
  const pick = (v: number | undefined, d: number, min: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(min, v) : d;
  return {
    maxAttempts: Math.floor(pick(options?.maxAttempts, DEFAULT_RETRY.maxAttempts, 1)),
    maxTotalMs: pick(options?.maxTotalMs, DEFAULT_RETRY.maxTotalMs, 0),
    baseDelayMs: pick(options?.baseDelayMs, DEFAULT_RETRY.baseDelayMs, 0),
    maxDelayMs: pick(options?.maxDelayMs, DEFAULT_RETRY.maxDelayMs, 0),
  };
}

/** Whether a request may be repeated safely: the method's default unless the caller overrides it. */
export function isIdempotent(method: string, override?: boolean): boolean {
  return override ?? IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Parses a `Retry-After` header into milliseconds: delta-seconds (`120`, or fractional like `2.128` as
 * Graph sends) or an HTTP date (a date in the past gives 0). Returns undefined when absent or invalid.
 */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const v = value.trim();
  if (v === '') {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(v)) {
    const ms = Math.ceil(Number(v) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (/^-/.test(v)) {
    return undefined;
  }
  // HTTP-date (IMF-fixdate, RFC 850 and asctime are all understood by Date.parse); require a letter so
  // that odd numbers like "1e3" or "5s" are not taken for dates.
  if (!/[a-z]/i.test(v)) {
    return undefined;
  }
  const at = Date.parse(v);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal jitter": for attempt n (1-based, the attempt that just failed) the
 * ceiling is min(maxDelay, base * 2^(n-1)) and the delay is drawn from [ceiling/2, ceiling].
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(30, Math.max(0, attempt - 1));
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exp);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

export interface FailureFacts {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /** Time since the first attempt started. */
  elapsedMs: number;
  idempotent: boolean;
  kind: GraphErrorKind;
  status: number;
  retryAfterMs?: number;
  /** Error code; certificate failures are permanent and not retried. */
  code?: string;
}

/** TLS certificate failures: retrying cannot help. */
const PERMANENT_NETWORK_CODE = /CERT|UNABLE_TO_VERIFY|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|ERR_INVALID_URL|ERR_INVALID_ARG/;

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** Decides whether to retry a failed attempt, and after how long. */
export function decideRetry(f: FailureFacts, policy: RetryPolicy, random: () => number = Math.random): RetryDecision {
  if (f.kind === 'aborted') {
    return { retry: false, reason: 'cancelled' };
  }
  const throttled = f.kind === 'http' && f.status === 429 && f.retryAfterMs !== undefined;
  if (!f.idempotent && !throttled) {
    return { retry: false, reason: 'not idempotent' };
  }
  if (f.kind === 'http' && !RETRYABLE_STATUSES.has(f.status)) {
    return { retry: false, reason: `status ${f.status} is not retryable` };
  }
  if (f.kind === 'network' && f.code && PERMANENT_NETWORK_CODE.test(f.code)) {
    return { retry: false, reason: `${f.code} is permanent` };
  }
  if (f.attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${f.attempt} attempts` };
  }
  const delayMs = f.kind === 'http' && f.retryAfterMs !== undefined ? f.retryAfterMs : backoffDelay(f.attempt, policy, random);
  if (f.elapsedMs + delayMs > policy.maxTotalMs) {
    return { retry: false, reason: `waiting ${delayMs} ms would exceed the ${policy.maxTotalMs} ms budget` };
  }
  return { retry: true, delayMs };
}
