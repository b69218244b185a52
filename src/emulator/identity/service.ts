// The emulated Microsoft identity platform (Entra ID v2.0 endpoints) for the Backup Storage emulator, enough for
// real msal-node flows offline: OIDC discovery, JWKS, the token endpoint (client credentials with a secret or a
// certificate assertion, device code, refresh token, authorization code + PKCE), the device code endpoint, an
// authorize page and a device-login page that approve demo users, and a test control endpoint that approves a
// device code without a browser. `verify` checks the bearer token of a Graph call against the permission table
// of src/backup/model/permissions.ts and throws EmulatorError 401/403 the way Graph answers.
//
// Routes (tenant = the GUID, `contoso`, the domain, `organizations` or `common`):
//   GET  /{tenant}/v2.0/.well-known/openid-configuration     GET /{tenant}/discovery/v2.0/keys
//   GET  /common/discovery/instance                           POST /{tenant}/oauth2/v2.0/token
//   POST /{tenant}/oauth2/v2.0/devicecode                     GET|POST /{tenant}/oauth2/v2.0/authorize
//   GET  /{tenant}/oauth2/v2.0/logout                         GET|POST /devicelogin
//   POST /_emulator/identity/approve {user_code, user}        POST /_emulator/identity/token {user | client_id}
//   GET  /_emulator/identity/metadata (authority, client ids)  GET /_emulator/identity/ca.pem (the https certificate)
//
// Tokens, codes and secrets are never logged: the `log` callback gets the flow, the client id and the outcome.
import * as crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { backupPermissionsIn, checkOperation } from '../../backup/model/permissions';
import { EmulatorError } from '../errors';
import { certificateThumbprint, createSelfSignedCertificate, type TlsCredentials } from './certificate';
import {
  DEMO_ADMIN_APP, DEMO_APPS, DEMO_PUBLIC_CLIENT, DEMO_READER_APP, DEMO_TENANT, DEMO_USERS, findUser, type DemoApp, type DemoUser,
} from './directory';
import { decodeJwt, signJwt, verifySignature, type JwtPayload } from './jwt';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const CLOCK_SKEW_S = 60;

export interface IdentityServiceOptions {
  /** Access token lifetime. Default 3600 s (tests use a few seconds to exercise refresh). */
  tokenLifetimeSeconds?: number;
  /** Refresh token lifetime. Default 24 h. */
  refreshTokenLifetimeSeconds?: number;
  /** Default 900 s. */
  deviceCodeLifetimeSeconds?: number;
  /** Polling interval the device code response asks for. Default 1 s (Entra ID says 5). */
  deviceCodeIntervalSeconds?: number;
  /** Wall clock in ms. Tokens use real time (msal compares with its own clock), not the emulator's simulated time. */
  now?: () => number;
  /** Reuse TLS credentials instead of generating a certificate at start. */
  tls?: TlsCredentials;
  /** PEM certificates accepted for client assertions, per client id (the demo admin app also gets a generated one). */
  appCertificates?: Record<string, readonly string[]>;
  /** One line per identity request (flow, client id, outcome). Never receives tokens, codes or secrets. */
  log?: (line: string) => void;
}

/** What `verify` needs to know about the call: the Graph operation, or the permissions that allow it. */
export type AccessRequirement =
  | { method: string; /** After `/solutions/backupRestore`, e.g. `restoreSessions/abc` or its segments. */ path: string | readonly string[] }
  | { anyOf: readonly string[]; label?: string };

export interface VerifiedClaims {
  kind: 'delegated' | 'application';
  tenantId: string;
  objectId: string;
  clientId: string;
  /** Delegated: the user's UPN. */
  userPrincipalName?: string;
  name?: string;
  /** `scp` split, or `roles`. */
  permissions: string[];
  expiresAt: number;
  payload: JwtPayload;
}

export interface DemoCredentials {
  tenantId: string;
  tenantName: string;
  adminApp: { clientId: string; secret: string; certificate: TlsCredentials & { thumbprintSha256: string } };
  readerApp: { clientId: string; secret: string };
  publicClientId: string;
  users: readonly DemoUser[];
}

export interface IdentityService {
  readonly tenantId: string;
  /** Serve https with these; clients trust `tls.cert` as an extra CA. */
  readonly tls: TlsCredentials;
  /** Demo identities, for the CLI banner, tests, and the extension's in-process emulator connection. */
  readonly demo: DemoCredentials;
  /** True when `pathname` belongs to the identity endpoints (so the server routes it here, before Graph). */
  isIdentityPath(pathname: string): boolean;
  /** Answers an identity request. Resolves true when it handled the request, false when the path is not an identity path. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The https origin (`https://127.0.0.1:port`) named in WWW-Authenticate; the server sets it after listening. */
  setPublicOrigin(origin: string): void;
  /**
   * The origin of pages a person opens in a browser (authorize page, device login): the emulator's plain http
   * loopback listener, so the browser shows no warning about the self-signed certificate. msal itself keeps
   * talking https to the token endpoints. Unset: pages are on the origin of the request.
   */
  setBrowserOrigin(origin: string): void;
  /** Checks a bearer token for a Graph call; throws EmulatorError 401/403 as Graph does. */
  verify(authorization: string | undefined, requirement: AccessRequirement): VerifiedClaims;
  /**
   * Approves (or denies) a pending device code for a demo user; what the control endpoint and the device-login
   * page do. An empty `userCode` approves the only pending code (for tests that cannot read the notification).
   */
  approveDeviceCode(userCode: string, user: string, deny?: boolean): DemoUser;
  /** Mints an access token directly (tests, curl). `user` for delegated, else app-only for `clientId`. */
  issueAccessToken(subject: { user?: string; clientId?: string; permissions?: readonly string[]; lifetimeSeconds?: number }): string;
  /** Accepts another certificate (PEM) for a confidential app's client assertions. */
  registerCertificate(clientId: string, certPem: string): void;
  /** Counters of token grants, for tests (e.g. that a refresh really happened). */
  readonly stats: Record<string, number>;
}

interface AuthCode { clientId: string; redirectUri: string; challenge?: string; method?: string; user: DemoUser; scopes: string[]; nonce?: string; expiresAt: number }
interface DeviceCode { userCode: string; clientId: string; scopes: string[]; expiresAt: number; state: 'pending' | 'approved' | 'denied'; user?: DemoUser }
interface RefreshGrant { clientId: string; user: DemoUser; scopes: string[]; expiresAt: number }

/** An OAuth error answer of the token/devicecode endpoints (body `{error, error_description, error_codes, ...}`). */
class OAuthError extends Error {
  constructor(readonly status: number, readonly error: string, readonly aadsts: number, description: string) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

export function createIdentityService(options: IdentityServiceOptions = {}): IdentityService {
  const now = options.now ?? Date.now;
  const nowS = () => Math.floor(now() / 1000);
  const tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
  const refreshLifetime = options.refreshTokenLifetimeSeconds ?? 24 * 3600;
  const deviceLifetime = options.deviceCodeLifetimeSeconds ?? 900;
  const deviceInterval = options.deviceCodeIntervalSeconds ?? 1;
  const log = options.log ?? (() => undefined);
  const tls = options.tls ?? createSelfSignedCertificate();
  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKey = crypto.createPublicKey(signingKey);
  const kid = crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 27);
  const appCert = createSelfSignedCertificate({ server: false, commonName: DEMO_ADMIN_APP.displayName });
  const certificates = new Map<string, string[]>();
  const registerCertificate = (clientId: string, certPem: string): void => {
    new crypto.X509Certificate(certPem); // throws on garbage
    certificates.set(clientId, [...(certificates.get(clientId) ?? []), certPem]);
  };
  registerCertificate(DEMO_ADMIN_APP.clientId, appCert.cert);
  for (const [clientId, pems] of Object.entries(options.appCertificates ?? {})) pems.forEach((p) => registerCertificate(clientId, p));

  const apps = new Map(DEMO_APPS.map((a) => [a.clientId, a]));
  const users = DEMO_USERS;
  const codes = new Map<string, AuthCode>();
  const deviceCodes = new Map<string, DeviceCode>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const stats: Record<string, number> = {};
  const count = (key: string) => { stats[key] = (stats[key] ?? 0) + 1; };
  let publicOrigin: string | undefined;
  let browserOrigin: string | undefined;

  const tenantOk = (t: string): boolean => {
    const v = decodeURIComponent(t).toLowerCase();
    return v === DEMO_TENANT.id || v === DEMO_TENANT.name || v === DEMO_TENANT.domain || v === 'organizations' || v === 'common';
  };
  const issuerFor = (origin: string) => `${origin}/${DEMO_TENANT.id}/v2.0`;

  const demo: DemoCredentials = {
    tenantId: DEMO_TENANT.id,
    tenantName: DEMO_TENANT.name,
    adminApp: { clientId: DEMO_ADMIN_APP.clientId, secret: DEMO_ADMIN_APP.secret ?? '', certificate: { ...appCert, thumbprintSha256: certificateThumbprint(appCert.cert) } },
    readerApp: { clientId: DEMO_READER_APP.clientId, secret: DEMO_READER_APP.secret ?? '' },
    publicClientId: DEMO_PUBLIC_CLIENT.clientId,
    users,
  };

  // ---- tokens ----

  function accessToken(origin: string, app: DemoApp, user: DemoUser | undefined, permissions: readonly string[], lifetime = tokenLifetime): { token: string; expiresIn: number } {
    const iat = nowS();
    const payload: JwtPayload = {
      aud: GRAPH_RESOURCE,
      iss: issuerFor(origin),
      iat,
      nbf: iat,
      exp: iat + lifetime,
      tid: DEMO_TENANT.id,
      appid: app.clientId,
      azp: app.clientId,
      app_displayname: app.displayName,
      oid: user ? user.oid : crypto.createHash('sha256').update(`sp:${app.clientId}`).digest('hex').replace(/^(.{8})(.{4})(.{3})(.{3})(.{12}).*$/, '$1-$2-4$3-8$4-$5'),
      sub: user ? user.oid : app.clientId,
      idtyp: user ? 'user' : 'app',
      ver: '2.0',
      uti: crypto.randomBytes(12).toString('base64url'),
    };
    if (user) {
      payload.scp = permissions.join(' ');
      payload.name = user.displayName;
      payload.preferred_username = user.userPrincipalName;
      payload.upn = user.userPrincipalName;
    } else {
      payload.roles = [...permissions];
    }
    return { token: signJwt({ alg: 'RS256', typ: 'JWT', kid }, payload, signingKey), expiresIn: lifetime };
  }

  function idToken(origin: string, app: DemoApp, user: DemoUser, nonce?: string): string {
    const iat = nowS();
    const payload: JwtPayload = {
      aud: app.clientId, iss: issuerFor(origin), iat, nbf: iat, exp: iat + 3600, tid: DEMO_TENANT.id, oid: user.oid, sub: user.oid,
      name: user.displayName, preferred_username: user.userPrincipalName, ver: '2.0',
    };
    if (nonce) payload.nonce = nonce;
    return signJwt({ alg: 'RS256', typ: 'JWT', kid }, payload, signingKey);
  }

  const clientInfo = (user: DemoUser) => Buffer.from(JSON.stringify({ uid: user.oid, utid: DEMO_TENANT.id })).toString('base64url');

  /** `requested`: the token request's scopes; the answer echoes `.default` when asked for it, so msal's cache lookups match. */
  function userTokens(origin: string, app: DemoApp, user: DemoUser, scopes: string[], requested: ReturnType<typeof parseScopes>, nonce?: string): Record<string, unknown> {
    const { token, expiresIn } = accessToken(origin, app, user, scopes);
    const requestedOidc = requested.oidc.size ? requested.oidc : new Set(['openid', 'profile', 'offline_access']);
    const resourceScopes = requested.isDefault ? [`${GRAPH_RESOURCE}/.default`] : scopes.map((s) => `${GRAPH_RESOURCE}/${s}`);
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: resourceScopes.concat([...requestedOidc]).join(' '),
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: token,
      client_info: clientInfo(user),
    };
    if (requestedOidc.has('openid')) body.id_token = idToken(origin, app, user, nonce);
    if (requestedOidc.has('offline_access')) {
      const rt = crypto.randomBytes(32).toString('base64url');
      refreshTokens.set(rt, { clientId: app.clientId, user, scopes, expiresAt: nowS() + refreshLifetime });
      body.refresh_token = rt;
      body.refresh_token_expires_in = refreshLifetime;
    }
    return body;
  }

  /** Splits `scope` into OIDC scopes and Graph permission names; `.default` means everything consented. */
  function parseScopes(raw: string | undefined): { oidc: Set<string>; graph: string[]; isDefault: boolean } {
    const oidc = new Set<string>();
    const graph: string[] = [];
    let isDefault = false;
    for (const s of (raw ?? '').split(/\s+/).filter(Boolean)) {
      if (OIDC_SCOPES.has(s.toLowerCase())) { oidc.add(s.toLowerCase()); continue; }
      const m = /^(?:(https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?(.+)$/i.exec(s);
      const resource = m?.[1];
      const name = m?.[2] ?? s;
      if (!resource && /^(?:https?:|api:)/i.test(s)) throw new OAuthError(400, 'invalid_resource', 500011, `The resource principal named ${s.replace(/\/[^/]*$/, '')} was not found in the tenant named ${DEMO_TENANT.displayName}.`);
      if (name === '.default') isDefault = true;
      else graph.push(name);
    }
    return { oidc, graph, isDefault };
  }

  function delegatedScopes(user: DemoUser, requested: { graph: string[]; isDefault: boolean }): string[] {
    if (requested.isDefault || requested.graph.length === 0) return [...user.scopes];
    const granted = requested.graph.filter((g) => user.scopes.some((s) => s.toLowerCase() === g.toLowerCase()));
    if (granted.length === 0) {
      throw new OAuthError(400, 'invalid_grant', 65001, `The user ${user.userPrincipalName} has not consented to ${requested.graph.join(', ')}. Consented: ${user.scopes.join(', ') || 'none'}.`);
    }
    return user.scopes.filter((s) => granted.some((g) => g.toLowerCase() === s.toLowerCase()));
  }

  function findApp(clientId: string | undefined): DemoApp {
    const app = clientId ? apps.get(clientId) : undefined;
    if (!app) throw new OAuthError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId ?? ''}' was not found in the directory '${DEMO_TENANT.displayName}'.`);
    return app;
  }

  /** Client authentication of a confidential app: secret, or a certificate-signed assertion. */
  function authenticateClient(origin: string, tenantSegment: string, app: DemoApp, form: URLSearchParams): void {
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      const expected = Buffer.from(app.secret ?? '');
      const given = Buffer.from(secret);
      if (!app.secret || expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
        throw new OAuthError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
      }
      return;
    }
    if (assertion !== null) {
      if (form.get('client_assertion_type') !== ASSERTION_TYPE) throw new OAuthError(400, 'invalid_request', 50027, 'client_assertion_type must be ' + ASSERTION_TYPE + '.');
      const jwt = decodeJwt(assertion);
      if (!jwt) throw new OAuthError(401, 'invalid_client', 50027, 'The client assertion is not a well-formed JWT.');
      const thumb256 = typeof jwt.header['x5t#S256'] === 'string' ? jwt.header['x5t#S256'] : undefined;
      const thumb1 = typeof jwt.header.x5t === 'string' ? jwt.header.x5t : undefined;
      const cert = (certificates.get(app.clientId) ?? []).find((pem) => (thumb256 && certificateThumbprint(pem) === thumb256) || (thumb1 && certificateThumbprint(pem, 'sha1') === thumb1));
      if (!cert) throw new OAuthError(401, 'invalid_client', 700027, `The certificate with identifier used to sign the client assertion is not registered on application ${app.clientId}.`);
      if (!verifySignature(jwt, new crypto.X509Certificate(cert).publicKey)) throw new OAuthError(401, 'invalid_client', 7000274, 'The client assertion signature is invalid.');
      const p = jwt.payload;
      const t = nowS();
      if (p.iss !== app.clientId || p.sub !== app.clientId) throw new OAuthError(401, 'invalid_client', 700023, 'The client assertion iss and sub must both be the client id.');
      const audOk = typeof p.aud === 'string' && (p.aud === `${origin}/${tenantSegment}/oauth2/v2.0/token` || (() => {
        try { const u = new URL(p.aud as string); return u.origin === origin && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(u.pathname) && tenantOk(u.pathname.split('/')[1]); } catch { return false; }
      })());
      if (!audOk) throw new OAuthError(401, 'invalid_client', 700024, 'The client assertion audience must be this tenant\'s token endpoint.');
      if (typeof p.exp !== 'number' || p.exp + CLOCK_SKEW_S < t) throw new OAuthError(401, 'invalid_client', 700024, 'The client assertion is expired.');
      if (typeof p.nbf === 'number' && p.nbf - CLOCK_SKEW_S > t) throw new OAuthError(401, 'invalid_client', 700024, 'The client assertion is not yet valid.');
      return;
    }
    throw new OAuthError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  function tokenEndpoint(origin: string, tenantSegment: string, form: URLSearchParams): Record<string, unknown> {
    const grant = form.get('grant_type') ?? '';
    const app = findApp(form.get('client_id') ?? undefined);
    const scopes = parseScopes(form.get('scope') ?? undefined);
    const confidentialAuth = form.has('client_secret') || form.has('client_assertion');
    if (!app.isPublic && (grant === 'client_credentials' || confidentialAuth)) authenticateClient(origin, tenantSegment, app, form);
    count(grant === 'device_code' ? 'urn:ietf:params:oauth:grant-type:device_code' : grant);
    switch (grant) {
      case 'client_credentials': {
        if (app.isPublic) throw new OAuthError(400, 'unauthorized_client', 700025, 'Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.');
        if (!scopes.isDefault || scopes.graph.length > 0) {
          throw new OAuthError(400, 'invalid_scope', 1002012, `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
        }
        const { token, expiresIn } = accessToken(origin, app, undefined, app.roles);
        log(`identity: client_credentials (${confidentialKind(form)}) for ${app.displayName} (${app.clientId}) → token, roles ${app.roles.join(' ') || 'none'}`);
        return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
      }
      case 'authorization_code': {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!code || code.expiresAt < nowS() || code.clientId !== app.clientId) throw new OAuthError(400, 'invalid_grant', 70008, 'The provided authorization code is invalid or has expired.');
        if ((form.get('redirect_uri') ?? '') !== code.redirectUri) throw new OAuthError(400, 'invalid_grant', 50148, 'The redirect_uri does not match the one used in the authorization request.');
        if (code.challenge) {
          const verifier = form.get('code_verifier') ?? '';
          const computed = code.method === 'plain' ? verifier : crypto.createHash('sha256').update(verifier).digest('base64url');
          if (!verifier || computed !== code.challenge) throw new OAuthError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
        }
        log(`identity: authorization_code for ${code.user.userPrincipalName} via ${app.displayName} → tokens`);
        return userTokens(origin, app, code.user, code.scopes, scopes, code.nonce);
      }
      case 'device_code': // msal's spelling; Entra ID accepts both
      case 'urn:ietf:params:oauth:grant-type:device_code': {
        const id = form.get('device_code') ?? '';
        const entry = deviceCodes.get(id);
        if (!entry || entry.clientId !== app.clientId) throw new OAuthError(400, 'invalid_grant', 70000, 'The provided device code is invalid.');
        if (entry.expiresAt < nowS()) { deviceCodes.delete(id); throw new OAuthError(400, 'expired_token', 70020, 'The provided device code has expired.'); }
        if (entry.state === 'pending') throw new OAuthError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
        deviceCodes.delete(id);
        if (entry.state === 'denied' || !entry.user) throw new OAuthError(400, 'authorization_declined', 70019, 'The end user denied the authorization request.');
        log(`identity: device_code for ${entry.user.userPrincipalName} via ${app.displayName} → tokens`);
        return userTokens(origin, app, entry.user, entry.scopes, scopes);
      }
      case 'refresh_token': {
        const rt = form.get('refresh_token') ?? '';
        const grantEntry = refreshTokens.get(rt);
        if (!grantEntry || grantEntry.clientId !== app.clientId) throw new OAuthError(400, 'invalid_grant', 9002313, 'Invalid request. The refresh token is malformed or not valid.');
        refreshTokens.delete(rt); // rotation: each refresh token is single use
        if (grantEntry.expiresAt < nowS()) throw new OAuthError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
        const granted = scopes.isDefault || scopes.graph.length === 0
          ? grantEntry.scopes
          : grantEntry.scopes.filter((s) => scopes.graph.some((g) => g.toLowerCase() === s.toLowerCase()));
        if (granted.length === 0) throw new OAuthError(400, 'invalid_grant', 65001, `The refresh token does not cover ${scopes.graph.join(', ')}.`);
        log(`identity: refresh_token for ${grantEntry.user.userPrincipalName} via ${app.displayName} → tokens`);
        return userTokens(origin, app, grantEntry.user, granted, scopes);
      }
      default:
        throw new OAuthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
    }
  }

  function deviceCodeEndpoint(origin: string, form: URLSearchParams): Record<string, unknown> {
    const app = findApp(form.get('client_id') ?? undefined);
    const scopes = parseScopes(form.get('scope') ?? undefined);
    const deviceCode = crypto.randomBytes(32).toString('base64url');
    let userCode: string;
    do {
      userCode = Array.from(crypto.randomBytes(9), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
    } while ([...deviceCodes.values()].some((d) => d.userCode === userCode));
    deviceCodes.set(deviceCode, {
      userCode, clientId: app.clientId, scopes: scopes.isDefault ? [] : scopes.graph, expiresAt: nowS() + deviceLifetime, state: 'pending',
    });
    count('devicecode');
    log(`identity: device code issued for ${app.displayName}`);
    const verificationUri = `${browserOrigin ?? origin}/devicelogin`;
    return {
      user_code: userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: deviceLifetime,
      interval: deviceInterval,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
    };
  }

  function approveDeviceCode(userCode: string, userRef: string, deny = false): DemoUser {
    const code = userCode.trim().toUpperCase().replace(/[\s-]/g, '');
    const pending = [...deviceCodes.values()].filter((d) => d.state === 'pending' && d.expiresAt >= nowS());
    // Tests that cannot see the notification may omit the code when exactly one is pending.
    const entry = code ? pending.find((d) => d.userCode === code) : pending.length === 1 ? pending[0] : undefined;
    if (!entry || entry.expiresAt < nowS() || entry.state !== 'pending') throw new EmulatorError(400, 'InvalidUserCode', `No pending device code '${userCode}'.`);
    const user = findUser(users, userRef);
    if (!user) throw new EmulatorError(400, 'UnknownUser', `No demo user '${userRef}'. Known: ${users.map((u) => u.key).join(', ')}.`);
    // Scopes are resolved at approval: the user's consent decides what the token carries.
    entry.scopes = delegatedScopesOrEmpty(user, entry.scopes);
    entry.user = user;
    entry.state = deny ? 'denied' : 'approved';
    log(`identity: device code ${deny ? 'denied' : 'approved'} for ${user.userPrincipalName}`);
    return user;
  }

  function delegatedScopesOrEmpty(user: DemoUser, requested: string[]): string[] {
    try {
      return delegatedScopes(user, { graph: requested, isDefault: requested.length === 0 });
    } catch {
      return [];
    }
  }

  // ---- verify (Graph side) ----

  function wwwAuthenticate(error?: string, description?: string, scope?: string): string {
    const origin = publicOrigin ?? 'https://login.microsoftonline.com';
    const parts = [`realm=""`, `authorization_uri="${origin}/${DEMO_TENANT.id}/oauth2/v2.0/authorize"`, `client_id="${GRAPH_APP_ID}"`];
    if (error) parts.push(`error="${error}"`);
    if (description) parts.push(`error_description="${description.replace(/"/g, "'")}"`);
    if (scope) parts.push(`scope="${scope}"`);
    return `Bearer ${parts.join(', ')}`;
  }

  const unauthorized = (message: string, withError = true) =>
    new EmulatorError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': wwwAuthenticate(withError ? 'invalid_token' : undefined, withError ? message : undefined) });

  function verify(authorization: string | undefined, requirement: AccessRequirement): VerifiedClaims {
    const header = (authorization ?? '').trim();
    if (!header) throw unauthorized('Access token is empty.', false);
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized('The Authorization header must be \'Bearer <access token>\'.');
    const jwt = decodeJwt(m[1]);
    if (!jwt) throw unauthorized('Access token is malformed: it is not a JWT (header.payload.signature).');
    if (jwt.header.alg !== 'RS256' || (jwt.header.kid !== undefined && jwt.header.kid !== kid) || !verifySignature(jwt, publicKey)) {
      throw unauthorized('Access token validation failure. Invalid signature.');
    }
    const p = jwt.payload;
    const t = nowS();
    if (typeof p.exp !== 'number' || p.exp <= t) throw unauthorized('Lifetime validation failed, the token is expired.');
    if (typeof p.nbf === 'number' && p.nbf - CLOCK_SKEW_S > t) throw unauthorized('Lifetime validation failed, the token is not yet valid.');
    if (p.aud !== GRAPH_RESOURCE && p.aud !== GRAPH_APP_ID && p.aud !== `${GRAPH_RESOURCE}/`) throw unauthorized('Invalid audience: the token is not for Microsoft Graph.');
    if (p.tid !== DEMO_TENANT.id) throw unauthorized('The token was issued for another tenant.');
    const delegated = typeof p.scp === 'string';
    const permissions = delegated ? (p.scp as string).split(' ').filter(Boolean) : Array.isArray(p.roles) ? (p.roles as unknown[]).filter((r): r is string => typeof r === 'string') : [];
    const claims: VerifiedClaims = {
      kind: delegated ? 'delegated' : 'application',
      tenantId: String(p.tid),
      objectId: String(p.oid ?? ''),
      clientId: String(p.appid ?? p.azp ?? ''),
      userPrincipalName: typeof p.upn === 'string' ? p.upn : typeof p.preferred_username === 'string' ? p.preferred_username : undefined,
      name: typeof p.name === 'string' ? p.name : undefined,
      permissions,
      expiresAt: p.exp,
      payload: p,
    };
    if (!delegated && !Array.isArray(p.roles)) {
      throw new EmulatorError(403, 'Authorization_RequestDenied', 'Either scp or roles claim need to be present in the token.', { 'WWW-Authenticate': wwwAuthenticate('insufficient_scope') });
    }
    let allowed: boolean;
    let required: string[];
    let what: string;
    if ('anyOf' in requirement) {
      required = [...requirement.anyOf];
      allowed = required.some((r) => permissions.some((g) => g.toLowerCase() === r.toLowerCase()));
      what = requirement.label ?? 'This operation';
    } else {
      const check = checkOperation(permissions, claims.kind, requirement.method, requirement.path);
      required = check.required;
      allowed = check.allowed;
      what = `${requirement.method.toUpperCase()} /solutions/backupRestore/${typeof requirement.path === 'string' ? requirement.path.replace(/^\/+/, '') : requirement.path.join('/')} (${check.rule.label})`;
      if (!allowed && check.rule.delegatedOnly && claims.kind === 'application' && check.rule.anyOf.some((k) => backupPermissionsIn(permissions).includes(k))) {
        throw new EmulatorError(403, 'Forbidden', `${what} is only available with delegated (signed-in user) permissions; app-only tokens cannot call it.`);
      }
    }
    if (!allowed) {
      const claim = claims.kind === 'delegated' ? 'delegated scope (scp)' : 'application role (roles)';
      const have = permissions.length ? permissions.join(', ') : 'none';
      throw new EmulatorError(
        403,
        'Authorization_RequestDenied',
        `Insufficient privileges to complete the operation. ${what} requires the ${claim} ${required.join(' or ')}; the token has: ${have}.`,
        { 'WWW-Authenticate': wwwAuthenticate('insufficient_scope', undefined, required.join(' ')) },
      );
    }
    return claims;
  }

  function issueAccessToken(subject: { user?: string; clientId?: string; permissions?: readonly string[]; lifetimeSeconds?: number }): string {
    const origin = publicOrigin ?? 'https://127.0.0.1';
    if (subject.user) {
      const user = findUser(users, subject.user);
      if (!user) throw new EmulatorError(400, 'UnknownUser', `No demo user '${subject.user}'.`);
      const app = apps.get(subject.clientId ?? DEMO_PUBLIC_CLIENT.clientId) ?? DEMO_PUBLIC_CLIENT;
      return accessToken(origin, app, user, subject.permissions ?? user.scopes, subject.lifetimeSeconds).token;
    }
    const app = apps.get(subject.clientId ?? DEMO_ADMIN_APP.clientId);
    if (!app) throw new EmulatorError(400, 'UnknownClient', `No demo app '${subject.clientId}'.`);
    return accessToken(origin, app, undefined, subject.permissions ?? app.roles, subject.lifetimeSeconds).token;
  }

  // ---- HTTP ----

  function isIdentityPath(pathname: string): boolean {
    if (pathname === '/devicelogin' || pathname.startsWith('/_emulator/identity/')) return true;
    const seg = pathname.split('/').filter(Boolean);
    if (seg.length < 2 || !tenantOk(seg[0])) return false;
    const rest = seg.slice(1).join('/').toLowerCase();
    return rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration' || rest === 'discovery/instance' || rest === 'discovery/v2.0/keys' || rest.startsWith('oauth2/');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!isIdentityPath(url.pathname)) return false;
    const origin = `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const seg = url.pathname.split('/').filter(Boolean);
    const tenantSegment = seg[0];
    const rest = seg.slice(1).join('/').toLowerCase();
    try {
      if (url.pathname === '/devicelogin') {
        await deviceLoginPage(req, res, method);
        return true;
      }
      if (url.pathname === '/_emulator/identity/metadata' && method === 'GET') {
        // What a client needs to sign in to this emulator; no secret here (the CLI banner prints the demo secret).
        sendJson(res, 200, {
          tenantId: DEMO_TENANT.id,
          tenantName: DEMO_TENANT.name,
          httpsOrigin: publicOrigin,
          browserOrigin,
          authority: publicOrigin ? `${publicOrigin}/${DEMO_TENANT.name}` : undefined,
          publicClientId: DEMO_PUBLIC_CLIENT.clientId,
          adminAppClientId: DEMO_ADMIN_APP.clientId,
          readerAppClientId: DEMO_READER_APP.clientId,
          users: users.map((u) => ({ key: u.key, userPrincipalName: u.userPrincipalName, scopes: u.scopes })),
        });
        return true;
      }
      if (url.pathname === '/_emulator/identity/ca.pem' && method === 'GET') {
        // The self-signed certificate of the https listener, for clients to trust explicitly (it is public).
        res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-length': Buffer.byteLength(tls.cert) }).end(tls.cert);
        return true;
      }
      if (url.pathname === '/_emulator/identity/approve' && method === 'POST') {
        const body = await readForm(req);
        const user = approveDeviceCode(body.get('user_code') ?? '', body.get('user') ?? 'admin', body.get('deny') === 'true');
        sendJson(res, 200, { approved: body.get('deny') !== 'true', user: user.userPrincipalName });
        return true;
      }
      if (url.pathname === '/_emulator/identity/token' && method === 'POST') {
        const body = await readForm(req);
        const token = issueAccessToken({ user: body.get('user') ?? undefined, clientId: body.get('client_id') ?? undefined });
        sendJson(res, 200, { token_type: 'Bearer', access_token: token, expires_in: tokenLifetime });
        return true;
      }
      if (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') {
        return methodGuard(res, method, 'GET') || (sendJson(res, 200, openIdConfiguration(origin, tenantSegment)), true);
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
        const jwk = publicKey.export({ format: 'jwk' });
        return methodGuard(res, method, 'GET') || (sendJson(res, 200, { keys: [{ kty: 'RSA', use: 'sig', alg: 'RS256', kid, n: jwk.n, e: jwk.e, issuer: issuerFor(origin) }] }), true);
      }
      if (rest === 'oauth2/v2.0/token') {
        if (methodGuard(res, method, 'POST')) return true;
        const form = await readForm(req);
        sendJson(res, 200, tokenEndpoint(origin, tenantSegment, form), { 'cache-control': 'no-store', pragma: 'no-cache' });
        return true;
      }
      if (rest === 'oauth2/v2.0/devicecode') {
        if (methodGuard(res, method, 'POST')) return true;
        sendJson(res, 200, deviceCodeEndpoint(origin, await readForm(req)), { 'cache-control': 'no-store' });
        return true;
      }
      if (rest === 'oauth2/v2.0/authorize') {
        await authorizePage(req, res, method, url);
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
        log(`identity: ${method} ${url.pathname} → ${err.status} ${err.error}`);
        sendOAuthError(res, err);
      } else if (err instanceof EmulatorError) {
        sendJson(res, err.status, { error: { code: err.code, message: err.message } });
      } else {
        sendJson(res, 500, { error: 'server_error', error_description: 'The emulated identity service hit an unexpected error.' });
      }
      return true;
    }
  }

  function openIdConfiguration(origin: string, tenantSegment: string): Record<string, unknown> {
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
      authorization_endpoint: `${browserOrigin ?? origin}/${tenantSegment}/oauth2/v2.0/authorize`,
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

  function authorizeParams(params: URLSearchParams): { app: DemoApp; redirectUri: string; scopes: ReturnType<typeof parseScopes>; state?: string; nonce?: string; challenge?: string; method?: string } {
    const app = findApp(params.get('client_id') ?? undefined);
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!isLoopbackRedirect(redirectUri)) throw new OAuthError(400, 'invalid_request', 50011, `The redirect URI '${redirectUri}' does not match the redirect URIs configured for the application: only http://127.0.0.1, http://localhost and http://[::1] (any port) are registered.`);
    if ((params.get('response_type') ?? '') !== 'code') throw new OAuthError(400, 'unsupported_response_type', 70018, 'Only response_type=code is supported.');
    const challenge = params.get('code_challenge') ?? undefined;
    const method = params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
    if (app.isPublic && !challenge) throw new OAuthError(400, 'invalid_request', 9002325, 'Proof Key for Code Exchange is required for public clients.');
    if (method && method !== 'S256' && method !== 'plain') throw new OAuthError(400, 'invalid_request', 501491, `Invalid code_challenge_method '${method}'.`);
    return { app, redirectUri, scopes: parseScopes(params.get('scope') ?? undefined), state: params.get('state') ?? undefined, nonce: params.get('nonce') ?? undefined, challenge, method };
  }

  async function authorizePage(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    if (method === 'GET') {
      const p = authorizeParams(url.searchParams);
      const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
      const requested = p.scopes.isDefault || p.scopes.graph.length === 0 ? 'all permissions consented for the user' : p.scopes.graph.join(', ');
      const buttons = users.map((u) => `<button type="submit" name="user" value="${esc(u.key)}"><strong>${esc(u.displayName)}</strong><br><small>${esc(u.userPrincipalName)} &middot; ${esc(u.scopes.join(', '))}</small></button>`).join('');
      sendHtml(res, 200, page(`Sign in to ${DEMO_TENANT.displayName}`, `
        <p><strong>${esc(p.app.displayName)}</strong> wants to act as the user you pick, with: ${esc(requested)}.</p>
        <form method="post">${hidden}${buttons}<button type="submit" name="deny" value="true" class="secondary">Cancel</button></form>
        <p class="note">Backup Storage emulator &middot; emulated Microsoft identity platform. No password is asked.</p>`));
      return;
    }
    if (method !== 'POST') { res.writeHead(405, { allow: 'GET, POST' }).end(); return; }
    const form = await readForm(req);
    const p = authorizeParams(form);
    const back = new URL(p.redirectUri);
    if (form.get('deny') === 'true') {
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', 'AADSTS65004: The user declined to consent to access the app.');
    } else {
      const user = findUser(users, form.get('user') ?? '');
      if (!user) throw new OAuthError(400, 'invalid_request', 50034, `No demo user '${form.get('user') ?? ''}'.`);
      const scopes = delegatedScopes(user, p.scopes);
      const code = crypto.randomBytes(32).toString('base64url');
      codes.set(code, { clientId: p.app.clientId, redirectUri: p.redirectUri, challenge: p.challenge, method: p.method, user, scopes, nonce: p.nonce, expiresAt: nowS() + 600 });
      back.searchParams.set('code', code);
      back.searchParams.set('client_info', clientInfo(user));
      log(`identity: authorize approved for ${user.userPrincipalName} via ${p.app.displayName}`);
    }
    if (p.state !== undefined) back.searchParams.set('state', p.state);
    res.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' }).end();
  }

  async function deviceLoginPage(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const userButtons = users.map((u) => `<button type="submit" name="user" value="${esc(u.key)}"><strong>${esc(u.displayName)}</strong><br><small>${esc(u.userPrincipalName)} &middot; ${esc(u.scopes.join(', '))}</small></button>`).join('');
    const form = (message = '') => page('Enter code', `${message}
      <form method="post"><label>Code <input name="user_code" autocomplete="off" autofocus required></label>
      <p>Sign in as:</p>${userButtons}</form>
      <p class="note">Backup Storage emulator &middot; emulated Microsoft identity platform.</p>`);
    if (method === 'GET') { sendHtml(res, 200, form()); return; }
    if (method !== 'POST') { res.writeHead(405, { allow: 'GET, POST' }).end(); return; }
    const body = await readForm(req);
    try {
      const user = approveDeviceCode(body.get('user_code') ?? '', body.get('user') ?? '');
      sendHtml(res, 200, page('Signed in', `<p>You have signed in as <strong>${esc(user.displayName)}</strong> (${esc(user.userPrincipalName)}). You can close this window and return to VS Code.</p>`));
    } catch (err) {
      sendHtml(res, 400, form(`<p class="error">${esc(err instanceof Error ? err.message : String(err))}</p>`));
    }
  }

  return {
    tenantId: DEMO_TENANT.id,
    tls,
    demo,
    stats,
    isIdentityPath,
    handle,
    setPublicOrigin: (origin: string) => { publicOrigin = origin.replace(/\/+$/, ''); },
    setBrowserOrigin: (origin: string) => { browserOrigin = origin.replace(/\/+$/, ''); },
    verify,
    approveDeviceCode,
    issueAccessToken,
    registerCertificate,
  };
}

// ---- helpers ----

function confidentialKind(form: URLSearchParams): string {
  return form.has('client_assertion') ? 'certificate' : 'secret';
}

export function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]');
  } catch {
    return false;
  }
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 256 * 1024) throw new OAuthError(413, 'invalid_request', 90020, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (/json/i.test(req.headers['content-type'] ?? '') || text.trimStart().startsWith('{')) {
    try {
      const obj = JSON.parse(text) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(obj).map(([k, v]) => [k, String(v)]));
    } catch {
      throw new OAuthError(400, 'invalid_request', 90014, 'The request body is not valid JSON.');
    }
  }
  return new URLSearchParams(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendOAuthError(res: ServerResponse, err: OAuthError): void {
  sendJson(res, err.status, {
    error: err.error,
    error_description: err.message,
    error_codes: [err.aadsts],
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: crypto.randomUUID(),
    correlation_id: crypto.randomUUID(),
  }, { 'cache-control': 'no-store' });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  res.end(html);
}

/** Answers 405 and returns true when the method is not the allowed one. */
function methodGuard(res: ServerResponse, method: string, allowed: string): boolean {
  if (method === allowed) return false;
  res.writeHead(405, { allow: allowed }).end();
  return true;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem;font-weight:600}button{display:block;width:100%;text-align:left;margin:.5rem 0;padding:.7rem 1rem;border:1px solid #8a8886;border-radius:4px;background:#fff;cursor:pointer;font:inherit}
button:hover{background:#f3f2f1}button.secondary{text-align:center;color:#605e5c}input{font:inherit;padding:.3rem;margin-left:.5rem;letter-spacing:.1em}
.note{color:#605e5c;font-size:.85rem}.error{color:#a4262c}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}
