// In-process entry point of the Backup Storage emulator: `startEmulator` binds a loopback HTTP server and
// resolves once it listens. The CLI (cli.ts) is a thin wrapper around it. Every run has a control token that
// the /_emulator controls need (service/guard.ts); a non-loopback address needs `allowRemote`, which also
// turns authentication on.
import { randomBytes } from 'node:crypto';
import type { SeedName } from './catalog/types';
import { EmulatorCore } from './service/core';
import type { Authenticate } from './service/dispatch';
import type { FaultInjector } from './service/faults';
import type { PipelineOptions } from './service/server';
import { close, listen } from './listen';
import { isLoopbackAddress } from './service/guard';
import { DEFAULT_UNDOCUMENTED_OPTIONS, UNDOCUMENTED_OPTION_PROFILES, type UndocumentedOptions } from './service/queryOptions';
import { createEmulatorServer } from './service/server';
import { createAuthenticateHook, createIdentityService, listenHttps, withIdentity, type IdentityService } from './identity';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. Any address that is not loopback is refused unless `allowRemote` is set. */
  host?: string;
  /** Serve a non-loopback `host` on purpose; forces `auth: 'on'` (anyone on the network could call it). */
  allowRemote?: boolean;
  /** Secret the /_emulator controls need in the `x-emulator-control-token` header. Default: random per run. */
  controlToken?: string;
  /** Test-only routes (e.g. /_emulator/xss); only the test launchers set this. Default false. */
  testHooks?: boolean;
  /**
   * A query option Microsoft's docs do not list for an API: 'refuse' answers 400, 'ignore' drops it with a
   * `Warning` header, 'honour' applies it (service/queryOptions.ts). Default DEFAULT_UNDOCUMENTED_OPTIONS.
   */
  undocumentedOptions?: UndocumentedOptions;
  seed?: SeedName;
  /** JSON file the state is loaded from; every write is journaled beside it (`<file>.journal`) before it is answered. */
  dataFile?: string;
  /** Fold the data file's journal into it once the journal exceeds this many bytes (default: the file's size, at least 4 MiB). */
  compactAfterBytes?: number;
  /** Simulated seconds per real second (default 1). */
  timeScale?: number;
  /** 'on': Graph routes need a bearer token from the emulated identity (401/403 otherwise). Default 'off'. */
  auth?: 'on' | 'off';
  /**
   * Port of the https listener that serves the emulated identity (msal only signs in against https) and the
   * same API. Absent: no https listener, unless `auth` is 'on' (then a free port). 0 picks a free port.
   */
  httpsPort?: number;
  /** Lifetime of issued access tokens (tests use a few seconds to exercise refresh). */
  tokenLifetimeSeconds?: number;
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
  /** The secret the /_emulator controls need (header `x-emulator-control-token`). */
  controlToken: string;
  /** Stops accepting connections, closes open ones, and resolves when the server is down. */
  close(): Promise<void>;
  /** Simulated time now (ms). */
  now(): number;
  /** Moves the simulated clock forward. */
  advanceClock(seconds: number): void;
  faults: FaultInjector;
  /** `https://127.0.0.1:<port>` when the https listener runs. */
  httpsUrl?: string;
  /** The emulated identity (certificate, demo credentials) when the https listener runs. */
  identity?: IdentityService;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const timeScale = options.timeScale ?? 1;
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  if (options.auth !== undefined && options.auth !== 'off' && options.auth !== 'on') throw new Error(`auth must be 'on' or 'off', got '${String(options.auth)}'.`);
  const host = options.host ?? '127.0.0.1';
  const allowRemote = options.allowRemote === true;
  if (!allowRemote && !isLoopbackAddress(host)) {
    throw new Error(`Refusing to listen on ${host}: it is not a loopback address, and the emulator would be reachable from the network. Use allowRemote (--allow-remote) to do it on purpose; authentication is then required.`);
  }
  if (allowRemote && options.auth === 'off') throw new Error("allowRemote requires auth 'on'.");
  const auth = allowRemote ? 'on' : options.auth;
  const controlToken = options.controlToken ?? randomBytes(24).toString('base64url');
  if (!/^[\x21-\x7e]{16,256}$/.test(controlToken)) throw new Error('controlToken must be 16 to 256 printable characters without spaces.');
  const undocumentedOptions = options.undocumentedOptions ?? DEFAULT_UNDOCUMENTED_OPTIONS;
  if (!UNDOCUMENTED_OPTION_PROFILES.includes(undocumentedOptions)) throw new Error(`undocumentedOptions must be ${UNDOCUMENTED_OPTION_PROFILES.join(', ')}, got '${String(undocumentedOptions)}'.`);
  const core = new EmulatorCore({ seed: options.seed ?? 'demo', dataFile: options.dataFile, compactAfterBytes: options.compactAfterBytes, timeScale, realNow: options.now ?? Date.now });
  const httpsPort = options.httpsPort ?? (auth === 'on' ? 0 : undefined);
  const identity = httpsPort === undefined ? undefined : createIdentityService({ tokenLifetimeSeconds: options.tokenLifetimeSeconds });
  const authenticate = auth === 'on' && identity ? createAuthenticateHook(identity) : options.authenticate;
  const { server, listener, faults } = createEmulatorServer({
    core, authenticate, otherRequests: options.otherRequests, wrap: identity ? (pipeline) => withIdentity(identity, pipeline) : undefined,
    guard: { controlToken, allowRemote }, testHooks: options.testHooks === true, undocumentedOptions,
  });
  const { url, port } = await listen(server, 'http', options.port ?? 0, host);
  const tls = identity ? await listenHttps(identity, listener, { port: httpsPort, host, httpUrl: url }) : undefined;
  return {
    url,
    httpsUrl: tls?.url,
    identity,
    port,
    host,
    controlToken,
    faults,
    now: () => core.clock.now(),
    advanceClock: (seconds) => { core.clock.advance(seconds); core.tick(core.clock.now()); core.commit(); },
    close: async () => {
      await Promise.all([close(server), tls?.close()]);
      core.close();
    },
  };
}

export type { SeedName };
export { DataFileError } from './service/persistence';
export { CONTROL_TOKEN_HEADER, isLoopbackAddress } from './service/guard';
export { UNDOCUMENTED_OPTION_PROFILES, type UndocumentedOptions } from './service/queryOptions';
