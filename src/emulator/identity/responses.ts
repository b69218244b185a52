// Reading and answering identity requests: the form body (through the emulator's one body reader, service/
// body.ts, with the identity endpoints' own size limit), JSON and HTML answers, the OAuth error shape of
// Entra ID, and the 405 guard.
import * as crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../service/body';
import { OAuthError } from './types';

const MAX_FORM_BYTES = 256 * 1024;

/** A form (`application/x-www-form-urlencoded`) or JSON object body as URLSearchParams. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const text = (await readBody(req, MAX_FORM_BYTES)).toString('utf8');
  if (/json/i.test(req.headers['content-type'] ?? '') || text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new OAuthError(400, 'invalid_request', 90014, 'The request body is not valid JSON.');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new OAuthError(400, 'invalid_request', 90014, 'The request body must be a JSON object.');
    return new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  }
  return new URLSearchParams(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendOAuthError(res: ServerResponse, err: OAuthError): void {
  sendJson(res, err.status, {
    error: err.error,
    error_description: err.message,
    error_codes: [err.aadsts],
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: crypto.randomUUID(),
    correlation_id: crypto.randomUUID(),
  }, { 'cache-control': 'no-store' });
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  res.end(html);
}

/** Answers 405 and returns true when the method is not the allowed one. */
export function methodGuard(res: ServerResponse, method: string, allowed: string): boolean {
  if (method === allowed) return false;
  res.writeHead(405, { allow: allowed }).end();
  return true;
}
