// How restoring each unit ends. A handful of named units always fail, each with a documented artifact error code
// (graph-backup-api.md §3.9) and the real-world reason behind it, so the extension's error display can be tried
// against every code; every other unit succeeds after a few simulated minutes. All values derive from the unit,
// so the same unit always ends the same way.
import type { PublicError } from '../../backup/model';
import { workload } from '../../backup/model';
import { pick } from './hash';
import type { RestoreOutcome } from './types';
import type { UnitRecord } from './units';

interface Failure {
  code: string;
  message: (label: string) => string;
}

/** Failing units, keyed `<workload>:<alias or site path>` as in the directory. */
export const FAILING_UNITS: Readonly<Record<string, Failure>> = {
  'exchange:lidiah': {
    code: 'ArtifactCannotBeRestored',
    message: (label) => `The mailbox of ${label} is on Litigation Hold. Items under a legal or in-place hold can't be restored until the hold is lifted.`,
  },
  'exchange:pattif': {
    code: 'DuplicateArtifactRestoreRequest',
    message: (label) => `Another restore of the mailbox of ${label} is already in progress. Wait for it to finish, then try again.`,
  },
  'sharePoint:Legal': {
    code: 'ArtifactCannotBeRestored',
    message: (label) => `The site '${label}' is under a retention policy with Preservation Lock, which blocks restore. Restore it to a new URL instead.`,
  },
  'sharePoint:Archive2023': {
    code: 'InvalidRestoreTime',
    message: (label) => `The requested restore time for the site '${label}' is outside its retention period.`,
  },
  'oneDrive:gradya': {
    code: 'ArtifactNotFound',
    message: (label) => `The OneDrive of ${label} was not found: the owner's account was deleted and the OneDrive has been permanently removed.`,
  },
  'oneDrive:christiec': {
    code: 'UnknownError',
    message: () => 'An unexpected error occurred while restoring the OneDrive. Try again later.',
  },
};

export function outcomeOf(record: UnitRecord): RestoreOutcome {
  const failure = FAILING_UNITS[`${record.workload}:${record.key}`];
  if (failure) {
    const error: PublicError = { code: failure.code, message: failure.message(record.label) };
    return { succeeds: false, error, durationSeconds: pick(`fail:${record.unit.id}`, 30, 150) };
  }
  return {
    succeeds: true,
    durationSeconds: pick(`duration:${record.unit.id}`, 120, 780),
    restoredItemCount: workload(record.workload).contentHost === 'mailbox' ? pick(`items:${record.unit.id}`, 180, 24_000) : undefined,
  };
}
