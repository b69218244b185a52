// Builds a connection from its settings entry: the Graph (or emulator) base URL, the sign-in authority, the
// token scope for that Graph origin, one HTTP transport, and the msal token provider whose secrets are bound
// to exactly these endpoints (or, for `vscodeAccount`, VS Code's account with the connection's app and tenant).
// Graph endpoints must be one of Microsoft's clouds unless the user allowed custom
// ones; an emulator connection talks only to the loopback emulator.
import {
  DEFAULT_AUTHORITY_ORIGIN, DEFAULT_GRAPH_ORIGIN, GRAPH_DEFAULT_SCOPES, MsalTokenProvider, VSCODE_MICROSOFT_PROVIDER, accountProviderFor,
  checkEmulatorEndpoint, checkGraphEndpoints, graphScopeFor, isAppOnly, originOf,
  type AccountSummary, type ConnectionAuth, type SecretBinding, type SecretStore, type SignInMethod,
} from '../../auth';
import { BackupApi } from '../../backup/api';
import { GraphClient, HttpTransport } from '../../graph';
import { VsCodeAccountTokenProvider } from '../auth/vscodeAccount';
import type { Log } from '../log';
import type { EmulatorEndpoint } from './builtInEmulator';
import type { Connection, ConnectionConfig } from './config';
import { l10n } from '../../backup/l10n';

export interface ConnectionDeps {
  log: Log;
  version: string;
  proxy: string | undefined;
  allowCustomEndpoints: boolean;
  /** The emulator to use, started on demand (only emulator connections call it). */
  emulator: () => Promise<EmulatorEndpoint>;
  store?: { secrets: SecretStore; accountId: string | undefined };
  /** `vscodeAccount` on an emulator connection that names no provider (test hosts register one for the emulator). */
  emulatorAccountProvider?: string;
  /** The VS Code account of a `vscodeAccount` connection changed (Accounts menu sign-out, another account). */
  onAccountChanged?: (connectionId: string, account: AccountSummary | undefined) => void;
}

export interface BuiltConnection {
  connection: Connection;
  /** Closed when the connection is dropped. */
  client: GraphClient;
  transport: HttpTransport;
  /** What the connection's stored secrets are bound to (signed-in connections only). */
  binding?: SecretBinding;
}

interface Endpoints {
  baseUrl: string;
  graphOrigin: string;
  authority?: string;
  clientId?: string;
  /** The tenant the sign-in is for (VS Code account: `VSCODE_TENANT:`). */
  tenant?: string;
  /** VS Code account: the authentication provider. */
  accountProvider?: string;
  scopes: readonly string[];
  ca?: string;
  proxy?: string;
}

async function emulatorEndpoints(config: ConnectionConfig, deps: ConnectionDeps): Promise<Endpoints> {
  const { origin, identity } = await deps.emulator();
  checkEmulatorEndpoint(origin);
  // The emulator's identity issues tokens for Microsoft Graph global's resource id, as the service would.
  const endpoints: Endpoints = { baseUrl: `${origin}/${config.apiVersion}`, graphOrigin: origin, clientId: config.clientId?.trim(), scopes: GRAPH_DEFAULT_SCOPES, ca: identity.ca };
  if (config.signIn === 'none') return endpoints;
  endpoints.tenant = config.tenant?.trim() || identity.tenantName;
  if (config.signIn === 'vscodeAccount') {
    // The token comes from a VS Code authentication provider, not from msal: no https listener needed here.
    endpoints.clientId ||= identity.publicClientId;
    endpoints.accountProvider = config.accountProvider || deps.emulatorAccountProvider || VSCODE_MICROSOFT_PROVIDER;
    return endpoints;
  }
  if (!identity.httpsOrigin) {
    throw new Error(l10n.t('The emulator at {0} has no https listener, and msal only signs in against https. Start it with --https-port (and --auth on to enforce tokens), or use the built-in emulator.', origin));
  }
  checkEmulatorEndpoint(identity.httpsOrigin);
  endpoints.authority = `${identity.httpsOrigin}/${endpoints.tenant}`;
  endpoints.clientId ||= isAppOnly(config.signIn) ? identity.adminAppClientId : identity.publicClientId;
  return endpoints;
}

function graphEndpoints(config: ConnectionConfig, deps: ConnectionDeps): Endpoints {
  if (config.signIn === 'none') throw new Error(l10n.t('The connection "{0}" has no sign-in method; Microsoft Graph needs one.', config.label));
  const tenant = config.tenant?.trim();
  if (!tenant) throw new Error(l10n.t('The connection "{0}" has no tenant. Edit it in the setting restoreSessions.connections.', config.label));
  if (!/^[a-z0-9.-]+$/i.test(tenant)) throw new Error(l10n.t('The tenant "{0}" of the connection "{1}" is not a tenant id or domain.', tenant, config.label));
  const graphOrigin = originOf((config.baseUrl?.trim() || DEFAULT_GRAPH_ORIGIN).replace(/\/(v1\.0|beta)\/*$/, ''), l10n.t('Graph endpoint'));
  const authorityOrigin = originOf(config.authorityHost?.trim() || DEFAULT_AUTHORITY_ORIGIN, l10n.t('sign-in authority'));
  checkGraphEndpoints(authorityOrigin, graphOrigin, deps.allowCustomEndpoints);
  return {
    baseUrl: `${graphOrigin}/${config.apiVersion}`,
    graphOrigin,
    authority: `${authorityOrigin}/${tenant}`,
    clientId: config.clientId?.trim(),
    tenant,
    accountProvider: accountProviderFor(config.accountProvider, authorityOrigin),
    scopes: [graphScopeFor(graphOrigin)],
    proxy: deps.proxy,
  };
}

export async function buildConnection(config: ConnectionConfig, deps: ConnectionDeps): Promise<BuiltConnection> {
  const e = config.kind === 'emulator' ? await emulatorEndpoints(config, deps) : graphEndpoints(config, deps);
  if (config.signIn !== 'none' && !e.clientId) throw new Error(l10n.t('The connection "{0}" has no client id (the app registration\'s Application (client) ID).', config.label));
  // The emulator is on loopback: no proxy, and its certificate only ever reaches this connection's transport.
  const transport = new HttpTransport({ ca: e.ca, proxy: e.proxy, proxyFromEnv: config.kind === 'graph', timeoutMs: 30_000 });
  const auth = config.signIn === 'none' ? undefined : config.signIn === 'vscodeAccount' ? vscodeAccount(config, e, deps) : e.authority && e.clientId ? tokenProvider(config, e, transport, deps) : undefined;
  const client = new GraphClient({
    baseUrl: e.baseUrl,
    transport,
    tokenProvider: auth,
    scopes: e.scopes,
    userAgent: `m365-restore-sessions/${deps.version}`,
    onRequest: (entry) => deps.log.request(entry),
  });
  const connection: Connection = {
    id: config.id,
    label: config.label,
    baseUrl: e.baseUrl,
    api: new BackupApi(client, { onOptionLearnt: (message) => deps.log.info(`${config.label}: ${message}`), apiVersion: config.apiVersion }),
    isEmulator: config.kind === 'emulator',
    kind: config.kind,
    apiVersion: config.apiVersion,
    signIn: config.signIn,
    config,
    auth,
    authority: e.authority,
  };
  const binding = auth instanceof MsalTokenProvider && e.authority && e.clientId ? { connectionId: config.id, authority: e.authority, clientId: e.clientId, graphOrigin: e.graphOrigin } : undefined;
  return { connection, client, transport, binding };
}

function vscodeAccount(config: ConnectionConfig, e: Endpoints, deps: ConnectionDeps): ConnectionAuth {
  return new VsCodeAccountTokenProvider({
    providerId: e.accountProvider ?? VSCODE_MICROSOFT_PROVIDER,
    clientId: e.clientId ?? '',
    tenant: e.tenant ?? '',
    scopes: e.scopes,
    onDidChangeAccount: (account) => deps.onAccountChanged?.(config.id, account),
  });
}

function tokenProvider(config: ConnectionConfig, e: Endpoints, transport: HttpTransport, deps: ConnectionDeps): MsalTokenProvider {
  if (!deps.store) throw new Error(l10n.t('Sign-in needs SecretStorage; the connection manager was created without it.'));
  const log = deps.log;
  return new MsalTokenProvider({
    authority: e.authority ?? '',
    clientId: e.clientId ?? '',
    method: config.signIn as SignInMethod,
    transport,
    secrets: deps.store.secrets,
    connectionId: config.id,
    graphOrigin: e.graphOrigin,
    defaultScopes: e.scopes,
    accountId: deps.store.accountId,
    log: (level, message) => {
      const line = `[msal] ${message}`;
      if (level === 'error') log.channel.error(line);
      // The sign-in library's own chatter belongs to Debug: the admin's Info log tells what they did.
      else if (level === 'warning' || level === 'info') log.channel.debug(line);
      else log.channel.trace(line);
    },
  });
}
