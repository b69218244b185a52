// Run Inclusion Rule… and Delete Rule and Unprotect…: the rule is picked among its policy's rules (by its
// expression, static or dynamic). Deleting a rule with its units names the units rules added to that policy.
import * as vscode from 'vscode';
import type { ProtectionRuleBase } from '../../../backup/model';
import { addedByRuleOnly, protectionChangePlan, type PlanRule } from '../../../backup/protectionPlan';
import { oneLine } from '../../../backup/words';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { confirmAndSend, type ChangeOutcome } from './confirmChange';
import { guardChanges } from './guard';
import { CHANGE_COMMANDS } from './ids';
import { argOf, planPolicy, planUnits, policyName, resolvePolicy, unitsOfPolicy, type PolicyTarget } from './targets';

type Kind = 'runRule' | 'deleteAndUnprotectRule';

export function ruleCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [
    { id: CHANGE_COMMANDS.runRule, run: (arg) => ruleChange(ctx, changed, 'runRule', arg) },
    { id: CHANGE_COMMANDS.deleteRuleAndUnprotect, run: (arg) => ruleChange(ctx, changed, 'deleteAndUnprotectRule', arg) },
  ];
}

async function ruleChange(ctx: CommandContext, changed: () => void, kind: Kind, value: unknown): Promise<ChangeOutcome> {
  const title = kind === 'runRule' ? vscode.l10n.t('Run Inclusion Rule') : vscode.l10n.t('Delete Inclusion Rule and Unprotect');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const target = await resolvePolicy(api, value, title);
  if (!target) return 'nothingChosen';
  const rule = await pickRule(await api.protectionWrites.rules(target.workload, target.policy.id), value, title, target);
  if (!rule) return 'nothingChosen';
  const { workload, policy } = target;
  const planRule: PlanRule = { expression: expressionOf(rule), isAutoApplyEnabled: rule.isAutoApplyEnabled };
  if (kind === 'runRule') {
    return confirmAndSend(ctx.ui, {
      plan: protectionChangePlan({ kind, workload, policy: planPolicy(policy), rule: planRule }),
      progress: vscode.l10n.t('Running the rule "{0}"…', planRule.expression),
      send: () => api.protectionWrites.runRule(workload, rule.id),
      done: () => vscode.l10n.t('The rule "{0}" is running; the {1} it matches appear in "{2}" as the service adds them.', planRule.expression, workload.unitLabelPlural, policyName(policy)),
    }, changed);
  }
  const added = (await unitsOfPolicy(api, target)).filter((u) => addedByRuleOnly(u) && (u.status === 'protected' || u.status === 'protectRequested'));
  return confirmAndSend(ctx.ui, {
    plan: protectionChangePlan({ kind, workload, policy: planPolicy(policy), rule: planRule, units: planUnits(workload, added, []) }),
    progress: vscode.l10n.t('Deleting the rule "{0}"…', planRule.expression),
    send: () => api.protectionWrites.deleteRuleAndUnprotect(workload, rule.id),
    done: () => vscode.l10n.t('Deleting the rule "{0}"; the {1} it added stop being protected.', planRule.expression, workload.unitLabelPlural),
  }, changed);
}

/** The rule's expression, whichever workload it belongs to. */
function expressionOf(rule: ProtectionRuleBase): string {
  return oneLine(rule.mailboxExpression ?? rule.driveExpression ?? rule.siteExpression ?? '') || vscode.l10n.t('a rule without an expression');
}

async function pickRule(rules: readonly ProtectionRuleBase[], value: unknown, title: string, target: PolicyTarget): Promise<ProtectionRuleBase | undefined> {
  const wanted = (argOf(value) as { ruleId?: unknown }).ruleId;
  if (typeof wanted === 'string') {
    const found = rules.find((r) => r.id === wanted);
    if (!found) throw new Error(vscode.l10n.t('That inclusion rule no longer exists.'));
    return found;
  }
  if (!rules.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no inclusion rules.', policyName(target.policy)));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({
      label: expressionOf(rule),
      description: rule.isAutoApplyEnabled ? vscode.l10n.t('dynamic: applied by the service') : vscode.l10n.t('static: run by hand'),
      rule,
    })),
    { title, placeHolder: vscode.l10n.t('Pick an inclusion rule of "{0}"', policyName(target.policy)) },
  );
  return picked?.rule;
}
