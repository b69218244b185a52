// Connections: where requests go and how they are authorised. A connection is Microsoft Graph or the local
// Backup Storage emulator, with a tenant, a client id, a sign-in method, an API version and a base URL. The
// built-in "Local emulator" connection exists on a fresh install and needs no setup (the emulator is started
// in-process unless `restoreSessions.emulator.url` names a running one). More connections live in the setting
// `restoreSessions.connections` (no secrets there); the active one is remembered in globalState. Secrets (the
// msal token cache, client secrets, certificate keys) live only in SecretStorage, per connection.
//
// Switching changes only the base URL and the token provider: `get()` builds the active connection lazily,
// `reset()` drops it (and the in-process emulator), `onDidChange` fires after either.
import * as vscode from 'vscode';
import { GRAPH_DEFAULT_SCOPES, MsalTokenProvider, isAppOnly, secretKeys, type SecretStore, type SignInMethod } from '../auth';
import { EMULATOR_CALLER } from '../backup/model';
import { BackupApi } from '../backup/api';
import type * as Emulator from '../emulator';
import type { RunningEmulator } from '../emulator';

/**
 * The emulator is loaded when the emulator connection is first used, not at activation; the extension bundle
 * keeps it in its own file (dist/emulator.js, which is also the emulator CLI; see esbuild.js).
 */
function emulatorModule(): typeof Emulator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../emulator') as typeof Emulator;
}
import { GraphClient, HttpTransport } from '../graph';
import type { Log } from './log';
import { readSettings } from './settings';

export type ConnectionKind = 'emulator' | 'graph';
export type ApiVersion = 'v1.0' | 'beta';
/** `none`: no Authorization header (the emulator with `--auth off`). */
export type ConnectionSignIn = SignInMethod | 'none';

/** One entry of `restoreSessions.connections` (and the built-in emulator connection). */
export interface ConnectionConfig {
  id: string;
  label: string;
  kind: ConnectionKind;
  /** Tenant id or domain (Graph), or the emulator's tenant (`contoso`, the default). */
  tenant?: string;
  /** App registration (Graph) or emulator demo client; the emulator's demo ids are used when empty. */
  clientId?: string;
  signIn: ConnectionSignIn;
  apiVersion: ApiVersion;
  /** Graph: `https://graph.microsoft.com` (default) or a national cloud. Emulator: ignored (the emulator's own URL). */
  baseUrl?: string;
  /** Graph: `https://login.microsoftonline.com` (default) or a national cloud's login host. */
  authorityHost?: string;
}

export interface Connection {
  id: string;
  label: string;
  /** Version root, e.g. http://127.0.0.1:4000/v1.0 or https://graph.microsoft.com/beta */
  baseUrl: string;
  api: BackupApi;
  isEmulator: boolean;
  kind: ConnectionKind;
  apiVersion: ApiVersion;
  signIn: ConnectionSignIn;
  config: ConnectionConfig;
  /** Token provider for signed-in connections (absent when `signIn` is `none`). */
  auth?: MsalTokenProvider;
  /** `https://127.0.0.1:<port>/contoso` or `https://login.microsoftonline.com/<tenant>`. */
  authority?: string;
}

export const EMULATOR_CONNECTION_ID = 'emulator';
export const BUILT_IN_EMULATOR: ConnectionConfig = {
  id: EMULATOR_CONNECTION_ID,
  label: 'Local emulator',
  kind: 'emulator',
  signIn: 'none',
  apiVersion: 'v1.0',
};

const ACTIVE_KEY = 'restoreSessions.activeConnection';
const ACCOUNT_KEY = (id: string) => `restoreSessions.account.${id}`;
const SETTING = 'connections';

/** Demo ids of the emulator's identity service (fixed; see src/emulator/identity/directory.ts). */
interface EmulatorIdentityInfo {
  httpsOrigin?: string;
  ca?: string;
  tenantName: string;
  publicClientId?: string;
  adminAppClientId?: string;
  /** In-process only: the demo credentials, so app sign-in works without typing anything. */
  demo?: { adminApp: { clientId: string; secret: string; certificate: { cert: string; key: string } } };
}

/** The user stopped the built-in emulator; it starts again only when asked (Start Local Emulator). */
export class EmulatorStoppedError extends Error {
  constructor() {
    super('The built-in Backup Storage emulator is stopped.');
    this.name = 'EmulatorStoppedError';
  }
}

export class ConnectionManager implements vscode.Disposable {
  private current: Promise<Connection> | undefined;
  private currentTransport: HttpTransport | undefined;
  private currentConfigKey: string | undefined;
  private emulator: RunningEmulator | undefined;
  private emulatorStart: Promise<{ origin: string; identity: EmulatorIdentityInfo }> | undefined;
  private emulatorStopped = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly connected = new vscode.EventEmitter<Connection>();
  /** Fires when a connection has been built (first use after a switch or reset); views need not refresh on it. */
  readonly onDidConnect = this.connected.event;

  constructor(
    private readonly log: Log,
    private readonly version: string,
    private readonly store?: { state: vscode.Memento; secrets: SecretStore },
  ) {}

  /** The active connection, connecting on first use. A failed attempt is not cached, so Retry works. */
  get(): Promise<Connection> {
    if (!this.current) {
      const config = this.activeConfig();
      this.currentConfigKey = JSON.stringify(config);
      const building = this.connect(config);
      this.current = building.catch((error) => {
        this.current = undefined;
        throw error;
      });
      building.then((c) => { if (this.current) this.connected.fire(c); }, () => undefined);
    }
    return this.current;
  }

  /** Stops the built-in emulator and keeps it stopped until `startEmulator`. */
  async stopEmulator(): Promise<void> {
    this.emulatorStopped = true;
    await this.reset();
  }

  /** Starts the built-in emulator again (it also starts by itself on first use, unless stopped). */
  async startEmulator(): Promise<void> {
    this.emulatorStopped = false;
    await this.reset();
    await this.ensureEmulator();
  }

  /** Whether the built-in emulator is running in this window. */
  get emulatorRunning(): boolean {
    return this.emulator !== undefined;
  }

  /** Drops the connection and the in-process emulator so the next `get` reconnects (after a settings change). */
  async reset(): Promise<void> {
    await this.dropCurrent();
    const emulator = this.emulator;
    this.emulator = undefined;
    this.emulatorStart = undefined;
    await emulator?.close().catch(() => undefined);
    this.changed.fire();
  }

  /** True once the active connection has been built (so reading it starts nothing, e.g. no emulator). */
  get isConnected(): boolean {
    return this.current !== undefined;
  }

  /** Every connection: the built-in emulator first, then the setting's (an entry with id `emulator` overrides the built-in). */
  list(): ConnectionConfig[] {
    const raw = vscode.workspace.getConfiguration('restoreSessions').get<unknown[]>(SETTING, []);
    const configured = (Array.isArray(raw) ? raw : []).map(normalizeConfig).filter((c): c is ConnectionConfig => c !== undefined);
    const override = configured.find((c) => c.id === EMULATOR_CONNECTION_ID);
    return [{ ...BUILT_IN_EMULATOR, ...override }, ...configured.filter((c) => c.id !== EMULATOR_CONNECTION_ID)];
  }

  get activeId(): string {
    const id = this.store?.state.get<string>(ACTIVE_KEY);
    return id && this.list().some((c) => c.id === id) ? id : EMULATOR_CONNECTION_ID;
  }

  activeConfig(): ConnectionConfig {
    const id = this.activeId;
    return this.list().find((c) => c.id === id) ?? BUILT_IN_EMULATOR;
  }

  /** Makes `id` the active connection. The emulator keeps running. */
  async switchTo(id: string): Promise<void> {
    if (!this.list().some((c) => c.id === id)) throw new Error(`There is no connection "${id}".`);
    await this.store?.state.update(ACTIVE_KEY, id);
    await this.dropCurrent();
    this.changed.fire();
  }

  /** Adds (or replaces) a connection in the user settings; ids are unique. */
  async save(config: ConnectionConfig): Promise<void> {
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    const raw = settings.get<unknown[]>(SETTING, []);
    const others = (Array.isArray(raw) ? raw : []).filter((c) => (c as { id?: unknown })?.id !== config.id);
    const stored: Record<string, unknown> = { ...config };
    for (const k of Object.keys(stored)) if (stored[k] === undefined || stored[k] === '') delete stored[k];
    await settings.update(SETTING, [...others, stored], vscode.ConfigurationTarget.Global);
    if (config.id === this.activeId && JSON.stringify(this.activeConfig()) !== this.currentConfigKey) await this.dropCurrent();
    this.changed.fire();
  }

  /** Removes a connection from the settings and forgets its secrets. The built-in emulator cannot be removed. */
  async remove(id: string): Promise<void> {
    if (id === EMULATOR_CONNECTION_ID) throw new Error('The built-in emulator connection cannot be removed.');
    await this.store?.secrets.delete(secretKeys.tokenCache(id));
    await this.store?.secrets.delete(secretKeys.clientCredential(id));
    const settings = vscode.workspace.getConfiguration('restoreSessions');
    const raw = settings.get<unknown[]>(SETTING, []);
    await settings.update(SETTING, (Array.isArray(raw) ? raw : []).filter((c) => (c as { id?: unknown })?.id !== id), vscode.ConfigurationTarget.Global);
    await this.store?.state.update(ACCOUNT_KEY(id), undefined);
    if (this.store?.state.get<string>(ACTIVE_KEY) === id) await this.store.state.update(ACTIVE_KEY, undefined);
    await this.dropCurrent();
    this.changed.fire();
  }

  /**
   * Who "me" is on the active connection, as a session's `createdBy` names it: the signed-in user's object id,
   * the app for app-only sign-in, or the emulator's caller when no one signs in to the local emulator.
   */
  async me(): Promise<{ userId?: string; appId?: string }> {
    const connection = await this.get();
    const homeAccountId = this.store?.state.get<string>(ACCOUNT_KEY(connection.id));
    if (homeAccountId) return { userId: homeAccountId.split('.')[0] };
    if (connection.config.signIn && isAppOnly(connection.config.signIn as SignInMethod)) return { appId: connection.config.clientId };
    return connection.isEmulator ? { userId: EMULATOR_CALLER.user?.id ?? undefined } : {};
  }

  /** Remembers which cached account a connection uses (several may be signed in). */
  async rememberAccount(id: string, homeAccountId: string | undefined): Promise<void> {
    await this.store?.state.update(ACCOUNT_KEY(id), homeAccountId);
  }

  /** After `restoreSessions.connections` changed: rebuild the active connection on next use (the emulator keeps running). */
  async reloadConfig(): Promise<void> {
    // Our own save() also lands here; only a real change of the active connection rebuilds it (a rebuild
    // would close the transport of a sign-in in progress).
    if (JSON.stringify(this.activeConfig()) === this.currentConfigKey) return;
    await this.dropCurrent();
    this.changed.fire();
  }

  /** Fires onDidChange without reconnecting (after sign-in or sign-out, so views re-read). */
  notifyChanged(): void {
    this.changed.fire();
  }

  /** For the emulator: the demo credentials when it runs in-process (undefined for an external emulator). */
  async emulatorDemo(): Promise<EmulatorIdentityInfo | undefined> {
    return (await this.ensureEmulator()).identity;
  }

  // ---- building a connection ----

  private async connect(config: ConnectionConfig): Promise<Connection> {
    const proxy = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim() || undefined;
    let baseUrl: string;
    let authority: string | undefined;
    let ca: string | undefined;
    let clientId = config.clientId?.trim();
    if (config.kind === 'emulator') {
      const { origin, identity } = await this.ensureEmulator();
      baseUrl = `${origin}/${config.apiVersion}`;
      ca = identity.ca;
      if (config.signIn !== 'none') {
        if (!identity.httpsOrigin) {
          throw new Error(`The emulator at ${origin} has no https listener, and msal only signs in against https. Start it with --https-port (and --auth on to enforce tokens), or use the built-in emulator.`);
        }
        authority = `${identity.httpsOrigin}/${config.tenant?.trim() || identity.tenantName}`;
        clientId ||= isAppOnly(config.signIn) ? identity.adminAppClientId : identity.publicClientId;
      }
    } else {
      const host = (config.baseUrl?.trim() || 'https://graph.microsoft.com').replace(/\/+$/, '').replace(/\/(v1\.0|beta)$/, '');
      baseUrl = `${host}/${config.apiVersion}`;
      if (config.signIn === 'none') throw new Error(`The connection "${config.label}" has no sign-in method; Microsoft Graph needs one.`);
      if (!config.tenant?.trim()) throw new Error(`The connection "${config.label}" has no tenant. Edit it in the setting restoreSessions.connections.`);
      authority = `${(config.authorityHost?.trim() || 'https://login.microsoftonline.com').replace(/\/+$/, '')}/${config.tenant.trim()}`;
    }
    if (config.signIn !== 'none' && !clientId) throw new Error(`The connection "${config.label}" has no client id (the app registration's Application (client) ID).`);

    const transport = new HttpTransport({ ca, proxy, timeoutMs: 30_000 });
    this.currentTransport = transport;
    const auth = config.signIn !== 'none' && authority && clientId ? this.providerFor({ ...config, clientId }, authority, transport) : undefined;
    const client = new GraphClient({
      baseUrl,
      transport,
      tokenProvider: auth,
      scopes: GRAPH_DEFAULT_SCOPES,
      userAgent: `m365-restore-sessions/${this.version}`,
      onRequest: (entry) => this.log.request(entry),
    });
    return {
      id: config.id,
      label: config.label,
      baseUrl,
      api: new BackupApi(client),
      isEmulator: config.kind === 'emulator',
      kind: config.kind,
      apiVersion: config.apiVersion,
      signIn: config.signIn,
      config,
      auth,
      authority,
    };
  }

  private providerFor(config: ConnectionConfig, authority: string, transport: HttpTransport): MsalTokenProvider {
    if (!this.store) throw new Error('Sign-in needs SecretStorage; the connection manager was created without it.');
    return new MsalTokenProvider({
      authority,
      clientId: config.clientId ?? '',
      method: config.signIn as SignInMethod,
      transport,
      secrets: this.store.secrets,
      connectionId: config.id,
      accountId: this.store.state.get<string>(ACCOUNT_KEY(config.id)),
      log: (level, message) => {
        const line = `[msal] ${message}`;
        if (level === 'error') this.log.channel.error(line);
        else if (level === 'warning') this.log.channel.warn(line);
        else if (level === 'info') this.log.channel.debug(line);
        else this.log.channel.trace(line);
      },
    });
  }

  /** Starts the in-process emulator once (or reads an external one's identity metadata). */
  private ensureEmulator(): Promise<{ origin: string; identity: EmulatorIdentityInfo }> {
    this.emulatorStart ??= this.startOrFind().catch((error) => {
      this.emulatorStart = undefined;
      throw error;
    });
    return this.emulatorStart;
  }

  private async startOrFind(): Promise<{ origin: string; identity: EmulatorIdentityInfo }> {
    const settings = readSettings();
    const external = settings.emulatorUrl.replace(/\/+$/, '');
    if (!external) {
      if (this.emulatorStopped) throw new EmulatorStoppedError();
      // The https listener serves the emulated identity (msal signs in only against https); with
      // `requireSignIn` the emulator also refuses Graph calls without a token, as the service does.
      const requireSignIn = vscode.workspace.getConfiguration('restoreSessions').get<boolean>('emulator.requireSignIn', false);
      const options: Emulator.EmulatorOptions = {
        port: 0,
        seed: 'demo',
        timeScale: settings.emulatorTimeScale,
        httpsPort: 0,
        ...(requireSignIn ? { auth: 'on' as const } : {}),
      };
      this.emulator = await emulatorModule().startEmulator(options);
      const running = this.emulator;
      this.log.info(`Started the built-in Backup Storage emulator at ${running.url}${running.httpsUrl ? ` and ${running.httpsUrl}` : ''} (time scale ${settings.emulatorTimeScale}x).`);
      const demo = running.identity?.demo;
      return {
        origin: running.url,
        identity: {
          httpsOrigin: running.httpsUrl,
          ca: running.identity?.tls.cert,
          tenantName: demo?.tenantName ?? 'contoso',
          publicClientId: demo?.publicClientId,
          adminAppClientId: demo?.adminApp.clientId,
          demo,
        },
      };
    }
    this.log.info(`Using the Backup Storage emulator at ${external}.`);
    return { origin: external, identity: await fetchEmulatorIdentity(external) };
  }

  private async dropCurrent(): Promise<void> {
    const previous = this.current;
    const transport = this.currentTransport;
    this.current = undefined;
    this.currentTransport = undefined;
    this.currentConfigKey = undefined;
    await previous?.then((c) => c.api.close()).catch(() => undefined);
    await transport?.close().catch(() => undefined);
  }

  dispose(): void {
    void this.reset();
    this.changed.dispose();
    this.connected.dispose();
  }
}

/** An external emulator's identity metadata and certificate, read over its loopback http listener. */
async function fetchEmulatorIdentity(origin: string): Promise<EmulatorIdentityInfo> {
  const transport = new HttpTransport({ proxyFromEnv: false, timeoutMs: 5_000 });
  try {
    const meta = await transport.send({ method: 'GET', url: `${origin}/_emulator/identity/metadata` });
    if (meta.status !== 200) return { tenantName: 'contoso' };
    const body = JSON.parse(meta.body) as { httpsOrigin?: string; tenantName?: string; publicClientId?: string; adminAppClientId?: string };
    let ca: string | undefined;
    if (body.httpsOrigin && isLoopback(origin)) {
      // Trust exactly this emulator's self-signed certificate, fetched from the same loopback emulator.
      const pem = await transport.send({ method: 'GET', url: `${origin}/_emulator/identity/ca.pem` });
      if (pem.status === 200 && pem.body.includes('BEGIN CERTIFICATE')) ca = pem.body;
    }
    return { httpsOrigin: body.httpsOrigin, ca, tenantName: body.tenantName ?? 'contoso', publicClientId: body.publicClientId, adminAppClientId: body.adminAppClientId };
  } catch {
    return { tenantName: 'contoso' };
  } finally {
    await transport.close();
  }
}

function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

const METHODS: readonly ConnectionSignIn[] = ['none', 'deviceCode', 'interactive', 'clientSecret', 'clientCertificate'];

function normalizeConfig(value: unknown): ConnectionConfig | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
  const id = str(v.id);
  if (!id) return undefined;
  const kind: ConnectionKind = v.kind === 'graph' ? 'graph' : 'emulator';
  const signIn = METHODS.includes(v.signIn as ConnectionSignIn) ? (v.signIn as ConnectionSignIn) : kind === 'graph' ? 'deviceCode' : 'none';
  return {
    id,
    label: str(v.label) ?? id,
    kind,
    tenant: str(v.tenant),
    clientId: str(v.clientId),
    signIn,
    apiVersion: v.apiVersion === 'beta' ? 'beta' : 'v1.0',
    baseUrl: str(v.baseUrl),
    authorityHost: str(v.authorityHost),
  };
}

export const SIGN_IN_LABELS: Record<ConnectionSignIn, string> = {
  none: 'No sign-in',
  deviceCode: 'Device code',
  interactive: 'Browser (interactive)',
  clientSecret: 'App: client secret',
  clientCertificate: 'App: certificate',
};
