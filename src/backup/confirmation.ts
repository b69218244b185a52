// The content of the one confirmation shown before anything is activated, whatever path activates it (tree,
// palette, wizard, panel, retry, bulk). It names the units (the first few, then "and N more"), each one's point in
// time with its age, and the destination in words; for in place it says the current content is overwritten and
// the button says so too. Pure: the UI shows it as a modal whose confirm button is not the default.
import type { ReviewFlag } from './plan';
import type { DestinationType, Workload } from './model';
import { plural, pointInTimeText } from './timeWords';
import { l10n } from './l10n';

export interface ConfirmationUnit {
  /** In words (see unitDisplayName), never an id. */
  name: string;
  /** The restore point's protection time (ISO); absent when not known (a bulk row not resolved yet). */
  pointInTime?: string | null;
  /** Beta: the point also brings back the items created after it. */
  includesNewerItems?: boolean;
}

export interface ConfirmationInput {
  workload: Workload;
  destinationType: DestinationType;
  units: readonly ConfirmationUnit[];
  /** Rows of a bulk request the service will resolve at activation (they are not units yet). */
  bulkRowsToResolve?: number;
  /**
   * Bulk requests whose rows are not known here (the service lists a request's resources back empty): named
   * instead of counted, so the admin still sees what the activation resolves.
   */
  bulkRequestNames?: readonly string[];
  /** For a bulk request: the time its points are chosen at or before (ISO). */
  bulkPointInTime?: string | null;
  flags?: readonly ReviewFlag[];
  nowMs: number;
  utcOffsetMinutes?: number;
  /** How many units to name before "and N more". */
  listed?: number;
}

export interface ConfirmationContent {
  title: string;
  detail: string;
  confirmLabel: string;
  isInPlace: boolean;
}

/** Title, detail, button label and whether it overwrites, for one activation. */
export function confirmationContent(input: ConfirmationInput): ConfirmationContent {
  const { workload } = input;
  const isInPlace = input.destinationType === 'inPlace';
  const listed = input.listed ?? 5;
  const bulk = input.bulkRowsToResolve ?? 0;
  const total = input.units.length + bulk;
  const uncounted = bulk ? [] : input.bulkRequestNames ?? [];
  const what = whatIsRestored(input);
  const lines: string[] = [];
  if (input.units.length) {
    lines.push(l10n.t('Restores {0}:', plural(input.units.length, workload.unitLabel, workload.unitLabelPlural)));
    for (const unit of input.units.slice(0, listed)) {
      const when = pointInTimeText(unit.pointInTime, input.nowMs, input.utcOffsetMinutes);
      if (!when) lines.push(l10n.t('• {0} — point in time not known yet', unit.name));
      else lines.push(unit.includesNewerItems ? l10n.t('• {0} — as of {1}, and items created since', unit.name, when) : l10n.t('• {0} — as of {1}', unit.name, when));
    }
    if (input.units.length > listed) lines.push(l10n.t('• and {0} more', (input.units.length - listed).toLocaleString('en-US')));
  }
  if (bulk) {
    const when = pointInTimeText(input.bulkPointInTime, input.nowMs, input.utcOffsetMinutes);
    lines.push(when
      ? l10n.t('{0} to resolve from the bulk request, each at its latest restore point at or before {1}. Rows the service cannot find are skipped.', plural(bulk, workload.unitLabel, workload.unitLabelPlural), when)
      : l10n.t('{0} to resolve from the bulk request. Rows the service cannot find are skipped.', plural(bulk, workload.unitLabel, workload.unitLabelPlural)));
  }
  if (uncounted.length) {
    const when = pointInTimeText(input.bulkPointInTime, input.nowMs, input.utcOffsetMinutes);
    lines.push(when
      ? l10n.t('The {0} listed in the bulk request {1} are resolved now, each at its latest restore point at or before {2}. Rows the service cannot find are skipped.', workload.unitLabelPlural, quoted(uncounted), when)
      : l10n.t('The {0} listed in the bulk request {1} are resolved now. Rows the service cannot find are skipped.', workload.unitLabelPlural, quoted(uncounted)));
  }
  if (!total && !uncounted.length) lines.push(l10n.t('Nothing to restore: the session holds no {0}.', workload.unitLabelPlural));
  lines.push('');
  lines.push(isInPlace
    ? total === 1 ? l10n.t('Destination: in place. This overwrites the current content of {0} with the content at that point in time.', what) : l10n.t('Destination: in place. This overwrites the current content of {0} with the content at those points in time.', what)
    : l10n.t('Destination: a new location ({0}). The current content is not changed.', workload.newLocation));
  lines.push(l10n.t('An activated restore cannot be cancelled.'));
  if (input.flags?.length) {
    lines.push('', l10n.t('Check before you go on:'));
    for (const flag of input.flags) lines.push(l10n.t('⚠ {0}', flag.text));
  }
  return {
    title: isInPlace ? l10n.t('Overwrite {0}?', what) : l10n.t('Restore {0} to a new location?', what),
    detail: lines.join('\n'),
    confirmLabel: isInPlace ? l10n.t('Overwrite and Restore') : l10n.t('Restore to New Location'),
    isInPlace,
  };
}

/** `Debra Berger`, `Debra Berger, Lee Gu and 3 more`, `5 OneDrives (bulk)`. */
function whatIsRestored(input: ConfirmationInput): string {
  const { workload } = input;
  const bulk = input.bulkRowsToResolve ?? 0;
  const names = input.units.map((u) => u.name);
  if (bulk && !names.length) return l10n.t('{0} (bulk)', plural(bulk, workload.unitLabel, workload.unitLabelPlural));
  if (!bulk && !names.length && input.bulkRequestNames?.length) return l10n.t('the {0} of bulk request {1}', workload.unitLabelPlural, quoted(input.bulkRequestNames));
  if (!names.length) return l10n.t('this empty {0} session', workload.label);
  const shown = names.slice(0, 2);
  const rest = names.length - shown.length + bulk;
  if (!rest) return shown.length === 2 ? l10n.t('{0} and {1}', shown[0], shown[1]) : shown[0];
  return l10n.t('{0} and {1} more', shown.join(', '), rest.toLocaleString('en-US'));
}

/** `"Finance move"`, `"A" and "B"`. */
function quoted(names: readonly string[]): string {
  const all = names.map((n) => `"${n}"`);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}` : all[0];
}
