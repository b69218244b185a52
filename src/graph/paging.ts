/**
 * `@odata.nextLink` paging: fetch a page, yield its items, follow the link (opaque; absolute, or
 * relative to the version root) until there is none. Each page body is parsed once, by the client.
 * A link to another origin is an error (never followed: the token stays with its origin, and a foreign
 * server's items are never merged), and a collection stops with an error after `MAX_PAGES` pages.
 */

import { GraphError } from './errors';
import type { GraphPage, GraphResponse } from './types';
import { resolveNextLink, sameOrigin } from './url';

/** No restore-session collection comes near this many pages; a server that keeps linking is broken. */
export const MAX_PAGES = 1000;

interface ODataCollection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
}

export async function* iteratePages<T>(
  baseUrl: string,
  firstUrl: string,
  fetchPage: (url: string) => Promise<GraphResponse<unknown>>,
  maxPages: number = MAX_PAGES,
): AsyncGenerator<GraphPage<T>> {
  let url: string | undefined = firstUrl;
  const seen = new Set<string>();
  while (url !== undefined) {
    seen.add(url);
    const response = await fetchPage(url);
    const body = response.body as ODataCollection<T> | undefined;
    if (typeof body !== 'object' || body === null || (body.value !== undefined && !Array.isArray(body.value))) {
      throw notACollection(url, response, 'the response is not an OData collection ({"value": [...]})');
    }
    const nextLink = typeof body['@odata.nextLink'] === 'string' && body['@odata.nextLink'] ? body['@odata.nextLink'] : undefined;
    const count = typeof body['@odata.count'] === 'number' ? body['@odata.count'] : undefined;
    yield { items: body.value ?? [], nextLink, count, response };
    if (nextLink === undefined) {
      return;
    }
    const next = resolveNextLink(baseUrl, nextLink);
    if (!sameOrigin(next, baseUrl)) {
      throw notACollection(url, response, `the @odata.nextLink leads to another server (${new URL(next).origin})`);
    }
    if (seen.size >= maxPages) {
      throw notACollection(url, response, `the collection has more than ${maxPages} pages`);
    }
    if (seen.has(next)) {
      throw notACollection(url, response, 'the @odata.nextLink points back to a page already read');
    }
    url = next;
  }
}

function notACollection(url: string, response: GraphResponse<unknown>, reason: string): GraphError {
  return new GraphError({
    kind: 'parse',
    status: response.status,
    code: 'InvalidResponse',
    message: `Paging stopped: ${reason}`,
    method: 'GET',
    url,
    requestId: response.requestId,
    clientRequestId: response.clientRequestId,
    date: response.date,
    attempts: response.attempts,
  });
}
