// The active connection: where requests go and how they are authorised. On a fresh install this is the
// local emulator (started in-process unless `restoreSessions.emulator.url` names a running one). Sign-in
// to Microsoft Graph adds more connections; switching changes only the base URL and the token provider.
import * as vscode from 'vscode';
import { BackupApi } from '../backup/api';
import { GraphClient } from '../graph';
import { startEmulator, type RunningEmulator } from '../emulator';
import type { Log } from './log';
import { readSettings } from './settings';

export interface Connection {
  id: string;
  label: string;
  /** Version root, e.g. http://127.0.0.1:4000/v1.0 */
  baseUrl: string;
  api: BackupApi;
  isEmulator: boolean;
}

export class ConnectionManager implements vscode.Disposable {
  private current: Promise<Connection> | undefined;
  private emulator: RunningEmulator | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log, private readonly version: string) {}

  /** The active connection, connecting on first use. A failed attempt is not cached, so Retry works. */
  get(): Promise<Connection> {
    if (!this.current) {
      this.current = this.connectEmulator().catch((error) => {
        this.current = undefined;
        throw error;
      });
    }
    return this.current;
  }

  /** Drops the connection so the next `get` reconnects (after a settings change). */
  async reset(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    await previous?.then((c) => c.api.client.close()).catch(() => undefined);
    await this.emulator?.close().catch(() => undefined);
    this.emulator = undefined;
    this.changed.fire();
  }

  private async connectEmulator(): Promise<Connection> {
    const settings = readSettings();
    let origin = settings.emulatorUrl.replace(/\/+$/, '');
    if (!origin) {
      this.emulator = await startEmulator({ port: 0, seed: 'demo', timeScale: settings.emulatorTimeScale });
      origin = this.emulator.url;
      this.log.info(`Started the built-in Backup Storage emulator at ${origin} (time scale ${settings.emulatorTimeScale}x).`);
    } else {
      this.log.info(`Using the Backup Storage emulator at ${origin}.`);
    }
    const baseUrl = `${origin}/v1.0`;
    const client = new GraphClient({
      baseUrl,
      userAgent: `m365-restore-sessions/${this.version}`,
      onRequest: (entry) => this.log.request(entry),
    });
    return { id: 'emulator', label: 'Local emulator', baseUrl, api: new BackupApi(client), isEmulator: true };
  }

  dispose(): void {
    void this.reset();
    this.changed.dispose();
  }
}
