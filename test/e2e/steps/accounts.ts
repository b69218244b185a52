// The walk's steps for VS Code's own surfaces: signing in with the VS Code account (the test hosts' emulator
// accounts provider stands in for Microsoft's), which puts the account in the Accounts menu; and an agent tool
// invoked through VS Code outside chat, where VS Code asks with the tool's confirmation as a dialog. Each step
// saves one more screenshot of the moment it is about (the Accounts menu, the dialog) before it tidies up, so the
// walk's later steps find the window as they expect.
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  T, clearNotifications, closeAllEditors, commandLabel, dialog, needsCommand, quickRow, runFromPalette, showExplorer, startFromPalette,
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

export const accountsSteps: Step[] = [
  {
    name: 'accounts-menu-sign-in',
    skip: (ctx) => needsCommand('restoreSessions.signIn', 'restoreSessions.switchConnection')(ctx),
    async run(ctx: WalkContext) {
      const { page, manifest } = ctx;
      await clearNotifications(page);
      await showExplorer(page, manifest);
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.signIn'), /Sign in to the local emulator/);
      await quickRow(page, 'Sign in with your VS Code Microsoft account').click();
      // VS Code's own consent prompt, then the provider's account prompt
      const consent = dialog(page).filter({ hasText: /wants to sign in using Emulator accounts/ });
      await consent.waitFor({ timeout: T });
      await consent.locator('.monaco-button', { hasText: /^Allow$/ }).click();
      await quickRow(page, 'meganb@').click();
      await toast(page, /Signed in to .+ as meganb@/).waitFor({ timeout: T });
      // the account is in the Accounts menu, under the provider's name
      await page.locator('.activitybar .action-label.codicon-accounts-view-bar-icon, .activitybar [aria-label^="Accounts"]').first().click();
      const menu = page.locator('.context-view .monaco-menu, .monaco-menu-container').filter({ hasText: /meganb@/ }).first();
      await menu.waitFor({ timeout: T });
      await moment(page, 'accounts-menu-sign-in', 'accounts-menu');
      ctx.log(`  Accounts menu: ${(await menu.innerText()).replace(/\s+/g, ' ').trim()}`);
      await page.keyboard.press('Escape');
      // back to the no-sign-in emulator connection for the walk's later steps
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.switchConnection'), 'Switch Connection');
      await quickRow(page, 'No sign-in').click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
    },
  },
  {
    name: 'agent-tool-confirmation',
    async run(ctx: WalkContext) {
      const { page } = ctx;
      await clearNotifications(page);
      // A tool is invoked by a chat model, and this host has none: a key bound to the test hosts' command that
      // invokes it through VS Code (vscode.lm.invokeTool without a chat request) stands in for the model.
      await runFromPalette(page, 'Preferences: Open Keyboard Shortcuts (JSON)');
      await page.locator('.part.editor .monaco-editor .view-lines').first().click();
      await pasteInto(page, JSON.stringify([{ key: TOOL_KEY, command: 'restoreSessions.test.invokeAgentTool', args: DRAFT_CALL }], null, 2));
      await page.keyboard.press('Control+S');
      await closeAllEditors(page);
      await page.keyboard.press('Control+Alt+Shift+F9');
      const confirmation = dialog(page).filter({ hasText: 'Create a draft Exchange restore session on' });
      await confirmation.waitFor({ timeout: T });
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
