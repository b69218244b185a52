// Listing restore sessions correctly whatever the service does with query options Microsoft's docs do not list
// for this API (`$orderby`, `$filter`, `$top`, `$count`; docs/fidelity.md). The client asks for them, checks each
// answer, and falls back: options refused with a 400 are dropped and the request sent again; options an answer
// ignored are remembered (OptionSupport). Every page is filtered here as well, its order is flagged as the
// server's when it was not sorted as asked, and a count is given only when it is known to be right.
import type { GraphClient, GraphPage, QueryValue } from '../../graph';
import type { RestoreSession } from '../model';
import { firstPageBothWays } from './firstPageBothWays';
import type { SessionListQuery } from './inputs';
import { refusedOption, warnedOptions, type OptionSupport, type QueryOption } from './optionSupport';
import { odataString } from './paths';

export interface SessionPage extends GraphPage<RestoreSession> {
  /** True when the service did not sort the page newest / oldest first as asked: it is in the service's order. */
  serverOrder?: boolean;
}

/** What a continuation link still needs from this side: the filter, and whether the order is the server's. */
export interface Continuation {
  collection: string;
  query: SessionListQuery;
}

/** Pages of one collection of sessions, first request with the options the connection believes it supports. */
export async function* listSessions(client: GraphClient, support: OptionSupport, collection: string, path: string, query: SessionListQuery): AsyncGenerator<SessionPage> {
  for (;;) {
    const wire = wireQuery(query, (option) => support.supports(collection, option));
    const sent = Object.keys(wire).filter((k) => wire[k] !== undefined) as QueryOption[];
    if (sent.length && support.unknown(collection)) {
      const learnt = await firstPageLearning(client, support, collection, path, wire, sent, query.signal);
      if (learnt) {
        yield checkPage(support, collection, query, learnt.sent, learnt.page);
        if (learnt.page.nextLink) for await (const page of client.pages<RestoreSession>(learnt.page.nextLink, { signal: query.signal })) yield checkPage(support, collection, query, learnt.sent, page);
        return;
      }
    }
    const pages = client.pages<RestoreSession>(path, { query: wire, signal: query.signal });
    let first: GraphPage<RestoreSession> | undefined;
    try {
      const next = await pages.next();
      first = next.done ? undefined : next.value;
    } catch (error) {
      await pages.return(undefined);
      const option = refusedOption(error, sent);
      if (!option) throw error;
      droppedAfterRefusal(support, collection, option);
      continue;
    }
    if (!first) return;
    if (sent.length) support.answeredOn(collection);
    yield checkPage(support, collection, query, sent, first);
    for await (const page of pages) yield checkPage(support, collection, query, sent, page);
    return;
  }
}

/**
 * The first page while the connection does not know what the service does with the options: both ways in one
 * `$batch` (firstPageBothWays.ts). The asked page when it came back, the plain one when the asked one was refused
 * for an option (dropped as after a refusal alone); the error of the request that would have been sent alone when
 * it failed otherwise; undefined when an answer was no list, so the caller sends the request alone.
 */
async function firstPageLearning(
  client: GraphClient, support: OptionSupport, collection: string, path: string, wire: Record<string, QueryValue>, sent: readonly QueryOption[], signal?: AbortSignal,
): Promise<{ page: GraphPage<RestoreSession>; sent: readonly QueryOption[] } | undefined> {
  const { asked, plain } = await firstPageBothWays(client, path, wire, signal);
  if (asked && !(asked instanceof Error)) {
    support.answeredOn(collection);
    return { page: asked, sent };
  }
  if (!asked) return undefined;
  // Failed for something other than an option (throttled past the bound, 403, ...): as if it had been sent alone.
  const option = refusedOption(asked, sent);
  if (!option) throw asked;
  droppedAfterRefusal(support, collection, option);
  if (plain instanceof Error) throw plain;
  return plain ? { page: plain, sent: [] } : undefined;
}

/** The options a session list may ask for, none of them documented for this API (docs/fidelity.md). */
const LIST_OPTIONS: readonly QueryOption[] = ['$orderby', '$filter', '$top', '$count'];

/**
 * A service that refuses one option Microsoft does not document for session lists is taken to refuse the others
 * too, asked with it or not: one round trip (and one warning) per collection instead of one per option, `$count`
 * included, which the pre-Activate count would otherwise send alone later. Every page is right either way
 * (filtered, counted and ordered on this side).
 */
function droppedAfterRefusal(support: OptionSupport, collection: string, option: QueryOption): void {
  support.drop(collection, option, 'refused');
  for (const other of LIST_OPTIONS) if (other !== option) support.drop(collection, other, 'notAskedAgain');
}

/** A page reached through a continuation link: filtered and flagged like the page that handed the link out. */
export function continuePage(support: OptionSupport, continuation: Continuation, page: GraphPage<RestoreSession>): SessionPage {
  const sent = (['$orderby', '$filter'] as const).filter((o) => support.supports(continuation.collection, o));
  // A later page carries no count and may hold any number of items.
  return checkPage(support, continuation.collection, { ...continuation.query, count: false, top: undefined }, sent, page);
}

/** Checks what the answer honoured, remembers what it ignored, and shapes the page the caller sees. */
function checkPage(support: OptionSupport, collection: string, query: SessionListQuery, sent: readonly QueryOption[], page: GraphPage<RestoreSession>): SessionPage {
  const matches = predicate(query);
  const asked = (option: QueryOption) => sent.includes(option);
  const ignored = new Set<QueryOption>(warnedOptions(page.response.headers, sent));
  if (asked('$filter') && !page.items.every(matches)) ignored.add('$filter');
  if (asked('$orderby') && !isSorted(page.items, query.order ?? 'desc')) ignored.add('$orderby');
  if (asked('$top') && query.top !== undefined && page.items.length > query.top) ignored.add('$top');
  if (asked('$count') && page.count === undefined) ignored.add('$count');
  for (const option of ignored) support.drop(collection, option, 'ignored');

  const items = page.items.filter(matches);
  const filtered = !hasFilter(query) || (asked('$filter') && !ignored.has('$filter'));
  const counted = asked('$count') && !ignored.has('$count') && filtered;
  const count = counted ? page.count : page.nextLink === undefined && query.count ? items.length : undefined;
  const sorted = asked('$orderby') && !ignored.has('$orderby');
  return { ...page, items, count, ...(sorted ? {} : { serverOrder: true }) };
}

/** The options to send: only those the connection has not found unsupported on this collection. */
function wireQuery(query: SessionListQuery, supports: (option: QueryOption) => boolean): Record<string, QueryValue> {
  const filters: string[] = [];
  if (query.statuses?.length === 1) filters.push(`status eq ${odataString(query.statuses[0])}`);
  else if (query.statuses?.length) filters.push(`status in (${query.statuses.map(odataString).join(',')})`);
  if (query.createdAfter) filters.push(`createdDateTime ge ${query.createdAfter.toISOString()}`);
  if (query.createdBefore) filters.push(`createdDateTime le ${query.createdBefore.toISOString()}`);
  const wire: Record<string, QueryValue> = {};
  if (query.top !== undefined && supports('$top')) wire.$top = query.top;
  if (filters.length && supports('$filter')) wire.$filter = filters.join(' and ');
  if (supports('$orderby')) wire.$orderby = `createdDateTime ${query.order ?? 'desc'}`;
  if (query.count && supports('$count')) wire.$count = true;
  return wire;
}

function hasFilter(query: SessionListQuery): boolean {
  return Boolean(query.statuses?.length || query.createdAfter || query.createdBefore);
}

/** The filter of `query` applied on this side, so a page is right whether or not the service filtered it. */
function predicate(query: SessionListQuery): (session: RestoreSession) => boolean {
  const statuses = query.statuses?.length ? new Set<string>(query.statuses) : undefined;
  const after = query.createdAfter?.getTime();
  const before = query.createdBefore?.getTime();
  return (session) => {
    if (statuses && !statuses.has(session.status ?? '')) return false;
    const created = Date.parse(session.createdDateTime ?? '');
    if (after !== undefined && !(created >= after)) return false;
    if (before !== undefined && !(created <= before)) return false;
    return true;
  };
}

function isSorted(items: readonly RestoreSession[], order: 'asc' | 'desc'): boolean {
  for (let i = 1; i < items.length; i++) {
    const step = Date.parse(items[i].createdDateTime ?? '') - Date.parse(items[i - 1].createdDateTime ?? '');
    if (order === 'desc' ? step > 0 : step < 0) return false;
  }
  return true;
}
