// What a change to protection does, in words, before anything is sent: the plan review and the confirmation of
// every policy, unit and rule change (service-wide changes are in protectionServicePlan.ts). Each plan names what
// starts being protected, what STOPS being protected (units by name, the first few then "and N more"), what
// cannot be undone (offboarding deletes backups, deleteAndUnprotect deletes the rule), and the documented rules
// that would make the service refuse it (graph-backup-api.md §3.2–3.4, §4.6), so a refusal is explained here
// instead of by a 400 / 403 / 409. Pure: the extension shows `detail` in a modal whose confirm button is not the
// default and says what it does.
import type { ProtectionPolicyStatus, ProtectionUnit, ProtectionUnitStatus, Workload } from './model';
import { LIMITS } from './model';
import { unitDisplayName, unitRef } from './sessionNaming';
import { plural } from './timeWords';
import { oneLine, words } from './words';

/** A unit as the plan needs it: its name in words, where it stands, and how it came to be protected. */
export interface PlanUnit {
  name: string;
  status?: ProtectionUnitStatus | null;
  /** Flags (`manual`, `dynamicRule`, comma-separated). */
  protectionSources?: string | null;
  /** The policy that protects it now, by name, when it is not the policy being changed. */
  otherPolicyName?: string;
}

export interface PlanPolicy {
  name: string;
  status?: ProtectionPolicyStatus | null;
}

export interface PlanRule {
  /** The rule's expression, as the service holds it. */
  expression: string;
  /** True for a dynamic rule (the service applies it by itself). */
  isAutoApplyEnabled?: boolean | null;
}

export type ProtectionChange =
  | { kind: 'createPolicy'; workload: Workload; policyName: string; units: readonly PlanUnit[] }
  | { kind: 'addUnits'; workload: Workload; policy: PlanPolicy; units: readonly PlanUnit[] }
  | { kind: 'removeUnits'; workload: Workload; policy: PlanPolicy; units: readonly PlanUnit[] }
  | {
    kind: 'activatePolicy' | 'deactivatePolicy' | 'deletePolicy'; workload: Workload; policy: PlanPolicy; units: readonly PlanUnit[];
    /** For activation: another policy of the workload that is active now (only one may be). */
    otherActivePolicyName?: string;
  }
  | { kind: 'runRule'; workload: Workload; policy: PlanPolicy; rule: PlanRule }
  | { kind: 'deleteAndUnprotectRule'; workload: Workload; policy: PlanPolicy; rule: PlanRule; units: readonly PlanUnit[] }
  | { kind: 'offboardUnits' | 'cancelOffboard'; workload: Workload; units: readonly PlanUnit[] }
  | { kind: 'bulkAddUnits'; workload: Workload; policy: PlanPolicy; jobName: string; rows: readonly string[] };

/** The review of one change and the words of its confirmation. */
export interface ChangePlan {
  /** The confirmation's question. */
  title: string;
  /** What starts being protected or backed up. */
  starts: string[];
  /** What stops being protected or backed up, units by name. */
  stops: string[];
  /** What cannot be undone. */
  irreversible: string[];
  notes: string[];
  /** Documented rules the change breaks: when any, nothing may be sent. */
  blocked: string[];
  /** Says what it does ("Stop Protecting 3 Mailboxes"); never the dialog's default button. */
  confirmLabel: string;
  /** The review as the confirmation shows it. */
  detail: string;
}

/** The plan's sections, before they are joined into the detail. */
export type PlanParts = Omit<ChangePlan, 'detail'>;

/** How many units a list names before "and N more". */
export const LISTED = 5;

/** A protection unit as the plan names it (never an id). */
export function planUnit(workload: Workload, unit: ProtectionUnit, otherPolicyName?: string): PlanUnit {
  return { name: unitDisplayName(workload, unitRef(workload, unit)), status: unit.status, protectionSources: unit.protectionSources, otherPolicyName };
}

export function protectionChangePlan(change: ProtectionChange): ChangePlan {
  return withDetail(parts(change));
}

function parts(change: ProtectionChange): PlanParts {
  const { workload } = change;
  const units = (list: { length: number }) => plural(list.length, workload.unitLabel, workload.unitLabelPlural);
  switch (change.kind) {
    case 'createPolicy': {
      const name = oneLine(change.policyName);
      return {
        title: `Create the ${workload.label} policy "${name}"${change.units.length ? ` for ${short(change.units.map((u) => u.name))}` : ''}?`,
        starts: change.units.length ? [`Protection is requested for ${units(change.units)}:`, ...bullets(change.units.map((u) => u.name))] : [],
        stops: [],
        irreversible: [],
        notes: ['The policy is created inactive: nothing is backed up until you activate it (Activate Policy).'],
        blocked: [...nameRules(name), ...tooMany(workload, change.units.length), ...protectedElsewhere(change.units)],
        confirmLabel: 'Create Policy',
      };
    }
    case 'addUnits':
      return {
        title: `Protect ${short(change.units.map((u) => u.name))} in "${change.policy.name}"?`,
        starts: [`Starts protecting ${units(change.units)} in "${change.policy.name}":`, ...bullets(change.units.map((u) => u.name))],
        stops: [],
        irreversible: [],
        notes: [change.policy.status === 'inactive'
          ? `"${change.policy.name}" is inactive: they are backed up only once the policy is activated.`
          : 'Each is "Protection requested" until the service confirms it; restore points start from then.'],
        blocked: [...(change.units.length ? [] : [`Choose at least one ${workload.unitLabel} to protect.`]), ...protectedElsewhere(change.units)],
        confirmLabel: `Protect ${title(units(change.units))}`,
      };
    case 'removeUnits':
      return {
        title: `Stop protecting ${short(change.units.map((u) => u.name))}?`,
        starts: [],
        stops: [`Stops protecting ${units(change.units)} in "${change.policy.name}":`, ...bullets(change.units.map((u) => u.name))],
        irreversible: [],
        notes: [
          'No new restore points are made for them. The restore points they have stay restorable until they expire under the policy\'s retention.',
          'Protecting them again later starts new backups; the time in between stays without restore points.',
        ],
        blocked: [
          ...(change.units.length ? [] : [`Choose at least one ${workload.unitLabel} to stop protecting.`]),
          ...change.units.filter(addedByRuleOnly).map((u) => `${u.name} was added by an inclusion rule and cannot be removed by hand; change the rule instead.`),
          ...change.units.filter((u) => isNotProtected(u.status)).map((u) => `${u.name} is already ${lower(words('unitStatus', u.status))}.`),
        ],
        confirmLabel: `Stop Protecting ${title(units(change.units))}`,
      };
    case 'activatePolicy':
      return {
        title: `Activate "${change.policy.name}"?`,
        starts: change.units.length ? [`Starts backing up ${units(change.units)}:`, ...bullets(change.units.map((u) => u.name))] : [`Starts backing up what the policy's rules add (it holds no ${workload.unitLabelPlural} yet).`],
        stops: [],
        irreversible: [],
        notes: ['The policy shows "Updating" until the service has applied it. Protected units are billed to the tenant\'s billing profile.'],
        blocked: [
          ...(change.policy.status === 'inactive' ? [] : [`Only an inactive policy can be activated; "${change.policy.name}" is ${statusText(change.policy)}.`]),
          ...(change.otherActivePolicyName ? [`Only one ${workload.label} policy can be active, and "${change.otherActivePolicyName}" is. Deactivate it first.`] : []),
        ],
        confirmLabel: 'Activate Policy',
      };
    case 'deactivatePolicy':
      return {
        title: `Deactivate "${change.policy.name}" and stop backing up ${change.units.length ? short(change.units.map((u) => u.name)) : `its ${workload.unitLabelPlural}`}?`,
        starts: [],
        stops: [`Stops backing up ${change.units.length ? `all ${units(change.units)}` : `every ${workload.unitLabel}`} of "${change.policy.name}":`, ...bullets(change.units.map((u) => u.name))],
        irreversible: [],
        notes: ['No new restore points are made while it is inactive; the ones made so far stay until they expire.'],
        blocked: change.policy.status === 'active' || change.policy.status === 'activeWithErrors' ? [] : [`Only an active policy can be deactivated; "${change.policy.name}" is ${statusText(change.policy)}.`],
        confirmLabel: 'Deactivate Policy',
      };
    case 'deletePolicy':
      return {
        title: `Delete "${change.policy.name}"?`,
        starts: [],
        stops: change.units.length ? [`Its ${units(change.units)} leave the policy:`, ...bullets(change.units.map((u) => u.name))] : [],
        irreversible: [`The policy "${change.policy.name}" is deleted; this cannot be undone.`],
        notes: [],
        blocked: change.policy.status === 'inactive' ? [] : [`Only an inactive policy can be deleted; "${change.policy.name}" is ${statusText(change.policy)}. Deactivate it first.`],
        confirmLabel: 'Delete Policy',
      };
    case 'runRule':
      return {
        title: `Run the rule "${oneLine(change.rule.expression)}" now?`,
        starts: [`Protects the ${workload.unitLabelPlural} that "${oneLine(change.rule.expression)}" matches, in "${change.policy.name}".`],
        stops: [],
        irreversible: [],
        notes: ['The service finds the matching members when it runs the rule; they appear as "Protection requested".'],
        blocked: change.rule.isAutoApplyEnabled ? ['This is a dynamic rule: the service applies it by itself. Only static rules are run by hand.'] : [],
        confirmLabel: 'Run Rule',
      };
    case 'deleteAndUnprotectRule':
      return {
        title: `Delete the rule "${oneLine(change.rule.expression)}" and stop protecting what it added?`,
        starts: [],
        stops: change.units.length
          ? [`Stops protecting ${units(change.units)} that rules of "${change.policy.name}" added:`, ...bullets(change.units.map((u) => u.name))]
          : [`Stops protecting every ${workload.unitLabel} the rule added to "${change.policy.name}".`],
        irreversible: [`The rule "${oneLine(change.rule.expression)}" is deleted; this cannot be undone.`],
        notes: ['The restore points made so far stay restorable until they expire under the policy\'s retention.'],
        blocked: [
          ...(workload.id === 'sharePoint' ? ['Site rules cannot be deleted together with their sites: the service offers this for mailbox and OneDrive rules only.'] : []),
          ...(change.rule.isAutoApplyEnabled === false ? ['This is a static rule: only a dynamic rule is deleted together with the units it protects.'] : []),
        ],
        confirmLabel: 'Delete Rule and Stop Protecting',
      };
    case 'offboardUnits':
      return {
        title: `Offboard ${short(change.units.map((u) => u.name))} and delete their backups?`,
        starts: [],
        stops: [`Offboards ${units(change.units)}:`, ...bullets(change.units.map((u) => u.name))],
        irreversible: ['Once offboarding completes, their backups are deleted from Backup Storage: none of their restore points can be restored any more. Until then the offboarding can be cancelled (Cancel Offboarding).'],
        notes: [],
        blocked: [
          ...(change.units.length ? [] : [`Choose at least one ${workload.unitLabel} to offboard.`]),
          ...change.units.filter((u) => u.status === 'offboarded' || u.status === 'offboardRequested').map((u) => `${u.name} is already ${lower(words('unitStatus', u.status))}.`),
          ...change.units.filter((u) => u.status && !['unprotected', 'offboarded', 'offboardRequested'].includes(u.status))
            .map((u) => `${u.name} is ${lower(words('unitStatus', u.status))}: only a unit removed from its policy can be offboarded. Remove it first.`),
        ],
        confirmLabel: `Offboard ${title(units(change.units))}`,
      };
    case 'cancelOffboard':
      return {
        title: `Keep the backups of ${short(change.units.map((u) => u.name))}?`,
        starts: [`Cancels the offboarding of ${units(change.units)}; their backups are kept:`, ...bullets(change.units.map((u) => u.name))],
        stops: [],
        irreversible: [],
        notes: [],
        blocked: change.units.filter((u) => u.status !== 'offboardRequested').map((u) => `${u.name} is not waiting to be offboarded (${lower(words('unitStatus', u.status))}).`),
        confirmLabel: 'Keep Backups',
      };
    case 'bulkAddUnits':
      return {
        title: `Add ${units(change.rows)} to "${change.policy.name}" in a bulk job?`,
        starts: [`Starts protecting the ${units(change.rows)} listed, in "${change.policy.name}":`, ...bullets(change.rows.map(oneLine))],
        stops: [],
        irreversible: [],
        notes: [`The service resolves each row in the bulk job "${oneLine(change.jobName)}"; rows it cannot find are listed as failed when the job completes.`],
        blocked: change.rows.length ? [] : [`The list holds no ${workload.unitLabelPlural}.`],
        confirmLabel: `Add ${title(units(change.rows))}`,
      };
  }
}

/** Joins the sections into the text the confirmation shows. */
export function withDetail(plan: PlanParts): ChangePlan {
  const lines = [...plan.stops, ...(plan.stops.length && plan.starts.length ? [''] : []), ...plan.starts];
  if (plan.irreversible.length) lines.push('', ...plan.irreversible.map((line) => `⚠ ${line}`));
  if (plan.notes.length) lines.push('', ...plan.notes);
  if (plan.blocked.length) lines.push('', 'The service would refuse this:', ...plan.blocked.map((line) => `✕ ${line}`));
  return { ...plan, detail: lines.join('\n').trim() };
}

/** `• name` for the first few, then `• and N more`. */
export function bullets(names: readonly string[], listed = LISTED): string[] {
  const lines = names.slice(0, listed).map((name) => `• ${name}`);
  if (names.length > listed) lines.push(`• and ${(names.length - listed).toLocaleString('en-US')} more`);
  return lines;
}

/** `Debra Berger`, `Debra Berger and Lee Gu`, `Debra Berger, Lee Gu and 3 more`. */
export function short(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, 2).join(', ')} and ${(names.length - 2).toLocaleString('en-US')} more`;
}

function nameRules(name: string): string[] {
  if (!name) return ['A policy needs a name.'];
  return name.length > LIMITS.policyDisplayNameMax ? [`A policy name is at most ${LIMITS.policyDisplayNameMax.toLocaleString('en-US')} characters long.`] : [];
}

function tooMany(workload: Workload, count: number): string[] {
  if (count <= LIMITS.policyCreateUnitsMax) return [];
  return [`A policy is created with at most ${LIMITS.policyCreateUnitsMax} ${workload.unitLabelPlural}; you chose ${count.toLocaleString('en-US')}. Create it with fewer and add the rest with Add Units… or Bulk-Add Units….`];
}

function protectedElsewhere(units: readonly PlanUnit[]): string[] {
  return units.filter((u) => u.otherPolicyName && !isNotProtected(u.status))
    .map((u) => `${u.name} is already protected by "${u.otherPolicyName}"; a unit is protected by one policy only.`);
}

/** True for a unit only a rule protects (not also added by hand): removing the rule unprotects it. */
export function addedByRuleOnly(unit: { protectionSources?: string | null }): boolean {
  const sources = (unit.protectionSources ?? '').split(',').map((s) => s.trim());
  return sources.includes('dynamicRule') && !sources.includes('manual');
}

function isNotProtected(status: ProtectionUnitStatus | null | undefined): boolean {
  return status === 'unprotected' || status === 'removeRequested' || status === 'unprotectRequested' || status === 'offboarded' || status === 'offboardRequested';
}

function statusText(policy: PlanPolicy): string {
  return lower(words('policyStatus', policy.status));
}

/** `3 mailboxes` → `3 Mailboxes`, `1 OneDrive` → `1 OneDrive`. */
function title(text: string): string {
  return text.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
