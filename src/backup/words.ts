// Words for every enum value people see, and error display. One table per enum, looked up by own property only
// (a server value such as `constructor` or `__proto__` must never reach Object.prototype), and an unknown value
// (a member added after this was written) gets neutral words instead of the raw value.
import { l10n } from './l10n';
import type { PublicError } from './model';

/** Built when asked, so each word is looked up in the language installed by then (./l10n). */
const tables = () => ({
  sessionStatus: {
    draft: l10n.t('Draft'), activating: l10n.t('Activating'), active: l10n.t('Active'), completedWithError: l10n.t('Completed with errors'),
    completed: l10n.t('Completed'), failed: l10n.t('Failed'), unknownFutureValue: l10n.t('Unknown status'),
  },
  artifactStatus: {
    added: l10n.t('Added'), scheduling: l10n.t('Scheduling'), scheduled: l10n.t('Scheduled'), inProgress: l10n.t('In progress'),
    succeeded: l10n.t('Restored'), failed: l10n.t('Failed'), unknownFutureValue: l10n.t('Unknown status'),
  },
  destinationType: { new: l10n.t('A new location'), inPlace: l10n.t('In place (overwrites the current content)'), unknownFutureValue: l10n.t('Unknown destination') },
  restoreJobType: { standard: l10n.t('Whole units'), bulk: l10n.t('Bulk request'), granular: l10n.t('Selected items'), unknownFutureValue: l10n.t('Unknown kind of restore') },
  unitStatus: {
    protectRequested: l10n.t('Protection requested'), protected: l10n.t('Protected'), unprotectRequested: l10n.t('Protection being removed'),
    unprotected: l10n.t('Not protected'), removeRequested: l10n.t('Removal requested'), unknownFutureValue: l10n.t('Unknown protection status'),
    offboardRequested: l10n.t('Offboarding requested'), offboarded: l10n.t('Offboarded'), cancelOffboardRequested: l10n.t('Offboarding being cancelled'),
  },
  bulkRequestStatus: {
    unknown: l10n.t('Unknown status'), active: l10n.t('Resolving'), completed: l10n.t('Resolved'), completedWithErrors: l10n.t('Resolved with errors'),
    unknownFutureValue: l10n.t('Unknown status'),
  },
  browseSessionStatus: { creating: l10n.t('Preparing'), created: l10n.t('Ready to browse'), failed: l10n.t('Failed'), unknownFutureValue: l10n.t('Unknown status') },
  restorePointPreference: { latest: l10n.t('The latest point in the window'), oldest: l10n.t('The oldest point in the window'), unknownFutureValue: l10n.t('Unknown preference') },
  restorePointTag: { none: l10n.t('Standard restore point'), fastRestore: l10n.t('Fast-restore point'), unknownFutureValue: l10n.t('Other restore point'), includeNewerItems: l10n.t('Includes newer items') },
  policyStatus: {
    inactive: l10n.t('Inactive'), activeWithErrors: l10n.t('Active with errors'), updating: l10n.t('Updating'), active: l10n.t('Active'),
    unknownFutureValue: l10n.t('Unknown policy status'), offboardRequested: l10n.t('Offboarding requested'), offboarded: l10n.t('Offboarded'),
  },
  disableReason: {
    none: l10n.t('no reason given'), invalidBillingProfile: l10n.t('the billing profile is not valid'), userRequested: l10n.t('an admin turned it off'),
    unknownFutureValue: l10n.t('an unknown reason'), controllerServiceAppDeleted: l10n.t('the app that controlled backup was deleted'),
  },
  // Beta only:
  mailboxType: { unknown: l10n.t('Mailbox of an unknown kind'), user: l10n.t('User mailbox'), shared: l10n.t('Shared mailbox'), unknownFutureValue: l10n.t('Mailbox of an unknown kind') },
  protectionMode: { standard: l10n.t('Standard backup'), fullServiceBackup: l10n.t('Full-service backup'), unknownFutureValue: l10n.t('Unknown protection mode') },
  retentionChangeStatus: {
    none: l10n.t('No retention change'), inProgress: l10n.t('Retention change in progress'), completed: l10n.t('Retention change done'),
    failed: l10n.t('Retention change failed'), unknownFutureValue: l10n.t('Unknown retention change'),
  },
  serviceStatus: {
    disabled: l10n.t('Backup is turned off'), enabled: l10n.t('Backup is on'), protectionChangeLocked: l10n.t('Protection changes are locked'),
    restoreLocked: l10n.t('Restores are locked'), unknownFutureValue: l10n.t('Unknown service status'),
  },
}) satisfies Record<string, Record<string, string>>;

export type WordsKind = keyof ReturnType<typeof tables>;

const fallback = (): Record<WordsKind, string> => ({
  sessionStatus: l10n.t('Unknown status'), artifactStatus: l10n.t('Unknown status'), destinationType: l10n.t('Unknown destination'),
  restoreJobType: l10n.t('Unknown kind of restore'), unitStatus: l10n.t('Unknown protection status'), bulkRequestStatus: l10n.t('Unknown status'),
  browseSessionStatus: l10n.t('Unknown status'), restorePointPreference: l10n.t('Unknown preference'), restorePointTag: l10n.t('Other restore point'),
  serviceStatus: l10n.t('Unknown service status'), policyStatus: l10n.t('Unknown policy status'), disableReason: l10n.t('an unknown reason'),
  mailboxType: l10n.t('Mailbox of an unknown kind'), protectionMode: l10n.t('Unknown protection mode'), retentionChangeStatus: l10n.t('Unknown retention change'),
});

/** Words for `value` of the enum `kind`; unknown, empty or hostile values give neutral words, never the raw value. */
export function words(kind: WordsKind, value: string | null | undefined): string {
  const table: Record<string, string> = tables()[kind];
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value)) return table[value];
  return fallback()[kind];
}

/** The message, then the code apart: `Protection unit not found — <message> (code ProtectionUnitNotFound)`. */
export function errorText(error: PublicError | null | undefined): string {
  if (!error) return '';
  const code = oneLine(error.code ?? '');
  const message = oneLine(error.message ?? '');
  const title = code ? codeWords(code) : '';
  const parts = [title, message && message !== title ? message : ''].filter(Boolean).join(' — ');
  return code ? l10n.t('{0} (code {1})', parts || l10n.t('Error'), code) : parts || l10n.t('An error without a message');
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
