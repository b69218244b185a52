// What a change to protection does, in words, before anything is sent: the plan review and the confirmation of
// every policy, unit and rule change (service-wide changes are in protectionServicePlan.ts). Each plan names what
// starts being protected, what STOPS being protected (units by name, the first few then "and N more"), what
// cannot be undone (offboarding deletes backups, deleteAndUnprotect deletes the rule), and the documented rules
// that would make the service refuse it (graph-backup-api.md §3.2–3.4, §4.6), so a refusal is explained here
// instead of by a 400 / 403 / 409. Pure: the extension shows `detail` in a modal whose confirm button is not the
// default and says what it does.
import type { ProtectionPolicyStatus, ProtectionUnit, ProtectionUnitStatus, Workload } from './model';
import { l10n } from './l10n';
import { flagMembers, LIMITS } from './model';
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
        title: change.units.length
          ? l10n.t('Create the {0} policy "{1}" for {2}?', workload.label, name, short(change.units.map((u) => u.name)))
          : l10n.t('Create the {0} policy "{1}"?', workload.label, name),
        starts: change.units.length ? [l10n.t('Protection is requested for {0}:', units(change.units)), ...bullets(change.units.map((u) => u.name))] : [],
        stops: [],
        irreversible: [],
        notes: [l10n.t('The policy is created inactive: nothing is backed up until you activate it (Activate Policy).')],
        blocked: [...nameRules(name), ...tooMany(workload, change.units.length), ...protectedElsewhere(change.units)],
        confirmLabel: l10n.t('Create Policy'),
      };
    }
    case 'addUnits':
      return {
        title: l10n.t('Protect {0} in "{1}"?', short(change.units.map((u) => u.name)), change.policy.name),
        starts: [l10n.t('Starts protecting {0} in "{1}":', units(change.units), change.policy.name), ...bullets(change.units.map((u) => u.name))],
        stops: [],
        irreversible: [],
        notes: [change.policy.status === 'inactive'
          ? l10n.t('"{0}" is inactive: they are backed up only once the policy is activated.', change.policy.name)
          : l10n.t('Each is "Protection requested" until the service confirms it; restore points start from then.')],
        blocked: [...(change.units.length ? [] : [l10n.t('Choose at least one {0} to protect.', workload.unitLabel)]), ...protectedElsewhere(change.units)],
        confirmLabel: l10n.t('Protect {0}', title(units(change.units))),
      };
    case 'removeUnits':
      return {
        title: l10n.t('Stop protecting {0}?', short(change.units.map((u) => u.name))),
        starts: [],
        stops: [l10n.t('Stops protecting {0} in "{1}":', units(change.units), change.policy.name), ...bullets(change.units.map((u) => u.name))],
        irreversible: [],
        notes: [
          l10n.t('No new restore points are made for them. The restore points they have stay restorable until they expire under the policy\'s retention.'),
          l10n.t('Protecting them again later starts new backups; the time in between stays without restore points.'),
        ],
        blocked: [
          ...(change.units.length ? [] : [l10n.t('Choose at least one {0} to stop protecting.', workload.unitLabel)]),
          ...change.units.filter(addedByRuleOnly).map((u) => l10n.t('{0} was added by an inclusion rule and cannot be removed by hand; change the rule instead.', u.name)),
          ...change.units.filter((u) => isNotProtected(u.status)).map((u) => l10n.t('{0} is already {1}.', u.name, lower(words('unitStatus', u.status)))),
        ],
        confirmLabel: l10n.t('Stop Protecting {0}', title(units(change.units))),
      };
    case 'activatePolicy':
      return {
        title: l10n.t('Activate "{0}"?', change.policy.name),
        starts: change.units.length
          ? [l10n.t('Starts backing up {0}:', units(change.units)), ...bullets(change.units.map((u) => u.name))]
          : [l10n.t('Starts backing up what the policy\'s rules add (it holds no {0} yet).', workload.unitLabelPlural)],
        stops: [],
        irreversible: [],
        notes: [l10n.t('The policy shows "Updating" until the service has applied it. Protected units are billed to the tenant\'s billing profile.')],
        blocked: [
          ...(change.policy.status === 'inactive' ? [] : [l10n.t('Only an inactive policy can be activated; "{0}" is {1}.', change.policy.name, statusText(change.policy))]),
          ...(change.otherActivePolicyName ? [l10n.t('Only one {0} policy can be active, and "{1}" is. Deactivate it first.', workload.label, change.otherActivePolicyName)] : []),
        ],
        confirmLabel: l10n.t('Activate Policy'),
      };
    case 'deactivatePolicy':
      return {
        title: change.units.length
          ? l10n.t('Deactivate "{0}" and stop backing up {1}?', change.policy.name, short(change.units.map((u) => u.name)))
          : l10n.t('Deactivate "{0}" and stop backing up its {1}?', change.policy.name, workload.unitLabelPlural),
        starts: [],
        stops: [
          change.units.length
            ? l10n.t('Stops backing up all {0} of "{1}":', units(change.units), change.policy.name)
            : l10n.t('Stops backing up every {0} of "{1}":', workload.unitLabel, change.policy.name),
          ...bullets(change.units.map((u) => u.name)),
        ],
        irreversible: [],
        notes: [l10n.t('No new restore points are made while it is inactive; the ones made so far stay until they expire.')],
        blocked: change.policy.status === 'active' || change.policy.status === 'activeWithErrors' ? [] : [l10n.t('Only an active policy can be deactivated; "{0}" is {1}.', change.policy.name, statusText(change.policy))],
        confirmLabel: l10n.t('Deactivate Policy'),
      };
    case 'deletePolicy':
      return {
        title: l10n.t('Delete "{0}"?', change.policy.name),
        starts: [],
        stops: change.units.length ? [l10n.t('Its {0} leave the policy:', units(change.units)), ...bullets(change.units.map((u) => u.name))] : [],
        irreversible: [l10n.t('The policy "{0}" is deleted; this cannot be undone.', change.policy.name)],
        notes: [],
        blocked: change.policy.status === 'inactive' ? [] : [l10n.t('Only an inactive policy can be deleted; "{0}" is {1}. Deactivate it first.', change.policy.name, statusText(change.policy))],
        confirmLabel: l10n.t('Delete Policy'),
      };
    case 'runRule':
      return {
        title: l10n.t('Run the rule "{0}" now?', oneLine(change.rule.expression)),
        starts: [l10n.t('Protects the {0} that "{1}" matches, in "{2}".', workload.unitLabelPlural, oneLine(change.rule.expression), change.policy.name)],
        stops: [],
        irreversible: [],
        notes: [l10n.t('The service finds the matching members when it runs the rule; they appear as "Protection requested".')],
        blocked: change.rule.isAutoApplyEnabled ? [l10n.t('This is a dynamic rule: the service applies it by itself. Only static rules are run by hand.')] : [],
        confirmLabel: l10n.t('Run Rule'),
      };
    case 'deleteAndUnprotectRule':
      return {
        title: l10n.t('Delete the rule "{0}" and stop protecting what it added?', oneLine(change.rule.expression)),
        starts: [],
        stops: change.units.length
          ? [l10n.t('Stops protecting {0} that rules of "{1}" added:', units(change.units), change.policy.name), ...bullets(change.units.map((u) => u.name))]
          : [l10n.t('Stops protecting every {0} the rule added to "{1}".', workload.unitLabel, change.policy.name)],
        irreversible: [l10n.t('The rule "{0}" is deleted; this cannot be undone.', oneLine(change.rule.expression))],
        notes: [l10n.t('The restore points made so far stay restorable until they expire under the policy\'s retention.')],
        blocked: [
          ...(workload.id === 'sharePoint' ? [l10n.t('Site rules cannot be deleted together with their sites: the service offers this for mailbox and OneDrive rules only.')] : []),
          ...(change.rule.isAutoApplyEnabled === false ? [l10n.t('This is a static rule: only a dynamic rule is deleted together with the units it protects.')] : []),
        ],
        confirmLabel: l10n.t('Delete Rule and Stop Protecting'),
      };
    case 'offboardUnits':
      return {
        title: l10n.t('Offboard {0} and delete their backups?', short(change.units.map((u) => u.name))),
        starts: [],
        stops: [l10n.t('Offboards {0}:', units(change.units)), ...bullets(change.units.map((u) => u.name))],
        irreversible: [l10n.t('Once offboarding completes, their backups are deleted from Backup Storage: none of their restore points can be restored any more. Until then the offboarding can be cancelled (Cancel Offboarding).')],
        notes: [],
        blocked: [
          ...(change.units.length ? [] : [l10n.t('Choose at least one {0} to offboard.', workload.unitLabel)]),
          ...change.units.filter((u) => u.status === 'offboarded' || u.status === 'offboardRequested').map((u) => l10n.t('{0} is already {1}.', u.name, lower(words('unitStatus', u.status)))),
          ...change.units.filter((u) => u.status && !['unprotected', 'offboarded', 'offboardRequested'].includes(u.status))
            .map((u) => l10n.t('{0} is {1}: only a unit removed from its policy can be offboarded. Remove it first.', u.name, lower(words('unitStatus', u.status)))),
        ],
        confirmLabel: l10n.t('Offboard {0}', title(units(change.units))),
      };
    case 'cancelOffboard':
      return {
        title: l10n.t('Keep the backups of {0}?', short(change.units.map((u) => u.name))),
        starts: [l10n.t('Cancels the offboarding of {0}; their backups are kept:', units(change.units)), ...bullets(change.units.map((u) => u.name))],
        stops: [],
        irreversible: [],
        notes: [],
        blocked: change.units.filter((u) => u.status !== 'offboardRequested').map((u) => l10n.t('{0} is not waiting to be offboarded ({1}).', u.name, lower(words('unitStatus', u.status)))),
        confirmLabel: l10n.t('Keep Backups'),
      };
    case 'bulkAddUnits':
      return {
        title: l10n.t('Add {0} to "{1}" in a bulk job?', units(change.rows), change.policy.name),
        starts: [l10n.t('Starts protecting the {0} listed, in "{1}":', units(change.rows), change.policy.name), ...bullets(change.rows.map(oneLine))],
        stops: [],
        irreversible: [],
        notes: [l10n.t('The service resolves each row in the bulk job "{0}"; rows it cannot find are listed as failed when the job completes.', oneLine(change.jobName))],
        blocked: change.rows.length ? [] : [l10n.t('The list holds no {0}.', workload.unitLabelPlural)],
        confirmLabel: l10n.t('Add {0}', title(units(change.rows))),
      };
  }
}

/** Joins the sections into the text the confirmation shows. */
export function withDetail(plan: PlanParts): ChangePlan {
  const lines = [...plan.stops, ...(plan.stops.length && plan.starts.length ? [''] : []), ...plan.starts];
  if (plan.irreversible.length) lines.push('', ...plan.irreversible.map((line) => `⚠ ${line}`));
  if (plan.notes.length) lines.push('', ...plan.notes);
  if (plan.blocked.length) lines.push('', l10n.t('The service would refuse this:'), ...plan.blocked.map((line) => `✕ ${line}`));
  return { ...plan, detail: lines.join('\n').trim() };
}

/** `• name` for the first few, then `• and N more`. */
export function bullets(names: readonly string[], listed = LISTED): string[] {
  const lines = names.slice(0, listed).map((name) => `• ${name}`);
  if (names.length > listed) lines.push(`• ${l10n.t('and {0} more', (names.length - listed).toLocaleString('en-US'))}`);
  return lines;
}

/** `Debra Berger`, `Debra Berger and Lee Gu`, `Debra Berger, Lee Gu and 3 more`. */
export function short(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return l10n.t('{0} and {1}', names[0], names[1]);
  return l10n.t('{0}, {1} and {2} more', names[0], names[1], (names.length - 2).toLocaleString('en-US'));
}

function nameRules(name: string): string[] {
  if (!name) return [l10n.t('A policy needs a name.')];
  return name.length > LIMITS.policyDisplayNameMax ? [l10n.t('A policy name is at most {0} characters long.', LIMITS.policyDisplayNameMax.toLocaleString('en-US'))] : [];
}

function tooMany(workload: Workload, count: number): string[] {
  if (count <= LIMITS.policyCreateUnitsMax) return [];
  return [l10n.t('A policy is created with at most {0} {1}; you chose {2}. Create it with fewer and add the rest with Add Units… or Bulk-Add Units….', LIMITS.policyCreateUnitsMax, workload.unitLabelPlural, count.toLocaleString('en-US'))];
}

function protectedElsewhere(units: readonly PlanUnit[]): string[] {
  return units.filter((u) => u.otherPolicyName && !isNotProtected(u.status))
    .map((u) => l10n.t('{0} is already protected by "{1}"; a unit is protected by one policy only.', u.name, u.otherPolicyName ?? ''));
}

/** True for a unit only a rule protects (not also added by hand): removing the rule unprotects it. */
export function addedByRuleOnly(unit: { protectionSources?: string | null }): boolean {
  const sources = flagMembers(unit.protectionSources);
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
