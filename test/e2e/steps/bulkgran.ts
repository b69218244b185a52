// E2E steps for bulk restore from CSV and the granular restores: the CSV format help before the file dialog,
// the preview of a CSV with a mistyped address before anything is sent, the granular mailbox form with the
// built query and its match count, and the review of a granular file restore. Each step makes its own data
// (the CSV is written to a temporary folder and typed into VS Code's simple file dialog).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { everyPage } from '../../support/pages';
import { BACKUP, T, commandLabel, needsCommand, setEmulatorUrl, showExplorer, startFromPalette, type Step, type WalkContext } from '../steps';

const widget = (page: Page) => page.locator('.quick-input-widget');
const title = (page: Page) => widget(page).locator('.quick-input-title');
const row = (page: Page, text: string | RegExp) => widget(page).locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
const input = (page: Page) => widget(page).locator('input.input').first();
const modal = (page: Page) => page.locator('.monaco-dialog-box');

/** Moves the list focus with the arrow keys to the row containing `text` (Enter then acts on it). */
async function focusRow(page: Page, text: string | RegExp): Promise<void> {
  await row(page, text).waitFor({ timeout: T });
  // keys go to the quick input's box, which moves the list's focus and accepts the focused row; after a checkbox
  // click the keyboard focus sits on that checkbox, where Enter is not an accept
  await input(page).focus();
  const focused = widget(page).locator('.quick-input-list .monaco-list-row.focused');
  for (let i = 0; i < 60; i++) {
    if (await focused.filter({ hasText: text }).count()) return;
    // read at once: a locator's getAttribute would wait up to 30 s for a focused row to exist
    const before = await page.evaluate(() => document.querySelector('.quick-input-list .monaco-list-row.focused')?.getAttribute('data-index') ?? null);
    await page.keyboard.press('ArrowDown');
    // one key at a time: on a busy machine keys sent faster than the list follows would run past the row
    await page.waitForFunction((was) => (document.querySelector('.quick-input-list .monaco-list-row.focused')?.getAttribute('data-index') ?? null) !== was, before, { timeout: T });
  }
  throw new Error(`no row ${String(text)} could be focused`);
}

const fileRows = (page: Page) => widget(page).locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.codicon-file') });

async function checkFirstFile(page: Page): Promise<void> {
  await fileRows(page).first().locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
  await fileRows(page).and(page.locator('[aria-checked="true"]')).first().waitFor({ timeout: T });
}

/** Enter on a row (a folder opens, Up goes up): waits for the title to change. */
async function openRow(page: Page, text: string | RegExp): Promise<void> {
  const before = (await title(page).textContent()) ?? '';
  await focusRow(page, text);
  await page.keyboard.press('Enter');
  await title(page).filter({ hasNotText: before }).waitFor({ timeout: T });
  await row(page, 'Done — restore').waitFor({ timeout: T });
}

/** The label of the n-th folder row (0-based) of the folder shown. */
async function folderName(page: Page, n: number): Promise<string> {
  const label = await widget(page).locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.codicon-folder') }).nth(n).locator('.label-name').first().textContent();
  if (!label) throw new Error(`no folder ${n + 1} here`);
  return label.trim();
}

async function graphList(ctx: WalkContext, collection: string): Promise<{ id: string; email?: string; displayName?: string; status?: string }[]> {
  return everyPage(`${ctx.emulatorUrl}${BACKUP}/${collection}`);
}

/**
 * The permission steps leave the extension on the emulator with --auth on, signed in as a read-only user who
 * may neither search nor browse: point it back at the walk's own emulator (Settings editor) when it is there.
 */
async function useWalkEmulator(ctx: WalkContext): Promise<void> {
  const { page, authEmulatorUrl, emulatorUrl } = ctx;
  const sidebar = page.locator('.part.sidebar');
  await showExplorer(page, ctx.manifest);
  if (!authEmulatorUrl || !(await sidebar.locator('.monaco-list-row', { hasText: new URL(authEmulatorUrl).host }).count())) return;
  await setEmulatorUrl(page, emulatorUrl);
  ctx.log(`  back on ${emulatorUrl}`);
}

const csvState: { file?: string; mistyped?: string; sessionsBefore?: number } = {};

/** Writes a CSV with a header, two people, a mistyped address and a duplicate, then opens the format help. */
async function openCsvHelp(ctx: WalkContext): Promise<void> {
  const { page, manifest } = ctx;
  await useWalkEmulator(ctx);
  const people = (await graphList(ctx, 'mailboxProtectionUnits')).filter((u) => u.status === 'protected' && u.email && u.displayName).slice(0, 2);
  csvState.mistyped = people[0].email!.replace('@', 'x@');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkgran-e2e-'));
  csvState.file = path.join(dir, 'people.csv');
  fs.writeFileSync(csvState.file, ['DisplayName,UPN', ...people.map((p) => `${p.displayName},${p.email}`), `Typo,${csvState.mistyped}`, `Again,${people[1].email}`].join('\n'));
  csvState.sessionsBefore = (await graphList(ctx, 'exchangeRestoreSessions')).length;
  await startFromPalette(page, commandLabel(manifest, 'restoreSessions.bulkRestoreFromCsv'), /which workload/);
  await row(page, /^Exchange/).click();
  await modal(page).filter({ hasText: 'DisplayName,UPN' }).waitFor({ timeout: T });
}

export const bulkGranularSteps: Step[] = [
  {
    name: 'csv-format-help',
    skip: (ctx) => needsCommand('restoreSessions.bulkRestoreFromCsv')(ctx),
    async run(ctx) {
      await openCsvHelp(ctx);
      await modal(ctx.page).locator('.monaco-button', { hasText: 'Choose File…' }).waitFor({ timeout: T });
    },
  },
  {
    name: 'csv-unresolved-before-send',
    skip: (ctx) => needsCommand('restoreSessions.bulkRestoreFromCsv')(ctx),
    async run(ctx) {
      const { page } = ctx;
      if (!(await modal(page).isVisible().catch(() => false))) await openCsvHelp(ctx);
      await modal(page).locator('.monaco-button', { hasText: 'Choose File…' }).click();
      // the simple file dialog: a quick input that takes a typed path
      await title(page).filter({ hasText: 'CSV of mailboxes to restore' }).waitFor({ timeout: T });
      // the dialog first shows its folder; a path typed before that is overwritten
      await page.waitForFunction(() => (document.querySelector('.quick-input-widget input.input') as HTMLInputElement | null)?.value.endsWith('/'), undefined, { timeout: T });
      // the dialog may set its folder again after a fill (then Enter would open the folder, not the file): type the
      // whole path, accept it, and try again while the preview has not come
      const preview = title(page).filter({ hasText: '1 not found' });
      for (let attempt = 1; ; attempt++) {
        await input(page).fill(csvState.file!);
        await row(page, 'people.csv').waitFor({ timeout: 3000 }).catch(() => undefined);
        if ((await input(page).inputValue()) === csvState.file) {
          await page.keyboard.press('Enter');
          if (await preview.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
          // still reading the file (the dialog has closed): wait for the preview; never type into the preview
          if (!(await title(page).filter({ hasText: 'CSV of mailboxes to restore' }).isVisible())) break;
        }
        if (attempt === 5) throw new Error(`the file dialog never took the path ${csvState.file}`);
      }
      await title(page).filter({ hasText: '1 not found' }).waitFor({ timeout: T });
      await row(page, csvState.mistyped!).waitFor({ timeout: T });
      await row(page, 'Listed twice').waitFor({ timeout: T });
      const after = (await graphList(ctx, 'exchangeRestoreSessions')).length;
      if (after !== csvState.sessionsBefore) throw new Error(`a session was created before the preview was accepted (${csvState.sessionsBefore} → ${after})`);
    },
  },
  {
    name: 'granular-mail-form',
    skip: (ctx) => needsCommand('restoreSessions.createGranularMailboxRestore')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await useWalkEmulator(ctx);
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.createGranularMailboxRestore'), '(1/10)');
      await input(page).fill('Debra Berger');
      await row(page, 'Debra Berger').click();
      await title(page).filter({ hasText: '(2/10)' }).waitFor({ timeout: T });
      await row(page, 'Latest restore point').click();
      const answers: [string, string][] = [['(3/10)', 'Debra'], ['(4/10)', ''], ['(5/10)', 'invoice']];
      for (const [step, text] of answers) {
        await title(page).filter({ hasText: step }).waitFor({ timeout: T });
        await input(page).fill(text);
        await page.keyboard.press('Enter');
      }
      await title(page).filter({ hasText: '(6/10)' }).waitFor({ timeout: T });
      await row(page, 'Only items with attachments').click();
      await title(page).filter({ hasText: '(7/10)' }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await title(page).filter({ hasText: '(8/10)' }).waitFor({ timeout: T });
      await widget(page).locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Mail$/ }) }).first().click();
      await title(page).filter({ hasText: '(9/10)' }).waitFor({ timeout: T });
      const built = "(Sender -like 'Debra*') -and (Subject -like '*invoice*') -and (HasAttachment -eq 'true') -and (ItemClass -eq 'IPM.Note')";
      if ((await input(page).inputValue()) !== built) throw new Error(`the form built ${await input(page).inputValue()}`);
      await page.keyboard.press('Enter');
      await title(page).filter({ hasText: /\d+ items? match at/ }).waitFor({ timeout: T });
      await row(page, 'New location').waitFor({ timeout: T });
      await row(page, built).waitFor({ timeout: T });
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Counting the matching items' }).waitFor({ state: 'detached', timeout: T });
      await input(page).and(page.locator("[placeholder*=\"Mail from Debra with 'invoice' in the subject\"]")).waitFor({ timeout: T });
    },
  },
  {
    name: 'granular-file-review',
    skip: (ctx) => needsCommand('restoreSessions.createGranularFileRestore')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await useWalkEmulator(ctx);
      await startFromPalette(page, commandLabel(manifest, 'restoreSessions.createGranularFileRestore'), /from where/);
      await row(page, /^SharePoint/).click();
      await title(page).filter({ hasText: '(1/6)' }).waitFor({ timeout: T });
      await input(page).fill('Finance');
      await row(page, 'Finance').click();
      await title(page).filter({ hasText: '(2/6)' }).waitFor({ timeout: T });
      await row(page, 'fast restore').click();
      await title(page).filter({ hasText: 'where do the files go' }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await title(page).filter({ hasText: '0 selected' }).waitFor({ timeout: 60000 });
      // Enter on Done with nothing selected explains instead of closing
      await focusRow(page, 'Done — restore 0 items');
      await page.keyboard.press('Enter');
      await title(page).filter({ hasText: 'nothing selected yet' }).waitFor({ timeout: T });
      await openUntilFiles(page);
      await checkFirstFile(page);
      await row(page, 'Done — restore 1 item').waitFor({ timeout: T });
      await title(page).filter({ hasText: '1 selected' }).waitFor({ timeout: T });
      // a click on Done (its checkbox or its label) is the mouse way to finish; Enter on it is tried above
      await row(page, 'Done — restore 1 item').click();
      await title(page).filter({ hasText: /review — 1 item from Finance/ }).waitFor({ timeout: T });
      await row(page, 'Create as draft').waitFor({ timeout: T });
      await row(page, 'A new folder in Finance').waitFor({ timeout: T });
      if (await widget(page).locator('.monaco-list-row', { hasText: '%20' }).count()) throw new Error('an encoded name is shown');
    },
  },
];

/** Opens the first folder, and the first folder below it, until the folder shown holds files. */
async function openUntilFiles(page: Page): Promise<void> {
  for (let depth = 0; depth < 6; depth++) {
    if (await fileRows(page).count()) return;
    await openRow(page, await folderName(page, 0));
  }
  throw new Error('no folder with files found');
}
