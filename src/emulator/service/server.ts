// The HTTP pipeline: the request guard (guard.ts: loopback Host, same origin, control token) → request id →
// /_emulator controls (never faulted) → fault injection → body (size limit,
// UTF-8, JSON) → authentication hook → routing → one JSON.stringify → response. Nothing a client sends can
// take the process down: every failure is answered with the Graph error envelope.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { EmulatorError } from '../errors';
import { runBatch } from './batch';
import { readBody, parseJsonBody, BodyTooLarge } from './body';
import type { Reply, RequestContext } from './context';
import { clientRequestIdOf, prefersUnknownEnums } from './context';
import { buildControlRouter } from './controls';
import type { EmulatorCore } from './core';
import type { Authenticate } from './dispatch';
import { dispatch, errorReply, JSON_CONTENT_TYPE, standardHeaders } from './dispatch';
import type { FaultRule } from './faults';
import { FaultInjector, faultError } from './faults';
import type { GuardOptions } from './guard';
import { refusal } from './guard';
import { metadataReply } from '../metadata/metadata';
import { parsePath } from './paths';
import type { UndocumentedOptions } from './queryOptions';
import { buildRouter } from './routes';
import { applyXss } from './xssControl';

export interface PipelineOptions {
  core: EmulatorCore;
  authenticate?: Authenticate;
  /**
   * Handles requests outside Graph, $batch and /_emulator (e.g. sign-in endpoints added later); returns true
   * when it answered. Unanswered requests get the 404 envelope.
   */
  otherRequests?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Wraps the whole pipeline, e.g. with the identity endpoints, which answer before anything else. */
  wrap?: (pipeline: RequestListener) => RequestListener;
  /** Checked before anything else, identity endpoints included. */
  guard: GuardOptions;
  /** Test-only controls and response rewriting (the XSS route); absent from the shipped default. */
  testHooks: boolean;
  /** What to do with query options Microsoft's docs do not list for an API (queryOptions.ts). */
  undocumentedOptions: UndocumentedOptions;
}

const HOST_PATTERN = /^[A-Za-z0-9.\-:[\]]{1,255}$/;

export function createEmulatorServer(options: PipelineOptions): { server: Server; listener: RequestListener; faults: FaultInjector } {
  const { core, authenticate, otherRequests } = options;
  const router = buildRouter();
  const faults = new FaultInjector();
  const controls = buildControlRouter(faults, options.testHooks);
  const rewrite = (reply: Reply): Reply => (options.testHooks ? applyXss(core, reply) : reply);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestId = clientRequestIdOf(req.headers['client-request-id']);
    const includeUnknownEnums = prefersUnknownEnums(req.headers.prefer);
    const base = { requestId, clientRequestId, includeUnknownEnums, nowMs: core.clock.now() };
    const method = (req.method ?? 'GET').toUpperCase();
    let truncate = false;
    try {
      const target = req.url ?? '/';
      const parsed = parsePath(target);
      if (parsed.area !== 'controls') {
        const fault = faults.pick(method, target.split('?')[0]);
        if (fault) {
          const outcome = await applyFault(fault, faults.delayOf(fault), req, res, base);
          if (outcome === 'handled') return;
          truncate = outcome === 'truncate';
        }
      }
      if (parsed.area === 'other' && otherRequests && await otherRequests(req, res)) return;
      const body = parseJsonBody(await readBody(req), req.headers['content-type']);
      const host = typeof req.headers.host === 'string' && HOST_PATTERN.test(req.headers.host) ? req.headers.host : `127.0.0.1:${(req.socket.localPort ?? 0)}`;
      const ctx: RequestContext = {
        method, segments: parsed.segments, version: parsed.version ?? 'v1.0', query: parsed.query, headers: req.headers, body,
        serviceBase: `${(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${host}/${parsed.version ?? 'v1.0'}`, includeUnknownEnums, requestId, clientRequestId, nowMs: core.clock.now(),
        undocumentedOptions: options.undocumentedOptions, warnings: [],
      };
      let reply: Reply;
      if (parsed.area === 'controls') reply = await dispatchControls(ctx);
      else if (parsed.area === 'graph' && parsed.version) reply = rewrite(await dispatch(core, router, ctx, authenticate));
      else if (parsed.area === 'batch') reply = rewrite(await dispatchBatch(ctx));
      else if (parsed.area === 'metadata') reply = dispatchMetadata(ctx);
      else throw new EmulatorError(404, 'ResourceNotFound', `No resource at '${target.split('?')[0]}'. Graph paths start with /v1.0/solutions/backupRestore or /beta/solutions/backupRestore.`);
      send(res, reply, truncate);
    } catch (err) {
      const reply = errorReply(err, base);
      if (err instanceof BodyTooLarge) {
        // Stop reading: answer, then close the connection rather than drain megabytes nobody will use.
        reply.headers = { ...reply.headers, Connection: 'close' };
        res.on('finish', () => req.socket.destroy());
      }
      send(res, reply, false);
    }
  }

  async function dispatchControls(ctx: RequestContext): Promise<Reply> {
    try {
      const match = controls.match(ctx.method, ctx.segments);
      if (!match) throw new EmulatorError(404, 'ResourceNotFound', `No emulator control at /_emulator/${ctx.segments.join('/')}.`);
      if ('allow' in match) throw new EmulatorError(405, 'MethodNotAllowed', `Allowed: ${match.allow.join(', ')}.`, { Allow: match.allow.join(', ') });
      const reply = await match.handler(core, ctx, match.params);
      return { ...reply, headers: { ...standardHeaders(ctx), ...reply.headers } };
    } catch (err) {
      return errorReply(err, ctx);
    }
  }

  function dispatchMetadata(ctx: RequestContext): Reply {
    try {
      if (ctx.method !== 'GET') throw new EmulatorError(405, 'MethodNotAllowed', '$metadata accepts GET only.', { Allow: 'GET' });
      return { ...metadataReply(ctx.version), headers: standardHeaders(ctx) };
    } catch (err) {
      return errorReply(err, ctx);
    }
  }

  async function dispatchBatch(ctx: RequestContext): Promise<Reply> {
    try {
      if (ctx.method !== 'POST') throw new EmulatorError(405, 'MethodNotAllowed', '$batch accepts POST only.', { Allow: 'POST' });
      if (authenticate) await authenticate(ctx, { batch: true });
      const reply = await runBatch(core, router, ctx, faults, authenticate);
      return { ...reply, headers: { ...standardHeaders(ctx), ...reply.headers } };
    } catch (err) {
      return errorReply(err, ctx);
    }
  }

  const pipeline: RequestListener = (req, res) => {
    handle(req, res).catch((err) => {
      // Last resort: the pipeline itself failed; answer if we still can and keep serving.
      console.error('[emulator] pipeline error:', err);
      if (!res.headersSent) send(res, errorReply(err, { requestId: randomUUID(), includeUnknownEnums: false, nowMs: Date.now() }), false);
      else res.destroy();
    });
  };
  const inner = options.wrap ? options.wrap(pipeline) : pipeline;
  const listener: RequestListener = (req, res) => {
    const refused = refusal(req, options.guard);
    if (!refused) {
      inner(req, res);
      return;
    }
    req.resume();
    send(res, errorReply(refused, { requestId: randomUUID(), includeUnknownEnums: false, nowMs: core.clock.now() }), false);
  };
  const server = createServer(listener);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return { server, listener, faults };
}

type FaultOutcome = 'handled' | 'continue' | 'truncate';

async function applyFault(fault: FaultRule, delayMs: number, req: IncomingMessage, res: ServerResponse, base: Parameters<typeof errorReply>[1]): Promise<FaultOutcome> {
  switch (fault.kind) {
    case 'reset':
      req.socket.destroy();
      return 'handled';
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return 'continue';
    case 'truncate':
      return 'truncate';
    case 'throttle':
    case 'unavailable':
      req.resume();
      send(res, errorReply(faultError(fault), base), false);
      return 'handled';
  }
}

function send(res: ServerResponse, reply: Reply, truncate: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const text = reply.text?.value ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.text) headers['Content-Type'] = reply.text.contentType;
  else if (reply.body !== undefined) headers['Content-Type'] = JSON_CONTENT_TYPE;
  if (truncate && text.length > 1) {
    // Half the JSON with a clean end: the client gets a body it cannot parse, as after a cut-off proxy.
    res.writeHead(reply.status, headers);
    res.end(text.slice(0, Math.floor(text.length / 2)));
    return;
  }
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(reply.status, headers);
  res.end(text);
}
