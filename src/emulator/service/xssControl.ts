// Test-only control `POST /_emulator/xss {"payload": "<script>…"}`: from then on every free-text string the
// emulator returns from Graph routes and $batch (display names, names, messages, descriptions, paths, e-mail
// addresses, folder and site names) reads as the payload, and every URL field as a `javascript:` URL carrying
// it. Ids, enums, dates, error codes and OData annotations are left alone so clients keep working. The
// rewrite happens on the way out, so the store and the catalog are untouched; `{"payload": null}` or a reset
// turns it off. Used by the hardening suite to prove the details page renders hostile data as text.
import { badRequest } from '../errors';
import type { Reply, RequestContext } from './context';
import { ok } from './context';
import type { EmulatorCore } from './core';
import { bodyObject, rejectUnknown } from './validate';

const payloads = new WeakMap<EmulatorCore, string>();

const TEXT_KEY = /(^name$|displayName$|Name$|^message$|Message$|^description$|^title$|^path$|Path$|^email$|Email$|Address$|PrincipalName$|^subject$|^sender$|^mailbox$)/;
const URL_KEY = /(^webUrl$|Url$|^url$)/;
const NEVER = /(^id$|Id$|Ids$|^@|@odata|DateTime$|^date$|^code$|^status$|Type$|^kind$|^tags$|nextLink$|deltaLink$|request-id$)/;

export function xssControl(core: EmulatorCore, ctx: RequestContext): Reply {
  const body = bodyObject(ctx.body, false);
  rejectUnknown(body, ['payload'], 'xss');
  const payload = body.payload;
  if (payload === null || payload === undefined || payload === '') {
    payloads.delete(core);
    return ok({ payload: null });
  }
  if (typeof payload !== 'string' || payload.length > 4096) throw badRequest('BadRequest', "'payload' must be a string of at most 4096 characters, or null to turn the rewrite off.");
  payloads.set(core, payload);
  return ok({ payload });
}

export function clearXss(core: EmulatorCore): void {
  payloads.delete(core);
}

/** The reply with its free-text strings replaced by the payload, when the control is on. */
export function applyXss(core: EmulatorCore, reply: Reply): Reply {
  const payload = payloads.get(core);
  if (payload === undefined || reply.body === undefined) return reply;
  return { ...reply, body: rewrite(reply.body, payload, undefined, 0) };
}

function rewrite(value: unknown, payload: string, key: string | undefined, depth: number): unknown {
  if (depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, payload, key, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = rewrite(v, payload, k, depth + 1);
    return out;
  }
  if (typeof value !== 'string' || key === undefined || NEVER.test(key)) return value;
  if (URL_KEY.test(key)) return `javascript:alert(document.domain)//${encodeURIComponent(payload)}`;
  if (TEXT_KEY.test(key)) return payload;
  return value;
}
