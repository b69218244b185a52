// Command line of the Backup Storage emulator (bundled to dist/emulator.js). Prints exactly one line when it
// listens, stops cleanly on SIGINT/SIGTERM, and exits 2 on a bad flag, 1 when it cannot start.
import { startEmulator } from './index';
import type { EmulatorOptions } from './index';

const USAGE = `Usage: emulator [options]

Local Microsoft 365 Backup Storage emulator (Microsoft Graph /solutions/backupRestore).

Options:
  --port <n>          Port to listen on (0 picks a free one; default 0)
  --host <address>    Address to bind (default 127.0.0.1)
  --seed demo|empty   Initial data when no data file exists (default demo)
  --data <file>       Load state from and save it to this JSON file
  --time-scale <x>    Simulated seconds per real second (default 1)
  --auth off          Authentication mode (only "off" for now)
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
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!/^\d+$/.test(v) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${v}'`);
        options.port = port;
        break;
      }
      case '--host': options.host = value(); break;
      case '--seed': {
        const v = value();
        if (v !== 'demo' && v !== 'empty') throw new UsageError(`--seed must be demo or empty, got '${v}'`);
        options.seed = v;
        break;
      }
      case '--data': options.dataFile = value(); break;
      case '--time-scale': {
        const v = value();
        const scale = Number(v);
        if (!Number.isFinite(scale) || scale <= 0) throw new UsageError(`--time-scale must be a positive number, got '${v}'`);
        options.timeScale = scale;
        break;
      }
      case '--auth': {
        const v = value();
        if (v !== 'off') throw new UsageError(`--auth supports only 'off' for now, got '${v}'`);
        options.auth = 'off';
        break;
      }
      default: throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
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
  process.stdout.write(`Backup Storage emulator listening on ${running.url}\n`);
  const stop = () => {
    running.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) void main();
