// The UI walk: what a person does in the workbench, as a list of named steps. test/host/run-e2e.js opens
// the workbench (code-server + chromium, the .vsix installed), runs the steps in order and saves a
// screenshot after each one under test-results/e2e/NN-<name>.png. To grow the walk, append a step.
// A step with `skip` returns a reason when the manifest does not contribute what it needs yet.
import type { Page } from 'playwright-core';

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
  /** Merges settings into the host's user settings.json; the workbench picks the change up. */
  setUserSettings?(settings: Record<string, unknown>): void;
  log(message: string): void;
}

export interface Step {
  name: string;
  /** Returns a reason to skip the step, or undefined to run it. */
  skip?(ctx: WalkContext): string | undefined;
  run(ctx: WalkContext): Promise<void>;
}

const T = 30000;

function restoreSessionsContainer(m: Manifest): { id: string; title: string } | undefined {
  return m.contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'restoreSessions');
}

/** Commands a user can find in the palette (not hidden with `"when": "false"`). */
function paletteCommands(m: Manifest): { command: string; title: string; category?: string }[] {
  const hidden = new Set((m.contributes?.menus?.commandPalette ?? []).filter((e) => e.when === 'false').map((e) => e.command));
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

async function runFromPalette(page: Page, title: string): Promise<void> {
  await openPalette(page, `>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
}

/** Opens the extension's page from the Extensions view (list of installed extensions). */
async function openExtensionPage(page: Page, manifest: Manifest): Promise<void> {
  await runFromPalette(page, 'Extensions: Show Installed Extensions');
  const row = page.locator('.part.sidebar .extensions-list .monaco-list-row', { hasText: manifest.displayName }).first();
  await row.waitFor({ timeout: T });
  await row.click();
  await page.locator('.extension-editor .name', { hasText: manifest.displayName }).first().waitFor({ timeout: T });
  // the list refreshes once more after the page opens; wait for it and for the README to render
  await page.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden', timeout: T }).catch(() => undefined);
  await row.waitFor({ timeout: T });
  // (webviews are overlays outside the editor's DOM; the README is the only one here)
  await page.frameLocator('iframe.webview.ready >> nth=0').frameLocator('iframe#active-frame')
    .locator('h1, h2, p').first().waitFor({ timeout: T });
}

/** Something in the manifest makes VS Code activate the extension when the walk opens the view. */
const activatesOnView = (m: Manifest): boolean => Object.values(m.contributes?.views ?? {}).flat().length > 0;

export const steps: Step[] = [
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
      await page.locator('.quick-input-list .monaco-list-row', { hasText: label(commands[0]) }).first().waitFor({ timeout: T });
    },
  },
];
