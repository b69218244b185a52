// The UI walk: what a person does in the workbench, as a list of named steps. test/host/run-e2e.js opens
// the workbench (code-server + chromium, the .vsix installed), runs the steps in order and saves a
// screenshot after each one under test-results/e2e/NN-<name>.png. To grow the walk, append a step.
// A step with `skip` returns a reason when the manifest does not contribute what it needs yet.
import type { Page } from 'playwright-core';
import { everyPage } from '../support/pages';
import { accountsSteps, agentSteps } from './steps/accounts';
import { bulkGranularSteps } from './steps/bulkgran';
import { detailsSteps } from './steps/details';
import { ecoSteps } from './steps/eco';
import { namesSteps } from './steps/names';
import { safetySteps } from './steps/safety';
import { betaSteps } from './steps/beta';
import { panelxSteps } from './steps/panelx';
import { protectionSteps } from './steps/protection';
import { protectionChangeSteps } from './steps/protectionChanges';

export interface Manifest {
  displayName: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

export interface WalkContext {
  page: Page;
  manifest: Manifest;
  emulatorUrl: string;
  /** A second emulator (demo seed) started with `--auth on`: Graph routes need a token from its identity. */
  authEmulatorUrl?: string;
  /** The per-run control tokens of the two emulators (their /_emulator/* controls refuse calls without one). */
  emulatorControlToken?: string;
  authEmulatorControlToken?: string;
  log(message: string): void;
}

export interface Step {
  name: string;
  /** Returns a reason to skip the step, or undefined to run it. */
  skip?(ctx: WalkContext): string | undefined;
  run(ctx: WalkContext): Promise<void>;
}

export const T = 30000;

function restoreSessionsContainer(m: Manifest): { id: string; title: string } | undefined {
  return m.contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'restoreSessions');
}

/** Commands a user can find in the palette (not hidden with `"when": "false"`). */
/** Commands the palette always lists (one with a `when` shows only in its context, e.g. Sign Out when signed in). */
function paletteCommands(m: Manifest): { command: string; title: string; category?: string }[] {
  const hidden = new Set((m.contributes?.menus?.commandPalette ?? []).filter((e) => e.when !== undefined && e.when !== 'true').map((e) => e.command));
  return (m.contributes?.commands ?? []).filter((c) => !hidden.has(c.command));
}

const label = (c: { title: string; category?: string }): string => (c.category ? `${c.category}: ${c.title}` : c.title);

async function openPalette(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  await input.fill(text);
}

export async function runFromPalette(page: Page, title: string): Promise<void> {
  await openPalette(page, `>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
}

/** Opens the extension's page from the Extensions view (list of installed extensions). */
export async function openExtensionPage(page: Page, manifest: Manifest): Promise<void> {
  await runFromPalette(page, 'Extensions: Show Installed Extensions');
  const row = page.locator('.part.sidebar .extensions-list .monaco-list-row', { hasText: manifest.displayName }).first();
  await row.waitFor({ timeout: T });
  // The list is re-rendered while it loads, and a click can land while a hover card covers the row: try again
  // (a few times, each waiting for the page) rather than wait out one lost click.
  const editorName = page.locator('.extension-editor .name', { hasText: manifest.displayName }).first();
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(0, 0);
    await row.click();
    try {
      await editorName.waitFor({ timeout: attempt < 4 ? 7000 : T });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
  // the list refreshes once more after the page opens; wait for it and for the README to render
  await page.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden', timeout: T }).catch(() => undefined);
  await row.waitFor({ timeout: T });
  // (webviews are overlays outside the editor's DOM; the README is the only one here)
  await page.frameLocator('iframe.webview.ready >> nth=0').frameLocator('iframe#active-frame')
    .locator('h1, h2, p').first().waitFor({ timeout: T });
}

/** Something in the manifest makes VS Code activate the extension when the walk opens the view. */
const activatesOnView = (m: Manifest): boolean => Object.values(m.contributes?.views ?? {}).flat().length > 0;

// ---- the user's walk: helpers ----

export const BACKUP = '/v1.0/solutions/backupRestore';
const SESSION_SETS = { Exchange: 'exchangeRestoreSessions', SharePoint: 'sharePointRestoreSessions', OneDrive: 'oneDriveForBusinessRestoreSessions' } as const;
export type WorkloadLabel = keyof typeof SESSION_SETS;
const WORKLOAD_LABELS = Object.keys(SESSION_SETS) as WorkloadLabel[];

/** What the walk created, for the later steps (the steps run in order). */
const walk: { drafts: Partial<Record<WorkloadLabel, string>>; deviceCode?: string } = { drafts: {} };

/** Calls the emulator directly (its controls, or Graph to look up what the UI did). */
export async function emulatorCall(baseUrl: string, method: string, path: string, body?: unknown, controlToken?: string): Promise<{ status: number; json: { value?: { id?: string }[]; [key: string]: unknown } }> {
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(controlToken ? { 'x-emulator-control-token': controlToken } : {}),
  };
  const r = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined };
}

/**
 * The id of the workload's newest session. Sorted here: Microsoft documents no `$orderby` (nor `$top`) for the
 * session lists, and the walk's emulators answer undocumented options 400 (their default profile).
 */
export async function newestSessionId(emulatorUrl: string, workload: WorkloadLabel): Promise<string> {
  const sessions = await everyPage<{ id: string; createdDateTime?: string }>(`${emulatorUrl}${BACKUP}/${SESSION_SETS[workload]}`);
  const created = (s: { createdDateTime?: string }): number => Date.parse(s.createdDateTime ?? '') || 0;
  const newest = sessions.reduce<(typeof sessions)[number] | undefined>((best, s) => (best && created(best) >= created(s) ? best : s), undefined);
  if (!newest) throw new Error(`the emulator lists no ${workload} sessions`);
  return newest.id;
}

const needsExplorer = (ctx: WalkContext): string | undefined =>
  (ctx.manifest.contributes?.views?.restoreSessions?.some((v) => v.id === 'restoreSessions.explorer') ? undefined : 'no restoreSessions.explorer view contributed yet');
export const needsCommand = (...ids: string[]) => (ctx: WalkContext): string | undefined => {
  const missing = ids.filter((id) => !paletteCommands(ctx.manifest).some((c) => c.command === id));
  return missing.length ? `${missing.join(', ')} not contributed yet` : needsExplorer(ctx);
};
export const commandLabel = (m: Manifest, id: string): string => label(paletteCommands(m).find((c) => c.command === id)!);

export const quickTitle = (page: Page) => page.locator('.quick-input-widget .quick-input-title');
export const quickRow = (page: Page, text: string | RegExp) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
/** The quick input row whose label is exactly `text` (not one that merely contains it). */
const exactRow = (page: Page, text: string) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row')
  .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
export const toast = (page: Page, text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
export const dialog = (page: Page) => page.locator('.monaco-dialog-box');
export const detailsPage = (page: Page) => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

/** Runs a palette command that opens a quick input of its own (the palette does not close in between). */
export async function startFromPalette(page: Page, title: string, nextTitle: string | RegExp): Promise<void> {
  await openPalette(page, `>${title}`);
  await quickRow(page, title).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await quickTitle(page).filter({ hasText: nextTitle }).waitFor({ timeout: T });
}

export async function clearNotifications(page: Page): Promise<void> {
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: T }).catch(() => undefined);
}

export async function closeAllEditors(page: Page): Promise<void> {
  await runFromPalette(page, 'View: Close All Editors');
  await page.locator('.part.editor .tab').first().waitFor({ state: 'detached', timeout: T });
}

/**
 * Points the extension at another emulator through the Settings editor (Emulator: Url), waits until the view
 * shows its host (the setting is written debounced, then the view reconnects), and closes the Settings editor
 * again (a modal in 1.139: Escape closes it).
 */
export async function setEmulatorUrl(page: Page, url: string): Promise<void> {
  await runFromPalette(page, 'Preferences: Open Settings (UI)');
  const editor = page.locator('.settings-editor');
  await editor.waitFor({ timeout: T });
  await editor.locator('.search-container .monaco-editor').first().click();
  await page.keyboard.press('Control+A'); // (the editor may keep an earlier search)
  await page.keyboard.type('restoreSessions.emulator.url');
  const input = editor.locator('.setting-item-text', { hasText: 'Emulator: Url' }).locator('input').first();
  await input.waitFor({ timeout: T });
  await input.fill(url);
  await input.press('Tab');
  await page.locator('.part.sidebar .monaco-list-row', { hasText: new URL(url).host }).first().waitFor({ timeout: T });
  for (let i = 0; i < 3 && (await editor.isVisible()); i++) await page.keyboard.press('Escape');
  if (await editor.isVisible()) await closeAllEditors(page);
  await editor.waitFor({ state: 'hidden', timeout: T });
}

/** Shows the Restore Sessions view (clicking the icon of the visible container would hide the sidebar). */
export async function showExplorer(page: Page, manifest: Manifest): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  if (await sidebar.locator('.monaco-list-row', { hasText: 'Exchange' }).first().isVisible().catch(() => false)) return;
  const title = restoreSessionsContainer(manifest)!.title;
  await page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).first().click();
  await sidebar.locator('.monaco-list-row', { hasText: 'Exchange' }).first().waitFor({ timeout: T });
}

/** Expands `workload` (or none) and collapses the other workloads; waits for the sessions to load. */
async function expandOnly(page: Page, workload: WorkloadLabel | undefined): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  for (const w of WORKLOAD_LABELS) {
    const row = sidebar.locator('.monaco-list-row[aria-level="2"]', { hasText: w }).first();
    const want = String(w === workload);
    if ((await row.getAttribute('aria-expanded')) !== want) {
      await row.click();
      await sidebar.locator(`.monaco-list-row[aria-level="2"][aria-expanded="${want}"]`, { hasText: w }).first().waitFor({ timeout: T });
    }
  }
  if (workload) await sidebar.locator('.monaco-list-row[aria-level="3"]').first().waitFor({ timeout: T });
  await sidebar.locator('.monaco-progress-container.active').waitFor({ state: 'hidden', timeout: T }).catch(() => undefined);
}

export const WIZARD = 'Create Restore Session';
/** The wizard's step titles say what each step is. */
const POINT_STEP = `${WIZARD}: point in time (3/5)`;
const DESTINATION_STEP = `${WIZARD}: destination (4/5)`;

/** Wizard steps 1-2: starts the wizard, picks the workload and checks the given protection units. */
export async function wizardUnits(page: Page, manifest: Manifest, workload: WorkloadLabel, units: string[]): Promise<void> {
  await showExplorer(page, manifest);
  await expandOnly(page, workload); // where the new draft will show up
  await startFromPalette(page, commandLabel(manifest, 'restoreSessions.createSession'), `${WIZARD}: what to restore (1/5)`);
  const input = page.locator('.quick-input-widget input.input').first();
  // typed, not clicked: a click can land on a row of the palette's list that the wizard's list is replacing
  await input.fill(workload);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: workload }).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await quickTitle(page).filter({ hasText: new RegExp(`${WIZARD}: ${workload} .*\\(2/5\\)`) }).waitFor({ timeout: T });
  for (const unit of units) {
    await input.fill(unit);
    const row = quickRow(page, unit);
    await row.waitFor({ timeout: T });
    await row.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
    await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: unit }).first().waitFor({ timeout: T });
  }
  await input.fill('');
  // (rows scrolled out of the list are not rendered: the count says both are still checked)
  await page.locator('.quick-input-widget .quick-input-count', { hasText: `${units.length} Selected` }).waitFor({ timeout: T });
}

export async function wizardAccept(page: Page, nextTitle: string | RegExp): Promise<void> {
  await page.keyboard.press('Enter');
  await quickTitle(page).filter({ hasText: nextTitle }).waitFor({ timeout: T });
}

export async function wizardPick(page: Page, row: string, nextTitle: string | RegExp): Promise<void> {
  await quickRow(page, row).click();
  await quickTitle(page).filter({ hasText: nextTitle }).waitFor({ timeout: T });
  await progressGone(page);
}

/** Progress notifications ("Finding restore points…") linger a moment after their work is done. */
async function progressGone(page: Page): Promise<void> {
  await page.locator('.notifications-toasts .notification-toast', { hasText: /Finding restore points|Creating \w+ restore session/ }).first().waitFor({ state: 'detached', timeout: T });
}

const REVIEW = `${WIZARD}: review (5/5)`;

/** The review's "Create as draft": waits for the confirmation toast and for the draft in the tree. */
async function createDraft(ctx: WalkContext, workload: WorkloadLabel): Promise<void> {
  const { page, emulatorUrl } = ctx;
  await quickRow(page, 'Create as draft').click();
  await toast(page, `${workload} restore session created as a draft`).waitFor({ timeout: T });
  await toast(page, `Creating ${workload} restore session`).waitFor({ state: 'detached', timeout: T });
  walk.drafts[workload] = await newestSessionId(emulatorUrl, workload);
  ctx.log(`  ${workload} draft ${walk.drafts[workload]}`);
  await showExplorer(page, ctx.manifest);
  await expandOnly(page, workload);
  await page.locator('.part.sidebar .monaco-list-row[aria-level="3"]', { hasText: 'Draft' }).first().waitFor({ timeout: T });
}

/** Runs a session command from the palette and picks the session by id in its "Pick a restore session" list. */
export async function sessionCommandFor(page: Page, manifest: Manifest, command: string, sessionId: string | undefined): Promise<void> {
  await startFromPalette(page, commandLabel(manifest, command), 'Pick a restore session');
  if (sessionId) {
    await page.locator('.quick-input-widget input.input').first().fill(sessionId);
    await quickRow(page, sessionId).waitFor({ timeout: T });
  } else {
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: T });
  }
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ timeout: T });
}

/** Preferences: Color Theme, then the theme by its label (1.139 labels "Default Dark Modern" as "Dark Modern"). */
async function colorTheme(page: Page, theme: string, workbenchClass: 'vs' | 'vs-dark'): Promise<void> {
  await openPalette(page, '>Preferences: Color Theme');
  await exactRow(page, 'Preferences: Color Theme').click();
  // the theme picker: no title, "Select Color Theme" as placeholder; the default themes are in view without typing
  await page.locator('.quick-input-widget input.input[placeholder^="Select Color Theme"]').waitFor({ timeout: T });
  await exactRow(page, theme).click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: T });
}

async function waitDetails(page: Page, sessionId: string, status?: RegExp): Promise<void> {
  const frame = detailsPage(page);
  await frame.locator('h1').waitFor({ timeout: T });
  await frame.locator('svg.timeline').first().waitFor({ timeout: T });
  await frame.locator('code.session-id', { hasText: sessionId }).waitFor({ timeout: T });
  if (status) await frame.locator('.badge[role="status"]', { hasText: status }).waitFor({ timeout: 60000 });
}

const walkSteps: Step[] = [
  {
    name: 'workbench-loads',
    async run({ page }) {
      for (const part of ['.monaco-workbench', '.part.activitybar', '.part.statusbar', '.part.editor']) {
        await page.locator(part).first().waitFor({ timeout: 90000 });
      }
      await page.waitForTimeout(1500); // let the extension host start and the layout settle
    },
  },
  {
    name: 'restore-sessions-view',
    skip: (ctx) => (restoreSessionsContainer(ctx.manifest) ? undefined : 'no "restoreSessions" activity-bar container contributed yet'),
    async run({ page, manifest }) {
      const title = restoreSessionsContainer(manifest)!.title;
      const icon = page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).first();
      await icon.waitFor({ timeout: T });
      await icon.click();
      for (const view of manifest.contributes?.views?.restoreSessions ?? []) {
        await page.locator('.part.sidebar', { hasText: view.name }).first().waitFor({ timeout: T });
      }
      // the extension activates on the view and registers its tree: wait for rows (or welcome content)
      await page.locator('.part.sidebar .monaco-list-row, .part.sidebar .welcome-view-content').first().waitFor({ timeout: T });
      await page.locator('.part.sidebar', { hasText: 'There is no data provider' }).waitFor({ state: 'detached', timeout: T });
    },
  },
  {
    name: 'workload-tree',
    skip: (ctx) => (ctx.manifest.contributes?.views?.restoreSessions?.some((v) => v.id === 'restoreSessions.explorer') ? undefined : 'no restoreSessions.explorer view contributed yet'),
    async run({ page, emulatorUrl }) {
      const sidebar = page.locator('.part.sidebar');
      for (const workload of ['Exchange', 'SharePoint', 'OneDrive']) {
        await sidebar.locator('.monaco-list-row', { hasText: workload }).first().waitFor({ timeout: T });
      }
      // connected to the emulator the runner started (restoreSessions.emulator.url), not a built-in one
      if (emulatorUrl) await sidebar.locator('.monaco-list-row', { hasText: new URL(emulatorUrl).host }).first().waitFor({ timeout: T });
    },
  },
  {
    name: 'exchange-sessions',
    skip: (ctx) => (ctx.manifest.contributes?.views?.restoreSessions?.some((v) => v.id === 'restoreSessions.explorer') ? undefined : 'no restoreSessions.explorer view contributed yet'),
    async run({ page }) {
      // expand Exchange: the demo seed's Exchange sessions load under it
      const sidebar = page.locator('.part.sidebar');
      const exchange = sidebar.locator('.monaco-list-row', { hasText: 'Exchange' }).first();
      if ((await exchange.getAttribute('aria-expanded')) !== 'true') await exchange.click();
      await sidebar.locator('.monaco-list-row[aria-level="3"], .monaco-list-row[aria-level="2"]:not([aria-expanded])').first().waitFor({ timeout: T });
      await page.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden', timeout: T }).catch(() => undefined);
    },
  },
  {
    name: 'extension-installed',
    async run({ page, manifest }) {
      await openExtensionPage(page, manifest);
    },
  },
  {
    name: 'extension-activated',
    skip: (ctx) => (activatesOnView(ctx.manifest) ? undefined : 'no view contributed yet, so nothing the walk does activates the extension'),
    async run({ page }) {
      // the extension page (previous step) -> Features -> Runtime Status: "Activated by onView:... event: Nms"
      await page.locator('.extension-editor .navbar .action-label', { hasText: /features/i }).first().click();
      await page.locator('.extension-editor', { hasText: 'Runtime Status' }).first().waitFor({ timeout: T });
      await page.locator('.extension-editor', { hasText: /Activated by/ }).first().waitFor({ timeout: T });
    },
  },
  {
    name: 'commands-in-palette',
    skip: (ctx) => (paletteCommands(ctx.manifest).length ? undefined : 'no commands contributed yet'),
    async run({ page, manifest }) {
      // every command a user can reach from the palette is listed under its title
      const commands = paletteCommands(manifest);
      await openPalette(page, '>');
      const input = page.locator('.quick-input-widget input');
      for (const c of commands) {
        await input.fill(`>${label(c)}`);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: label(c) }).first().waitFor({ timeout: T });
      }
      await input.fill(`>${commands[0].category ?? commands[0].title}`); // the screenshot shows the family
      // (the list renders only the rows in view: wait for the family, not for one command that may be scrolled out)
      await page.locator('.quick-input-list .monaco-list-row', { hasText: commands[0].category ?? commands[0].title }).first().waitFor({ timeout: T });
    },
  },
  // ---- the user's walk: each workload's sessions, the create wizard for each workload, activate one and watch it
  // finish in its details panel (light and dark), delete a draft, and a refused action explained ----
  {
    name: 'sharepoint-sessions',
    skip: needsExplorer,
    async run({ page, manifest }) {
      await closeAllEditors(page);
      await showExplorer(page, manifest);
      // a wider sidebar, so the session rows show their status (drag the sash at its right edge)
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box && box.width < 450) {
        const y = box.y + box.height / 2;
        await page.mouse.move(box.x + box.width + 1, y);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width + 200, y, { steps: 5 });
        await page.mouse.up();
      }
      await expandOnly(page, 'SharePoint');
    },
  },
  {
    name: 'onedrive-sessions',
    skip: needsExplorer,
    async run({ page, manifest }) {
      await showExplorer(page, manifest);
      await expandOnly(page, 'OneDrive');
    },
  },
  {
    name: 'wizard-exchange-1-workload',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page, manifest }) {
      await closeAllEditors(page);
      await showExplorer(page, manifest);
      await expandOnly(page, 'Exchange');
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.createSession'), `${WIZARD}: what to restore (1/5)`);
      for (const w of WORKLOAD_LABELS) await quickRow(page, w).waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-exchange-2-units',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page }) {
      await quickRow(page, 'Exchange').click();
      await quickTitle(page).filter({ hasText: `${WIZARD}: Exchange mailboxes (2/5)` }).waitFor({ timeout: T });
      const input = page.locator('.quick-input-widget input.input').first();
      for (const unit of ['Adele Vance', 'Alex Wilber']) {
        await input.fill(unit);
        const row = quickRow(page, unit);
        await row.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
        await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: unit }).first().waitFor({ timeout: T });
      }
      await input.fill('');
      await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: 'Alex Wilber' }).first().waitFor({ timeout: T });
      await page.locator('.quick-input-widget .quick-input-count', { hasText: '2 Selected' }).waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-exchange-3-point-in-time',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page }) {
      await wizardAccept(page, POINT_STEP);
      await quickRow(page, 'Latest restore point').waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-exchange-4-destination',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page }) {
      await wizardPick(page, 'Latest restore point', DESTINATION_STEP);
      await quickRow(page, 'New location').waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-exchange-5-review',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page }) {
      await wizardPick(page, 'New location', REVIEW);
      await quickRow(page, 'Create as draft').waitFor({ timeout: T });
      await quickRow(page, 'Adele Vance').waitFor({ timeout: T });
      await quickRow(page, 'Alex Wilber').waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-exchange-created',
    skip: needsCommand('restoreSessions.createSession'),
    async run(ctx) {
      await createDraft(ctx, 'Exchange');
    },
  },
  {
    name: 'wizard-sharepoint-review',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page, manifest }) {
      await clearNotifications(page);
      await wizardUnits(page, manifest, 'SharePoint', ['Marketing', 'Engineering']);
      await wizardAccept(page, POINT_STEP);
      await wizardPick(page, 'Latest restore point', DESTINATION_STEP);
      await wizardPick(page, 'New location', REVIEW);
      await quickRow(page, 'Create as draft').waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-sharepoint-created',
    skip: needsCommand('restoreSessions.createSession'),
    async run(ctx) {
      await createDraft(ctx, 'SharePoint');
    },
  },
  {
    name: 'wizard-onedrive-date',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page, manifest }) {
      await clearNotifications(page);
      await wizardUnits(page, manifest, 'OneDrive', ['Megan Bowen', 'Lee Gu']);
      await wizardAccept(page, POINT_STEP);
      // typed into the same step: a local date and time, a day ago, read back with its time zone
      const input = page.locator('.quick-input-widget input.input').first();
      const d = new Date(Date.now() - 24 * 3600 * 1000);
      const pad = (n: number) => String(n).padStart(2, '0');
      await input.fill(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:00`);
      await quickRow(page, /:00 UTC[+-]?[\d:]* \((1 day|\d+ h) ago\)/).waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-onedrive-in-place',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page }) {
      await wizardAccept(page, DESTINATION_STEP);
      await quickRow(page, 'In place').waitFor({ timeout: T });
      await page.keyboard.press('ArrowDown'); // highlight "In place" and its warning
    },
  },
  {
    name: 'wizard-onedrive-review',
    skip: needsCommand('restoreSessions.createSession'),
    async run({ page }) {
      await wizardPick(page, 'In place', REVIEW);
      await quickRow(page, 'Create as draft').waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-onedrive-created',
    skip: needsCommand('restoreSessions.createSession'),
    async run(ctx) {
      await createDraft(ctx, 'OneDrive');
    },
  },
  {
    name: 'activate-confirm',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession'),
    async run({ page, manifest }) {
      await clearNotifications(page);
      await showExplorer(page, manifest);
      await expandOnly(page, 'Exchange');
      await sessionCommandFor(page, manifest, 'restoreSessions.activateSession', walk.drafts.Exchange);
      await dialog(page).filter({ hasText: 'Restore Adele Vance and Alex Wilber to a new location?' }).waitFor({ timeout: T });
    },
  },
  {
    name: 'activated',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession'),
    async run({ page }) {
      await dialog(page).locator('.monaco-button', { hasText: /^Restore to New Location$/ }).click();
      await dialog(page).waitFor({ state: 'detached', timeout: T });
      await toast(page, /Exchange restore session is (active|activating)/i).waitFor({ timeout: T });
      await page.locator('.part.sidebar .monaco-list-row[aria-level="3"]').first().filter({ hasText: /Active|Activating/ }).waitFor({ timeout: T });
    },
  },
  {
    name: 'details-running',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession', 'restoreSessions.openDetails'),
    async run({ page, manifest }) {
      await clearNotifications(page);
      await closeAllEditors(page);
      await showExplorer(page, manifest);
      await expandOnly(page, 'Exchange');
      // the newest Exchange session is the one just activated: clicking its row opens its details
      await page.locator('.part.sidebar .monaco-list-row[aria-level="3"]').first().click();
      await waitDetails(page, walk.drafts.Exchange!, /Activ|Complet/); // (60x: it may finish quickly on a slow machine)
    },
  },
  {
    name: 'details-terminal',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession', 'restoreSessions.openDetails'),
    async run({ page, emulatorUrl, emulatorControlToken }) {
      // two simulated hours later (the emulator runs 60x; the control endpoint moves its clock)
      const { status } = await emulatorCall(emulatorUrl, 'POST', '/_emulator/clock/advance', { seconds: 7200 }, emulatorControlToken);
      if (status !== 200) throw new Error(`clock/advance answered ${status}`);
      await waitDetails(page, walk.drafts.Exchange!, /Completed|Failed/);
      await page.locator('.part.sidebar .monaco-list-row[aria-level="3"]').first().filter({ hasText: /Completed|Failed/ }).waitFor({ timeout: 60000 });
    },
  },
  {
    name: 'details-dark-theme',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession', 'restoreSessions.openDetails'),
    async run({ page }) {
      await colorTheme(page, 'Dark Modern', 'vs-dark');
      await waitDetails(page, walk.drafts.Exchange!);
    },
  },
  {
    name: 'details-light-theme',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession', 'restoreSessions.openDetails'),
    async run({ page }) {
      await colorTheme(page, 'Light Modern', 'vs');
      await waitDetails(page, walk.drafts.Exchange!);
    },
  },
  {
    name: 'delete-draft-confirm',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.deleteSession'),
    async run({ page, manifest }) {
      await closeAllEditors(page);
      await showExplorer(page, manifest);
      await expandOnly(page, 'SharePoint');
      await sessionCommandFor(page, manifest, 'restoreSessions.deleteSession', walk.drafts.SharePoint);
      await dialog(page).filter({ hasText: 'Delete this draft SharePoint restore session?' }).waitFor({ timeout: T });
    },
  },
  {
    name: 'draft-deleted',
    skip: needsCommand('restoreSessions.createSession', 'restoreSessions.deleteSession'),
    async run({ page, emulatorUrl }) {
      const before = await page.locator('.part.sidebar .monaco-list-row[aria-level="3"]').count();
      await dialog(page).locator('.monaco-button', { hasText: /^Delete$/ }).click();
      await dialog(page).waitFor({ state: 'detached', timeout: T });
      for (let i = 0; ; i++) {
        const { status } = await emulatorCall(emulatorUrl, 'GET', `${BACKUP}/restoreSessions/${walk.drafts.SharePoint}`);
        if (status === 404) break;
        if (i > 100) throw new Error(`the deleted draft still answers ${status}`);
        await page.waitForTimeout(200);
      }
      // the row leaves the tree
      await page.waitForFunction((n) => document.querySelectorAll('.part.sidebar .monaco-list-row[aria-level="3"]').length < n, before, { timeout: T });
    },
  },
  {
    name: 'auth-emulator-needs-sign-in',
    skip: (ctx) => (!ctx.authEmulatorUrl ? 'the runner started no emulator with --auth on' : needsCommand('restoreSessions.signIn', 'restoreSessions.checkPermissions', 'restoreSessions.deleteSession')(ctx)),
    async run({ page, authEmulatorUrl }) {
      await clearNotifications(page);
      // point the extension at the emulator that wants tokens: the no-sign-in connection is refused
      await setEmulatorUrl(page, authEmulatorUrl!);
      await page.locator('.part.sidebar .monaco-list-row, .part.sidebar .welcome-view-content').filter({ hasText: new URL(authEmulatorUrl!).host }).first().waitFor({ timeout: T });
      await page.locator('.part.sidebar').filter({ hasText: /sign in|signed out|401/i }).first().waitFor({ timeout: T });
    },
  },
  {
    name: 'sign-in-device-code',
    skip: (ctx) => (!ctx.authEmulatorUrl ? 'the runner started no emulator with --auth on' : needsCommand('restoreSessions.signIn')(ctx)),
    async run({ page, manifest }) {
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.signIn'), /Sign in to the local emulator/);
      await quickRow(page, 'Device code').click();
      // The code comes in a dialog (as in VS Code's own device-code sign-ins); Copy Code closes it and the
      // sign-in progress notification keeps showing the code until sign-in ends.
      const prompt = dialog(page);
      await prompt.filter({ hasText: /enter the code \S+ at/ }).waitFor({ timeout: T });
      const text = (await prompt.innerText()).replace(/\s+/g, ' ');
      walk.deviceCode = /enter the code (\S+) at/.exec(text)![1];
      await prompt.locator('.monaco-button', { hasText: /^Copy Code$/ }).click();
      await prompt.waitFor({ state: 'detached', timeout: T });
      await toast(page, /enter the code \S+ at/).waitFor({ timeout: T });
    },
  },
  {
    name: 'signed-in-as-reader',
    skip: (ctx) => (!ctx.authEmulatorUrl ? 'the runner started no emulator with --auth on' : needsCommand('restoreSessions.signIn')(ctx)),
    async run({ page, manifest, authEmulatorUrl, authEmulatorControlToken }) {
      // the person enters the code in a browser as the read-only demo user; the control endpoint does the same
      const { status, json } = await emulatorCall(authEmulatorUrl!, 'POST', '/_emulator/identity/approve', { user_code: walk.deviceCode, user: 'reader' }, authEmulatorControlToken);
      if (status !== 200) throw new Error(`approve answered ${status}: ${JSON.stringify(json)}`);
      await toast(page, /Signed in to .+ as alland@/).waitFor({ timeout: T }); // alland@ is the demo `reader`
      await showExplorer(page, manifest);
      await expandOnly(page, 'SharePoint');
      await page.locator('.part.sidebar .monaco-list-row[aria-level="3"]', { hasText: 'Draft' }).first().waitFor({ timeout: T });
    },
  },
  {
    name: 'delete-refused-403',
    skip: (ctx) => (!ctx.authEmulatorUrl ? 'the runner started no emulator with --auth on' : needsCommand('restoreSessions.deleteSession', 'restoreSessions.checkPermissions')(ctx)),
    async run({ page, manifest }) {
      await clearNotifications(page);
      await sessionCommandFor(page, manifest, 'restoreSessions.deleteSession', undefined);
      await dialog(page).locator('.monaco-button', { hasText: /^Delete$/ }).click();
      await dialog(page).waitFor({ state: 'detached', timeout: T });
      await toast(page, 'Check Permissions').waitFor({ timeout: T });
    },
  },
  {
    name: 'permissions-report',
    skip: (ctx) => (!ctx.authEmulatorUrl ? 'the runner started no emulator with --auth on' : needsCommand('restoreSessions.deleteSession', 'restoreSessions.checkPermissions')(ctx)),
    async run({ page }) {
      await toast(page, 'Check Permissions').locator('.monaco-button', { hasText: 'Check Permissions' }).click();
      await page.locator('.part.editor .monaco-editor .view-lines', { hasText: /was\s+refused/ }).first().waitFor({ timeout: T });
    },
  },
];

// The helpers' steps run where they were written to run: after the walk's own steps on the demo emulator and
// before the sign-in steps, which leave the built-in connection pointed at the emulator with --auth on. The VS Code
// account step needs that emulator, so it follows them. The details steps use the signed-in connection, and
// details-narrow leaves the window narrow, so they come last.
const signInAt = walkSteps.findIndex((s) => s.name === 'auth-emulator-needs-sign-in');
export const steps: Step[] = [
  ...walkSteps.slice(0, signInAt),
  ...namesSteps,
  ...ecoSteps,
  ...safetySteps,
  ...betaSteps,
  ...bulkGranularSteps,
  ...panelxSteps,
  ...agentSteps,
  ...protectionSteps,
  ...protectionChangeSteps,
  ...walkSteps.slice(signInAt),
  ...accountsSteps,
  ...detailsSteps,
];
