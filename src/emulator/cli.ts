// Command line of the Backup Storage emulator (bundled to dist/emulator.js). When it listens it prints, in one
// write, the line "Backup Storage emulator listening on <url>" and the line "control token: <token>" (the
// secret the /_emulator controls need), then the sign-in details when https is on. It stops cleanly on
// SIGINT/SIGTERM, and exits 2 on a bad flag, 1 when it cannot start.
import { startEmulator } from './index';
import type { EmulatorOptions } from './index';
import { DEFAULT_UNDOCUMENTED_OPTIONS, parseUndocumentedOptions } from './service/queryOptions';

// dist/emulator.js is both the CLI and the library the extension loads on first use of the emulator connection.
export { startEmulator } from './index';

const USAGE = `Usage: emulator [options]

Local Microsoft 365 Backup Storage emulator (Microsoft Graph /solutions/backupRestore).

Options:
  --port <n>          Port to listen on (0 picks a free one; default 0)
  --host <address>    Address to bind (default 127.0.0.1); a non-loopback address needs --allow-remote
  --allow-remote      Allow a non-loopback --host; turns --auth on (anyone on the network can reach it)
  --control-token <t> Secret the /_emulator controls need in the x-emulator-control-token header
                      (default: random, printed at start)
  --seed demo|empty   Initial data when no data file exists (default demo)
  --data <file>       Load state from and save it to this JSON file (each write is appended to <file>.journal,
                      folded into the file when the journal outgrows it)
  --compact-after <bytes> Fold the journal into the data file once it exceeds this size
                      (default: the data file's size, at least 4 MiB)
  --time-scale <x>    Run restores x times faster than real time (default 1); timestamps stay on the wall clock
  --auth on|off       on: Graph routes need a bearer token from the emulated identity (default off)
  --https-port <n>    Also serve https (the emulated sign-in endpoints and the API); 0 picks a free port.
                      Default: none, or a free port with --auth on
  --token-lifetime <s> Lifetime of issued access tokens in seconds (default 3600)
  --undocumented-options refuse|ignore|honour
                      A query option Microsoft's docs do not list for an API: refuse answers 400, ignore
                      drops it (Warning header), honour applies it (default ${DEFAULT_UNDOCUMENTED_OPTIONS})
  --test-hooks        Test-only routes (e.g. /_emulator/xss), for the project's test launchers
  --help              Show this help
`;

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): EmulatorOptions | 'help' {
  const options: EmulatorOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': options.port = portValue(flag, value()); break;
      case '--host': options.host = value(); break;
      case '--allow-remote': options.allowRemote = true; break;
      case '--control-token': options.controlToken = value(); break;
      case '--test-hooks': options.testHooks = true; break;
      case '--seed': {
        const v = value();
        if (v !== 'demo' && v !== 'empty') throw new UsageError(`--seed must be demo or empty, got '${v}'`);
        options.seed = v;
        break;
      }
      case '--data': options.dataFile = value(); break;
      case '--compact-after': {
        const v = value();
        const bytes = Number(v);
        if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`--compact-after must be a positive whole number of bytes, got '${v}'`);
        options.compactAfterBytes = bytes;
        break;
      }
      case '--time-scale': {
        const v = value();
        const scale = Number(v);
        if (!Number.isFinite(scale) || scale <= 0) throw new UsageError(`--time-scale must be a positive number, got '${v}'`);
        options.timeScale = scale;
        break;
      }
      case '--auth': {
        const v = value();
        if (v !== 'off' && v !== 'on') throw new UsageError(`--auth must be on or off, got '${v}'`);
        options.auth = v;
        break;
      }
      case '--undocumented-options': {
        const v = value();
        const profile = parseUndocumentedOptions(v);
        if (!profile) throw new UsageError(`--undocumented-options must be refuse, ignore or honour, got '${v}'`);
        options.undocumentedOptions = profile;
        break;
      }
      case '--https-port': options.httpsPort = portValue(flag, value()); break;
      case '--token-lifetime': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--token-lifetime must be a positive number of seconds, got '${v}'`);
        options.tokenLifetimeSeconds = Number(v);
        break;
      }
      default: throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
}

function portValue(flag: string, v: string): number {
  const port = Number(v);
  if (!/^\d+$/.test(v) || port > 65535) throw new UsageError(`${flag} must be an integer from 0 to 65535, got '${v}'`);
  return port;
}

/** What someone needs to sign in to this emulator: printed after the first line, only when https is on. */
function identityBanner(running: Awaited<ReturnType<typeof startEmulator>>): string {
  const demo = running.identity?.demo;
  if (!demo || !running.httpsUrl) return '';
  const lines = [
    `  https:            ${running.httpsUrl}`,
    `  authority:        ${running.httpsUrl}/${demo.tenantName}  (tenant id ${demo.tenantId})`,
    `  CA certificate:   ${running.url}/_emulator/identity/ca.pem`,
    `  public client id: ${demo.publicClientId}  (device code: ${running.url}/devicelogin)`,
    `  admin app:        ${demo.adminApp.clientId}  secret ${demo.adminApp.secret}  (demo only)`,
    `  reader app:       ${demo.readerApp.clientId}  secret ${demo.readerApp.secret}  (demo only)`,
    `  users:            ${demo.users.map((u) => u.key).join(', ')}`,
  ];
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`emulator: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  let running;
  try {
    running = await startEmulator({ port: 0, ...options });
  } catch (err) {
    process.stderr.write(`emulator: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (options.allowRemote) {
    process.stderr.write(`emulator: WARNING: listening on ${running.host}, reachable from the network; authentication is on.\n`);
  }
  process.stdout.write(`Backup Storage emulator listening on ${running.url}\ncontrol token: ${running.controlToken}\n`);
  process.stdout.write(identityBanner(running));
  const stop = () => {
    running.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  announceToParent(running, stop);
}

/**
 * Started by the extension (child_process.fork, with an IPC channel): tell the parent where it listens, and
 * stop when the channel closes (the extension stopped it, or its host died).
 */
function announceToParent(running: Awaited<ReturnType<typeof startEmulator>>, stop: () => void): void {
  if (!process.send) return;
  const controlToken = 'controlToken' in running ? String(running.controlToken) : undefined;
  const demo = running.identity?.demo;
  process.send({
    type: 'ready',
    url: running.url,
    httpsUrl: running.httpsUrl,
    controlToken,
    ca: running.identity?.tls.cert,
    demo: demo && { tenantName: demo.tenantName, publicClientId: demo.publicClientId, adminApp: demo.adminApp },
  });
  process.once('disconnect', stop);
}

if (require.main === module) void main();
