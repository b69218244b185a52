// Reads an access token's claims (without verifying it: the client only explains, the service decides) and
// turns them into what Check Permissions shows: who the token is for, which Backup Storage permissions it
// carries, which operations those allow, and what to change after a 403.
import { backupPermissionsIn, describeAccess, PERMISSIONS, ruleFor, type OperationRule, type PermissionKey } from '../backup/model/permissions';

export interface TokenSummary {
  kind: 'delegated' | 'application';
  tenantId?: string;
  clientId?: string;
  appName?: string;
  /** Delegated: UPN or preferred_username. */
  user?: string;
  name?: string;
  objectId?: string;
  audience?: string;
  expiresAt?: Date;
  /** Every `scp` entry or `roles` value. */
  permissions: string[];
  /** The Backup Storage ones among them. */
  backupPermissions: PermissionKey[];
  access: { rule: OperationRule; allowed: boolean; required: string[] }[];
}

/** The JWT payload, or undefined for an opaque / malformed token. */
export function decodeTokenClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function summarizeClaims(claims: Record<string, unknown>): TokenSummary {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
  const delegated = typeof claims.scp === 'string';
  const permissions = delegated
    ? (claims.scp as string).split(' ').filter(Boolean)
    : Array.isArray(claims.roles) ? (claims.roles as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  const kind = delegated ? 'delegated' : 'application';
  return {
    kind,
    tenantId: str(claims.tid),
    clientId: str(claims.appid) ?? str(claims.azp),
    appName: str(claims.app_displayname),
    user: str(claims.upn) ?? str(claims.preferred_username) ?? str(claims.unique_name),
    name: str(claims.name),
    objectId: str(claims.oid),
    audience: str(claims.aud),
    expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
    permissions,
    backupPermissions: backupPermissionsIn(permissions),
    access: describeAccess(permissions, kind),
  };
}

export function summarizeToken(token: string): TokenSummary | undefined {
  const claims = decodeTokenClaims(token);
  return claims ? summarizeClaims(claims) : undefined;
}

/**
 * What to change so that `method path` (after /solutions/backupRestore) succeeds, for a token like `summary`.
 * Plain sentences for a notification or the Check Permissions report.
 */
export function adviceForForbidden(summary: TokenSummary | undefined, method?: string, path?: string): string {
  const rule = method && path !== undefined ? ruleFor(method, path) : undefined;
  const needed = rule ? rule.anyOf.map((k) => PERMISSIONS[k].name) : [];
  const lines: string[] = [];
  if (rule) lines.push(`"${rule.label}" needs ${needed.length > 1 ? 'one of ' : ''}${needed.join(', ')}.`);
  if (!summary) {
    lines.push('The current token could not be read (it is not a JWT), so its permissions are unknown.');
    return lines.join(' ');
  }
  const have = summary.backupPermissions.map((k) => PERMISSIONS[k].name);
  lines.push(`The token (${summary.kind === 'delegated' ? 'delegated, scp' : 'app-only, roles'}) has ${have.length ? have.join(', ') : 'no Backup Storage permission'}.`);
  const add = needed[needed.length - 1] ?? 'the missing BackupRestore-* permission';
  if (summary.kind === 'delegated') {
    lines.push(
      `Add the delegated permission ${add} to the app registration (Microsoft Graph > Delegated), grant admin consent, then sign out and sign in again so the new scope is in the token.`,
    );
    if (rule?.id.startsWith('browse') || rule?.id === 'artifacts.listGranular') {
      lines.push('For browse sessions and granular site artifacts the signed-in user also needs the SharePoint Backup Administrator role.');
    }
  } else {
    lines.push(
      `Add the application permission ${add} to the app registration (Microsoft Graph > Application), grant admin consent, then sign in again (app tokens are cached for up to an hour).`,
    );
    if (rule?.delegatedOnly) lines.push('This operation is delegated-only: sign in as a user instead of the app.');
  }
  return lines.join(' ');
}
