// The walk's protection-change step (issue 15, item 4): changes to protection are opt-in, so the step turns on
// "Protection: Allow Changes" in the Settings editor, runs Remove Units from Protection Policy… from the palette,
// picks an Exchange policy and three of its mailboxes, and checks that the modal names each mailbox, that its
// focused (Enter) button is the harmless one, and that declining leaves every mailbox protected. The modal is
// saved as policy-change-confirm-modal.png (and the setting as -setting.png) beside the step's own screenshot; the
// setting is turned off again.
import * as path from 'path';
import type { Page } from 'playwright-core';
import { everyPage } from '../../support/pages';
import { BACKUP, T, clearNotifications, closeAllEditors, dialog, quickRow, quickTitle, runFromPalette, type Manifest, type Step, type WalkContext } from '../steps';

interface Unit { id: string; displayName?: string; status?: string; protectionSources?: string }
interface Policy { id: string; displayName?: string; status?: string }

const REMOVE = 'restoreSessions.protection.removeUnits';
const SETTING = 'restoreSessions.protection.allowChanges';
const SHOTS = path.resolve(__dirname, '../../../../test-results/e2e');

/** Every item of a backupRestore collection of the walk's emulator, across its pages. */
function graphList<T>(ctx: WalkContext, collection: string): Promise<T[]> {
  return everyPage<T>(`${ctx.emulatorUrl}${BACKUP}/${collection}`);
}

/** `Restore Sessions: Remove Units from Protection Policy…` (hidden from the palette's list until changes are allowed). */
function removeLabel(manifest: Manifest): string | undefined {
  const command = manifest.contributes?.commands?.find((c) => c.command === REMOVE);
  return command && (command.category ? `${command.category}: ${command.title}` : command.title);
}

/** Sets the user setting through the Settings editor, as a person would, and closes the editor once it is written. */
async function setAllowChanges(page: Page, on: boolean): Promise<void> {
  await runFromPalette(page, 'Preferences: Open Settings (UI)');
  const editor = page.locator('.settings-editor');
  await editor.waitFor({ timeout: T });
  await editor.locator('.search-container .monaco-editor').first().click();
  await page.keyboard.press('Control+A'); // (the editor may keep an earlier search)
  await page.keyboard.type(SETTING);
  const item = editor.locator('.setting-item-bool', { hasText: 'Allow Changes' }).first();
  const checkbox = item.locator('.setting-value-checkbox').first();
  await checkbox.waitFor({ timeout: T });
  if ((await checkbox.getAttribute('aria-checked')) !== String(on)) await checkbox.click();
  await item.locator(`.setting-value-checkbox[aria-checked="${on}"]`).waitFor({ timeout: T });
  // written: the editor marks a setting that differs from its default (the write lags the click, and closing the
  // editor before it would lose it)
  const modified = item.locator('.setting-item-modified-indicator');
  await (on ? modified.waitFor({ state: 'visible', timeout: T }) : modified.waitFor({ state: 'hidden', timeout: T }));
  if (on) await page.screenshot({ path: path.join(SHOTS, 'policy-change-confirm-setting.png'), animations: 'disabled' });
  await closeAllEditors(page);
}

/**
 * Opens the palette on a command hidden until a setting is on: the palette lists what its `when` allowed when it
 * opened, and the workbench applies a setting written from the Settings editor a moment later, so it is opened
 * again (a few times, each waiting for the list) until the command is listed.
 */
async function paletteRow(page: Page, label: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // (Escape only for an open palette: on the Settings editor it would close it)
    if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ timeout: T });
    await input.fill(`>${label}`);
    const row = quickRow(page, label);
    try {
      await row.waitFor({ timeout: 5_000 });
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 6) throw new Error(`"${label}" is not in the palette after turning on ${SETTING}: ${String(error)}`);
    }
  }
}

export const protectionChangeSteps: Step[] = [
  {
    name: 'policy-change-confirm',
    skip: (ctx) => (removeLabel(ctx.manifest) ? undefined : `${REMOVE} not contributed yet`),
    async run(ctx) {
      const { page, manifest } = ctx;
      for (let i = 0; i < 3 && (await dialog(page).isVisible() || await page.locator('.quick-input-widget').isVisible()); i++) await page.keyboard.press('Escape');
      await clearNotifications(page);
      // the Exchange policy with the most mailboxes protected by hand, and three of them
      let policy: Policy | undefined;
      let units: Unit[] = [];
      for (const candidate of await graphList<Policy>(ctx, 'exchangeProtectionPolicies')) {
        const held = await graphList<Unit>(ctx, `exchangeProtectionPolicies/${candidate.id}/mailboxProtectionUnits`);
        const byHand = held.filter((u) => u.status === 'protected' && u.displayName && !(u.protectionSources ?? '').includes('dynamicRule'));
        if (candidate.displayName && byHand.length > units.length) [policy, units] = [candidate, byHand.slice(0, 3)];
      }
      if (!policy?.displayName || units.length < 3) throw new Error('the demo seed has no Exchange policy with three mailboxes protected by hand');

      await setAllowChanges(page, true);
      // the command shows in the palette once the workbench has applied the setting
      const input = page.locator('.quick-input-widget input.input').first();
      await paletteRow(page, removeLabel(manifest)!);
      await page.keyboard.press('Enter');
      await quickTitle(page).filter({ hasText: 'Remove Units from Policy' }).waitFor({ timeout: T });
      await input.fill(policy.displayName);
      await quickRow(page, policy.displayName).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await quickTitle(page).filter({ hasText: `the mailboxes to stop protecting in "${policy.displayName}"` }).waitFor({ timeout: T });
      for (const unit of units) {
        await input.fill(unit.displayName!);
        const row = quickRow(page, unit.displayName!);
        await row.waitFor({ timeout: T });
        await row.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
        await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: unit.displayName! }).first().waitFor({ timeout: T });
      }
      await input.fill('');
      await page.locator('.quick-input-widget .quick-input-count', { hasText: `${units.length} Selected` }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');

      const modal = dialog(page);
      await modal.filter({ hasText: `Stop protecting ${units[0].displayName}, ${units[1].displayName} and 1 more?` }).waitFor({ timeout: T });
      for (const unit of units) await modal.filter({ hasText: `• ${unit.displayName}` }).waitFor({ timeout: T });
      await modal.filter({ hasText: `Stops protecting 3 mailboxes in "${policy.displayName}"` }).waitFor({ timeout: T });
      await modal.locator('.monaco-button', { hasText: 'Stop Protecting 3 Mailboxes' }).waitFor({ timeout: T });
      // Enter presses the focused button: the harmless one
      await modal.locator('.monaco-button:focus', { hasText: "Don't Change" }).waitFor({ timeout: T });
      await page.screenshot({ path: path.join(SHOTS, 'policy-change-confirm-modal.png'), animations: 'disabled' });

      await modal.locator('.monaco-button', { hasText: "Don't Change" }).click();
      await modal.waitFor({ state: 'detached', timeout: T });
      const after = await graphList<Unit>(ctx, `exchangeProtectionPolicies/${policy.id}/mailboxProtectionUnits`);
      for (const unit of units) {
        const status = after.find((u) => u.id === unit.id)?.status;
        if (status !== 'protected') throw new Error(`declining left ${unit.displayName} ${String(status)}`);
      }
      await setAllowChanges(page, false);
    },
  },
];
