// The grants of the token endpoint (client credentials with a secret or a certificate assertion, authorization
// code + PKCE, device code, refresh token with rotation), client authentication, the device code endpoint, and
// approving a device code (what the device-login page and the approve shortcut do).
import * as crypto from 'node:crypto';
import { EmulatorError } from '../errors';
import { certificateThumbprint } from './certificate';
import { findUser, type DemoApp, type DemoUser } from './directory';
import { decodeJwt, verifySignature } from './jwt';
import { countGrant, tenantOk, type IdentityState } from './state';
import { accessToken, delegatedScopes, findApp, parseScopes, userTokens } from './tokens';
import { ASSERTION_TYPE, CLOCK_SKEW_S, OAuthError } from './types';

/** Client authentication of a confidential app: secret, or a certificate-signed assertion. */
function authenticateClient(s: IdentityState, origin: string, tenantSegment: string, app: DemoApp, form: URLSearchParams): void {
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
    const cert = (s.certificates.get(app.clientId) ?? []).find((pem) => (thumb256 && certificateThumbprint(pem) === thumb256) || (thumb1 && certificateThumbprint(pem, 'sha1') === thumb1));
    if (!cert) throw new OAuthError(401, 'invalid_client', 700027, `The certificate with identifier used to sign the client assertion is not registered on application ${app.clientId}.`);
    if (!verifySignature(jwt, new crypto.X509Certificate(cert).publicKey)) throw new OAuthError(401, 'invalid_client', 7000274, 'The client assertion signature is invalid.');
    const p = jwt.payload;
    const t = s.nowS();
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

export function tokenEndpoint(s: IdentityState, origin: string, tenantSegment: string, form: URLSearchParams): Record<string, unknown> {
  const grant = form.get('grant_type') ?? '';
  const app = findApp(s, form.get('client_id') ?? undefined);
  const scopes = parseScopes(form.get('scope') ?? undefined);
  const confidentialAuth = form.has('client_secret') || form.has('client_assertion');
  if (!app.isPublic && (grant === 'client_credentials' || confidentialAuth)) authenticateClient(s, origin, tenantSegment, app, form);
  countGrant(s, grant === 'device_code' ? 'urn:ietf:params:oauth:grant-type:device_code' : grant);
  switch (grant) {
    case 'client_credentials': {
      if (app.isPublic) throw new OAuthError(400, 'unauthorized_client', 700025, 'Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.');
      if (!scopes.isDefault || scopes.graph.length > 0) {
        throw new OAuthError(400, 'invalid_scope', 1002012, `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
      }
      const { token, expiresIn } = accessToken(s, origin, app, undefined, app.roles);
      s.log(`identity: client_credentials (${confidentialKind(form)}) for ${app.displayName} (${app.clientId}) → token, roles ${app.roles.join(' ') || 'none'}`);
      return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
    }
    case 'authorization_code': {
      const code = s.codes.get(form.get('code') ?? '');
      s.codes.delete(form.get('code') ?? '');
      if (!code || code.expiresAt < s.nowS() || code.clientId !== app.clientId) throw new OAuthError(400, 'invalid_grant', 70008, 'The provided authorization code is invalid or has expired.');
      if ((form.get('redirect_uri') ?? '') !== code.redirectUri) throw new OAuthError(400, 'invalid_grant', 50148, 'The redirect_uri does not match the one used in the authorization request.');
      if (code.challenge) {
        const verifier = form.get('code_verifier') ?? '';
        const computed = code.method === 'plain' ? verifier : crypto.createHash('sha256').update(verifier).digest('base64url');
        if (!verifier || computed !== code.challenge) throw new OAuthError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      }
      s.log(`identity: authorization_code for ${code.user.userPrincipalName} via ${app.displayName} → tokens`);
      return userTokens(s, origin, app, code.user, code.scopes, scopes, code.nonce);
    }
    case 'device_code': // msal's spelling; Entra ID accepts both
    case 'urn:ietf:params:oauth:grant-type:device_code': {
      const id = form.get('device_code') ?? '';
      const entry = s.deviceCodes.get(id);
      if (!entry || entry.clientId !== app.clientId) throw new OAuthError(400, 'invalid_grant', 70000, 'The provided device code is invalid.');
      if (entry.expiresAt < s.nowS()) { s.deviceCodes.delete(id); throw new OAuthError(400, 'expired_token', 70020, 'The provided device code has expired.'); }
      if (entry.state === 'pending') throw new OAuthError(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.');
      s.deviceCodes.delete(id);
      if (entry.state === 'denied' || !entry.user) throw new OAuthError(400, 'authorization_declined', 70019, 'The end user denied the authorization request.');
      s.log(`identity: device_code for ${entry.user.userPrincipalName} via ${app.displayName} → tokens`);
      return userTokens(s, origin, app, entry.user, entry.scopes, scopes);
    }
    case 'refresh_token': {
      const rt = form.get('refresh_token') ?? '';
      const grantEntry = s.refreshTokens.get(rt);
      if (!grantEntry || grantEntry.clientId !== app.clientId) throw new OAuthError(400, 'invalid_grant', 9002313, 'Invalid request. The refresh token is malformed or not valid.');
      s.refreshTokens.delete(rt); // rotation: each refresh token is single use
      if (grantEntry.expiresAt < s.nowS()) throw new OAuthError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
      const granted = scopes.isDefault || scopes.graph.length === 0
        ? grantEntry.scopes
        : grantEntry.scopes.filter((s) => scopes.graph.some((g) => g.toLowerCase() === s.toLowerCase()));
      if (granted.length === 0) throw new OAuthError(400, 'invalid_grant', 65001, `The refresh token does not cover ${scopes.graph.join(', ')}.`);
      s.log(`identity: refresh_token for ${grantEntry.user.userPrincipalName} via ${app.displayName} → tokens`);
      return userTokens(s, origin, app, grantEntry.user, granted, scopes);
    }
    default:
      throw new OAuthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
  }
}

export function deviceCodeEndpoint(s: IdentityState, origin: string, form: URLSearchParams): Record<string, unknown> {
  const app = findApp(s, form.get('client_id') ?? undefined);
  const scopes = parseScopes(form.get('scope') ?? undefined);
  const deviceCode = crypto.randomBytes(32).toString('base64url');
  let userCode: string;
  do {
    userCode = Array.from(crypto.randomBytes(9), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
  } while ([...s.deviceCodes.values()].some((d) => d.userCode === userCode));
  s.deviceCodes.set(deviceCode, {
    userCode, clientId: app.clientId, scopes: scopes.isDefault ? [] : scopes.graph, expiresAt: s.nowS() + s.deviceLifetime, state: 'pending',
  });
  countGrant(s, 'devicecode');
  s.log(`identity: device code issued for ${app.displayName}`);
  const verificationUri = `${s.browserOrigin ?? origin}/devicelogin`;
  return {
    user_code: userCode,
    device_code: deviceCode,
    verification_uri: verificationUri,
    expires_in: s.deviceLifetime,
    interval: s.deviceInterval,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  };
}

export function approveDeviceCode(s: IdentityState, userCode: string, userRef: string, deny = false): DemoUser {
  const code = userCode.trim().toUpperCase().replace(/[\s-]/g, '');
  const pending = [...s.deviceCodes.values()].filter((d) => d.state === 'pending' && d.expiresAt >= s.nowS());
  // Tests that cannot see the notification may omit the code when exactly one is pending.
  const entry = code ? pending.find((d) => d.userCode === code) : pending.length === 1 ? pending[0] : undefined;
  if (!entry || entry.expiresAt < s.nowS() || entry.state !== 'pending') throw new EmulatorError(400, 'InvalidUserCode', `No pending device code '${userCode}'.`);
  const user = findUser(s.users, userRef);
  if (!user) throw new EmulatorError(400, 'UnknownUser', `No demo user '${userRef}'. Known: ${s.users.map((u) => u.key).join(', ')}.`);
  // Scopes are resolved at approval: the user's consent decides what the token carries.
  entry.scopes = delegatedScopesOrEmpty(user, entry.scopes);
  entry.user = user;
  entry.state = deny ? 'denied' : 'approved';
  s.log(`identity: device code ${deny ? 'denied' : 'approved'} for ${user.userPrincipalName}`);
  return user;
}

function delegatedScopesOrEmpty(user: DemoUser, requested: string[]): string[] {
  try {
    return delegatedScopes(user, { graph: requested, isDefault: requested.length === 0 });
  } catch {
    return [];
  }
}


function confidentialKind(form: URLSearchParams): string {
  return form.has('client_assertion') ? 'certificate' : 'secret';
}
