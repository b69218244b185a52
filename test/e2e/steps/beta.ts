// The walk's preview-API steps (issue 13, item 7): on a connection to the emulator's /beta, the point-in-time
// step offers a typed time twice, as is and "and items created since" (beta `includeNewerItems`), never chosen by
// default; choosing it makes the review say, per unit, that its point brings back the items created after it.
// The connection "Preview API emulator" (kind emulator, apiVersion beta, no sign-in) is in the run's user
// settings (test/host/run-e2e.js); each step switches to it and back to the built-in one.
import {
  T, WIZARD, clearNotifications, needsCommand, quickRow, quickTitle, wizardAccept, wizardUnits, type Step, type WalkContext,
} from '../steps';
import { switchConnection } from './accounts';
import { settle, useOpenEmulator } from './safety';

const PREVIEW = 'Preview API emulator';
const NEWER = /and items created since/;

/** On the preview connection, the create wizard at its point-in-time step with a time typed. */
async function typedTimeOnBeta(ctx: WalkContext): Promise<void> {
  const { page, manifest } = ctx;
  await settle(page, manifest);
  await clearNotifications(page);
  await useOpenEmulator(ctx);
  await switchConnection(page, manifest, new RegExp(PREVIEW));
  await page.locator('.part.sidebar .monaco-list-row', { hasText: PREVIEW }).first().waitFor({ timeout: T });
  await wizardUnits(page, manifest, 'OneDrive', ['Megan Bowen']);
  await wizardAccept(page, `${WIZARD}: point in time (3/5)`);
  await page.locator('.quick-input-widget input.input').first().fill('yesterday 09:00');
  await quickRow(page, NEWER).waitFor({ timeout: T });
}

/** Back on the built-in emulator connection, whatever the step left open. */
async function leavePreview(ctx: WalkContext): Promise<void> {
  await settle(ctx.page, ctx.manifest);
  await switchConnection(ctx.page, ctx.manifest, /Local emulator.*No sign-in/);
}

// (called lazily: ../steps imports this module, so its exports are not there at load time)
const needs = (ctx: WalkContext) => needsCommand('restoreSessions.createSession', 'restoreSessions.switchConnection')(ctx);

export const betaSteps: Step[] = [
  {
    name: 'beta-point-newer-items',
    skip: needs,
    async run(ctx) {
      await typedTimeOnBeta(ctx);
      const { page } = ctx;
      // both rows for the typed time; the plain one is the default (Enter never opts in by itself)
      await quickRow(page, /09:00 UTC[+-]?[\d:]* \([^)]* ago\)/).first().waitFor({ timeout: T });
      await quickRow(page, /Each point also brings back the items created after it/).waitFor({ timeout: T });
      const focused = await page.locator('.quick-input-widget .monaco-list-row.focused').first().innerText();
      if (NEWER.test(focused)) throw new Error(`the row that opts in to newer items is focused by default: "${focused}"`);
    },
  },
  {
    name: 'beta-review-newer-items',
    skip: needs,
    async run(ctx) {
      await typedTimeOnBeta(ctx);
      const { page } = ctx;
      await quickRow(page, NEWER).click();
      await quickTitle(page).filter({ hasText: `${WIZARD}: destination (4/5)` }).waitFor({ timeout: T });
      await quickRow(page, 'New location').click();
      await quickTitle(page).filter({ hasText: `${WIZARD}: review (5/5)` }).waitFor({ timeout: T });
      // the review names the unit, its point and that the point brings the newer items
      await quickRow(page, 'Megan Bowen').filter({ hasText: /with items created since/ }).waitFor({ timeout: T });
    },
  },
  {
    name: 'beta-switch-back',
    skip: needs,
    async run(ctx) {
      await leavePreview(ctx);
      await ctx.page.locator('.part.sidebar .monaco-list-row', { hasText: PREVIEW }).first().waitFor({ state: 'detached', timeout: T });
    },
  },
];
