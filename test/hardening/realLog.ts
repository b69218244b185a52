// The extension's real log channel (src/extension/log.ts `Log`) in plain Node, so the secrets scan reads the
// lines exactly as the extension writes them instead of a copy of its formatter. `Log` imports `vscode`, which
// exists only inside an extension host: while the module loads, `vscode` resolves to a stand-in whose
// `window.createOutputChannel` returns a channel that hands every line to `onLine`. Nothing else of vscode is
// provided, so a Log that starts using more of it fails here loudly.
import Module from 'node:module';
import type { Log } from '../../src/extension/log';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

interface ModuleLoader { _load(request: string, parent: unknown, isMain: boolean): unknown }

/** A real `Log` whose output channel reports each line (with its level) to `onLine`. */
export async function realLog(onLine: (level: LogLevel, text: string) => void): Promise<Log> {
  const channel = Object.fromEntries(LEVELS.map((level) => [level, (text: string) => onLine(level, text)]));
  const vscodeStandIn = { window: { createOutputChannel: () => ({ ...channel, show() { /* nothing to show */ }, dispose() { /* nothing held */ } }) } };
  const loader = Module as unknown as ModuleLoader;
  const load = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscodeStandIn : load.call(this, request, parent, isMain);
  };
  try {
    const { Log: RealLog } = await import('../../src/extension/log');
    return new RealLog();
  } finally {
    loader._load = load;
  }
}
