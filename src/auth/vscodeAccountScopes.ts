// The scopes a connection asks VS Code's Microsoft authentication provider for. The provider signs in with its
// own app registration and the `organizations` tenant unless two pseudo-scopes say otherwise:
// `VSCODE_CLIENT_ID:<client id>` (the admin's app registration, the one granted BackupRestore-* permissions)
// and `VSCODE_TENANT:<tenant>` (the connection's tenant). Also which provider serves a connection: `microsoft`
// for Microsoft's global cloud, `microsoft-sovereign-cloud` for the national clouds (VS Code's setting
// `microsoft-sovereign-cloud.environment` picks which one), or the provider the connection names.
// No vscode here: the test authentication provider reads the same prefixes back.

export const VSCODE_MICROSOFT_PROVIDER = 'microsoft';
export const VSCODE_SOVEREIGN_PROVIDER = 'microsoft-sovereign-cloud';
const CLIENT_ID_PREFIX = 'VSCODE_CLIENT_ID:';
const TENANT_PREFIX = 'VSCODE_TENANT:';
const GLOBAL_LOGIN = /^https:\/\/login\.microsoftonline\.com$/i;

/** An authentication provider id a connection may name (what VS Code's own ids look like). */
export const isProviderId = (value: string): boolean => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value);

/** The provider a connection uses: the one it names, else by its sign-in host. */
export function accountProviderFor(named: string | undefined, authorityOrigin: string): string {
  if (named && isProviderId(named)) return named;
  return GLOBAL_LOGIN.test(authorityOrigin) ? VSCODE_MICROSOFT_PROVIDER : VSCODE_SOVEREIGN_PROVIDER;
}

/** The resource scopes plus the app registration and tenant of the connection, as the provider reads them. */
export function vscodeAccountScopes(resourceScopes: readonly string[], clientId: string, tenant: string): string[] {
  return [...resourceScopes, `${CLIENT_ID_PREFIX}${clientId}`, `${TENANT_PREFIX}${tenant}`];
}

/** The other way round, for a provider: which app and tenant the scopes ask for, and the real scopes. */
export function parseVscodeAccountScopes(scopes: readonly string[]): { clientId?: string; tenant?: string; resourceScopes: string[] } {
  const valueOf = (prefix: string) => scopes.find((s) => s.startsWith(prefix))?.slice(prefix.length) || undefined;
  return {
    clientId: valueOf(CLIENT_ID_PREFIX),
    tenant: valueOf(TENANT_PREFIX),
    resourceScopes: scopes.filter((s) => !s.startsWith(CLIENT_ID_PREFIX) && !s.startsWith(TENANT_PREFIX)),
  };
}
