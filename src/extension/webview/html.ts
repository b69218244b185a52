// The details page's HTML: a strict CSP with a per-load nonce, the stylesheet and the bundled script from
// media/ (the only local resource root), and an empty #app the script fills. No data goes into the HTML:
// everything arrives as a message after the page says `ready`.
import { randomBytes } from 'crypto';
import { TEST_HOOKS_ATTRIBUTE } from '../../protocol/testHooks';

export interface HtmlInputs {
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  nonce?: string;
  /** The display language (`vscode.env.language`) and the localized placeholder shown until the first snapshot. */
  language?: string;
  loadingText?: string;
  /** Marks the page so it reports what it rendered (only under the test launchers). */
  testHooks?: boolean;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function detailsHtml(inputs: HtmlInputs): string {
  const nonce = inputs.nonce ?? makeNonce();
  return `<!DOCTYPE html>
<html lang="${escapeAttr(inputs.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(inputs.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(inputs.styleUri)}">
<title>${escapeAttr(inputs.title)}</title>
</head>
<body${inputs.testHooks ? ` ${TEST_HOOKS_ATTRIBUTE}` : ''}>
<div id="app" aria-live="polite"><p class="loading">${escapeAttr(inputs.loadingText ?? 'Loading the restore session…')}</p></div>
<script nonce="${nonce}" src="${escapeAttr(inputs.scriptUri)}"></script>
</body>
</html>`;
}
