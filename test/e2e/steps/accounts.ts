// The walk's steps for VS Code's own surfaces. `agent-tool-confirmation`: an agent tool invoked through VS Code
// outside chat, where VS Code asks with the tool's confirmation as a dialog. `accounts-menu-sign-in`: signing in
// with the VS Code account (the test hosts' emulator accounts provider stands in for Microsoft's), which puts the
// account in the Accounts menu; it runs after the walk's sign-in steps because it needs their emulator with
// --auth on (every Graph call's token is checked), and it leaves their device-code connection active again.
// Each step saves one more screenshot of its moment (the dialog, the Accounts menu) before it tidies up.
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  T, clearNotifications, closeAllEditors, commandLabel, dialog, needsCommand, quickRow, showExplorer, startFromPalette,
  toast, type Step, type WalkContext,
} from '../steps';

/** A screenshot of the step's moment beside the walk's own (test-results/e2e/<step>.<what>.png). */
async function moment(page: Page, step: string, what: string): Promise<void> {
  await page.screenshot({ path: path.resolve('test-results/e2e', `${step}.${what}.png`), animations: 'disabled' });
}

async function pasteInto(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/** The draft tool with an input the demo seed resolves (one Exchange mailbox, its latest restore point). */
const DRAFT_CALL = { name: 'restoreSessions_draftRestore', input: { workload: 'exchange', units: ['Debra Berger'] } };
const TOOL_KEY = 'ctrl+alt+shift+f9';

/** The user's keybindings.json (the palette also lists the read-only default one, which a fuzzy Enter may pick). */
async function openUserKeybindings(page: Page): Promise<void> {
  const title = 'Preferences: Open Keyboard Shortcuts (JSON)';
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first().click();
  await page.locator('.part.editor .tab.active', { hasText: 'keybindings.json' }).first().waitFor({ timeout: T });
}

export async function switchConnection(page: Page, manifest: WalkContext['manifest'], row: string | RegExp): Promise<void> {
  await startFromPalette(page, commandLabel(manifest, 'restoreSessions.switchConnection'), 'Switch Connection');
  await quickRow(page, row).click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
}

/** Expands Exchange in the view and waits for its first session row (the view read the service). */
async function expandFirstSessions(page: Page): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  const exchange = sidebar.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Exchange' }).first();
  await exchange.waitFor({ timeout: T });
  if ((await exchange.getAttribute('aria-expanded')) !== 'true') await exchange.click();
  await sidebar.locator('.monaco-list-row[aria-level="3"]').first().waitFor({ timeout: T });
}

export const agentSteps: Step[] = [
  {
    name: 'agent-tool-confirmation',
    async run(ctx: WalkContext) {
      const { page } = ctx;
      await clearNotifications(page);
      // A tool is invoked by a chat model, and this host has none: a key bound to the test hosts' command that
      // invokes it through VS Code (vscode.lm.invokeTool without a chat request) stands in for the model.
      await openUserKeybindings(page);
      await page.locator('.part.editor .monaco-editor .view-lines').first().click();
      await pasteInto(page, JSON.stringify([{ key: TOOL_KEY, command: 'restoreSessions.test.invokeAgentTool', args: DRAFT_CALL }], null, 2));
      await page.keyboard.press('Control+S');
      await page.locator('.part.editor .tab.active:not(.dirty)').first().waitFor({ timeout: T });
      await moment(page, 'agent-tool-confirmation', 'keybindings');
      await closeAllEditors(page);
      // the keybinding service reads the saved file on its own schedule: press again until VS Code asks
      const confirmation = dialog(page).filter({ hasText: 'Create a draft Exchange restore session on' });
      for (let attempt = 1; !(await confirmation.isVisible()); attempt++) {
        await page.keyboard.press('Control+Alt+Shift+F9');
        const shown = await confirmation.waitFor({ timeout: 5000 }).then(() => true, () => false);
        if (!shown && attempt >= 6) throw new Error('no confirmation dialog after pressing the key bound to the tool six times');
      }
      const text = (await confirmation.innerText()).replace(/\s+/g, ' ');
      if (!/Debra Berger/.test(text) || !/draft only/.test(text)) throw new Error(`the confirmation does not say what it creates: ${text}`);
      await moment(page, 'agent-tool-confirmation', 'dialog');
      ctx.log(`  confirmation: ${text.slice(0, 300)}`);
      // nothing is created unless the person continues
      await confirmation.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      await confirmation.waitFor({ state: 'detached', timeout: T });
    },
  },
];

export const accountsSteps: Step[] = [
  {
    name: 'accounts-menu-sign-in',
    skip: (ctx) => (!ctx.authEmulatorUrl ? 'the runner started no emulator with --auth on' : needsCommand('restoreSessions.signIn', 'restoreSessions.switchConnection')(ctx)),
    async run(ctx: WalkContext) {
      const { page, manifest } = ctx;
      await clearNotifications(page);
      await showExplorer(page, manifest);
      // from the built-in connection (no sign-in), as a person who has not signed in to this emulator yet
      await switchConnection(page, manifest, /Local emulator.*No sign-in/);
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.signIn'), /Sign in to the local emulator/);
      await quickRow(page, 'Sign in with your VS Code Microsoft account').click();
      // VS Code's own consent prompt, then the provider's account prompt
      const consent = dialog(page).filter({ hasText: /wants to sign in using Emulator accounts/ });
      await consent.waitFor({ timeout: T });
      await consent.locator('.monaco-button', { hasText: /^Allow$/ }).click();
      await quickRow(page, 'meganb@').click();
      await toast(page, /Signed in to .+ as meganb@/).waitFor({ timeout: T });
      // the view reads the emulator (--auth on) with the VS Code account's token
      await expandFirstSessions(page);
      // the account is in the Accounts menu, under the provider's name
      await page.locator('.activitybar .action-label.codicon-accounts-view-bar-icon, .activitybar [aria-label^="Accounts"]').first().click();
      const menu = page.locator('.context-view .monaco-menu, .monaco-menu-container').filter({ hasText: /meganb@/ }).first();
      await menu.waitFor({ timeout: T });
      await moment(page, 'accounts-menu-sign-in', 'accounts-menu');
      ctx.log(`  Accounts menu: ${(await menu.innerText()).replace(/\s+/g, ' ').trim()}`);
      await page.keyboard.press('Escape');
      // back to the sign-in steps' device-code connection, which the details steps use
      await switchConnection(page, manifest, 'Local emulator · Device code');
    },
  },
];
