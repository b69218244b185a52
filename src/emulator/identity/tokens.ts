// Minting tokens: access tokens (delegated `scp` or app-only `roles`), id tokens, the token response of the
// user flows (with a rotating refresh token), and the scope rules they share: OIDC scopes vs Graph permissions,
// `.default`, and a user's consent. Also the direct token shortcut used by tests and curl.
import * as crypto from 'node:crypto';
import { EmulatorError } from '../errors';
import { DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT, DEMO_TENANT, findUser, type DemoApp, type DemoUser } from './directory';
import { signJwt, type JwtPayload } from './jwt';
import { issuerFor, type IdentityState } from './state';
import { GRAPH_RESOURCE, OAuthError, OIDC_SCOPES } from './types';

export interface RequestedScopes { oidc: Set<string>; graph: string[]; isDefault: boolean }

export function accessToken(s: IdentityState, origin: string, app: DemoApp, user: DemoUser | undefined, permissions: readonly string[], lifetime = s.tokenLifetime): { token: string; expiresIn: number } {
  const iat = s.nowS();
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
  return { token: signJwt({ alg: 'RS256', typ: 'JWT', kid: s.kid }, payload, s.signingKey), expiresIn: lifetime };
}

function idToken(s: IdentityState, origin: string, app: DemoApp, user: DemoUser, nonce?: string): string {
  const iat = s.nowS();
  const payload: JwtPayload = {
    aud: app.clientId, iss: issuerFor(origin), iat, nbf: iat, exp: iat + 3600, tid: DEMO_TENANT.id, oid: user.oid, sub: user.oid,
    name: user.displayName, preferred_username: user.userPrincipalName, ver: '2.0',
  };
  if (nonce) payload.nonce = nonce;
  return signJwt({ alg: 'RS256', typ: 'JWT', kid: s.kid }, payload, s.signingKey);
}

export const clientInfo = (user: DemoUser): string => Buffer.from(JSON.stringify({ uid: user.oid, utid: DEMO_TENANT.id })).toString('base64url');

/** `requested`: the token request's scopes; the answer echoes `.default` when asked for it, so msal's cache lookups match. */
export function userTokens(s: IdentityState, origin: string, app: DemoApp, user: DemoUser, scopes: string[], requested: RequestedScopes, nonce?: string): Record<string, unknown> {
  const { token, expiresIn } = accessToken(s, origin, app, user, scopes);
  const requestedOidc = requested.oidc.size ? requested.oidc : new Set(['openid', 'profile', 'offline_access']);
  const resourceScopes = requested.isDefault ? [`${GRAPH_RESOURCE}/.default`] : scopes.map((scope) => `${GRAPH_RESOURCE}/${scope}`);
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: resourceScopes.concat([...requestedOidc]).join(' '),
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: token,
    client_info: clientInfo(user),
  };
  if (requestedOidc.has('openid')) body.id_token = idToken(s, origin, app, user, nonce);
  if (requestedOidc.has('offline_access')) {
    const rt = crypto.randomBytes(32).toString('base64url');
    s.refreshTokens.set(rt, { clientId: app.clientId, user, scopes, expiresAt: s.nowS() + s.refreshLifetime });
    body.refresh_token = rt;
    body.refresh_token_expires_in = s.refreshLifetime;
  }
  return body;
}

/** Splits `scope` into OIDC scopes and Graph permission names; `.default` means everything consented. */
export function parseScopes(raw: string | undefined): RequestedScopes {
  const oidc = new Set<string>();
  const graph: string[] = [];
  let isDefault = false;
  for (const scope of (raw ?? '').split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) { oidc.add(scope.toLowerCase()); continue; }
    const m = /^(?:(https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\/)?(.+)$/i.exec(scope);
    const resource = m?.[1];
    const name = m?.[2] ?? scope;
    if (!resource && /^(?:https?:|api:)/i.test(scope)) throw new OAuthError(400, 'invalid_resource', 500011, `The resource principal named ${scope.replace(/\/[^/]*$/, '')} was not found in the tenant named ${DEMO_TENANT.displayName}.`);
    if (name === '.default') isDefault = true;
    else graph.push(name);
  }
  return { oidc, graph, isDefault };
}

/** The scopes a user's consent grants for a request; throws when the user consented to none of them. */
export function delegatedScopes(user: DemoUser, requested: { graph: string[]; isDefault: boolean }): string[] {
  if (requested.isDefault || requested.graph.length === 0) return [...user.scopes];
  const granted = requested.graph.filter((g) => user.scopes.some((scope) => scope.toLowerCase() === g.toLowerCase()));
  if (granted.length === 0) {
    throw new OAuthError(400, 'invalid_grant', 65001, `The user ${user.userPrincipalName} has not consented to ${requested.graph.join(', ')}. Consented: ${user.scopes.join(', ') || 'none'}.`);
  }
  return user.scopes.filter((scope) => granted.some((g) => g.toLowerCase() === scope.toLowerCase()));
}

export function findApp(s: IdentityState, clientId: string | undefined): DemoApp {
  const app = clientId ? s.apps.get(clientId) : undefined;
  if (!app) throw new OAuthError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId ?? ''}' was not found in the directory '${DEMO_TENANT.displayName}'.`);
  return app;
}

/** Mints an access token directly (tests, curl). `user` for delegated, else app-only for `clientId`. */
export function issueAccessToken(s: IdentityState, subject: { user?: string; clientId?: string; permissions?: readonly string[]; lifetimeSeconds?: number }): string {
  const origin = s.publicOrigin ?? 'https://127.0.0.1';
  if (subject.user) {
    const user = findUser(s.users, subject.user);
    if (!user) throw new EmulatorError(400, 'UnknownUser', `No demo user '${subject.user}'.`);
    const app = s.apps.get(subject.clientId ?? DEMO_PUBLIC_CLIENT.clientId) ?? DEMO_PUBLIC_CLIENT;
    return accessToken(s, origin, app, user, subject.permissions ?? user.scopes, subject.lifetimeSeconds).token;
  }
  const app = s.apps.get(subject.clientId ?? DEMO_ADMIN_APP.clientId);
  if (!app) throw new EmulatorError(400, 'UnknownClient', `No demo app '${subject.clientId}'.`);
  return accessToken(s, origin, app, undefined, subject.permissions ?? app.roles, subject.lifetimeSeconds).token;
}
