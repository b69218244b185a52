// Create Protection Policy…, Activate / Deactivate / Delete Policy: each checks the opt-in, reads the policy and
// its units fresh, shows the plan (units by name: what starts or stops being backed up) and sends one request.
import * as vscode from 'vscode';
import { protectionChangePlan } from '../../../backup/protectionPlan';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { confirmAndSend, type ChangeOutcome } from './confirmChange';
import { guardChanges } from './guard';
import { CHANGE_COMMANDS } from './ids';
import {
  argOf, chooseUnits, pickWorkload, planPolicy, planUnits, policyName, policyTargets, resolvePolicy, resourceId, unitsOfPolicy,
  unprotectedResources, workloadOfArg, type PolicyTarget,
} from './targets';

type Lifecycle = 'activatePolicy' | 'deactivatePolicy' | 'deletePolicy';

export function policyCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [
    { id: CHANGE_COMMANDS.createPolicy, run: (arg) => createPolicy(ctx, changed, arg) },
    { id: CHANGE_COMMANDS.activatePolicy, run: (arg) => lifecycle(ctx, changed, 'activatePolicy', arg) },
    { id: CHANGE_COMMANDS.deactivatePolicy, run: (arg) => lifecycle(ctx, changed, 'deactivatePolicy', arg) },
    { id: CHANGE_COMMANDS.deletePolicy, run: (arg) => lifecycle(ctx, changed, 'deletePolicy', arg) },
  ];
}

async function createPolicy(ctx: CommandContext, changed: () => void, value: unknown): Promise<ChangeOutcome> {
  const title = vscode.l10n.t('Create Protection Policy');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const arg = argOf(value) as ReturnType<typeof argOf> & { displayName?: unknown };
  const workload = workloadOfArg(arg) ?? (await pickWorkload(title));
  if (!workload) return 'nothingChosen';
  const name = typeof arg.displayName === 'string' ? arg.displayName : await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('A name for the new {0} policy', workload.label),
    validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('A policy needs a name.')),
  });
  if (name === undefined) return 'nothingChosen';
  const [all, policies] = await Promise.all([api.tenant.units(workload), policyTargets(api)]);
  const units = await chooseUnits(workload, unprotectedResources(workload, all), value, vscode.l10n.t('{0}: the {1} to protect', title, workload.unitLabelPlural));
  if (!units) return 'nothingChosen';
  const plan = protectionChangePlan({ kind: 'createPolicy', workload, policyName: name, units: planUnits(workload, units, policies) });
  return confirmAndSend(ctx.ui, {
    plan,
    progress: vscode.l10n.t('Creating the policy "{0}"…', name.trim()),
    send: () => api.protectionWrites.createPolicy(workload, name.trim(), units.flatMap((u) => resourceId(workload, u) ?? [])),
    done: ({ body }) => vscode.l10n.t('Created the policy "{0}". It is inactive until you activate it.', policyName(body)),
  }, changed);
}

/** Which statuses each lifecycle action is offered for (the plan still says why the service would refuse). */
const ELIGIBLE: Record<Lifecycle, (t: PolicyTarget) => boolean> = {
  activatePolicy: (t) => t.policy.status === 'inactive',
  deactivatePolicy: (t) => t.policy.status === 'active' || t.policy.status === 'activeWithErrors',
  deletePolicy: (t) => t.policy.status === 'inactive',
};

async function lifecycle(ctx: CommandContext, changed: () => void, kind: Lifecycle, value: unknown): Promise<ChangeOutcome> {
  const title = {
    activatePolicy: vscode.l10n.t('Activate Protection Policy'),
    deactivatePolicy: vscode.l10n.t('Deactivate Protection Policy'),
    deletePolicy: vscode.l10n.t('Delete Protection Policy'),
  }[kind];
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const target = await resolvePolicy(api, value, title, ELIGIBLE[kind]);
  if (!target) return 'nothingChosen';
  const { workload, policy } = target;
  const [held, policies] = await Promise.all([unitsOfPolicy(api, target), policyTargets(api)]);
  const units = held.filter((u) => u.status !== 'removeRequested' && u.status !== 'offboarded');
  const otherActive = policies.find((t) => t.workload.id === workload.id && t.policy.id !== policy.id && (t.policy.isEnabled ?? t.policy.status !== 'inactive'));
  const plan = protectionChangePlan({
    kind, workload, policy: planPolicy(policy), units: planUnits(workload, units, []),
    otherActivePolicyName: kind === 'activatePolicy' && otherActive ? policyName(otherActive.policy) : undefined,
  });
  const name = policyName(policy);
  const send = async (): Promise<void> => {
    if (kind === 'activatePolicy') await api.protectionWrites.activatePolicy(policy.id);
    else if (kind === 'deactivatePolicy') await api.protectionWrites.deactivatePolicy(policy.id);
    else await api.protectionWrites.deletePolicy(policy.id);
  };
  const done = {
    activatePolicy: vscode.l10n.t('Activating "{0}": backups start once the service has applied it.', name),
    deactivatePolicy: vscode.l10n.t('Deactivated "{0}": no new restore points are made for its {1}.', name, workload.unitLabelPlural),
    deletePolicy: vscode.l10n.t('Deleted the policy "{0}".', name),
  }[kind];
  return confirmAndSend(ctx.ui, { plan, progress: title, send, done: () => done }, changed);
}
