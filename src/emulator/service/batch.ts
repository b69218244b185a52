// JSON batching (`POST /{version}/$batch`, https://learn.microsoft.com/en-us/graph/json-batching): up to 20
// requests, each dispatched through the same router as a direct call, in order. Each sub-request has only its
// own headers (the outer `Prefer` does not apply to it); `dependsOn` names earlier requests, and a request whose
// dependency failed answers 424. Throttle / 503 faults can hit single sub-requests (429 + Retry-After inside the
// batch response), matched on the sub-request's own path. Latency faults on sub-requests add up the way Graph
// serves a batch: independent sub-requests run side by side, so the batch answers after its slowest chain of
// `dependsOn` (one latency for a batch of independent reads, not twenty).
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { LIMITS } from '../../backup/model';
import { badRequest, EmulatorError } from '../errors';
import type { Reply, RequestContext } from './context';
import { clientRequestIdOf, ok, prefersUnknownEnums } from './context';
import type { EmulatorCore } from './core';
import type { Authenticate } from './dispatch';
import { dispatch, errorReply } from './dispatch';
import { parsePath } from './paths';
import type { FaultInjector } from './faults';
import { faultError } from './faults';
import type { Router } from './router';
import { isObject } from './validate';

export async function runBatch(core: EmulatorCore, router: Router, outer: RequestContext, faults: FaultInjector, authenticate?: Authenticate): Promise<Reply> {
  const body = outer.body;
  if (!isObject(body) || !Array.isArray(body.requests)) throw badRequest('BadRequest', 'A $batch body is { "requests": [ { "id", "method", "url", "headers"?, "body"? } ] }.');
  const requests = body.requests;
  if (requests.length === 0) throw badRequest('BadRequest', 'A $batch needs at least one request.');
  if (requests.length > LIMITS.batchRequests) throw badRequest('BadRequest', `A $batch holds at most ${LIMITS.batchRequests} requests; this one has ${requests.length}.`);
  const ids = new Set<string>();
  for (const [i, request] of requests.entries()) {
    if (!isObject(request)) throw badRequest('BadRequest', `$batch request ${i} is not an object.`);
    for (const key of Object.keys(request)) {
      if (!['id', 'method', 'url', 'headers', 'body', 'dependsOn', 'atomicityGroup'].includes(key)) throw badRequest('BadRequest', `$batch request ${i}: unknown property '${key}'.`);
    }
    if (request.atomicityGroup !== undefined) throw badRequest('BadRequest', `$batch request ${i}: 'atomicityGroup' is not supported.`);
    if (typeof request.id !== 'string' || request.id === '') throw badRequest('BadRequest', `$batch request ${i} needs a string 'id'.`);
    if (ids.has(request.id)) throw badRequest('BadRequest', `$batch request id '${request.id}' is used twice.`);
    if (request.dependsOn !== undefined && (!Array.isArray(request.dependsOn) || request.dependsOn.some((d) => typeof d !== 'string' || !ids.has(d)))) {
      throw badRequest('BadRequest', `$batch request '${request.id}': 'dependsOn' must list ids of requests that come before it in the batch.`);
    }
    ids.add(request.id);
    if (typeof request.method !== 'string' || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(request.method)) throw badRequest('BadRequest', `$batch request '${request.id}' needs a method (GET, POST, PATCH, PUT or DELETE).`);
    if (typeof request.url !== 'string' || /^[a-z]+:\/\//i.test(request.url)) throw badRequest('BadRequest', `$batch request '${request.id}' needs a relative 'url' such as /solutions/backupRestore/restoreSessions.`);
    if (request.headers !== undefined && (!isObject(request.headers) || Object.values(request.headers).some((v) => typeof v !== 'string'))) {
      throw badRequest('BadRequest', `$batch request '${request.id}': 'headers' must map names to strings.`);
    }
  }
  const responses: unknown[] = [];
  const statuses = new Map<string, number>();
  /** When each sub-request would have finished, in latency-fault milliseconds after the batch arrived. */
  const finishedAfter = new Map<string, number>();
  for (const request of requests as Record<string, unknown>[]) {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries((request.headers as Record<string, string> | undefined) ?? {})) headers[name.toLowerCase()] = value;
    // Sub-requests act with the batch's credentials, never with ones smuggled into the JSON.
    if (outer.headers.authorization) headers.authorization = outer.headers.authorization;
    else delete headers.authorization;
    const sub: RequestContext = {
      ...outer,
      method: String(request.method).toUpperCase(),
      headers,
      body: request.body,
      requestId: randomUUID(),
      clientRequestId: clientRequestIdOf(headers['client-request-id']),
      includeUnknownEnums: prefersUnknownEnums(headers.prefer),
      segments: [],
      query: new Map(),
      warnings: [],
    };
    let reply: Reply;
    try {
      const url = String(request.url);
      const parsed = parsePath(url.startsWith('/') ? url : '/' + url);
      if (parsed.area !== 'graph') throw badRequest('BadRequest', `$batch request '${request.id}': the url must be under /solutions/backupRestore.`);
      sub.segments = parsed.segments;
      sub.query = parsed.query;
      const failed = (request.dependsOn as string[] | undefined)?.find((d) => !isSuccess(statuses.get(d)));
      const fault = failed === undefined ? faults.pick(sub.method, `/${outer.version}${url.startsWith('/') ? url : '/' + url}`.split('?')[0], { inBatch: true }) : undefined;
      if (failed !== undefined) reply = errorReply(new EmulatorError(424, 'FailedDependency', `Request '${failed}', which this request depends on, failed.`), sub);
      else if (fault && fault.kind !== 'latency') reply = errorReply(faultError(fault), sub);
      else {
        const startsAfter = Math.max(0, ...((request.dependsOn as string[] | undefined) ?? []).map((d) => finishedAfter.get(d) ?? 0));
        finishedAfter.set(String(request.id), startsAfter + (fault ? faults.delayOf(fault) : 0));
        reply = await dispatch(core, router, sub, authenticate);
      }
    } catch (err) {
      reply = errorReply(err, sub);
    }
    statuses.set(String(request.id), reply.status);
    const replyHeaders: Record<string, string> = { ...reply.headers };
    const body = reply.text?.value ?? reply.body;
    if (body !== undefined) replyHeaders['Content-Type'] = reply.text?.contentType ?? 'application/json';
    responses.push({ id: request.id, status: reply.status, headers: replyHeaders, ...(body !== undefined ? { body } : {}) });
  }
  const slowest = Math.max(0, ...finishedAfter.values());
  if (slowest > 0) await new Promise((resolve) => setTimeout(resolve, slowest));
  return ok({ responses });
}

const isSuccess = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;
