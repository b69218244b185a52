// The pages a person opens in a browser: the authorize page (pick a demo user, consent, redirect back to the
// loopback redirect URI with a code) and the device-login page (enter the code, pick a user). HTML escaped
// throughout; no password is asked.
import * as crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_TENANT, findUser, type DemoApp } from './directory';
import { approveDeviceCode } from './grants';
import { readForm, sendHtml } from './responses';
import type { IdentityState } from './state';
import { clientInfo, delegatedScopes, findApp, parseScopes, type RequestedScopes } from './tokens';
import { OAuthError } from './types';

function authorizeParams(s: IdentityState, params: URLSearchParams): { app: DemoApp; redirectUri: string; scopes: RequestedScopes; state?: string; nonce?: string; challenge?: string; method?: string } {
  const app = findApp(s, params.get('client_id') ?? undefined);
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!isLoopbackRedirect(redirectUri)) throw new OAuthError(400, 'invalid_request', 50011, `The redirect URI '${redirectUri}' does not match the redirect URIs configured for the application: only http://127.0.0.1, http://localhost and http://[::1] (any port) are registered.`);
  if ((params.get('response_type') ?? '') !== 'code') throw new OAuthError(400, 'unsupported_response_type', 70018, 'Only response_type=code is supported.');
  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (app.isPublic && !challenge) throw new OAuthError(400, 'invalid_request', 9002325, 'Proof Key for Code Exchange is required for public clients.');
  if (method && method !== 'S256' && method !== 'plain') throw new OAuthError(400, 'invalid_request', 501491, `Invalid code_challenge_method '${method}'.`);
  return { app, redirectUri, scopes: parseScopes(params.get('scope') ?? undefined), state: params.get('state') ?? undefined, nonce: params.get('nonce') ?? undefined, challenge, method };
}

export async function authorizePage(s: IdentityState, req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
  if (method === 'GET') {
    const p = authorizeParams(s, url.searchParams);
    const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
    const requested = p.scopes.isDefault || p.scopes.graph.length === 0 ? 'all permissions consented for the user' : p.scopes.graph.join(', ');
    const buttons = s.users.map((u) => `<button type="submit" name="user" value="${esc(u.key)}"><strong>${esc(u.displayName)}</strong><br><small>${esc(u.userPrincipalName)} &middot; ${esc(u.scopes.join(', '))}</small></button>`).join('');
    sendHtml(res, 200, page(`Sign in to ${DEMO_TENANT.displayName}`, `
      <p><strong>${esc(p.app.displayName)}</strong> wants to act as the user you pick, with: ${esc(requested)}.</p>
      <form method="post">${hidden}${buttons}<button type="submit" name="deny" value="true" class="secondary">Cancel</button></form>
      <p class="note">Backup Storage emulator &middot; emulated Microsoft identity platform. No password is asked.</p>`));
    return;
  }
  if (method !== 'POST') { res.writeHead(405, { allow: 'GET, POST' }).end(); return; }
  const form = await readForm(req);
  const p = authorizeParams(s, form);
  const back = new URL(p.redirectUri);
  if (form.get('deny') === 'true') {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'AADSTS65004: The user declined to consent to access the app.');
  } else {
    const user = findUser(s.users, form.get('user') ?? '');
    if (!user) throw new OAuthError(400, 'invalid_request', 50034, `No demo user '${form.get('user') ?? ''}'.`);
    const scopes = delegatedScopes(user, p.scopes);
    const code = crypto.randomBytes(32).toString('base64url');
    s.codes.set(code, { clientId: p.app.clientId, redirectUri: p.redirectUri, challenge: p.challenge, method: p.method, user, scopes, nonce: p.nonce, expiresAt: s.nowS() + 600 });
    back.searchParams.set('code', code);
    back.searchParams.set('client_info', clientInfo(user));
    s.log(`identity: authorize approved for ${user.userPrincipalName} via ${p.app.displayName}`);
  }
  if (p.state !== undefined) back.searchParams.set('state', p.state);
  res.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' }).end();
}

export async function deviceLoginPage(s: IdentityState, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  const userButtons = s.users.map((u) => `<button type="submit" name="user" value="${esc(u.key)}"><strong>${esc(u.displayName)}</strong><br><small>${esc(u.userPrincipalName)} &middot; ${esc(u.scopes.join(', '))}</small></button>`).join('');
  const form = (message = '') => page('Enter code', `${message}
    <form method="post"><label>Code <input name="user_code" autocomplete="off" autofocus required></label>
    <p>Sign in as:</p>${userButtons}</form>
    <p class="note">Backup Storage emulator &middot; emulated Microsoft identity platform.</p>`);
  if (method === 'GET') { sendHtml(res, 200, form()); return; }
  if (method !== 'POST') { res.writeHead(405, { allow: 'GET, POST' }).end(); return; }
  const body = await readForm(req);
  try {
    const user = approveDeviceCode(s, body.get('user_code') ?? '', body.get('user') ?? '');
    sendHtml(res, 200, page('Signed in', `<p>You have signed in as <strong>${esc(user.displayName)}</strong> (${esc(user.userPrincipalName)}). You can close this window and return to VS Code.</p>`));
  } catch (err) {
    sendHtml(res, 400, form(`<p class="error">${esc(err instanceof Error ? err.message : String(err))}</p>`));
  }
}

export function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]');
  } catch {
    return false;
  }
}

const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem;font-weight:600}button{display:block;width:100%;text-align:left;margin:.5rem 0;padding:.7rem 1rem;border:1px solid #8a8886;border-radius:4px;background:#fff;cursor:pointer;font:inherit}
button:hover{background:#f3f2f1}button.secondary{text-align:center;color:#605e5c}input{font:inherit;padding:.3rem;margin-left:.5rem;letter-spacing:.1em}
.note{color:#605e5c;font-size:.85rem}.error{color:#a4262c}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}
