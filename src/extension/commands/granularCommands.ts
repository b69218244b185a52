// Granular restores: Create Granular Mailbox Restore… (a search form over a mailbox's restore point, the match
// count, then the matching items) and Create Granular File Restore… (files and folders of a SharePoint site or
// OneDrive at a fast-restore point). The flows live in ./granular/ and are required on the first one run, from a
// file of their own (granular/flows.ts, esbuild.js `LAZY_COMMANDS`).
import type { CommandContext } from './context';
import type * as GranularFlows from './granular/flows';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';

let loaded: typeof GranularFlows | undefined;
function flows(): typeof GranularFlows {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./granular/flows') as typeof GranularFlows);
}

export function granularCommands(ctx: CommandContext): CommandSpec[] {
  return [
    { id: 'restoreSessions.createGranularMailboxRestore', run: () => flows().granularMailboxRestore(ctx) },
    { id: 'restoreSessions.createGranularFileRestore', run: (arg) => flows().granularFileRestore(ctx, workloadFromArg(arg)) },
  ];
}
