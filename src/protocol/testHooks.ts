// Test-only protocol between the details page and its host. The page sends `rendered` only when its HTML
// says test hooks are on (`data-test-hooks` on <body>), which the host writes only when the test launchers
// set RESTORE_SESSIONS_TEST_HOOKS=1; the host ignores the message otherwise.
import { MAX_COPY_CHARS, PROTOCOL_VERSION } from './details';

/**
 * What the page shows after a render, for the hardening tests in the real host: the visible text, how many
 * script elements the document has (the bundle and VS Code's own, never more), how many elements in the
 * view carry an inline handler attribute (0), and whether any injected script set the marker global (false).
 */
export interface RenderedReport {
  text: string;
  scripts: number;
  handlers: number;
  injected: boolean;
}

export type RenderedMessage = { type: 'rendered'; version: number } & RenderedReport;

/** The global an XSS payload of the hardening suite sets if it ever runs. */
export const XSS_MARKER = '__restoreSessionsXss';

/** The <body> attribute that turns the page's test reports on. */
export const TEST_HOOKS_ATTRIBUTE = 'data-test-hooks';

export function isRenderedMessage(value: unknown): value is RenderedMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.version === PROTOCOL_VERSION && v.type === 'rendered' && typeof v.text === 'string' && v.text.length <= MAX_COPY_CHARS
    && Number.isInteger(v.scripts) && Number.isInteger(v.handlers) && typeof v.injected === 'boolean';
}

export const renderedMessage = (report: RenderedReport): RenderedMessage => ({ type: 'rendered', version: PROTOCOL_VERSION, ...report });
