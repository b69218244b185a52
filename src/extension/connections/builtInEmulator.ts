// Which emulator the emulator connections talk to: the built-in one, a child process the extension starts on
// first use and stops with itself (emulatorProcess.ts), or a running one named by the user setting
// `restoreSessions.emulator.url`, which must be on loopback. Its identity metadata says where the emulated
// sign-in listens; its certificate is trusted only for that loopback origin, only when it is a leaf, and only
// as fetched from the emulator's own origin.
import { X509Certificate } from 'node:crypto';
import * as path from 'node:path';
import { checkEmulatorEndpoint, isLoopbackUrl } from '../../auth';
import { HttpTransport } from '../../graph';
import type { Log } from '../log';
import { EmulatorStoppedError } from './config';
import { startEmulatorChild, type EmulatorChild, type EmulatorDemo, type UndocumentedOptionsProfile } from './emulatorProcess';

export interface EmulatorIdentityInfo {
  httpsOrigin?: string;
  /** The emulator's self-signed leaf certificate, for its loopback https origin only. */
  ca?: string;
  tenantName: string;
  publicClientId?: string;
  adminAppClientId?: string;
  /** Built-in only: the demo credentials, so app sign-in works without typing anything. */
  demo?: EmulatorDemo;
}

export interface EmulatorEndpoint {
  origin: string;
  identity: EmulatorIdentityInfo;
}

export interface EmulatorSettings {
  externalUrl: string;
  timeScale: number;
  requireSignIn: boolean;
  undocumentedOptions: UndocumentedOptionsProfile;
}

export class BuiltInEmulator {
  private child: EmulatorChild | undefined;
  private starting: Promise<EmulatorEndpoint> | undefined;
  private stopped = false;

  constructor(private readonly log: Log, private readonly settings: () => EmulatorSettings) {}

  /** Whether the built-in emulator's process is running. */
  get running(): boolean {
    return this.child !== undefined;
  }

  /** The flags the running child was started with (tests: the settings reached it). */
  get childFlags(): readonly string[] | undefined {
    return this.child?.flags;
  }

  /** The emulator to use: the running one, or a new child (or the external one's metadata). */
  ensure(): Promise<EmulatorEndpoint> {
    this.starting ??= this.startOrFind().catch((error) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  /** Stops the child (if any); with `keepStopped` it starts again only after `allowStart`. */
  async stop(keepStopped = false): Promise<void> {
    if (keepStopped) this.stopped = true;
    const child = this.child;
    this.child = undefined;
    this.starting = undefined;
    await child?.stop();
  }

  allowStart(): void {
    this.stopped = false;
  }

  private async startOrFind(): Promise<EmulatorEndpoint> {
    const settings = this.settings();
    if (settings.externalUrl) {
      checkEmulatorEndpoint(settings.externalUrl);
      this.log.info(`Using the Backup Storage emulator at ${settings.externalUrl}.`);
      return { origin: settings.externalUrl, identity: await fetchEmulatorIdentity(settings.externalUrl) };
    }
    if (this.stopped) throw new EmulatorStoppedError();
    // dist/emulator.js sits beside dist/extension.js (esbuild.js); the https listener serves the emulated
    // identity (msal signs in only against https).
    const child = await startEmulatorChild({
      script: path.join(__dirname, 'emulator.js'),
      timeScale: settings.timeScale,
      requireSignIn: settings.requireSignIn,
      undocumentedOptions: settings.undocumentedOptions,
      onStderr: (line) => this.log.channel.warn(`[emulator] ${line}`),
    });
    this.child = child;
    const { ready } = child;
    this.log.info(`Started the built-in Backup Storage emulator at ${ready.url}${ready.httpsUrl ? ` and ${ready.httpsUrl}` : ''} (time scale ${settings.timeScale}x, undocumented query options: ${settings.undocumentedOptions}).`);
    return {
      origin: ready.url,
      identity: {
        httpsOrigin: ready.httpsUrl,
        ca: ready.ca && ready.httpsUrl ? leafOnly(ready.ca) : undefined,
        tenantName: ready.demo?.tenantName ?? 'contoso',
        publicClientId: ready.demo?.publicClientId,
        adminAppClientId: ready.demo?.adminApp.clientId,
        demo: ready.demo,
      },
    };
  }
}

/** The PEM if it is one leaf certificate (not a CA, which could vouch for any host), else undefined. */
export function leafOnly(pem: string): string | undefined {
  try {
    const certificate = new X509Certificate(pem);
    return certificate.ca ? undefined : pem;
  } catch {
    return undefined;
  }
}

/** An external emulator's identity metadata and certificate, read from its own (loopback) origin. */
async function fetchEmulatorIdentity(origin: string): Promise<EmulatorIdentityInfo> {
  const transport = new HttpTransport({ proxyFromEnv: false, timeoutMs: 5_000 });
  try {
    const meta = await transport.send({ method: 'GET', url: `${origin}/_emulator/identity/metadata` });
    if (meta.status !== 200) return { tenantName: 'contoso' };
    const body = JSON.parse(meta.body) as { httpsOrigin?: string; tenantName?: string; publicClientId?: string; adminAppClientId?: string };
    const httpsOrigin = body.httpsOrigin && isLoopbackUrl(body.httpsOrigin) ? body.httpsOrigin : undefined;
    let ca: string | undefined;
    if (httpsOrigin) {
      const pem = await transport.send({ method: 'GET', url: `${origin}/_emulator/identity/ca.pem` });
      if (pem.status === 200 && pem.body.includes('BEGIN CERTIFICATE')) ca = leafOnly(pem.body);
    }
    return { httpsOrigin, ca, tenantName: body.tenantName ?? 'contoso', publicClientId: body.publicClientId, adminAppClientId: body.adminAppClientId };
  } catch {
    return { tenantName: 'contoso' };
  } finally {
    await transport.close();
  }
}
