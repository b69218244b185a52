// In-process entry point of the Backup Storage emulator: `startEmulator` binds a loopback HTTP server and
// resolves once it listens. The CLI (cli.ts) is a thin wrapper around it.
import type { AddressInfo } from 'node:net';
import type { SeedName } from './catalog/types';
import { EmulatorCore } from './service/core';
import type { Authenticate } from './service/dispatch';
import type { FaultInjector } from './service/faults';
import type { PipelineOptions } from './service/server';
import { createEmulatorServer } from './service/server';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the emulator has no authentication yet and must not be reachable from the network. */
  host?: string;
  seed?: SeedName;
  /** JSON file the state is loaded from and saved to after every write. */
  dataFile?: string;
  /** Simulated seconds per real second (default 1). */
  timeScale?: number;
  auth?: 'off';
  /** Real-time source (ms); tests may pin it. Simulated time is derived from it. */
  now?: () => number;
  /** Hook run before routing each Graph request (for the later authentication issue). */
  authenticate?: Authenticate;
  /** Answers requests outside /v1.0|beta, /_emulator (e.g. identity endpoints); returns true when it did. */
  otherRequests?: PipelineOptions['otherRequests'];
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  host: string;
  /** Stops accepting connections, closes open ones, and resolves when the server is down. */
  close(): Promise<void>;
  /** Simulated time now (ms). */
  now(): number;
  /** Moves the simulated clock forward. */
  advanceClock(seconds: number): void;
  faults: FaultInjector;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  if (options.auth !== undefined && options.auth !== 'off') throw new Error(`auth '${String(options.auth)}' is not supported yet; use 'off'.`);
  const core = new EmulatorCore({ seed: options.seed ?? 'demo', dataFile: options.dataFile, timeScale, realNow: options.now ?? Date.now });
  const { server, faults } = createEmulatorServer({ core, authenticate: options.authenticate, otherRequests: options.otherRequests });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    faults,
    now: () => core.clock.now(),
    advanceClock: (seconds) => { core.clock.advance(seconds); core.tick(core.clock.now()); core.commit(); },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export type { SeedName };
export { DataFileError } from './service/persistence';
