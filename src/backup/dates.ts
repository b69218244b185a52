// Dates and times a person types: `YYYY-MM-DD` (filters) and `YYYY-MM-DD HH:MM` in local time (point in time
// of a restore). JavaScript's Date quietly rolls impossible dates over (2026-02-30 becomes March 2), so each
// value is parsed and then checked to read back as what was typed. Messages say what is wrong.
import { l10n } from './l10n';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` date, or undefined when it is not a real calendar date. */
export function parseDate(text: string): Date | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  return localDate(+m[1], +m[2], +m[3], 0, 0);
}

/** A `YYYY-MM-DD HH:MM` local date and time, or undefined when it does not exist. */
export function parseLocalDateTime(text: string): Date | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  return localDate(+m[1], +m[2], +m[3], +m[4], +m[5]);
}

/** undefined when `text` is a real `YYYY-MM-DD` date (or empty, when allowed), else what is wrong. */
export function validateDate(text: string, options: { allowEmpty?: boolean } = {}): string | undefined {
  const t = text.trim();
  if (t === '' && options.allowEmpty) return undefined;
  if (!DATE.test(t)) return l10n.t('Enter a date as YYYY-MM-DD, for example 2026-11-01.');
  if (!parseDate(t)) return l10n.t('{0} is not a date on the calendar (check the month and the day).', t);
  return undefined;
}

/** undefined when `text` is a real local `YYYY-MM-DD HH:MM` in the past, else what is wrong. */
export function validateLocalDateTime(text: string, now: number = Date.now()): string | undefined {
  const t = text.trim();
  if (!DATE_TIME.test(t)) return l10n.t('Enter a local date and time as YYYY-MM-DD HH:MM, for example 2026-11-20 08:00.');
  const date = parseLocalDateTime(t);
  if (!date) return l10n.t('{0} does not exist (check the month, the day, the hour 00-23 and the minute 00-59).', t);
  if (date.getTime() > now) return l10n.t('Pick a time in the past: restore points exist only for backups already taken.');
  return undefined;
}

function localDate(year: number, month: number, day: number, hour: number, minute: number): Date | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date = new Date(year, month - 1, day, hour, minute, 0, 0);
  if (Number.isNaN(date.getTime())) return undefined;
  // Impossible dates roll over; a real one reads back unchanged. (A local time skipped by a DST change moves
  // by the shift; that is still the instant the person meant to the minute, so only the date is compared.)
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date;
}
