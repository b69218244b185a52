// The protection-change commands, one family per file. This module and what only it imports (the families, the
// plans in src/backup/protectionPlan.ts and protectionServicePlan.ts) are bundled into a file of their own that
// index.ts requires on the first change command run (esbuild.js, `LAZY_FILES`); changes are opt-in, so most
// sessions never load it.
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { bulkAddCommands } from './bulkAddCommand';
import { offboardCommands } from './offboardCommands';
import { policyCommands } from './policyCommands';
import { ruleCommands } from './ruleCommands';
import { serviceCommands } from './serviceCommands';
import { unitCommands } from './unitCommands';

/** Every change command; `changed` fires after the service took a change. */
export function changeCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [
    ...policyCommands(ctx, changed),
    ...unitCommands(ctx, changed),
    ...ruleCommands(ctx, changed),
    ...offboardCommands(ctx, changed),
    ...bulkAddCommands(ctx, changed),
    ...serviceCommands(ctx, changed),
  ];
}
