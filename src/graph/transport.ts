/**
 * HttpTransport: one undici dispatcher (keep-alive pool per origin, optional proxy, optional extra CA)
 * and one operation, `send`, which performs a single HTTP exchange with a per-attempt timeout and an
 * AbortSignal, and returns status, headers and the whole body as text.
 *
 * Nothing here knows about Graph, JSON or retries, so other HTTP users (the MSAL network client of the
 * sign-in feature) can share the same pool and proxy settings.
 */

import { EventEmitter } from 'node:events';
import * as tls from 'node:tls';
import type * as Undici from 'undici';
import type { Agent, Dispatcher } from 'undici';

let undiciModule: typeof Undici | undefined;
/**
 * undici is loaded when the first transport is made, not when this module loads: activating the extension
 * must not pay for parsing the HTTP stack (the extension bundle keeps it in a separate file, see esbuild.js).
 */
function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (undiciModule ??= require('undici') as typeof Undici);
}

export interface HttpTransportOptions {
  /** Extra trusted CA certificate(s), PEM, added to Node's default roots (for a local https emulator). */
  ca?: string | readonly string[];
  /** Honour HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment. Default true. Loopback is never proxied. */
  proxyFromEnv?: boolean;
  /** Explicit proxy URL; wins over HTTP(S)_PROXY (NO_PROXY and the loopback bypass still apply). */
  proxy?: string;
  /** Default per-request timeout (headers and body), ms. Default 30 000. */
  timeoutMs?: number;
  /** Max sockets per origin. Default 16. */
  connectionsPerOrigin?: number;
  /** Idle keep-alive time of pooled sockets, ms. Default 30 000. */
  keepAliveTimeoutMs?: number;
}

export interface TransportRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Overrides the transport's default timeout for this request. 0 disables it. */
  timeoutMs?: number;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers are joined with ", ". */
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

export type TransportErrorKind = 'network' | 'timeout' | 'aborted';

/** A request that got no complete response: connection failure, reset, truncated body, timeout, abort. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  /** The underlying error code when there is one (ECONNRESET, UND_ERR_SOCKET, ...). */
  readonly code?: string;
  /** Status when headers had arrived before the failure (a body cut short), else 0. */
  readonly status: number;
  readonly durationMs: number;

  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    options: { cause?: unknown; code?: string; status?: number; durationMs: number },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status ?? 0;
    this.durationMs = options.durationMs;
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export class HttpTransport {
  readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(options: HttpTransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.dispatcher = createDispatcher(options);
  }

  /** Performs one HTTP exchange. Resolves for any status; rejects only with TransportError. */
  async send(req: TransportRequest): Promise<TransportResponse> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const outer = req.signal;
    if (outer?.aborted) {
      throw new TransportError('aborted', 'The request was cancelled', { cause: outer.reason, durationMs: 0 });
    }
    if (this.closed) {
      throw new TransportError('network', 'The HTTP transport is closed', { durationMs: 0 });
    }

    // undici accepts an EventEmitter as the abort signal; it costs far less per request than an AbortController
    // (its EventTarget listeners showed up in the benchmark profile, docs/benchmarks.md).
    const controller = new AbortLink();
    let timedOut = false;
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const onOuterAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new Error(`timed out after ${timeoutMs} ms`));
          }, timeoutMs)
        : undefined;

    let status = 0;
    try {
      const res = await undici().request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body,
        signal: controller,
        dispatcher: this.dispatcher,
        // Our own timer bounds the whole exchange; undici's separate limits would only add noise.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      status = res.statusCode;
      const body = await res.body.text();
      return { status, headers: flattenHeaders(res.headers), body, durationMs: elapsed() };
    } catch (err) {
      const durationMs = elapsed();
      if (timedOut) {
        throw new TransportError('timeout', `No complete response within ${timeoutMs} ms`, { cause: err, status, durationMs });
      }
      if (outer?.aborted) {
        throw new TransportError('aborted', 'The request was cancelled', { cause: err, status, durationMs });
      }
      const code = errorCode(err);
      const base = err instanceof Error ? err.message : String(err);
      const message = status > 0 ? `Response body cut short after HTTP ${status}: ${base}` : base;
      throw new TransportError('network', code && !message.includes(code) ? `${message} (${code})` : message, {
        cause: err,
        code,
        status,
        durationMs,
      });
    } finally {
      if (timer) {
        clearTimeout(timer);
      }
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  /** Closes pooled connections after in-flight requests finish. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    await this.dispatcher.close();
  }
}

/** The smallest abort signal undici takes: `aborted`, `reason`, and an 'abort' event (EventEmitter flavour). */
class AbortLink extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

function createDispatcher(options: HttpTransportOptions): Dispatcher {
  const cas = options.ca === undefined ? [] : typeof options.ca === 'string' ? [options.ca] : [...options.ca];
  // `ca` replaces Node's roots, so keep them and add ours: an extra CA must not make Graph untrusted.
  const tlsOptions = cas.length > 0 ? { ca: [...tls.rootCertificates, ...cas] } : {};
  const agentOptions: Agent.Options = {
    connections: options.connectionsPerOrigin ?? 16,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    connect: { ...tlsOptions },
  };
  const env = process.env;
  const envNoProxy = (env.no_proxy ?? env.NO_PROXY ?? '').trim();
  const explicit = options.proxy?.trim();
  const fromEnv = (options.proxyFromEnv ?? true) && Boolean(env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY);
  if ((!explicit && !fromEnv) || (!explicit && envNoProxy === '*')) {
    return new (undici().Agent)(agentOptions);
  }
  // Loopback (the local emulator) never goes through a proxy; NO_PROXY from the environment still applies.
  const noProxy = [envNoProxy === '*' ? '' : envNoProxy, ...LOOPBACK_HOSTS].filter(Boolean).join(',');
  return new (undici().EnvHttpProxyAgent)({
    ...agentOptions,
    requestTls: { ...tlsOptions },
    noProxy,
    ...(explicit ? { httpProxy: explicit, httpsProxy: explicit } : {}),
  });
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) {
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
  }
  return out;
}

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      // Prefer the OS-level code (ECONNRESET) over undici's wrapper code when both exist.
      const inner = (e as { cause?: { code?: unknown } }).cause?.code;
      return typeof inner === 'string' ? inner : code;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
