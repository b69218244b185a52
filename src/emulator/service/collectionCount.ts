// `GET …/{collection}/$count`: the number of items of a collection as a text/plain integer, the OData path
// segment Microsoft's SDKs generate for every collection of the metadata (no Backup Storage page lists it).
// Counted by walking the collection's own pages, so it agrees with the list whatever options it honours.
import { badRequest } from '../errors';
import type { Reply, RequestContext } from './context';
import type { EmulatorCore } from './core';
import type { Handler, Params } from './router';

export async function countCollection(core: EmulatorCore, ctx: RequestContext, handler: Handler, params: Params): Promise<Reply> {
  const page: RequestContext = { ...ctx, segments: ctx.segments.slice(0, -1), query: new Map(ctx.query) };
  let total = 0;
  for (;;) {
    const reply = await handler(core, page, params);
    const body = reply.body as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
    if (reply.status !== 200 || !Array.isArray(body?.value)) {
      throw badRequest('BadRequest', `'$count' applies to collections; '/${page.segments.join('/')}' is not one.`);
    }
    total += body.value.length;
    const next = body['@odata.nextLink'];
    const token = typeof next === 'string' ? new URL(next).searchParams.get('$skiptoken') : null;
    if (token === null) break;
    page.query = new Map(page.query).set('$skiptoken', token);
  }
  return { status: 200, text: { value: String(total), contentType: 'text/plain; charset=utf-8' } };
}
