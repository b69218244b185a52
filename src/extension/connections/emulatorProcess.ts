// The built-in emulator as a child process, so its work (seeding, lifecycle timers, big listings) never runs
// on the extension host's event loop. No vscode here: the benchmark starts it exactly as the extension does.
//
// Protocol: the extension forks the bundled emulator CLI (dist/emulator.js) with an IPC channel and a random
// `--control-token`. When the CLI listens it sends one message, `{ type: 'ready', url, httpsUrl, controlToken,
// ca, demo }`; the controls then need the header `x-emulator-control-token`. Stopping disconnects the channel,
// and the CLI closes its servers and exits when its channel closes, which also happens when the host dies.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { l10n } from '../../backup/l10n';

/** The emulator's profiles for undocumented query options (refuse answers 400, ignore drops it, honour applies it). */
export type UndocumentedOptionsProfile = 'refuse' | 'ignore' | 'honour';
export const UNDOCUMENTED_OPTIONS_PROFILES: readonly UndocumentedOptionsProfile[] = ['refuse', 'ignore', 'honour'];

/** Header the emulator's /_emulator controls need. */
export const CONTROL_TOKEN_HEADER = 'x-emulator-control-token';

export interface EmulatorDemo {
  tenantName: string;
  publicClientId: string;
  adminApp: { clientId: string; secret: string; certificate: { cert: string; key: string } };
}

/** The message the CLI sends over IPC once it listens. */
export interface EmulatorReadyMessage {
  type: 'ready';
  url: string;
  httpsUrl?: string;
  controlToken?: string;
  /** The emulator's self-signed leaf certificate (PEM), for its https listener only. */
  ca?: string;
  demo?: EmulatorDemo;
}

export interface EmulatorChildOptions {
  /** Path of the bundled CLI (dist/emulator.js). */
  script: string;
  timeScale: number;
  requireSignIn: boolean;
  /** `--undocumented-options`: what the emulator does with a query option Microsoft's docs do not list (absent: the CLI's default). */
  undocumentedOptions?: UndocumentedOptionsProfile;
  /** How long to wait for the ready message. Default 30 s. */
  startTimeoutMs?: number;
  /** The child's stderr lines (its errors), for the log. */
  onStderr?: (line: string) => void;
}

export interface EmulatorChild {
  ready: EmulatorReadyMessage;
  /** The command-line flags the child was started with (the control token's value left out). */
  flags: readonly string[];
  controlToken: string;
  /** Resolves when the child has exited (the process is gone). */
  stop(): Promise<void>;
}

export function isReadyMessage(value: unknown): value is EmulatorReadyMessage {
  const m = value as Partial<EmulatorReadyMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'ready' && typeof m.url === 'string';
}

/** Forks the emulator CLI and waits for its ready message; rejects (and kills it) if it exits or is slow. */
export async function startEmulatorChild(options: EmulatorChildOptions): Promise<EmulatorChild> {
  const controlToken = randomBytes(24).toString('base64url');
  const args = ['--port', '0', '--https-port', '0', '--seed', 'demo', '--time-scale', String(options.timeScale), '--control-token', controlToken];
  if (options.requireSignIn) args.push('--auth', 'on');
  if (options.undocumentedOptions) args.push('--undocumented-options', options.undocumentedOptions);
  // Under Electron (the desktop extension host) the executable is Electron itself: run it as plain Node.
  const child = fork(options.script, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, execArgv: [] });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n')) if (line.trim()) options.onStderr?.(line);
  });
  const ready = await new Promise<EmulatorReadyMessage>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(l10n.t('The built-in emulator did not start in time.'))), options.startTimeoutMs ?? 30_000);
    const onMessage = (message: unknown) => {
      if (!isReadyMessage(message)) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => fail(new Error(code === null ? l10n.t('The built-in emulator exited before it was ready.') : l10n.t('The built-in emulator exited before it was ready (exit code {0}).', code)));
    const fail = (error: Error) => {
      cleanup();
      child.kill();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit).off('error', fail);
    };
    child.on('message', onMessage).once('exit', onExit).once('error', fail);
  });
  return { ready, controlToken, flags: args.filter((arg) => arg !== controlToken), stop: () => stopChild(child) };
}

/** Closes the IPC channel (the CLI stops its servers and exits on that, on every platform); kills it if it lingers. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill();
  });
}
