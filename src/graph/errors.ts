/**
 * The one error type of the Graph layer.
 *
 * Every failure of a Graph call (HTTP status, network, timeout, cancellation, unparseable body) is a
 * GraphError. Fields come from the OData error envelope
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}` when the server
 * sent one, otherwise from the response headers, otherwise from a fallback that quotes the status and
 * the start of the body. URLs are redacted before they are stored here, and request headers (so
 * Authorization) are never kept.
 */

export type GraphErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'parse';

export interface GraphErrorInit {
  kind: GraphErrorKind;
  status: number;
  code: string;
  message: string;
  method: string;
  url: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  retryAfterMs?: number;
  body?: unknown;
  attempts?: number;
  cause?: unknown;
}

/** How much of an unparseable body is quoted in a fallback message. */
export const BODY_EXCERPT_CHARS = 200;

export class GraphError extends Error {
  override readonly name = 'GraphError';
  readonly kind: GraphErrorKind;
  /** HTTP status; 0 when no response was received (network, timeout, aborted). */
  readonly status: number;
  /** OData `error.code`, or `HttpError` / `InvalidResponse` / `NetworkError` / `Timeout` / `Aborted`. */
  readonly code: string;
  readonly method: string;
  /** The request URL with credentials and token-like query values masked. */
  readonly url: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  readonly retryAfterMs?: number;
  /** The parsed response body, when it was JSON. */
  readonly body?: unknown;
  /** How many attempts were made before giving up (set by the client). */
  attempts: number;

  constructor(init: GraphErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
    this.attempts = init.attempts ?? 1;
  }

  /** True for HTTP 429 or 503/504, i.e. "the service asked us to slow down / try later". */
  get isThrottled(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504;
  }

  /** One line for people: what failed, the server's code and message, and the request-id to quote. */
  describe(): string {
    const what = `${this.method} ${pathOf(this.url)}`;
    const ids: string[] = [];
    if (this.requestId) {
      ids.push(`request-id ${this.requestId}`);
    }
    if (this.clientRequestId) {
      ids.push(`client-request-id ${this.clientRequestId}`);
    }
    if (this.date) {
      ids.push(`date ${this.date}`);
    }
    if (this.retryAfterMs !== undefined) {
      ids.push(`retry after ${formatSeconds(this.retryAfterMs)}`);
    }
    const tail = ids.length > 0 ? ` [${ids.join(', ')}]` : '';
    const msg = oneLine(this.message);
    switch (this.kind) {
      case 'http':
        return `${what} failed: ${this.status} ${this.code}: ${msg}${tail}`;
      case 'parse':
        return `${what} returned an invalid response (${this.code}): ${msg}${tail}`;
      case 'timeout':
        return `${what} timed out: ${msg}${tail}`;
      case 'aborted':
        return `${what} was cancelled${tail}`;
      case 'network':
      default:
        return `${what} failed (network): ${msg}${tail}`;
    }
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      code: this.code,
      message: this.message,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      date: this.date,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
    };
  }
}

export function isGraphError(e: unknown): e is GraphError {
  return e instanceof GraphError;
}

interface ResponseFacts {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  clientRequestId?: string;
  retryAfterMs?: number;
}

/** Builds the error for a non-2xx response, from the OData envelope when there is one. */
export function errorFromResponse(r: ResponseFacts): GraphError {
  let parsed: unknown;
  let parsedOk = false;
  if (r.bodyText.length > 0) {
    try {
      parsed = JSON.parse(r.bodyText);
      parsedOk = true;
    } catch {
      parsedOk = false;
    }
  }
  const envelope = parsedOk ? readEnvelope(parsed) : undefined;
  const inner = envelope?.inner;
  const headerRequestId = r.headers['request-id'] ?? r.headers['x-ms-request-id'];
  const code = envelope?.code || 'HttpError';
  const message = envelope?.message
    ? envelope.message
    : `HTTP ${r.status}${r.bodyText.length > 0 ? `: ${excerpt(r.bodyText)}` : ' with an empty body'}`;
  return new GraphError({
    kind: 'http',
    status: r.status,
    code,
    message,
    method: r.method,
    url: r.url,
    requestId: str(inner?.['request-id']) ?? str(inner?.requestId) ?? headerRequestId,
    clientRequestId: str(inner?.['client-request-id']) ?? r.headers['client-request-id'] ?? r.clientRequestId,
    date: str(inner?.date) ?? r.headers['date'],
    retryAfterMs: r.retryAfterMs,
    body: parsedOk ? parsed : undefined,
  });
}

/** Builds the error for a 2xx response whose body is not the JSON it should be. */
export function invalidResponseError(r: ResponseFacts, reason: string): GraphError {
  return new GraphError({
    kind: 'parse',
    status: r.status,
    code: 'InvalidResponse',
    message: `${reason} (HTTP ${r.status}, ${r.bodyText.length} chars${r.bodyText.length > 0 ? `: ${excerpt(r.bodyText)}` : ''})`,
    method: r.method,
    url: r.url,
    requestId: r.headers['request-id'] ?? r.headers['x-ms-request-id'],
    clientRequestId: r.headers['client-request-id'] ?? r.clientRequestId,
    date: r.headers['date'],
  });
}

interface Envelope {
  code?: string;
  message?: string;
  inner?: Record<string, unknown>;
}

function readEnvelope(parsed: unknown): Envelope | undefined {
  if (!isObject(parsed) || !isObject(parsed.error)) {
    return undefined;
  }
  const e = parsed.error;
  const innerRaw = e.innerError ?? e.innererror;
  return {
    code: str(e.code),
    message: str(e.message),
    inner: isObject(innerRaw) ? innerRaw : undefined,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The first ~200 characters of a body, on one line, quoted. */
export function excerpt(text: string, max = BODY_EXCERPT_CHARS): string {
  const flat = oneLine(text);
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

const SENSITIVE_PARAM = /token|secret|password|passwd|signature|assertion|api[-_]?key|^sig$|^code$|^key$/i;

/**
 * Removes credentials from a URL before it goes into an error or a log: user-info, and the values of
 * query parameters whose names look like secrets (access_token, $skiptoken, sig, code, client_secret...).
 */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/([?&][^=&#]*(?:token|secret|password|signature|sig|code|key)[^=&#]*=)[^&#]*/gi, '$1***');
  }
  if (u.username || u.password) {
    u.username = '';
    u.password = '';
  }
  // Work on the raw query so that untouched parameters keep their original spelling (' and $ stay).
  const hashAt = url.indexOf('#');
  const noHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = noHash.indexOf('?');
  const rawQuery = queryAt >= 0 ? noHash.slice(queryAt + 1) : '';
  if (!rawQuery) {
    return `${u.origin}${u.pathname}${u.search}${u.hash}`;
  }
  const parts = rawQuery.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) {
      return pair;
    }
    let name = pair.slice(0, eq);
    try {
      name = decodeURIComponent(name);
    } catch {
      // keep raw
    }
    return SENSITIVE_PARAM.test(name) ? `${pair.slice(0, eq)}=***` : pair;
  });
  return `${u.origin}${u.pathname}?${parts.join('&')}${u.hash}`;
}
