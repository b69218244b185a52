// The content of the one confirmation shown before anything is activated, whatever path activates it (tree,
// palette, wizard, panel, retry, bulk). It names the units (the first few, then "and N more"), each one's point in
// time with its age, and the destination in words; for in place it says the current content is overwritten and
// the button says so too. Pure: the UI shows it as a modal whose confirm button is not the default.
import type { ReviewFlag } from './plan';
import type { DestinationType, Workload } from './model';
import { plural, pointInTimeText } from './timeWords';

export interface ConfirmationUnit {
  /** In words (see unitDisplayName), never an id. */
  name: string;
  /** The restore point's protection time (ISO); absent when not known (a bulk row not resolved yet). */
  pointInTime?: string | null;
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
    lines.push(`Restores ${plural(input.units.length, workload.unitLabel, workload.unitLabelPlural)}:`);
    for (const unit of input.units.slice(0, listed)) {
      const when = pointInTimeText(unit.pointInTime, input.nowMs, input.utcOffsetMinutes);
      lines.push(`• ${unit.name} — ${when ? `as of ${when}` : 'point in time not known yet'}`);
    }
    if (input.units.length > listed) lines.push(`• and ${(input.units.length - listed).toLocaleString('en-US')} more`);
  }
  if (bulk) {
    const when = pointInTimeText(input.bulkPointInTime, input.nowMs, input.utcOffsetMinutes);
    lines.push(`${plural(bulk, workload.unitLabel, workload.unitLabelPlural)} to resolve from the bulk request${when ? `, each at its latest restore point at or before ${when}` : ''}. Rows the service cannot find are skipped.`);
  }
  if (uncounted.length) {
    const when = pointInTimeText(input.bulkPointInTime, input.nowMs, input.utcOffsetMinutes);
    lines.push(`The ${workload.unitLabelPlural} listed in the bulk request ${quoted(uncounted)} are resolved now${when ? `, each at its latest restore point at or before ${when}` : ''}. Rows the service cannot find are skipped.`);
  }
  if (!total && !uncounted.length) lines.push(`Nothing to restore: the session holds no ${workload.unitLabelPlural}.`);
  lines.push('');
  lines.push(isInPlace
    ? `Destination: in place. This overwrites the current content of ${what} with the content at ${total === 1 ? 'that point' : 'those points'} in time.`
    : `Destination: a new location (${workload.newLocation}). The current content is not changed.`);
  lines.push('An activated restore cannot be cancelled.');
  if (input.flags?.length) {
    lines.push('', 'Check before you go on:');
    for (const flag of input.flags) lines.push(`⚠ ${flag.text}`);
  }
  return {
    title: isInPlace ? `Overwrite ${what}?` : `Restore ${what} to a new location?`,
    detail: lines.join('\n'),
    confirmLabel: isInPlace ? 'Overwrite and Restore' : 'Restore to New Location',
    isInPlace,
  };
}

/** `Debra Berger`, `Debra Berger, Lee Gu and 3 more`, `5 OneDrives (bulk)`. */
function whatIsRestored(input: ConfirmationInput): string {
  const { workload } = input;
  const bulk = input.bulkRowsToResolve ?? 0;
  const names = input.units.map((u) => u.name);
  if (bulk && !names.length) return `${plural(bulk, workload.unitLabel, workload.unitLabelPlural)} (bulk)`;
  if (!bulk && !names.length && input.bulkRequestNames?.length) return `the ${workload.unitLabelPlural} of bulk request ${quoted(input.bulkRequestNames)}`;
  if (!names.length) return `this empty ${workload.label} session`;
  const shown = names.slice(0, 2);
  const rest = names.length - shown.length + bulk;
  if (!rest) return shown.join(' and ');
  return `${shown.join(', ')} and ${rest.toLocaleString('en-US')} more`;
}

/** `"Finance move"`, `"A" and "B"`. */
function quoted(names: readonly string[]): string {
  const all = names.map((n) => `"${n}"`);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}` : all[0];
}
