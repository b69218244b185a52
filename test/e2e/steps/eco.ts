// The walk's steps for the extension as seen from outside: the Get Started walkthrough, the extension's page
// in the Extensions view (the README's first screen, the icon), and a session link copied from a session row and
// opened again. The agent tools' confirmation has no step: a tool is invoked by a chat model, and this host has
// none (the integration suite invokes the tools through vscode.lm.invokeTool instead).
import type { Page } from 'playwright-core';
import {
  T, clearNotifications, closeAllEditors, commandLabel, detailsPage, needsCommand, openExtensionPage, runFromPalette,
  showExplorer, startFromPalette, type Step, type WalkContext,
} from '../steps';

/** Back to the walk's window: full size, side bar shown, no editors or toasts (earlier steps narrow it). */
async function freshWindow(ctx: WalkContext): Promise<void> {
  const { page } = ctx;
  await page.setViewportSize({ width: 1400, height: 900 });
  await clearNotifications(page);
  if (await page.locator('.part.editor .tab').count()) await closeAllEditors(page);
  await showExplorer(page, ctx.manifest);
}

/** Waits until every image in the README has loaded or failed, and returns the sources that did not load. */
async function brokenImages(frame: ReturnType<typeof detailsPage>): Promise<string[]> {
  return frame.locator('body').evaluate(async (body) => {
    const images = Array.from(body.querySelectorAll('img'));
    await Promise.all(images.map((img) => (img.complete ? undefined : new Promise((r) => { img.onload = r; img.onerror = r; }))));
    return images.filter((img) => !img.naturalWidth).map((img) => img.getAttribute('src') ?? '');
  });
}

/** Right-clicks the first session under Exchange and runs `item` from its context menu. */
async function sessionContextMenu(page: Page, item: string): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  const exchange = sidebar.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Exchange' }).first();
  if ((await exchange.getAttribute('aria-expanded')) !== 'true') await exchange.click();
  const session = sidebar.locator('.monaco-list-row[aria-level="3"]').first();
  await session.waitFor({ timeout: T });
  await session.click({ button: 'right' });
  const entry = page.locator('.context-view .monaco-menu .action-item', { hasText: new RegExp(`^${item}$`) }).first();
  await entry.waitFor({ timeout: T });
  // The menu ignores a click that comes right after it opened; the hovered (focused) item takes Enter.
  await entry.hover();
  await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: new RegExp(`^${item}$`) }).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

export const ecoSteps: Step[] = [
  {
    name: 'walkthrough',
    skip: (ctx) => needsCommand('restoreSessions.getStarted')(ctx),
    async run(ctx) {
      const { page } = ctx;
      await freshWindow(ctx);
      await runFromPalette(page, commandLabel(ctx.manifest, 'restoreSessions.getStarted'));
      const editor = page.locator('.part.editor');
      await editor.locator('.gettingStartedContainer', { hasText: 'Get Started with Restore Sessions' }).first().waitFor({ timeout: T });
      for (const step of ['Explore the demo tenant', 'Create and activate a restore', 'Inspect a failure and retry it', 'Connect your tenant']) {
        await editor.getByText(step, { exact: true }).first().waitFor({ timeout: T });
      }
    },
  },
  {
    name: 'marketplace-readme',
    async run(ctx) {
      const { page } = ctx;
      await freshWindow(ctx);
      await openExtensionPage(page, ctx.manifest);
      const header = page.locator('.extension-editor .header');
      const icon = header.locator('img.icon').first();
      await icon.waitFor({ timeout: T });
      const src = (await icon.getAttribute('src')) ?? '';
      if (!/icon\.png/.test(src)) throw new Error(`the extension page shows no icon of ours: ${src}`);
      const readme = detailsPage(page);
      await readme.locator('h1', { hasText: 'Restore Sessions for Microsoft 365 Backup Storage' }).waitFor({ timeout: T });
      await readme.locator('h2', { hasText: 'Your first five minutes' }).waitFor({ timeout: T });
      // The README's first screen is text only: VS Code's extension page loads README images over https alone,
      // and until the extension has a public repository its screenshots are relative links (shown from docs/).
      const broken = await brokenImages(readme);
      ctx.log(`  README images that VS Code cannot load without a repository URL: ${broken.join(', ') || 'none'}`);
      await readme.locator('h1').first().evaluate((h1) => h1.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'open-session-link',
    skip: (ctx) => needsCommand('restoreSessions.openSessionLink')(ctx),
    async run(ctx) {
      const { page } = ctx;
      await freshWindow(ctx);
      const origin = new URL(page.url()).origin;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await sessionContextMenu(page, 'Copy Link');
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Copied a link to this Exchange restore session' }).first().waitFor({ timeout: T });
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const sessionId = new URL(link.replace(/^[\w-]+:/, 'http:')).searchParams.get('id');
      if (!/\/session\?workload=exchange&id=[0-9a-f-]{36}&connection=/.test(link) || !sessionId) throw new Error(`Copy Link put "${link}" on the clipboard`);
      ctx.log(`  link: ${link}`);
      // code-server cannot receive vscode:// links from the OS, so the link goes through Open Session Link…,
      // which hands it to the same handler the URI handler calls.
      await startFromPalette(page, commandLabel(ctx.manifest, 'restoreSessions.openSessionLink'), 'Open Session Link');
      await page.locator('.quick-input-widget input.input').first().fill(link);
      await page.keyboard.press('Enter');
      await detailsPage(page).locator('code.session-id', { hasText: sessionId }).waitFor({ timeout: T });
    },
  },
];
