// The localization seam of the layers that must not import `vscode` (src/backup, and the details page through
// it). Code here calls `l10n.t('English text {0}', arg)` exactly like `vscode.l10n.t`, so one extractor
// (test/tools/l10n-bundle.js) finds every message and the English text stays the key of the bundle. Why a
// settable function rather than a `Localize` parameter threaded through every call: the words are built deep
// inside pure helpers (enum words, confirmation text, durations) called from many places, and there is one
// locale per process. The extension installs `vscode.l10n.t` once at activation, the details page installs a
// lookup in the bundle its host sends; everything else (unit tests, the emulator, bench) keeps the default,
// which only fills in the placeholders, so English strings compare as before.

/** Localizes an English message; `{0}`, `{1}` … are replaced by `args` in order. Same contract as `vscode.l10n.t`. */
export type Localize = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills `{0}`, `{1}` … with `args`; a placeholder without an argument stays as written. */
export function formatMessage(message: string, args: ReadonlyArray<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}

const english: Localize = (message, ...args) => formatMessage(message, args);

let current: Localize = english;

export const l10n = {
  /** The message in the installed language (English with placeholders filled until a localizer is installed). */
  t(message: string, ...args: Array<string | number | boolean>): string {
    return current(message, ...args);
  },
};

/** Installs the process's localizer (the extension: `vscode.l10n.t`; the page: its bundle). */
export function setLocalize(localize: Localize): void {
  current = localize;
}
