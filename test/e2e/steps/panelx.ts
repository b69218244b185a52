// The walk's steps for exports and connections as an admin meets them: Export as PowerShell from a session's
// context menu in the tree (the cmdlets style picked), the script open in an editor and a toast naming the
// restore; and Add Connection for a Microsoft Graph tenant, after which the status bar and the view still show
// the emulator the walk is on, with "Switch Now" offered in the toast. Both work on whichever emulator the
// extension is connected to at this point of the walk and need no data of other steps (seeded sessions only).
import type { Page } from 'playwright-core';
import {
  T, clearNotifications, commandLabel, needsCommand, quickRow, runFromPalette, showExplorer, startFromPalette, type Step,
} from '../steps';
import { closeEditorsWithoutSaving } from './details';

const sidebar = (page: Page) => page.locator('.part.sidebar');
const quickTitle = (page: Page, text: string | RegExp) => page.locator('.quick-input-widget .quick-input-title', { hasText: text });
const toastWith = (page: Page, text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
/** The walk's window size (an earlier step may have narrowed it). */
const WIDE = { width: 1400, height: 900 };
const connectionStatus = (page: Page) => page.locator('.part.statusbar [id$="restoreSessions.connection"]').first();

/** Expands the SharePoint workload (once) and returns the first completed session row in view (any workload). */
async function completedSiteRow(page: Page) {
  const workload = sidebar(page).locator('.monaco-list-row[aria-level="2"]', { hasText: 'SharePoint' }).first();
  if ((await workload.getAttribute('aria-expanded')) !== 'true') await workload.click();
  const row = sidebar(page).locator('.monaco-list-row[aria-level="3"]', { hasText: /Completed(?! with)/ }).first();
  await row.waitFor({ timeout: T });
  return row;
}

/** Answers one step of the Add Connection wizard: an input box (typed) or a pick (clicked), then waits for the next title. */
async function wizardAnswer(page: Page, answer: { type?: string; pick?: string }, next: string | RegExp | undefined): Promise<void> {
  if (answer.type !== undefined) {
    await page.locator('.quick-input-widget input.input').first().fill(answer.type);
    await page.keyboard.press('Enter');
  } else {
    await quickRow(page, answer.pick!).click();
  }
  if (next) await quickTitle(page, next).waitFor({ timeout: T });
}

export const panelxSteps: Step[] = [
  {
    name: 'export-powershell',
    skip: (ctx) => needsCommand('restoreSessions.exportPowerShell')(ctx),
    async run(ctx) {
      const { page } = ctx;
      await page.setViewportSize(WIDE);
      await clearNotifications(page);
      await closeEditorsWithoutSaving(page);
      await showExplorer(page, ctx.manifest);
      const row = await completedSiteRow(page);
      await row.click({ button: 'right' });
      const item = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Export as PowerShell' }).first();
      await item.waitFor({ timeout: T });
      // The menu ignores a click that comes right after it opened; the hovered item takes Enter.
      await item.hover();
      await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: 'Export as PowerShell' }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await quickTitle(page, 'Export as PowerShell').waitFor({ timeout: T });
      await quickRow(page, 'Microsoft.Graph.BackupRestore cmdlets').click();
      // the script, in an editor: the cmdlets create and activate, nothing carries a token
      const script = page.locator('.part.editor .monaco-editor .view-lines');
      await script.filter({ hasText: /New-MgSolutionBackupRestore(Exchange|SharePoint|OneDriveForBusiness)RestoreSession/ }).first().waitFor({ timeout: T });
      await script.filter({ hasText: /Connect-MgGraph/ }).first().waitFor({ timeout: T });
      const text = (await script.first().innerText()).replace(/\s+/g, ' ');
      if (/Bearer\s+ey/i.test(text)) throw new Error('the exported script holds a token');
      await page.locator('.part.editor .tab.active', { hasText: /\.ps1/ }).waitFor({ timeout: T });
      await toastWith(page, /Opened the restore of .+ as a PowerShell script/).waitFor({ timeout: T });
      // the script alone in the editor area, beside the tree, for the screenshot
      await runFromPalette(page, 'View: Single Column Editor Layout');
      await page.locator('.part.editor .split-view-view .editor-group-container').nth(1).waitFor({ state: 'detached', timeout: T });
    },
  },
  {
    name: 'add-connection-no-switch',
    skip: (ctx) => needsCommand('restoreSessions.addConnection')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await page.setViewportSize(WIDE);
      await clearNotifications(page);
      await closeEditorsWithoutSaving(page); // the exported script is unsaved: close it without a prompt
      await showExplorer(page, manifest);
      const status = connectionStatus(page);
      await status.waitFor({ timeout: T });
      const statusBefore = (await status.innerText()).trim();
      const connectionRow = sidebar(page).locator('.monaco-list-row[aria-level="1"]').first();
      const rowBefore = (await connectionRow.innerText()).trim();
      ctx.log(`  before: status bar "${statusBefore}", view "${rowBefore}"`);

      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.addConnection'), 'Add Connection (step 1)');
      await wizardAnswer(page, { pick: 'Microsoft Graph' }, 'Add Connection (2/6): name');
      await wizardAnswer(page, { type: 'Fabrikam production' }, 'Add Connection (3/6): tenant');
      await wizardAnswer(page, { type: 'fabrikam.onmicrosoft.com' }, 'Add Connection (4/6): client id');
      await wizardAnswer(page, { type: '0c1b2a39-8d7e-4f6a-9b5c-4d3e2f1a0b9c' }, 'Add Connection (5/6): sign-in method');
      await wizardAnswer(page, { pick: 'Device code' }, 'Add Connection (6/6): API version');
      await wizardAnswer(page, { pick: 'v1.0' }, undefined);

      // the offer: added, still on the emulator, "Switch Now" if the admin wants it
      const offer = toastWith(page, /Added the connection "Fabrikam production"\. The active connection is still/);
      await offer.waitFor({ timeout: T });
      await offer.locator('.monaco-button', { hasText: /^Switch Now$/ }).waitFor({ timeout: T });
      // nothing switched: the status bar and the view show the same connection as before
      const statusAfter = (await status.innerText()).trim();
      const rowAfter = (await connectionRow.innerText()).trim();
      if (statusAfter !== statusBefore) throw new Error(`the status bar changed from "${statusBefore}" to "${statusAfter}"`);
      if (rowAfter !== rowBefore) throw new Error(`the view changed from "${rowBefore}" to "${rowAfter}"`);
      if (/Fabrikam/.test(statusAfter + rowAfter)) throw new Error('the new connection became the active one');
    },
  },
];
