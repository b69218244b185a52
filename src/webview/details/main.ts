// Entry of the details page (bundled for the browser into media/details.js). Posts `ready`, renders every
// full snapshot the host sends, and turns clicks into messages. Behaviour is attached by delegation on
// `data-*` attributes, never by inline handlers; the page never builds HTML from strings.
import {
  type DetailsSnapshot, type HostMessage, type PanelIdentity, type PageMessage, MAX_COPY_CHARS, isDetailsAction, isHostMessage, pageMessage,
} from '../../protocol/details';
import { TEST_HOOKS_ATTRIBUTE, XSS_MARKER, renderedMessage, type RenderedMessage } from '../../protocol/testHooks';
import { mount, type DocumentLike } from './dom';
import { formatMessage, l10n, setLocalize } from './format';
import { emptyUi, isNarrow, renderDetails, type UiState } from './view';

interface VsCodeApi {
  postMessage(message: PageMessage | RenderedMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  identity?: PanelIdentity;
  ui?: Partial<UiState>;
}

const vscode = acquireVsCodeApi();
const saved = (vscode.getState() ?? {}) as SavedState;
const ui: UiState = {
  ...emptyUi(), folds: { ...(saved.ui?.folds ?? {}) }, compareA: saved.ui?.compareA, compareB: saved.ui?.compareB,
};
const app = document.getElementById('app')!;
measure();

/** Takes the panel's width; true when the layout depends on a change (the breakpoint, or the drawing's width). */
function measure(): boolean {
  const narrow = isNarrow(document.documentElement.clientWidth);
  const contentWidth = Math.floor(app.clientWidth / 20) * 20;
  const changed = narrow !== ui.narrow || contentWidth !== ui.contentWidth;
  ui.narrow = narrow;
  ui.contentWidth = contentWidth;
  return changed;
}
let snapshot: DetailsSnapshot | undefined;
let renderedKey = '';
let pendingRender = false;

/** What a render depends on, minus the clock: a poll that changed nothing only updates the "Updated" line. */
function contentKey(s: DetailsSnapshot): string {
  return JSON.stringify({ ...s, builtAt: undefined, live: { ...s.live, lastUpdated: undefined } }) + JSON.stringify(ui);
}

function save(): void {
  vscode.setState({ identity: snapshot?.identity ?? saved.identity, ui: { folds: ui.folds, compareA: ui.compareA, compareB: ui.compareB } } satisfies SavedState);
}

function render(): void {
  if (!snapshot) return;
  // Never pull a list out from under the user: wait until the compare pickers lose focus.
  if ((document.activeElement as HTMLElement | null)?.tagName === 'SELECT') {
    pendingRender = true;
    return;
  }
  pendingRender = false;
  const key = contentKey(snapshot);
  if (key === renderedKey) {
    // Nothing but the time changed: keep the DOM (text selection, scroll, open folds) and update one line.
    const live = app.querySelector('.live');
    const rendered = mount(renderDetails(snapshot, ui), document as unknown as DocumentLike) as Element;
    const fresh = rendered.querySelector('.live');
    if (live && fresh) live.replaceWith(fresh);
    return;
  }
  renderedKey = key;
  const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.action;
  app.replaceChildren(mount(renderDetails(snapshot, ui), document as unknown as DocumentLike) as Node);
  if (focusedKey) (app.querySelector(`[data-action="${focusedKey}"]`) as HTMLElement | null)?.focus();
  // Only under the test launchers (the host marks the page); a shipped page reports nothing.
  if (document.body.hasAttribute(TEST_HOOKS_ATTRIBUTE)) reportRendered();
}

/** Tells the host what is on screen: its text, script elements, inline handlers, and whether an injected script ran. */
function reportRendered(): void {
  let handlers = 0;
  const all = app.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const attrs = all[i].attributes;
    for (let j = 0; j < attrs.length; j++) if (/^on/i.test(attrs[j].name)) { handlers++; break; }
  }
  vscode.postMessage(renderedMessage({
    text: (app.textContent ?? '').slice(0, MAX_COPY_CHARS),
    scripts: document.scripts.length,
    handlers,
    injected: (window as unknown as Record<string, unknown>)[XSS_MARKER] !== undefined,
  }));
}

// Re-render when the panel crosses the narrow breakpoint or the drawing's width changes; the rest is CSS's job.
window.addEventListener('resize', () => {
  if (measure()) render();
});

document.addEventListener('focusout', () => {
  if (pendingRender) setTimeout(render, 0);
});

function post(message: PageMessage): void {
  vscode.postMessage(message);
}

window.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isHostMessage(message)) return;
  handle(message);
});

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'strings': {
      // every word of the page (and of the shared presentation words it uses) is looked up in the host's bundle
      const strings = message.strings;
      setLocalize((text, ...args) => formatMessage(Object.prototype.hasOwnProperty.call(strings, text) ? strings[text] : text, args));
      break;
    }
    case 'snapshot':
      snapshot = message.snapshot;
      save();
      break;
    case 'busy':
      ui.busy = message.busy ? [...new Set([...ui.busy, message.action])] : ui.busy.filter((a) => a !== message.action);
      if (message.busy) ui.notice = undefined;
      break;
    case 'notice':
      ui.notice = { level: message.level, text: message.text };
      break;
  }
  render();
}

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest?.('[data-action],[data-copy],[data-copy-part],[data-link],[data-compare-run]') as HTMLElement | null;
  if (!target || !snapshot) return;
  const { action, copy, copyPart, link, compareRun } = target.dataset;
  if (action && isDetailsAction(action)) {
    post(pageMessage.action(action));
  } else if (copy === 'sessionId') {
    post(pageMessage.copy(snapshot.header.sessionId));
  } else if (copyPart !== undefined) {
    const part = snapshot.payload[Number(copyPart)];
    if (part) post(pageMessage.copy(JSON.stringify(part.json, null, 2)));
  } else if (link) {
    event.preventDefault();
    post(pageMessage.openLink(link));
  } else if (compareRun) {
    const a = Number((document.getElementById('compare-a') as HTMLSelectElement | null)?.value);
    const b = Number((document.getElementById('compare-b') as HTMLSelectElement | null)?.value);
    if (Number.isInteger(a) && Number.isInteger(b) && a !== b) post(pageMessage.compare(Math.min(a, b), Math.max(a, b)));
    else {
      ui.notice = { level: 'info', text: l10n.t('Pick two different snapshots to compare.') };
      render();
    }
  }
});

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  if ((event.key === 'Enter' || event.key === ' ') && target?.dataset?.link) {
    event.preventDefault();
    post(pageMessage.openLink(target.dataset.link));
  }
});

document.addEventListener('change', (event) => {
  const target = event.target as HTMLSelectElement | null;
  const which = target?.dataset?.compare;
  if (!which) return;
  const value = Number(target.value);
  if (which === 'a') ui.compareA = value;
  else ui.compareB = value;
  save();
});

// `toggle` does not bubble; listen in the capture phase to remember which parts are folded.
document.addEventListener('toggle', (event) => {
  const target = event.target as HTMLDetailsElement | null;
  const key = target?.dataset?.fold;
  if (!key) return;
  ui.folds[key] = target.open;
  save();
}, true);

post(pageMessage.ready());
