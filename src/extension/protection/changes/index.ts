// The protection-change commands (opt-in: guard.ts) as the extension registers them at activation, and the event
// the Protection view listens to so that a change it did not make shows up. Only their ids (ids.ts) are in the
// main bundle: the commands (commandFamilies.ts) are required on the first one run, from a file of their own
// (esbuild.js, `LAZY_FILES`).
import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import type * as CommandFamilies from './commandFamilies';
import { trackChangesAllowed } from './guard';
import { CHANGE_COMMANDS } from './ids';

export { ALLOW_CHANGES_SETTING, CHANGES_ALLOWED_CONTEXT, changesAllowed } from './guard';
export type { ChangeOutcome } from './confirmChange';

let families: typeof CommandFamilies | undefined;
function commandFamilies(): typeof CommandFamilies {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (families ??= require('./commandFamilies') as typeof CommandFamilies);
}

export class ProtectionChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the service took a change (a policy, its units, a rule, the service or its notifications). */
  readonly onDidChange = this.emitter.event;
  readonly commands: CommandSpec[];
  private readonly tracking = trackChangesAllowed();
  private loaded: Map<string, CommandSpec> | undefined;

  constructor(ctx: CommandContext) {
    const changed = () => this.emitter.fire();
    const spec = (id: string): CommandSpec => {
      this.loaded ??= new Map(commandFamilies().changeCommands(ctx, changed).map((s) => [s.id, s]));
      const found = this.loaded.get(id);
      if (!found) throw new Error(vscode.l10n.t('The command {0} is registered but this version of the extension does not implement it.', id));
      return found;
    };
    this.commands = Object.values(CHANGE_COMMANDS).map((id) => ({ id, run: (...args: unknown[]) => spec(id).run(...args) }));
  }

  dispose(): void {
    this.emitter.dispose();
    this.tracking.dispose();
  }
}
