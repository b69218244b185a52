// Offboard Unit… and Cancel Offboarding…: one POST per unit. Offboarding ends with the unit's backups deleted,
// so its confirmation says so before anything is sent; cancelling is offered only for units waiting to be
// offboarded. When the service refuses every unit, its error stands (with the permission hint of a 403).
import * as vscode from 'vscode';
import type { BackupApi } from '../../../backup/api';
import type { ProtectionUnit, Workload } from '../../../backup/model';
import { workloadByUnitType } from '../../../backup/model';
import { planUnit, protectionChangePlan, short } from '../../../backup/protectionPlan';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { classifyError } from '../../errors';
import { confirmAndSend, type ChangeOutcome } from './confirmChange';
import { guardChanges } from './guard';
import { CHANGE_COMMANDS } from './ids';
import { argOf, chooseUnits, pickWorkload, planUnits, workloadOfArg } from './targets';

type Kind = 'offboardUnits' | 'cancelOffboard';

export function offboardCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [
    { id: CHANGE_COMMANDS.offboardUnit, run: (arg) => offboard(ctx, changed, 'offboardUnits', arg) },
    { id: CHANGE_COMMANDS.cancelOffboard, run: (arg) => offboard(ctx, changed, 'cancelOffboard', arg) },
  ];
}

/** Offboarding is offered for units removed from their policy; cancelling only for units waiting to be offboarded. */
const CANDIDATE: Record<Kind, (u: ProtectionUnit) => boolean> = {
  offboardUnits: (u) => u.status === 'unprotected',
  cancelOffboard: (u) => u.status === 'offboardRequested',
};

async function offboard(ctx: CommandContext, changed: () => void, kind: Kind, value: unknown): Promise<ChangeOutcome> {
  const title = kind === 'offboardUnits' ? vscode.l10n.t('Offboard Units') : vscode.l10n.t('Cancel Offboarding');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const arg = argOf(value);
  const workload = workloadOfArg(arg) ?? workloadByUnitType(arg.unit?.['@odata.type']) ?? (await pickWorkload(title));
  if (!workload) return 'nothingChosen';
  const candidates = (await api.tenant.units(workload)).filter(CANDIDATE[kind]);
  const units = await chooseUnits(workload, candidates, value, vscode.l10n.t('{0}: which {1}?', title, workload.unitLabelPlural));
  if (!units) return 'nothingChosen';
  const names = short(units.map((u) => planUnit(workload, u).name));
  return confirmAndSend(ctx.ui, {
    plan: protectionChangePlan({ kind, workload, units: planUnits(workload, units, []) }),
    progress: kind === 'offboardUnits' ? vscode.l10n.t('Offboarding {0}…', names) : vscode.l10n.t('Cancelling the offboarding of {0}…', names),
    send: () => sendEach(api, kind, workload, units),
    done: (refused) => refused.length
      ? vscode.l10n.t('The service refused {0} of {1}: {2}', String(refused.length), String(units.length), refused.join('; '))
      : kind === 'offboardUnits' ? vscode.l10n.t('Offboarding requested for {0}.', names) : vscode.l10n.t('Offboarding cancelled for {0}; their backups are kept.', names),
  }, changed);
}

/** One request per unit; returns the refusals in words, or throws the error when every unit was refused. */
async function sendEach(api: BackupApi, kind: Kind, workload: Workload, units: readonly ProtectionUnit[]): Promise<string[]> {
  const refused: string[] = [];
  let first: unknown;
  for (const unit of units) {
    try {
      if (kind === 'offboardUnits') await api.protectionWrites.offboardUnit(unit.id);
      else await api.protectionWrites.cancelOffboardUnit(unit.id);
    } catch (error) {
      first ??= error;
      refused.push(`${planUnit(workload, unit).name}: ${classifyError(error).summary}`);
    }
  }
  if (first !== undefined && refused.length === units.length) throw first;
  return refused;
}
