// OData system query options shared by every collection (which options a resource accepts is queryOptions.ts):
// `$top`, `$select`, `$count`, `$orderby`, opaque `$skiptoken`s and absolute nextLinks.
import { badRequest } from '../errors';
import type { RequestContext } from './context';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

export function option(ctx: RequestContext, name: string): string | undefined {
  return ctx.query.get(name);
}

export function parseTop(ctx: RequestContext, fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE): number {
  const raw = option(ctx, '$top');
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw badRequest('BadRequest', `Invalid $top '${raw}': expected a non-negative integer.`);
  const top = Number(raw.trim());
  if (top > max) throw badRequest('BadRequest', `Invalid $top ${top}: the maximum is ${max}.`);
  return top;
}

export function parseCount(ctx: RequestContext): boolean {
  const raw = option(ctx, '$count');
  if (raw === undefined) return false;
  const lower = raw.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw badRequest('BadRequest', `Invalid $count '${raw}': expected true or false.`);
  return lower === 'true';
}

/** `$select=a,b`: properties must exist on the type; `id` and `@odata.type` always stay. */
export function parseSelect(ctx: RequestContext, known: readonly string[]): string[] | undefined {
  const raw = option(ctx, '$select');
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw badRequest('BadRequest', 'Invalid $select: no property named.');
  return names.map((name) => {
    const match = known.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!match) throw badRequest('BadRequest', `Invalid $select: '${name}' is not a property of this type.`);
    return match;
  });
}

export function applySelect(item: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return item;
  const out: Record<string, unknown> = {};
  if ('@odata.type' in item) out['@odata.type'] = item['@odata.type'];
  out.id = item.id;
  for (const name of select) if (name in item) out[name] = item[name];
  return out;
}

export interface OrderBy { property: string; descending: boolean }

export function parseOrderBy(ctx: RequestContext, allowed: readonly string[], fallback: OrderBy): OrderBy {
  const raw = option(ctx, '$orderby');
  if (raw === undefined) return fallback;
  const match = /^\s*([A-Za-z/]+)(?:\s+(asc|desc))?\s*$/i.exec(raw);
  const property = match && allowed.find((a) => a.toLowerCase() === match[1].toLowerCase());
  if (!match || !property) throw badRequest('BadRequest', `Invalid $orderby '${raw}': supported: ${allowed.map((a) => `${a} asc|desc`).join(', ')}.`);
  return { property, descending: (match[2] ?? 'asc').toLowerCase() === 'desc' };
}

/** Skiptokens are opaque to clients: base64url JSON carrying a keyset position (never an offset into mutable data). */
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeToken<T>(raw: string, isValid: (v: unknown) => v is T): T {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (isValid(parsed)) return parsed;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('BadRequest', 'Invalid $skiptoken: follow @odata.nextLink as returned, without changing it.');
}

/** The absolute link to the next page: the same options, with `$skiptoken` replaced; `path` in CSDL casing. */
export function nextLink(ctx: RequestContext, path: string, token: string): string {
  const params: string[] = [];
  for (const [name, value] of ctx.query) {
    if (name.toLowerCase() === '$skiptoken') continue;
    params.push(`${encodeURIComponent(name).replace('%24', '$')}=${encodeURIComponent(value)}`);
  }
  params.push(`$skiptoken=${token}`);
  return `${ctx.serviceBase}/solutions/backupRestore/${path}?${params.join('&')}`;
}

/** `<base>/$metadata#solutions/backupRestore/<path>`. */
export function contextUrl(ctx: RequestContext, fragment: string): string {
  return `${ctx.serviceBase}/$metadata#${fragment}`;
}
