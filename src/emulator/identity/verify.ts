// Checking the bearer token of a Graph call the way Graph does: signature, lifetime, audience and tenant, then
// the permission table of src/backup/model/permissions.ts. Failures are EmulatorError 401/403 with the
// WWW-Authenticate header Graph sends.
import { backupPermissionsIn, checkOperation } from '../../backup/model/permissions';
import { EmulatorError } from '../errors';
import { DEMO_TENANT } from './directory';
import { decodeJwt, verifySignature } from './jwt';
import type { IdentityState } from './state';
import { CLOCK_SKEW_S, GRAPH_APP_ID, GRAPH_RESOURCE, type AccessRequirement, type VerifiedClaims } from './types';

function wwwAuthenticate(s: IdentityState, error?: string, description?: string, scope?: string): string {
  const origin = s.publicOrigin ?? 'https://login.microsoftonline.com';
  const parts = [`realm=""`, `authorization_uri="${origin}/${DEMO_TENANT.id}/oauth2/v2.0/authorize"`, `client_id="${GRAPH_APP_ID}"`];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description.replace(/"/g, "'")}"`);
  if (scope) parts.push(`scope="${scope}"`);
  return `Bearer ${parts.join(', ')}`;
}

const unauthorized = (s: IdentityState, message: string, withError = true): EmulatorError =>
  new EmulatorError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': wwwAuthenticate(s, withError ? 'invalid_token' : undefined, withError ? message : undefined) });

export function verify(s: IdentityState, authorization: string | undefined, requirement: AccessRequirement): VerifiedClaims {
  const header = (authorization ?? '').trim();
  if (!header) throw unauthorized(s, 'Access token is empty.', false);
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw unauthorized(s, 'The Authorization header must be \'Bearer <access token>\'.');
  const jwt = decodeJwt(m[1]);
  if (!jwt) throw unauthorized(s, 'Access token is malformed: it is not a JWT (header.payload.signature).');
  if (jwt.header.alg !== 'RS256' || (jwt.header.kid !== undefined && jwt.header.kid !== s.kid) || !verifySignature(jwt, s.publicKey)) {
    throw unauthorized(s, 'Access token validation failure. Invalid signature.');
  }
  const p = jwt.payload;
  const t = s.nowS();
  if (typeof p.exp !== 'number' || p.exp <= t) throw unauthorized(s, 'Lifetime validation failed, the token is expired.');
  if (typeof p.nbf === 'number' && p.nbf - CLOCK_SKEW_S > t) throw unauthorized(s, 'Lifetime validation failed, the token is not yet valid.');
  if (p.aud !== GRAPH_RESOURCE && p.aud !== GRAPH_APP_ID && p.aud !== `${GRAPH_RESOURCE}/`) throw unauthorized(s, 'Invalid audience: the token is not for Microsoft Graph.');
  if (p.tid !== DEMO_TENANT.id) throw unauthorized(s, 'The token was issued for another tenant.');
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
    throw new EmulatorError(403, 'Authorization_RequestDenied', 'Either scp or roles claim need to be present in the token.', { 'WWW-Authenticate': wwwAuthenticate(s, 'insufficient_scope') });
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
      { 'WWW-Authenticate': wwwAuthenticate(s, 'insufficient_scope', undefined, required.join(' ')) },
    );
  }
  return claims;
}
