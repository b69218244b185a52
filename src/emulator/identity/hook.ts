// Glue for the emulator server: the `authenticate` hook of the Graph pipeline when `--auth on`. Structural
// types only, so this file does not depend on the server's modules.
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import * as https from 'node:https';
import { BACKUP_PERMISSION_NAMES } from '../../backup/model/permissions';
import { close, listen } from '../listen';
import type { IdentitySet } from '../../backup/model';
import { DEMO_APPS } from './directory';
import type { IdentityService, VerifiedClaims } from './service';

interface GraphRequestLike {
  method: string;
  /** Segments after /solutions/backupRestore. */
  segments: readonly string[];
  headers: IncomingHttpHeaders;
}

/**
 * `authenticate` for dispatch(): verifies the bearer token against the operation's permissions.
 * For `$batch` pass `{ batch: true }` on the outer request (any Backup Storage permission is enough to post
 * the batch) and call the hook again for each sub-request with the outer Authorization header.
 */
export function createAuthenticateHook(identity: IdentityService): (ctx: GraphRequestLike & { caller?: IdentitySet }, options?: { batch?: boolean }) => void {
  return (ctx, options) => {
    // The caller becomes createdBy / lastModifiedBy of what it writes, as Graph records the signed-in identity.
    ctx.caller = callerOf(verifyGraphRequest(identity, ctx, options));
  };
}

/** The identitySet Graph records for a token: the user (delegated) and the app it signed in with. */
export function callerOf(claims: VerifiedClaims): IdentitySet {
  const app = DEMO_APPS.find((a) => a.clientId === claims.clientId);
  const application = { id: claims.clientId, displayName: app?.displayName ?? null };
  return claims.kind === 'delegated'
    ? { application, user: { id: claims.objectId, displayName: claims.name ?? claims.userPrincipalName ?? null } }
    : { application };
}

/** The same check, returning the token's claims (for handlers that want to know who called). */
export function verifyGraphRequest(identity: IdentityService, ctx: GraphRequestLike, options?: { batch?: boolean }): VerifiedClaims {
  const header = ctx.headers.authorization;
  if (options?.batch) return identity.verify(header, { anyOf: BACKUP_PERMISSION_NAMES, label: 'POST /$batch' });
  return identity.verify(header, { method: ctx.method, path: ctx.segments });
}

/** A request listener that answers identity paths itself and hands everything else to `pipeline`. */
export function withIdentity(identity: IdentityService, pipeline: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    identity.handle(req, res).then(
      (handled) => {
        if (!handled) pipeline(req, res);
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  };
}

export interface HttpsListener {
  server: https.Server;
  /** `https://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The https listener of the emulator: same request listener as the http one (wrap it with withIdentity), served
 * with the identity service's self-signed certificate. Also tells the identity service its public origins.
 */
export async function listenHttps(identity: IdentityService, listener: RequestListener, options: { port?: number; host?: string; httpUrl?: string } = {}): Promise<HttpsListener> {
  const host = options.host ?? '127.0.0.1';
  const server = https.createServer({ key: identity.tls.key, cert: identity.tls.cert }, listener);
  const { url, port } = await listen(server, 'https', options.port ?? 0, host);
  identity.setPublicOrigin(url);
  if (options.httpUrl) identity.setBrowserOrigin(options.httpUrl);
  return {
    server,
    url,
    port,
    close: () => close(server),
  };
}
