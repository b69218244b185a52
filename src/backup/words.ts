// Words for every enum value people see, and error display. One table per enum, looked up by own property only
// (a server value such as `constructor` or `__proto__` must never reach Object.prototype), and an unknown value
// (a member added after this was written) gets neutral words instead of the raw value.
import type { PublicError } from './model';

const TABLES = {
  sessionStatus: {
    draft: 'Draft', activating: 'Activating', active: 'Active', completedWithError: 'Completed with errors',
    completed: 'Completed', failed: 'Failed', unknownFutureValue: 'Unknown status',
  },
  artifactStatus: {
    added: 'Added', scheduling: 'Scheduling', scheduled: 'Scheduled', inProgress: 'In progress',
    succeeded: 'Restored', failed: 'Failed', unknownFutureValue: 'Unknown status',
  },
  destinationType: { new: 'A new location', inPlace: 'In place (overwrites the current content)', unknownFutureValue: 'Unknown destination' },
  restoreJobType: { standard: 'Whole units', bulk: 'Bulk request', granular: 'Selected items', unknownFutureValue: 'Unknown kind of restore' },
  unitStatus: {
    protectRequested: 'Protection requested', protected: 'Protected', unprotectRequested: 'Protection being removed',
    unprotected: 'Not protected', removeRequested: 'Removal requested', unknownFutureValue: 'Unknown protection status',
    offboardRequested: 'Offboarding requested', offboarded: 'Offboarded', cancelOffboardRequested: 'Offboarding being cancelled',
  },
  bulkRequestStatus: {
    unknown: 'Unknown status', active: 'Resolving', completed: 'Resolved', completedWithErrors: 'Resolved with errors',
    unknownFutureValue: 'Unknown status',
  },
  browseSessionStatus: { creating: 'Preparing', created: 'Ready to browse', failed: 'Failed', unknownFutureValue: 'Unknown status' },
  restorePointPreference: { latest: 'The latest point in the window', oldest: 'The oldest point in the window', unknownFutureValue: 'Unknown preference' },
  restorePointTag: { none: 'Standard restore point', fastRestore: 'Fast-restore point', unknownFutureValue: 'Other restore point', includeNewerItems: 'Includes newer items' },
  policyStatus: {
    inactive: 'Inactive', activeWithErrors: 'Active with errors', updating: 'Updating', active: 'Active',
    unknownFutureValue: 'Unknown policy status', offboardRequested: 'Offboarding requested', offboarded: 'Offboarded',
  },
  disableReason: {
    none: 'no reason given', invalidBillingProfile: 'the billing profile is not valid', userRequested: 'an admin turned it off',
    unknownFutureValue: 'an unknown reason',
  },
  serviceStatus: {
    disabled: 'Backup is turned off', enabled: 'Backup is on', protectionChangeLocked: 'Protection changes are locked',
    restoreLocked: 'Restores are locked', unknownFutureValue: 'Unknown service status',
  },
} as const satisfies Record<string, Record<string, string>>;

export type WordsKind = keyof typeof TABLES;

const FALLBACK: Record<WordsKind, string> = {
  sessionStatus: 'Unknown status', artifactStatus: 'Unknown status', destinationType: 'Unknown destination',
  restoreJobType: 'Unknown kind of restore', unitStatus: 'Unknown protection status', bulkRequestStatus: 'Unknown status',
  browseSessionStatus: 'Unknown status', restorePointPreference: 'Unknown preference', restorePointTag: 'Other restore point',
  serviceStatus: 'Unknown service status', policyStatus: 'Unknown policy status', disableReason: 'an unknown reason',
};

/** Words for `value` of the enum `kind`; unknown, empty or hostile values give neutral words, never the raw value. */
export function words(kind: WordsKind, value: string | null | undefined): string {
  const table: Record<string, string> = TABLES[kind];
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value)) return table[value];
  return FALLBACK[kind];
}

/** The message, then the code apart: `Protection unit not found — <message> (code ProtectionUnitNotFound)`. */
export function errorText(error: PublicError | null | undefined): string {
  if (!error) return '';
  const code = oneLine(error.code ?? '');
  const message = oneLine(error.message ?? '');
  const title = code ? codeWords(code) : '';
  const parts = [title, message && message !== title ? message : ''].filter(Boolean).join(' — ');
  return code ? `${parts || 'Error'} (code ${code})` : parts || 'An error without a message';
}

/** `ProtectionUnitNotFound` → `Protection unit not found`. */
export function codeWords(code: string): string {
  const spaced = code.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** Collapses newlines and control characters to single spaces (server text shown on one line). */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}
