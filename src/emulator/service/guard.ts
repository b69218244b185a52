// The gate in front of everything the emulator serves, before identity, faults or routing. A web page the
// user visits must not be able to drive the emulator: it answers only a loopback Host naming its own port (no
// DNS rebinding, and the Host it echoes into @odata.nextLink is always its own), refuses a cross-site Origin,
// and the controls (/_emulator/..., the identity shortcuts included) need the per-run control token. The two
// public GETs a client reads to detect the emulator and sign in (identity metadata and CA certificate) stay open.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { EmulatorError } from '../errors';
import { parsePath } from './paths';

export const CONTROL_TOKEN_HEADER = 'x-emulator-control-token';

export interface GuardOptions {
  /** The per-run secret the controls need, in the `x-emulator-control-token` header. */
  controlToken: string;
  /** Bound to a non-loopback address on purpose (`--allow-remote`): any Host is answered. */
  allowRemote: boolean;
}

/** `/_emulator/<these>` answer a GET without the control token: what the extension reads before it signs in. */
const OPEN_CONTROL_GETS = new Set(['identity/metadata', 'identity/ca.pem']);

/** Why the request is refused, or undefined when it may proceed. */
export function refusal(req: IncomingMessage, options: GuardOptions): EmulatorError | undefined {
  const host = req.headers.host ?? '';
  if (!options.allowRemote && !isOwnLoopbackHost(host, req.socket.localPort)) {
    return new EmulatorError(421, 'MisdirectedRequest', 'The emulator answers only requests addressed to its loopback address and port (the Host header).');
  }
  if (isCrossSite(req, host)) {
    return new EmulatorError(403, 'CrossSiteRequestRefused', 'The emulator refuses requests from web pages of other origins.');
  }
  const control = controlPath(req.url ?? '/');
  const method = (req.method ?? 'GET').toUpperCase();
  if (control !== undefined && !(method === 'GET' && OPEN_CONTROL_GETS.has(control)) && !tokenMatches(req.headers[CONTROL_TOKEN_HEADER], options.controlToken)) {
    return new EmulatorError(401, 'ControlTokenRequired', `Emulator controls need the control token printed when the emulator started, in the ${CONTROL_TOKEN_HEADER} header.`);
  }
  return undefined;
}

/** 127.0.0.0/8, ::1 and `localhost`: addresses only this machine reaches. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || /^::ffff:127(?:\.\d{1,3}){3}$/.test(h);
}

function isOwnLoopbackHost(host: string, localPort: number | undefined): boolean {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m || !isLoopbackAddress(m[1])) return false;
  // A Host without a port means port 80 (http) or 443 (https): only the emulator's own port is accepted.
  return m[2] !== undefined && Number(m[2]) === localPort;
}

/**
 * A browser names the Origin of every request a page makes except plain navigations; it must be the emulator's
 * own. Sec-Fetch-Site also catches a cross-site request without an Origin; a person following a link to the
 * sign-in pages (a navigation) is let through.
 */
function isCrossSite(req: IncomingMessage, host: string): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site' && req.headers['sec-fetch-mode'] !== 'navigate') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true; // `null` (a sandboxed frame, a file) or garbage
  }
}

/** The path under /_emulator (`''` for the root), or undefined when the request is not for the controls. */
function controlPath(target: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(target, 'http://emulator.invalid').pathname;
  } catch {
    pathname = target;
  }
  if (/^\/_emulator(?:\/|$)/i.test(pathname)) return pathname.replace(/^\/_emulator\/?/i, '').replace(/\/+$/, '');
  try {
    const parsed = parsePath(target);
    return parsed.area === 'controls' ? parsed.segments.join('/') : undefined;
  } catch {
    return undefined; // the pipeline answers the malformed path with 400
  }
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Compare digests so the comparison takes the same time whatever the length of the guess.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
