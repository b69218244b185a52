// The public shapes of the emulated identity service (options, the service interface, verified claims, demo
// credentials) and the OAuth error every endpoint throws. Data only: the behaviour lives in state.ts (shared
// state), tokens.ts, grants.ts, verify.ts, pages.ts and routes.ts; service.ts assembles them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TlsCredentials } from './certificate';
import type { DemoUser } from './directory';
import type { JwtPayload } from './jwt';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const CLOCK_SKEW_S = 60;

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

/** An OAuth error answer of the token/devicecode endpoints (body `{error, error_description, error_codes, ...}`). */
export class OAuthError extends Error {
  constructor(readonly status: number, readonly error: string, readonly aadsts: number, description: string) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}
