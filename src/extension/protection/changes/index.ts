// The protection-change commands (opt-in: guard.ts), one family per file, and the event the Protection view
// listens to so that a change it did not make shows up.
import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { bulkAddCommands } from './bulkAddCommand';
import { offboardCommands } from './offboardCommands';
import { policyCommands } from './policyCommands';
import { ruleCommands } from './ruleCommands';
import { serviceCommands } from './serviceCommands';
import { unitCommands } from './unitCommands';

import { trackChangesAllowed } from './guard';

export { ALLOW_CHANGES_SETTING, CHANGES_ALLOWED_CONTEXT, changesAllowed } from './guard';
export type { ChangeOutcome } from './confirmChange';

export class ProtectionChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the service took a change (a policy, its units, a rule, the service or its notifications). */
  readonly onDidChange = this.emitter.event;
  readonly commands: CommandSpec[];
  private readonly tracking = trackChangesAllowed();

  constructor(ctx: CommandContext) {
    const changed = () => this.emitter.fire();
    this.commands = [
      ...policyCommands(ctx, changed),
      ...unitCommands(ctx, changed),
      ...ruleCommands(ctx, changed),
      ...offboardCommands(ctx, changed),
      ...bulkAddCommands(ctx, changed),
      ...serviceCommands(ctx, changed),
    ];
  }

  dispose(): void {
    this.emitter.dispose();
    this.tracking.dispose();
  }
}
