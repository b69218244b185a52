// The active connection and the list to choose from. The built-in "Local emulator" connection exists on a fresh
// install and needs no setup; more connections live in the user setting `restoreSessions.connections` (no
// secrets there); the active one is remembered in globalState. Secrets (the msal token cache, client secrets,
// certificate keys) live only in SecretStorage, bound to each connection's endpoints.
//
// Switching changes only the base URL and the token provider: `get()` builds the active connection lazily,
// `reset()` drops it (and stops the built-in emulator), `onDidChange` fires after either. A connection that is
// not the active one can be built in the background (`background`), so restores the admin started there are
// still followed to their end; at most MAX_BACKGROUND at a time, each closed when no longer needed or when it
// becomes the active one again.
import * as vscode from 'vscode';
import { isAppOnly, secretKeys, type SecretBinding, type SecretStore, type SignInMethod } from '../../auth';
import { EMULATOR_CALLER } from '../../backup/model';
import type { Log } from '../log';
import { readSettings } from '../settings';
import { BuiltInEmulator, type EmulatorIdentityInfo } from './builtInEmulator';
import { BUILT_IN_EMULATOR, EMULATOR_CONNECTION_ID, type Connection, type ConnectionConfig } from './config';
import { buildConnection, type BuiltConnection } from './factory';
import { customEndpointsAllowed, deleteUserConnection, undocumentedOptionsSetting, userConnections, userEmulatorUrl, writeUserConnection } from './userSettings';

const ACTIVE_KEY = 'restoreSessions.activeConnection';
const ACCOUNT_KEY = (id: string) => `restoreSessions.account.${id}`;
/** The SecretStorage keys a connection has used (SecretStorage cannot list keys; removing must find them). */
const SECRET_KEYS_KEY = (id: string) => `restoreSessions.secretKeys.${id}`;
/** Inactive connections kept open at once for following started restores. */
const MAX_BACKGROUND = 3;

export class ConnectionManager implements vscode.Disposable {
  private current: Promise<Connection> | undefined;
  private built: BuiltConnection | undefined;
  private currentConfigKey: string | undefined;
  private readonly emulator: BuiltInEmulator;
  /** Inactive connections built to follow their started restores, by connection id. */
  private readonly backgrounds = new Map<string, Promise<BuiltConnection>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly connected = new vscode.EventEmitter<Connection>();
  /** Fires when a connection has been built (first use after a switch or reset); views need not refresh on it. */
  readonly onDidConnect = this.connected.event;
  /** Turning custom endpoints on or off decides whether the active connection may be built: rebuild it. */
  private readonly endpointsWatch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('restoreSessions.allowCustomEndpoints')) void this.dropCurrent().then(() => this.changed.fire());
  });

  constructor(
    private readonly log: Log,
    private readonly version: string,
    private readonly store?: { state: vscode.Memento; secrets: SecretStore },
    /** Test hosts only: the authentication provider `vscodeAccount` emulator connections use. */
    private readonly emulatorAccountProvider?: string,
  ) {
    this.emulator = new BuiltInEmulator(log, () => ({
      externalUrl: userEmulatorUrl(),
      timeScale: readSettings().emulatorTimeScale,
      requireSignIn: vscode.workspace.getConfiguration('restoreSessions').get<boolean>('emulator.requireSignIn', false),
      undocumentedOptions: undocumentedOptionsSetting(),
    }));
  }

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
      building.then((c) => {
        if (this.current) this.connected.fire(c);
        // Active again (its hub now uses this one): its background copy, if any, is no longer needed.
        void this.closeBackground(c.id);
      }, () => undefined);
    }
    return this.current;
  }

  /**
   * A connection that is not the active one, built (once) to read its sessions in the background; undefined
   * when `id` is the active connection, is unknown, or MAX_BACKGROUND others are open already. Sign-in is
   * silent: a connection whose token cannot be refreshed without the admin fails its requests instead.
   */
  async background(id: string): Promise<Connection | undefined> {
    if (id === this.activeId) return undefined;
    let building = this.backgrounds.get(id);
    if (!building) {
      const config = this.list().find((c) => c.id === id);
      if (!config || this.backgrounds.size >= MAX_BACKGROUND) return undefined;
      building = this.build(config);
      building.catch(() => this.backgrounds.get(id) === building && this.backgrounds.delete(id));
      this.backgrounds.set(id, building);
    }
    return (await building).connection;
  }

  /** Closes the background copy of a connection (nothing left to follow there, or it is active again). */
  async closeBackground(id: string): Promise<void> {
    const building = this.backgrounds.get(id);
    if (!building) return;
    this.backgrounds.delete(id);
    const built = await building.catch(() => undefined);
    await built?.client.close().catch(() => undefined);
    await built?.transport.close().catch(() => undefined);
  }

  /** Stops the built-in emulator and keeps it stopped until `startEmulator`. */
  async stopEmulator(): Promise<void> {
    await this.dropCurrent();
    await this.emulator.stop(true);
    this.changed.fire();
  }

  /** Starts the built-in emulator again (it also starts by itself on first use, unless stopped). */
  async startEmulator(): Promise<void> {
    this.emulator.allowStart();
    await this.reset();
    await this.emulator.ensure();
  }

  /** Whether the built-in emulator is running in this window. */
  get emulatorRunning(): boolean {
    return this.emulator.running;
  }

  /** The flags the built-in emulator's process was started with, while it runs (tests: settings reach it). */
  get emulatorFlags(): readonly string[] | undefined {
    return this.emulator.childFlags;
  }

  /** Drops the connection and stops the built-in emulator so the next `get` reconnects (after a settings change). */
  async reset(): Promise<void> {
    // The emulator first: a `get` while the connection is being dropped must not build on the child being stopped.
    await this.emulator.stop();
    await this.dropCurrent();
    this.changed.fire();
  }

  /** True once the active connection has been built (so reading it starts nothing, e.g. no emulator). */
  get isConnected(): boolean {
    return this.current !== undefined;
  }

  /** Every connection: the built-in emulator first, then the user's (an entry with id `emulator` overrides the built-in). */
  list(): ConnectionConfig[] {
    const configured = userConnections();
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
    if (!this.list().some((c) => c.id === id)) throw new Error(vscode.l10n.t('There is no connection "{0}".', id));
    await this.store?.state.update(ACTIVE_KEY, id);
    await this.dropCurrent();
    this.changed.fire();
  }

  /** Adds (or replaces) a connection in the user settings; ids are unique. Workspace entries are never copied. */
  async save(config: ConnectionConfig): Promise<void> {
    await writeUserConnection(config);
    if (config.id === this.activeId && JSON.stringify(this.activeConfig()) !== this.currentConfigKey) await this.dropCurrent();
    this.changed.fire();
  }

  /** Removes a connection from the settings and forgets its secrets. The built-in emulator cannot be removed. */
  async remove(id: string): Promise<void> {
    if (id === EMULATOR_CONNECTION_ID) throw new Error(vscode.l10n.t('The built-in emulator connection cannot be removed.'));
    const keys = [...(this.store?.state.get<string[]>(SECRET_KEYS_KEY(id)) ?? []), ...secretKeys.unbound(id)];
    for (const key of keys) await this.store?.secrets.delete(key);
    await this.store?.state.update(SECRET_KEYS_KEY(id), undefined);
    await deleteUserConnection(id);
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

  /** For the emulator: its identity, with the demo credentials when it is the built-in one. */
  async emulatorDemo(): Promise<EmulatorIdentityInfo | undefined> {
    return (await this.emulator.ensure()).identity;
  }

  private async connect(config: ConnectionConfig): Promise<Connection> {
    const built = await this.build(config);
    this.built = built;
    return built.connection;
  }

  private async build(config: ConnectionConfig): Promise<BuiltConnection> {
    const built = await buildConnection(config, {
      log: this.log,
      version: this.version,
      proxy: vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim() || undefined,
      allowCustomEndpoints: customEndpointsAllowed(),
      emulator: () => this.emulator.ensure(),
      store: this.store && { secrets: this.store.secrets, accountId: this.store.state.get<string>(ACCOUNT_KEY(config.id)) },
      emulatorAccountProvider: this.emulatorAccountProvider,
      onAccountChanged: (id, account) => void this.accountChanged(id, account?.homeAccountId),
    });
    if (built.binding) await this.recordSecretKeys(built.binding);
    return built;
  }

  /** VS Code's account changed under a connection (Accounts menu): remember who "me" is now and refresh the views. */
  private async accountChanged(id: string, homeAccountId: string | undefined): Promise<void> {
    if (id !== this.built?.connection.id) return;
    await this.rememberAccount(id, homeAccountId);
    this.log.info(homeAccountId ? `The VS Code account of "${this.built.connection.label}" changed.` : `"${this.built.connection.label}" is signed out of its VS Code account.`);
    this.changed.fire();
  }

  private async recordSecretKeys(binding: SecretBinding): Promise<void> {
    const known = this.store?.state.get<string[]>(SECRET_KEYS_KEY(binding.connectionId)) ?? [];
    const keys = [secretKeys.tokenCache(binding), secretKeys.clientCredential(binding)].filter((k) => !known.includes(k));
    if (keys.length) await this.store?.state.update(SECRET_KEYS_KEY(binding.connectionId), [...known, ...keys]);
  }

  private async dropCurrent(): Promise<void> {
    const previous = this.current;
    const built = this.built;
    this.current = undefined;
    this.built = undefined;
    this.currentConfigKey = undefined;
    await previous?.catch(() => undefined);
    built?.connection.auth?.dispose?.();
    await built?.client.close().catch(() => undefined);
    await built?.transport.close().catch(() => undefined);
  }

  dispose(): void {
    this.endpointsWatch.dispose();
    for (const id of [...this.backgrounds.keys()]) void this.closeBackground(id);
    void this.reset();
    this.changed.dispose();
    this.connected.dispose();
  }
}
