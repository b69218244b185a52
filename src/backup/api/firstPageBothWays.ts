// The first page of a session list on a connection that has not yet learnt whether the service takes the query
// options Microsoft's docs do not list (docs/fidelity.md): one `$batch` carries the request with the options and
// the same request without any, so a refusal costs no extra round trip (the plain answer is already in hand).
// Both are ordinary reads; the caller checks whichever page it uses exactly as it checks any other, and sends the
// request alone (the usual way, with its usual errors) when neither answer can be used.
import { batchItemError, encodeQuery, type GraphClient, type GraphPage, type QueryValue } from '../../graph';
import type { RestoreSession } from '../model';

export interface BothWays {
  /** The page asked with the options, the error it was answered with, or undefined when the answer is no list. */
  asked: GraphPage<RestoreSession> | Error | undefined;
  /** The same for the page asked without any option. */
  plain: GraphPage<RestoreSession> | Error | undefined;
}

export async function firstPageBothWays(client: GraphClient, path: string, wire: Record<string, QueryValue>, signal?: AbortSignal): Promise<BothWays> {
  const query = encodeQuery(wire);
  const requests = [
    { id: 'asked', method: 'GET', url: query ? `${path}?${query}` : path },
    { id: 'plain', method: 'GET', url: path },
  ];
  const [asked, plain] = await client.batch(requests, { signal });
  const page = (index: number, item: typeof asked): GraphPage<RestoreSession> | Error | undefined => {
    if (item.status < 200 || item.status >= 300) return batchItemError(client.baseUrl, requests[index], item);
    const body = item.body as { value?: unknown; '@odata.nextLink'?: unknown; '@odata.count'?: unknown } | undefined;
    if (!body || !Array.isArray(body.value)) return undefined;
    return {
      items: body.value as RestoreSession[],
      nextLink: typeof body['@odata.nextLink'] === 'string' && body['@odata.nextLink'] ? body['@odata.nextLink'] : undefined,
      count: typeof body['@odata.count'] === 'number' ? body['@odata.count'] : undefined,
      response: { status: item.status, headers: item.headers, body: item.body, requestId: item.headers['request-id'], clientRequestId: item.headers['client-request-id'] ?? '', durationMs: 0, attempts: 1 },
    };
  };
  return { asked: page(0, asked), plain: page(1, plain) };
}
