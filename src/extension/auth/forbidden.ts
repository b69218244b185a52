// Helpers for the rest of the UI: recognise "sign in first" and "403" failures, and build the arguments of
// Check Permissions for the call that failed, so error messages and error nodes can offer the right button.
//
//   const args = checkPermissionsArgs(error);
//   if (args) buttons.push(checkPermissionsLabel());  ...  executeCommand('restoreSessions.checkPermissions', args)
import { SignInRequiredError } from '../../auth';
import { l10n } from '../../backup/l10n';
import { GraphError } from '../../graph';

export const checkPermissionsLabel = (): string => l10n.t('Check Permissions');
export const signInLabel = (): string => l10n.t('Sign In');

/** True when a person must sign in: no account / credential, or the service answered 401. */
export function isSignInRequired(error: unknown): boolean {
  if (error instanceof SignInRequiredError || (error instanceof Error && error.name === 'SignInRequiredError')) return true;
  return isGraphErrorLike(error) && error.status === 401;
}

/** GraphError, also across bundles (a test loading the sources next to the bundled extension). */
function isGraphErrorLike(error: unknown): error is GraphError {
  return error instanceof GraphError || (error instanceof Error && error.name === 'GraphError' && typeof (error as GraphError).status === 'number');
}

/** 403s that refuse an action because of the resource's state, not the caller's permissions. */
const STATE_REFUSALS = new Set(['RestoreSessionActionNotAllowed', 'InvalidStateForBulkRequestDeletion', 'PolicyActionNotAllowed']);

/** For a 403 GraphError: `{ method, path }` (path after /solutions/backupRestore) for restoreSessions.checkPermissions. */
export function checkPermissionsArgs(error: unknown): { method: string; path: string } | undefined {
  if (!isGraphErrorLike(error) || error.status !== 403 || STATE_REFUSALS.has(error.code)) return undefined;
  let pathname: string;
  try {
    pathname = new URL(error.url).pathname;
  } catch {
    pathname = error.url.split('?')[0];
  }
  const marker = '/solutions/backupRestore';
  const at = pathname.indexOf(marker);
  const path = at >= 0 ? pathname.slice(at + marker.length).replace(/^\/+/, '') : pathname;
  return { method: error.method, path: decodeURIComponent(path) };
}
