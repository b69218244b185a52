// The routes of the emulated identity platform (tenant = the GUID, `contoso`, the domain, `organizations` or
// `common`):
//   GET  /{tenant}/v2.0/.well-known/openid-configuration     GET /{tenant}/discovery/v2.0/keys
//   GET  /common/discovery/instance                           POST /{tenant}/oauth2/v2.0/token
//   POST /{tenant}/oauth2/v2.0/devicecode                     GET|POST /{tenant}/oauth2/v2.0/authorize
//   GET  /{tenant}/oauth2/v2.0/logout                         GET|POST /devicelogin
//   POST /_emulator/identity/approve {user_code, user}        POST /_emulator/identity/token {user | client_id}
//   GET  /_emulator/identity/metadata (authority, client ids)  GET /_emulator/identity/ca.pem (the https certificate)
// The /_emulator shortcuts need the emulator's control token; the server's request guard checks it first.
// Tokens, codes and secrets are never logged: the log gets the flow, the client id and the outcome.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { EmulatorError } from '../errors';
import { DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT, DEMO_READER_APP, DEMO_TENANT } from './directory';
import { approveDeviceCode, deviceCodeEndpoint, tokenEndpoint } from './grants';
import { authorizePage, deviceLoginPage, isLoopbackRedirect, page } from './pages';
import { methodGuard, readForm, sendHtml, sendJson, sendOAuthError } from './responses';
import { issuerFor, tenantOk, type IdentityState } from './state';
import { issueAccessToken } from './tokens';
import { OAuthError } from './types';

export function isIdentityPath(pathname: string): boolean {
  if (pathname === '/devicelogin' || pathname.startsWith('/_emulator/identity/')) return true;
  const seg = pathname.split('/').filter(Boolean);
  if (seg.length < 2 || !tenantOk(seg[0])) return false;
  const rest = seg.slice(1).join('/').toLowerCase();
  return rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration' || rest === 'discovery/instance' || rest === 'discovery/v2.0/keys' || rest.startsWith('oauth2/');
}

export async function handleIdentityRequest(s: IdentityState, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (!isIdentityPath(url.pathname)) return false;
  const origin = `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
  const method = (req.method ?? 'GET').toUpperCase();
  const seg = url.pathname.split('/').filter(Boolean);
  const tenantSegment = seg[0];
  const rest = seg.slice(1).join('/').toLowerCase();
  try {
    if (url.pathname === '/devicelogin') {
      await deviceLoginPage(s, req, res, method);
      return true;
    }
    if (url.pathname === '/_emulator/identity/metadata' && method === 'GET') {
      // What a client needs to sign in to this emulator; no secret here (the CLI banner prints the demo secret).
      sendJson(res, 200, {
        tenantId: DEMO_TENANT.id,
        tenantName: DEMO_TENANT.name,
        httpsOrigin: s.publicOrigin,
        browserOrigin: s.browserOrigin,
        authority: s.publicOrigin ? `${s.publicOrigin}/${DEMO_TENANT.name}` : undefined,
        publicClientId: DEMO_PUBLIC_CLIENT.clientId,
        adminAppClientId: DEMO_ADMIN_APP.clientId,
        readerAppClientId: DEMO_READER_APP.clientId,
        users: s.users.map((u) => ({ key: u.key, userPrincipalName: u.userPrincipalName, scopes: u.scopes })),
      });
      return true;
    }
    if (url.pathname === '/_emulator/identity/ca.pem' && method === 'GET') {
      // The self-signed certificate of the https listener, for clients to trust explicitly (it is public).
      res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-length': Buffer.byteLength(s.tls.cert) }).end(s.tls.cert);
      return true;
    }
    if (url.pathname === '/_emulator/identity/approve' && method === 'POST') {
      const body = await readForm(req);
      const user = approveDeviceCode(s, body.get('user_code') ?? '', body.get('user') ?? 'admin', body.get('deny') === 'true');
      sendJson(res, 200, { approved: body.get('deny') !== 'true', user: user.userPrincipalName });
      return true;
    }
    if (url.pathname === '/_emulator/identity/token' && method === 'POST') {
      const body = await readForm(req);
      const token = issueAccessToken(s, { user: body.get('user') ?? undefined, clientId: body.get('client_id') ?? undefined });
      sendJson(res, 200, { token_type: 'Bearer', access_token: token, expires_in: s.tokenLifetime });
      return true;
    }
    if (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') {
      return methodGuard(res, method, 'GET') || (sendJson(res, 200, openIdConfiguration(s, origin, tenantSegment)), true);
    }
    if (rest === 'discovery/instance') {
      const host = new URL(origin).host;
      return methodGuard(res, method, 'GET') || (sendJson(res, 200, {
        tenant_discovery_endpoint: `${origin}/${tenantSegment}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }), true);
    }
    if (rest === 'discovery/v2.0/keys') {
      const jwk = s.publicKey.export({ format: 'jwk' });
      return methodGuard(res, method, 'GET') || (sendJson(res, 200, { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: s.kid, n: jwk.n, e: jwk.e, issuer: issuerFor(origin) }] }), true);
    }
    if (rest === 'oauth2/v2.0/token') {
      if (methodGuard(res, method, 'POST')) return true;
      const form = await readForm(req);
      sendJson(res, 200, tokenEndpoint(s, origin, tenantSegment, form), { 'cache-control': 'no-store', pragma: 'no-cache' });
      return true;
    }
    if (rest === 'oauth2/v2.0/devicecode') {
      if (methodGuard(res, method, 'POST')) return true;
      sendJson(res, 200, deviceCodeEndpoint(s, origin, await readForm(req)), { 'cache-control': 'no-store' });
      return true;
    }
    if (rest === 'oauth2/v2.0/authorize') {
      await authorizePage(s, req, res, method, url);
      return true;
    }
    if (rest === 'oauth2/v2.0/logout') {
      const back = url.searchParams.get('post_logout_redirect_uri');
      if (back && isLoopbackRedirect(back)) { res.writeHead(302, { location: back }).end(); return true; }
      sendHtml(res, 200, page('Signed out', '<p>You have signed out of the emulated tenant. You can close this window.</p>'));
      return true;
    }
    sendOAuthError(res, new OAuthError(404, 'invalid_request', 90019, `No identity endpoint at ${url.pathname}.`));
    return true;
  } catch (err) {
    if (err instanceof OAuthError) {
      s.log(`identity: ${method} ${url.pathname} → ${err.status} ${err.error}`);
      sendOAuthError(res, err);
    } else if (err instanceof EmulatorError) {
      sendJson(res, err.status, { error: { code: err.code, message: err.message } });
    } else {
      sendJson(res, 500, { error: 'server_error', error_description: 'The emulated identity service hit an unexpected error.' });
    }
    return true;
  }
}

function openIdConfiguration(s: IdentityState, origin: string, tenantSegment: string): Record<string, unknown> {
  const base = `${origin}/${tenantSegment}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(origin),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${s.browserOrigin ?? origin}/${tenantSegment}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'preferred_username', 'oid', 'tid', 'nonce', 'ver'],
    tenant_region_scope: 'EU',
    cloud_instance_name: new URL(origin).host,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    code_challenge_methods_supported: ['S256', 'plain'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'],
  };
}
