// Small helpers around msal-node: its lazy loading, log levels, results in our shapes, cancellation, and
// errors cleaned of secrets. Shared by the token provider and nothing else.
import type * as Msal from '@azure/msal-node';
import type { AccountInfo, AuthenticationResult, LogLevel } from '@azure/msal-node';
import { SignInCancelledError } from './loopback';
import { redactSecrets } from './redact';
import type { AccountSummary, AuthLogLevel, SignInResult } from './types';

/** Rejects with SignInCancelledError as soon as the signal fires, without waiting for msal. */
export function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(new SignInCancelledError('The request was cancelled.'));
      return;
    }
    const onAbort = () => reject(new SignInCancelledError('The request was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
    // msal keeps polling a cancelled device code until its next interval; never leave that rejection unhandled.
    promise.catch(() => undefined);
  });
}

export function resourceOf(scope: string): string {
  const m = /^(https?:\/\/[^/]+)\//i.exec(scope);
  return m ? m[1] : 'https://graph.microsoft.com';
}

export function summarize(result: AuthenticationResult): SignInResult {
  return { account: result.account ? accountSummary(result.account) : undefined, expiresOn: result.expiresOn ?? undefined, scopes: result.scopes };
}

export function accountSummary(a: AccountInfo): AccountSummary {
  return { homeAccountId: a.homeAccountId, username: a.username, name: a.name, tenantId: a.tenantId };
}

export function levelName(level: LogLevel): AuthLogLevel {
  const { LogLevel: Level } = msal();
  switch (level) {
    case Level.Error: return 'error';
    case Level.Warning: return 'warning';
    case Level.Info: return 'info';
    default: return 'verbose';
  }
}

let msalModule: typeof Msal | undefined;
/**
 * msal-node is loaded on the first sign-in or token request, not when the extension activates (the bundle
 * keeps it in a separate file, see esbuild.js): most sessions use the local emulator and never need it.
 */
export function msal(): typeof Msal {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (msalModule ??= require('@azure/msal-node') as typeof Msal);
}

export function isNoTokensFound(err: unknown): boolean {
  const code = (err as { errorCode?: unknown })?.errorCode;
  return code === 'no_tokens_found' || code === 'token_refresh_required';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SignInCancelledError('The request was cancelled.');
}

/** msal errors can quote server responses; make sure no token or secret rides along in the message. */
export function sanitizeError(err: unknown, secrets: readonly string[]): Error {
  if (!(err instanceof Error)) return new Error(redactSecrets(String(err), secrets));
  const message = redactSecrets(err.message, secrets);
  if (message === err.message) return err;
  const clean = new Error(message);
  clean.name = err.name;
  return clean;
}
