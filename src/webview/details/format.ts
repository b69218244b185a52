// The page's own small formatting (local time with seconds, status classes). Longer words come from the
// shared, pure presentation module, so the panel and the explorer say the same thing; the page's words go through
// the same localization seam, fed by the bundle its host sends (main.ts, the `strings` message).
export { artifactStatusWord, formatDateTime, formatDuration, sessionStatusWord } from '../../backup/presentation';
export { formatMessage, l10n, setLocalize } from '../../backup/l10n';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-22 14:05:09` in local time, or '' for no / placeholder values. */
export function formatTimeSeconds(value: string | undefined | null): string {
  if (!value || value.startsWith('0001-01-01')) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `14:05:09`. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A CSS class for a status value; anything unexpected maps to `st-unknown` rather than into the class list. */
export function statusClass(status: string | null | undefined): string {
  return status && /^[a-zA-Z]{1,40}$/.test(status) ? `st-${status}` : 'st-unknown';
}

/** A glyph per status, so the state reads without color too. */
export function statusGlyph(status: string | null | undefined): string {
  switch (status) {
    case 'succeeded':
    case 'completed': return '✓';
    case 'failed': return '✕';
    case 'completedWithError': return '!';
    case 'inProgress':
    case 'active': return '◐';
    case 'scheduling':
    case 'scheduled':
    case 'activating': return '◔';
    case 'added':
    case 'draft': return '○';
    default: return '?';
  }
}

export function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
