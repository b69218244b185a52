// Add Units to Policy… and Remove Units from Policy…: one `<units>@delta` PATCH each. The confirmation names every
// unit that starts or stops being protected; units the service refuses one by one are named in the result.
import * as vscode from 'vscode';
import type { PolicyUnitsChange } from '../../../backup/api';
import type { ProtectionUnit, Workload } from '../../../backup/model';
import { planUnit, protectionChangePlan, short } from '../../../backup/protectionPlan';
import { errorText } from '../../../backup/words';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { confirmAndSend, type ChangeOutcome } from './confirmChange';
import { guardChanges } from './guard';
import { CHANGE_COMMANDS } from './ids';
import { chooseUnits, planPolicy, planUnits, policyName, policyTargets, resolvePolicy, resourceId, unitsOfPolicy, unprotectedResources } from './targets';

export function unitCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [
    { id: CHANGE_COMMANDS.addUnits, run: (arg) => addUnits(ctx, changed, arg) },
    { id: CHANGE_COMMANDS.removeUnits, run: (arg) => removeUnits(ctx, changed, arg) },
  ];
}

async function addUnits(ctx: CommandContext, changed: () => void, value: unknown): Promise<ChangeOutcome> {
  const title = vscode.l10n.t('Add Units to Policy');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const target = await resolvePolicy(api, value, title);
  if (!target) return 'nothingChosen';
  const { workload, policy } = target;
  const [all, policies] = await Promise.all([api.tenant.units(workload), policyTargets(api)]);
  const units = await chooseUnits(workload, unprotectedResources(workload, all), value, vscode.l10n.t('{0}: the {1} to protect in "{2}"', title, workload.unitLabelPlural, policyName(policy)));
  if (!units) return 'nothingChosen';
  const names = short(units.map((u) => planUnit(workload, u).name));
  const plan = protectionChangePlan({ kind: 'addUnits', workload, policy: planPolicy(policy), units: planUnits(workload, units, policies, policy.id) });
  return confirmAndSend(ctx.ui, {
    plan,
    progress: vscode.l10n.t('Adding {0} to "{1}"…', names, policyName(policy)),
    send: () => api.protectionWrites.changePolicyUnits(workload, policy.id, { add: units.flatMap((u) => resourceId(workload, u) ?? []) }),
    done: (result) => resultWords(workload, units, result, vscode.l10n.t('Protection requested for {0}.', names)),
  }, changed);
}

async function removeUnits(ctx: CommandContext, changed: () => void, value: unknown): Promise<ChangeOutcome> {
  const title = vscode.l10n.t('Remove Units from Policy');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const target = await resolvePolicy(api, value, title);
  if (!target) return 'nothingChosen';
  const { workload, policy } = target;
  const held = (await unitsOfPolicy(api, target)).filter((u) => u.status === 'protected' || u.status === 'protectRequested');
  const units = await chooseUnits(workload, held, value, vscode.l10n.t('{0}: the {1} to stop protecting in "{2}"', title, workload.unitLabelPlural, policyName(policy)));
  if (!units) return 'nothingChosen';
  const names = short(units.map((u) => planUnit(workload, u).name));
  const plan = protectionChangePlan({ kind: 'removeUnits', workload, policy: planPolicy(policy), units: planUnits(workload, units, []) });
  return confirmAndSend(ctx.ui, {
    plan,
    progress: vscode.l10n.t('Removing {0} from "{1}"…', names, policyName(policy)),
    send: () => api.protectionWrites.changePolicyUnits(workload, policy.id, { remove: units.map((u) => u.id) }),
    done: (result) => resultWords(workload, units, result, vscode.l10n.t('Stopped protecting {0}.', names)),
  }, changed);
}

/** The success words, or which units the service refused and why (by name). */
function resultWords(workload: Workload, units: readonly ProtectionUnit[], result: PolicyUnitsChange, success: string): string {
  if (!result.failures.length) return success;
  const refused = result.failures.map((failure) => {
    const unit = units.find((u) => u.id === failure.id || resourceId(workload, u) === failure.id);
    const why = errorText(failure['@Core.DataModificationException'].info);
    return `${unit ? planUnit(workload, unit).name : vscode.l10n.t('one {0}', workload.unitLabel)}: ${why}`;
  });
  return vscode.l10n.t('The service refused {0} of {1}: {2}', String(refused.length), String(units.length), refused.join('; '));
}
