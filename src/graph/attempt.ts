/**
 * One attempt of a Graph request: send it over the transport, parse a 2xx body, and turn anything else into
 * a GraphError. No retries and no logging here; GraphClient's `send()` loops over this and decides.
 */

import { GraphError, errorFromResponse, invalidResponseError } from './errors';
import { parseRetryAfter } from './retry';
import { HttpTransport, TransportError } from './transport';
import type { GraphResponse } from './types';

export interface AttemptRequest {
  method: string;
  url: string;
  /** The URL as logged and quoted in errors (secrets in the query masked). */
  safeUrl: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  clientRequestId: string;
}

/** What one attempt produced: a parsed answer, or the error with what was seen of the answer. */
export type AttemptOutcome =
  | { ok: true; response: Omit<GraphResponse<unknown>, 'durationMs' | 'attempts'>; transportMs: number }
  | { ok: false; error: GraphError; status: number; requestId?: string };

export async function attemptOnce(transport: HttpTransport, r: AttemptRequest): Promise<AttemptOutcome> {
  const { method, safeUrl, clientRequestId } = r;
  try {
    const res = await transport.send({ method, url: r.url, headers: r.headers, body: r.body, signal: r.signal, timeoutMs: r.timeoutMs });
    const requestId = res.headers['request-id'] ?? res.headers['x-ms-request-id'];
    const facts = {
      method,
      url: safeUrl,
      status: res.status,
      headers: res.headers,
      bodyText: res.body,
      clientRequestId,
      retryAfterMs: parseRetryAfter(res.headers['retry-after']),
    };
    if (res.status < 200 || res.status >= 300) {
      return { ok: false, error: errorFromResponse(facts), status: res.status, requestId };
    }
    const parsed = parseBody(res.status, res.headers, res.body);
    if (!parsed.ok) {
      return { ok: false, error: invalidResponseError(facts, parsed.reason), status: res.status, requestId };
    }
    return {
      ok: true,
      transportMs: res.durationMs,
      response: { status: res.status, body: parsed.value, headers: res.headers, requestId, clientRequestId, date: res.headers['date'] },
    };
  } catch (err) {
    if (!(err instanceof TransportError)) {
      throw err;
    }
    return { ok: false, error: fromTransportError(err, method, safeUrl, clientRequestId), status: err.status };
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

/** Serialises a JSON body and sets its content type unless the caller chose one. */
export function encodeBody(body: unknown, headers: Record<string, string>): string | Uint8Array | undefined {
  if (body === undefined) {
    return undefined;
  }
  headers['content-type'] ??= 'application/json';
  return typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
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

export function abortedError(method: string, url: string, clientRequestId: string, attempts: number, cause: unknown): GraphError {
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
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
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
