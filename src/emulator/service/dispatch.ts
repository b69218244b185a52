// From a parsed request to a reply: the one path every Graph call takes, whether it arrived directly or
// inside a $batch. Errors of any kind become the Graph error envelope; standard headers are added here.
import type { Reply, RequestContext } from './context';
import type { EmulatorCore } from './core';
import { shapeForVersion } from './betaShapes';
import { asEmulatorError, errorBody } from './envelope';
import { EmulatorError } from '../errors';
import { countCollection } from './collectionCount';
import type { Router } from './router';
import { warningHeader } from './queryOptions';

/**
 * Runs before routing; throws an EmulatorError (401/403) to refuse. `batch` marks the outer `$batch` request;
 * each of its sub-requests is checked again on its own, with the outer Authorization header.
 */
export type Authenticate = (ctx: RequestContext, options?: { batch?: boolean }) => void | Promise<void>;

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function standardHeaders(ctx: Pick<RequestContext, 'requestId' | 'clientRequestId' | 'includeUnknownEnums'>): Record<string, string> {
  const headers: Record<string, string> = { 'request-id': ctx.requestId };
  if (ctx.clientRequestId) headers['client-request-id'] = ctx.clientRequestId;
  if (ctx.includeUnknownEnums) headers['Preference-Applied'] = 'include-unknown-enum-members';
  return headers;
}

export function errorReply(err: unknown, ctx: Pick<RequestContext, 'requestId' | 'clientRequestId' | 'includeUnknownEnums' | 'nowMs'>): Reply {
  const e = asEmulatorError(err);
  if (!(err instanceof EmulatorError)) console.error('[emulator] handler error:', err);
  return {
    status: e.status,
    // Graph's throttling answer carries a few more innerError fields (graph-backup-api.md §6.13).
    body: errorBody(e.code, e.message, ctx.requestId, ctx.clientRequestId, ctx.nowMs,
      e.status === 429 ? { code: '429', message: 'Please retry after', status: '429' } : {}),
    // Graph's answer to throttling and unavailability always says when to come back.
    headers: { ...standardHeaders(ctx), ...(e.status === 429 || e.status === 503 ? { 'Retry-After': '1' } : {}), ...e.headers },
  };
}

export async function dispatch(core: EmulatorCore, router: Router, ctx: RequestContext, authenticate?: Authenticate): Promise<Reply> {
  try {
    core.tick(ctx.nowMs);
    if (authenticate) await authenticate(ctx);
    const counting = ctx.segments.length > 0 && ctx.segments[ctx.segments.length - 1].toLowerCase() === '$count';
    const path = counting ? ctx.segments.slice(0, -1) : ctx.segments;
    const match = router.match(counting ? 'GET' : ctx.method, path);
    if (!match) {
      // Graph's answer to a path it cannot resolve names the first unknown segment.
      throw new EmulatorError(400, 'BadRequest', `Resource not found for the segment '${router.unresolvedSegment(ctx.segments)}'.`);
    }
    if ('allow' in match || (counting && ctx.method !== 'GET')) {
      const allow = 'allow' in match ? match.allow.join(', ') : 'GET';
      throw new EmulatorError(405, 'MethodNotAllowed', `The method ${ctx.method} is not allowed on this resource; allowed: ${allow}.`, { Allow: allow });
    }
    const reply = shapeForVersion(ctx, counting ? await countCollection(core, ctx, match.handler, match.params) : await match.handler(core, ctx, match.params));
    return { ...reply, headers: { ...standardHeaders(ctx), ...warningHeader(ctx.warnings), ...reply.headers } };
  } catch (err) {
    return errorReply(err, ctx);
  }
}

