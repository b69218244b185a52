// `POST …BrowseSessions/{id}/browse` over a unit's synthetic tree (browseTree.ts).
//   {}                                → the top-level location (the site, or the OneDrive's personal site)
//   browseLocationItemKey (+ type)    → the children of that site / document library / folder
//   filter "(name -contains 'x')"     → every item below the location whose name contains x (case-insensitive);
//                                       the search is recursive, which is what makes the path orders meaningful
//   orderBy pathAsc (default) | pathDsc | nameAsc | nameDsc
// Results are paged; nextFetchToken carries the query and the offset, sealed with a checksum over the unit and
// restore point, so `GET …/browse?$skiptoken=…` works without a body and a token works only in its own session. The docs define no browse-specific error code, so bad input is
// answered with Graph's generic 400 `invalidRequest`.
import {
  BROWSABLE_RESOURCE_TYPES, BROWSE_QUERY_ORDERS, isMember, type BrowseQueryOrder, type BrowseQueryResponseItem, type BrowseRequest,
} from '../../backup/model';
import { badRequest } from '../errors';
import type { BrowseNode, BrowseTree } from './browseTree';
import { checksum, fromToken, toToken } from './hash';

export const BROWSE_ERROR_CODE = 'invalidRequest';
const invalid = (message: string) => badRequest(BROWSE_ERROR_CODE, message);

export interface BrowsePage {
  items: BrowseQueryResponseItem[];
  count: number;
  nextFetchToken?: string;
}

/** The one filter form the service documents: `(name -contains 'text')`, quotes doubled inside the text. */
export function parseNameFilter(filter: string): string {
  const match = /^\s*\(?\s*name\s+-contains\s+'((?:[^']|'')*)'\s*\)?\s*$/i.exec(filter);
  const balanced = match && (filter.trim().startsWith('(') === filter.trim().endsWith(')'));
  if (!match || !balanced) {
    throw invalid(`Unsupported filter '${filter}'. The browse filter supports only the name, as in "(name -contains 'report')".`);
  }
  return match[1].replace(/''/g, "'");
}

export function toResponseItem(node: BrowseNode): BrowseQueryResponseItem {
  const item: BrowseQueryResponseItem = {
    itemKey: node.itemKey,
    name: node.name,
    type: node.type,
    itemsCount: node.children.length,
    webUrl: node.webUrl,
  };
  if (node.sizeInBytes !== undefined) item.sizeInBytes = String(node.sizeInBytes);
  return item;
}

function locate(tree: BrowseTree, request: BrowseRequest): BrowseNode | undefined {
  const key = request.browseLocationItemKey ?? undefined;
  const type = request.browseResourceType ?? undefined;
  if (type !== undefined && (!isMember(BROWSABLE_RESOURCE_TYPES, type) || type === 'unknownFutureValue')) {
    throw invalid(`browseResourceType must be one of site, documentLibrary, folder; not '${String(type)}'.`);
  }
  if (key === undefined || key === '') {
    if (type !== undefined && type !== 'none') throw invalid('browseResourceType was given without browseLocationItemKey.');
    return undefined;
  }
  const node = tree.byKey.get(key);
  if (!node) throw invalid(`The item '${key}' given as browseLocationItemKey does not exist in this browse session.`);
  if (node.type === 'file') throw invalid(`The item '${node.name}' is a file; only a site, document library or folder can be browsed.`);
  if (type !== undefined && type !== 'none' && type !== node.type) {
    throw invalid(`browseResourceType is '${type}' but the item '${node.name}' is a ${node.type}.`);
  }
  return node;
}

function descendants(node: BrowseNode, into: BrowseNode[] = []): BrowseNode[] {
  for (const child of node.children) {
    into.push(child);
    descendants(child, into);
  }
  return into;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDERINGS: Record<Exclude<BrowseQueryOrder, 'unknownFutureValue'>, (a: BrowseNode, b: BrowseNode) => number> = {
  pathAsc: (a, b) => compareText(a.path.toLowerCase(), b.path.toLowerCase()),
  pathDsc: (a, b) => compareText(b.path.toLowerCase(), a.path.toLowerCase()),
  nameAsc: (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.path, b.path),
  nameDsc: (a, b) => compareText(b.name.toLowerCase(), a.name.toLowerCase()) || compareText(a.path, b.path),
};

export function browseTree(
  tree: BrowseTree,
  fingerprint: string,
  body: BrowseRequest,
  page: { size: number; nextFetchToken?: string },
): BrowsePage {
  // A next-page token carries the query it belongs to, so `GET …/browse?$skiptoken=…` needs no body.
  const resumed = page.nextFetchToken === undefined ? undefined : decodeToken(page.nextFetchToken, fingerprint);
  const request = resumed?.request ?? body;
  if (request === null || typeof request !== 'object') throw invalid('The request body must be a JSON object.');
  const order = request.orderBy ?? 'pathAsc';
  if (!isMember(BROWSE_QUERY_ORDERS, order) || order === 'unknownFutureValue') {
    throw invalid(`orderBy must be one of pathAsc, pathDsc, nameAsc, nameDsc; not '${String(order)}'.`);
  }
  const location = locate(tree, request);
  const filter = request.filter == null || request.filter === '' ? undefined : parseNameFilter(String(request.filter));

  let nodes: BrowseNode[];
  if (filter === undefined) nodes = location ? [...location.children] : [tree.root];
  else {
    const needle = filter.toLowerCase();
    nodes = (location ? descendants(location) : [tree.root, ...descendants(tree.root)]).filter((n) => n.name.toLowerCase().includes(needle));
  }
  nodes.sort(ORDERINGS[order]);

  const offset = resumed?.offset ?? 0;
  const end = offset + Math.max(1, Math.floor(page.size));
  const next: BrowseRequest = {
    browseLocationItemKey: location?.itemKey, browseResourceType: location?.type as BrowseRequest['browseResourceType'],
    filter: request.filter ?? undefined, orderBy: order,
  };
  return {
    items: nodes.slice(offset, end).map(toResponseItem),
    count: nodes.length,
    nextFetchToken: end < nodes.length ? encodeToken(next, end, fingerprint) : undefined,
  };
}

function encodeToken(request: BrowseRequest, offset: number, fingerprint: string): string {
  const body = JSON.stringify({ r: request, o: offset });
  return toToken(`${body}~${checksum(`${fingerprint}|${body}`)}`);
}

function decodeToken(token: string, fingerprint: string): { request: BrowseRequest; offset: number } {
  const text = fromToken(token) ?? '';
  const cut = text.lastIndexOf('~');
  const body = text.slice(0, cut);
  try {
    if (cut > 0 && text.slice(cut + 1) === checksum(`${fingerprint}|${body}`)) {
      const parsed = JSON.parse(body) as { r: BrowseRequest; o: number };
      if (Number.isInteger(parsed.o) && parsed.o >= 0) return { request: parsed.r, offset: parsed.o };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('The nextFetchToken is not valid for this browse session.');
}
