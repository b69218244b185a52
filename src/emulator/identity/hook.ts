// Glue for the emulator server: the `authenticate` hook of the Graph pipeline when `--auth on`. Structural
// types only, so this file does not depend on the server's modules.
import type { IncomingHttpHeaders } from 'node:http';
import { BACKUP_PERMISSION_NAMES } from '../../auth/permissions';
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
export function createAuthenticateHook(identity: IdentityService): (ctx: GraphRequestLike, options?: { batch?: boolean }) => VerifiedClaims {
  return (ctx, options) => {
    const header = ctx.headers.authorization;
    if (options?.batch) return identity.verify(header, { anyOf: BACKUP_PERMISSION_NAMES, label: 'POST /$batch' });
    return identity.verify(header, { method: ctx.method, path: ctx.segments });
  };
}
