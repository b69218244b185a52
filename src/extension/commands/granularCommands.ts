// Granular restores: Create Granular Mailbox Restore… (a search form over a mailbox's restore point, the match
// count, then the matching items) and Create Granular File Restore… (files and folders of a SharePoint site or
// OneDrive at a fast-restore point). The flows live in ./granular/.
import type { CommandContext } from './context';
import { granularFileRestore } from './granular/fileRestore';
import { granularMailboxRestore } from './granular/mailRestore';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';

export function granularCommands(ctx: CommandContext): CommandSpec[] {
  return [
    { id: 'restoreSessions.createGranularMailboxRestore', run: () => granularMailboxRestore(ctx) },
    { id: 'restoreSessions.createGranularFileRestore', run: (arg) => granularFileRestore(ctx, workloadFromArg(arg)) },
  ];
}
