// What a protection change acts on: the Protection view's node it was invoked on (a policy or a unit), a
// scripted argument (`{ workload, policyId, unitIds }`, for tests and links), or picks when run from the palette.
// Policies and units are always read fresh from the service, so a plan names them as they are now.
import * as vscode from 'vscode';
import type { BackupApi } from '../../../backup/api';
import type { ProtectionPolicyBase, ProtectionUnit, Workload } from '../../../backup/model';
import { isWorkloadId, stringFieldOf, WORKLOADS, workload as workloadById } from '../../../backup/model';
import { unitAddress } from '../../../backup/presentation';
import { planUnit, type PlanPolicy, type PlanUnit } from '../../../backup/protectionPlan';
import { oneLine, words } from '../../../backup/words';

export interface PolicyTarget {
  workload: Workload;
  policy: ProtectionPolicyBase;
}

/** What a command may be given: a tree node of the Protection view or a scripted argument. */
interface TargetArg {
  workload?: unknown;
  policy?: { id?: unknown };
  policyId?: unknown;
  unit?: ProtectionUnit;
  unitIds?: unknown;
}

export function argOf(value: unknown): TargetArg {
  return typeof value === 'object' && value !== null ? (value as TargetArg) : {};
}

/** The workload a policy belongs to, from its `@odata.type`. */
export function workloadOfPolicy(policy: ProtectionPolicyBase): Workload | undefined {
  const type = (policy['@odata.type'] ?? '').replace(/^#/, '').toLowerCase();
  return WORKLOADS.find((w) => w.policyType.toLowerCase() === type);
}

export function workloadOfArg(arg: TargetArg): Workload | undefined {
  const value = arg.workload;
  if (isWorkloadId(value)) return workloadById(value);
  if (typeof value === 'object' && value !== null && isWorkloadId((value as Workload).id)) return workloadById((value as Workload).id);
  return undefined;
}

export function policyName(policy: ProtectionPolicyBase): string {
  return oneLine(policy.displayName ?? '') || vscode.l10n.t('a policy without a name');
}

export function planPolicy(policy: ProtectionPolicyBase): PlanPolicy {
  return { name: policyName(policy), status: policy.status };
}

/** Every policy with its workload, fresh from the service. */
export async function policyTargets(api: BackupApi): Promise<PolicyTarget[]> {
  return (await api.tenant.policies()).flatMap((policy) => {
    const workload = workloadOfPolicy(policy);
    return workload ? [{ workload, policy }] : [];
  });
}

/**
 * The policy a command acts on: the node's or the argument's (by id, or the policy of the node's unit), else a
 * pick among the policies `eligible` allows. Undefined when the person picked nothing.
 */
export async function resolvePolicy(api: BackupApi, value: unknown, title: string, eligible: (p: PolicyTarget) => boolean = () => true): Promise<PolicyTarget | undefined> {
  const arg = argOf(value);
  const all = await policyTargets(api);
  const id = typeof arg.policyId === 'string' ? arg.policyId : typeof arg.policy?.id === 'string' ? arg.policy.id : arg.unit?.policyId;
  if (id) {
    const found = all.find((t) => t.policy.id === id);
    if (!found) throw new Error(vscode.l10n.t('That protection policy no longer exists.'));
    return found;
  }
  const workload = workloadOfArg(arg);
  const choices = all.filter((t) => (!workload || t.workload.id === workload.id) && eligible(t));
  if (!choices.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No protection policy can take this change now.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    choices.map((t) => ({ label: policyName(t.policy), description: `${t.workload.label} · ${words('policyStatus', t.policy.status)}`, target: t })),
    { title, placeHolder: vscode.l10n.t('Pick a protection policy'), matchOnDescription: true },
  );
  return picked?.target;
}

/** The units one policy holds, fresh from the service. */
export async function unitsOfPolicy(api: BackupApi, target: PolicyTarget): Promise<ProtectionUnit[]> {
  return api.protection.policyUnits(target.workload, target.policy.id);
}

/**
 * Units chosen for a change: the argument's (`unit`, or `unitIds` among `candidates`), else a multi-select pick
 * of the candidates. Undefined when the person picked nothing.
 */
export async function chooseUnits(workload: Workload, candidates: readonly ProtectionUnit[], value: unknown, title: string): Promise<ProtectionUnit[] | undefined> {
  const arg = argOf(value);
  if (arg.unit) return [candidates.find((u) => u.id === arg.unit!.id) ?? arg.unit];
  if (Array.isArray(arg.unitIds)) {
    const ids = new Set(arg.unitIds.filter((id): id is string => typeof id === 'string'));
    return candidates.filter((u) => ids.has(u.id));
  }
  if (!candidates.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No {0} can take this change now.', workload.unitLabel));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((unit) => ({ label: planUnit(workload, unit).name, description: [unitAddress(workload, unit), words('unitStatus', unit.status)].filter(Boolean).join(' · '), unit })),
    { title, canPickMany: true, placeHolder: vscode.l10n.t('Pick the {0}', workload.unitLabelPlural), matchOnDescription: true },
  );
  return picked?.length ? picked.map((p) => p.unit) : undefined;
}

/** Units as a plan names them, with the policy that protects each one when it is another policy. */
export function planUnits(workload: Workload, units: readonly ProtectionUnit[], policies: readonly PolicyTarget[], thisPolicyId?: string): PlanUnit[] {
  return units.map((unit) => {
    const other = unit.policyId && unit.policyId !== thisPolicyId ? policies.find((t) => t.policy.id === unit.policyId) : undefined;
    return planUnit(workload, unit, other ? policyName(other.policy) : undefined);
  });
}

/**
 * Resources that may be added to a policy: known units of the workload that no policy protects now (removed,
 * unprotected or offboarded), one per resource.
 */
export function unprotectedResources(workload: Workload, units: readonly ProtectionUnit[]): ProtectionUnit[] {
  const protectedNow = new Set(units.filter((u) => u.status === 'protected' || u.status === 'protectRequested').map((u) => resourceId(workload, u)));
  const seen = new Set<string>();
  return units.filter((unit) => {
    const id = resourceId(workload, unit);
    if (!id || protectedNow.has(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The id a policy's create or PATCH names a resource by: `directoryObjectId` or `siteId`. */
export function resourceId(workload: Workload, unit: ProtectionUnit): string | undefined {
  return stringFieldOf(unit, workload.protectionUnits.resourceIdField) || undefined;
}

export async function pickWorkload(title: string): Promise<Workload | undefined> {
  const picked = await vscode.window.showQuickPick(
    WORKLOADS.map((w) => ({ label: w.label, description: w.unitLabelPlural, workload: w })),
    { title, placeHolder: vscode.l10n.t('Which workload?') },
  );
  return picked?.workload;
}
