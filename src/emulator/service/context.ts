// One request as the handlers see it: method, parsed path and query, headers, JSON body, and the per-request
// preferences that shape the response (evolvable enums, base URL for @odata.context and nextLinks).
import type { IdentitySet } from '../../backup/model';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { UndocumentedOptions } from './profiles';

export interface RequestContext {
  method: string;
  /** Path segments after the version and `solutions/backupRestore`, URL-decoded (empty for the service root). */
  segments: string[];
  /** `v1.0` or `beta`. */
  version: string;
  /** Query options as sent (names keep their `$`); a repeated option is a 400 raised by the parser. */
  query: Map<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
  /** `http://host:port/v1.0`: prefix of absolute links the response carries. */
  serviceBase: string;
  /** True when the caller sent `Prefer: include-unknown-enum-members`. */
  includeUnknownEnums: boolean;
  requestId: string;
  clientRequestId?: string;
  /** Simulated time of this request (ms), fixed once so one response is self-consistent. */
  nowMs: number;
  /**
   * Who is calling, as `createdBy` / `lastModifiedBy` name them: set from the token when `--auth on`; the
   * emulator's own caller identity otherwise.
   */
  caller?: IdentitySet;
  /** What to do with a query option Microsoft's docs do not list for this API (queryOptions.ts). */
  undocumentedOptions: UndocumentedOptions;
  /** Texts of the `Warning` header: options dropped under `--undocumented-options ignore`. */
  warnings: string[];
}

/** What a handler answers; the pipeline adds the standard headers and serialises `body` once. */
export interface Reply {
  status: number;
  body?: unknown;
  /** A body that is not JSON (`$count`'s text/plain integer, `$metadata`'s XML), sent as is instead of `body`. */
  text?: { value: string; contentType: string };
  headers?: Record<string, string>;
}

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });

/** `Prefer` may list several preferences, comma separated, in any case. */
export function prefersUnknownEnums(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values.some((v) => v.split(',').some((p) => p.trim().toLowerCase() === 'include-unknown-enum-members'));
}

export { isGuid } from '../../backup/model';

/**
 * The `client-request-id` of the answer: the caller's when it sent a usable one, otherwise one the service made,
 * so every answer carries one (https://learn.microsoft.com/en-us/graph/best-practices-concept#reliability-and-support).
 */
export function clientRequestIdOf(raw: string | string[] | undefined): string {
  return typeof raw === 'string' && /^[\x21-\x7e]{1,200}$/.test(raw) ? raw : randomUUID();
}
