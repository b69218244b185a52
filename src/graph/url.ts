/**
 * URL building for Graph: joining a path to the version root, OData query strings, and resolving
 * `@odata.nextLink` values (absolute, or relative to the version root as in Graph's examples).
 */

export type QueryValue = string | number | boolean | undefined;

/** Normalises a version root: no trailing slash. Throws on anything but an absolute http(s) URL. */
export function normaliseBaseUrl(baseUrl: string): string {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new TypeError(`baseUrl must be http(s), got ${u.protocol}`);
  }
  if (u.search || u.hash) {
    throw new TypeError('baseUrl must not carry a query or fragment');
  }
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

export function isAbsoluteUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/**
 * Encodes an OData query: values with encodeURIComponent (so `status eq 'draft'` becomes
 * `status%20eq%20'draft'`), keys likewise but keeping `$` (`$filter`, `$top`). Undefined values are skipped.
 */
export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) {
    return '';
  }
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    parts.push(`${encodeURIComponent(key).replace(/%24/g, '$')}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

/** `pathOrUrl` absolute: used verbatim; otherwise appended to the version root. Then the query. */
export function buildUrl(baseUrl: string, pathOrUrl: string, query?: Record<string, QueryValue>): string {
  const url = isAbsoluteUrl(pathOrUrl) ? pathOrUrl : `${baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
  const q = encodeQuery(query);
  if (!q) {
    return url;
  }
  const hash = url.indexOf('#');
  const head = hash >= 0 ? url.slice(0, hash) : url;
  const sep = head.includes('?') ? (head.endsWith('?') || head.endsWith('&') ? '' : '&') : '?';
  return `${head}${sep}${q}${hash >= 0 ? url.slice(hash) : ''}`;
}

/**
 * Resolves an `@odata.nextLink`. Absolute links are followed verbatim. A link starting with `/` is taken
 * as relative to the version root (`/solutions/backupRestore/...?$skiptoken=...` under
 * `https://graph.microsoft.com/v1.0`), unless it already starts with the root's path (`/v1.0/...`),
 * in which case it is relative to the origin. Other relative links are appended to the version root.
 */
export function resolveNextLink(baseUrl: string, link: string): string {
  if (isAbsoluteUrl(link)) {
    return link;
  }
  const base = new URL(baseUrl);
  const rootPath = base.pathname.replace(/\/+$/, '');
  if (link.startsWith('/')) {
    if (rootPath && (link === rootPath || link.startsWith(`${rootPath}/`) || link.startsWith(`${rootPath}?`))) {
      return `${base.origin}${link}`;
    }
    return `${baseUrl}${link}`;
  }
  return `${baseUrl}/${link}`;
}

/** Same scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

