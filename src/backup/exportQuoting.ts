// Quoting for every value an export writes into a script or request file. Server strings (display names, ids,
// statuses, error text) are untrusted: a newline in a `#` comment starts a live command. So every value first
// loses its newlines and control characters (`oneLine`), then is quoted for the language it lands in.
import { oneLine } from './words';

/** A comment or title line: one line, no control characters. */
export function commentText(value: unknown): string {
  return oneLine(String(value ?? ''));
}

/** POSIX sh single quotes: nothing inside is expanded; a `'` is closed, escaped and reopened. */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * PowerShell single quotes: nothing inside is expanded; PowerShell also ends a single-quoted string at the
 * typographic quotes U+2018-U+201B, so each of those is doubled like `'`.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** JSON on one line for a script, with line and paragraph separators escaped (JSON.stringify leaves them raw). */
export function oneLineJson(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
