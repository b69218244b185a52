// The walk's steps for sessions named by what they restore: named rows (with the tooltip listing the units),
// "Find Restores of…", the completion notice of a session whose workload is collapsed, and the log at Info
// after an action. Each step makes its own data through the emulator's Graph API and the UI, and first points
// the view back at the walk's main emulator (the permission steps leave it on the sign-in emulator).
import type { Page } from 'playwright-core';
import { everyPage } from '../../support/pages';
import { setEmulatorUrl, type Manifest, type Step, type WalkContext } from '../steps';

const T = 30000;
const BACKUP = '/v1.0/solutions/backupRestore';
const ONEDRIVE = { sessions: 'oneDriveForBusinessRestoreSessions', artifacts: 'driveRestoreArtifacts' };
const EXCHANGE = { sessions: 'exchangeRestoreSessions', artifacts: 'mailboxRestoreArtifacts' };
const WORKLOADS = ['Exchange', 'SharePoint', 'OneDrive'] as const;

type NamesContext = WalkContext & { emulatorControlToken?: string };
interface Json { value?: Json[]; id?: string; status?: string; displayName?: string; restorePoint?: Json; protectionUnit?: Json; [key: string]: unknown }

async function call(ctx: NamesContext, method: string, path: string, body?: unknown): Promise<Json> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (path.startsWith('/_emulator/') && ctx.emulatorControlToken) headers['x-emulator-control-token'] = ctx.emulatorControlToken;
  const r = await fetch(ctx.emulatorUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

/** A restore point of a unit the seed has restored before, and that unit's display name. */
async function knownPoint(ctx: NamesContext, set: { sessions: string; artifacts: string }): Promise<{ pointId: string; unitName: string }> {
  const sessions = await everyPage<Json>(`${ctx.emulatorUrl}${BACKUP}/${set.sessions}`);
  for (const session of sessions) {
    const artifacts = (await call(ctx, 'GET', `${BACKUP}/${set.sessions}/${session.id}/${set.artifacts}`)).value ?? [];
    const pointId = artifacts[0]?.restorePoint?.id;
    if (!pointId) continue;
    // (the point's navigation property, not `?$expand=protectionUnit`: no page documents `$expand` on a single point)
    const pointUnit = await call(ctx, 'GET', `${BACKUP}/restorePoints/${pointId}/protectionUnit`);
    const unit = await call(ctx, 'GET', `${BACKUP}/protectionUnits/${pointUnit.id}`);
    if (unit.displayName) return { pointId, unitName: unit.displayName };
  }
  throw new Error(`no ${set.sessions} artifact with a named unit in the seed`);
}

/** A new draft restoring one unit to a new location, made through Graph (as another admin or a script would). */
async function newDraft(ctx: NamesContext, set: { sessions: string; artifacts: string }): Promise<{ id: string; unitName: string }> {
  const { pointId, unitName } = await knownPoint(ctx, set);
  const created = await call(ctx, 'POST', `${BACKUP}/${set.sessions}`, { [set.artifacts]: [{ restorePoint: { id: pointId }, destinationType: 'new' }] });
  ctx.log(`  draft ${created.id} restores ${unitName}`);
  return { id: created.id!, unitName };
}

async function palette(page: Page, command: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  await input.fill(`>${command}`);
  await quickRow(page, command).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

const quickRow = (page: Page, text: string | RegExp) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
const quickTitle = (page: Page) => page.locator('.quick-input-widget .quick-input-title');
const toast = (page: Page, text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
const dialog = (page: Page) => page.locator('.monaco-dialog-box');
const sidebar = (page: Page) => page.locator('.part.sidebar');
const commandTitle = (m: Manifest, id: string): string => {
  const c = m.contributes?.commands?.find((x) => x.command === id);
  if (!c) throw new Error(`${id} is not contributed`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
};

/** Shows the view, pointed at the walk's main emulator (switching back from the sign-in emulator if needed). */
async function mainEmulator(ctx: NamesContext): Promise<void> {
  const { page, emulatorUrl, manifest } = ctx;
  await page.keyboard.press('Escape');
  const title = manifest.contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'restoreSessions')?.title ?? 'Restore Sessions';
  if (!(await sidebar(page).locator('.monaco-list-row', { hasText: 'Exchange' }).first().isVisible().catch(() => false))) {
    await page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).first().click();
  }
  const host = new URL(emulatorUrl).host;
  const connectionRow = sidebar(page).locator('.monaco-list-row[aria-level="1"]').first();
  await connectionRow.waitFor({ timeout: T });
  if ((await connectionRow.innerText()).includes(host)) return;
  await setEmulatorUrl(page, emulatorUrl);
}

/** Expands `workload` (or none) and collapses the others, after a refresh so drafts made through Graph show. */
async function expandOnly(page: Page, manifest: Manifest, workload: (typeof WORKLOADS)[number] | undefined): Promise<void> {
  await palette(page, commandTitle(manifest, 'restoreSessions.refresh'));
  for (const w of WORKLOADS) {
    const row = sidebar(page).locator('.monaco-list-row[aria-level="2"]', { hasText: w }).first();
    await row.waitFor({ timeout: T });
    const want = String(w === workload);
    // a click that lands while the view re-renders (a refresh announced by the hub) can be lost: try again
    for (let attempt = 1; (await row.getAttribute('aria-expanded')) !== want; attempt++) {
      await row.click();
      const settled = sidebar(page).locator(`.monaco-list-row[aria-level="2"][aria-expanded="${want}"]`, { hasText: w }).first();
      if (await settled.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
      if (attempt === 3) throw new Error(`${w} did not ${want === 'true' ? 'expand' : 'collapse'}`);
    }
  }
}

/** Runs a session command from the palette on the newest session its picker offers (the draft just made). */
async function onNewestSession(page: Page, manifest: Manifest, command: string): Promise<void> {
  await palette(page, commandTitle(manifest, command));
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ timeout: T });
  await dialog(page).locator('.monaco-button').filter({ hasNotText: /^Cancel$/ }).first().click();
  await dialog(page).waitFor({ state: 'detached', timeout: T });
}

/** Drags the sidebar's edge so whole rows (name, status, progress, age, creator) fit in the screenshot. */
async function widenSidebar(page: Page): Promise<void> {
  const box = await sidebar(page).boundingBox();
  if (!box || box.width >= 600) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 640, y, { steps: 5 });
  await page.mouse.up();
}

async function clearNotifications(page: Page): Promise<void> {
  await palette(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: T }).catch(() => undefined);
}

export const namesSteps: Step[] = [
  {
    name: 'session-named-by-units',
    async run(ctx) {
      const { page, manifest } = ctx;
      await mainEmulator(ctx);
      const draft = await newDraft(ctx, EXCHANGE);
      await expandOnly(page, manifest, 'Exchange');
      // the row first shows its creation time, then its unit's name once the batched artifacts arrive
      const row = sidebar(page).locator('.monaco-list-row[aria-level="3"]', { hasText: draft.unitName }).first();
      await row.waitFor({ timeout: T });
      await sidebar(page).locator('.monaco-list-row[aria-level="3"]', { hasText: /by / }).first().waitFor({ timeout: T });
      await widenSidebar(page);
      // the tooltip names the unit; a hover that lands during a re-render shows nothing, so hover again
      const tooltip = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: draft.unitName }).first();
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(900, 600);
        await row.hover();
        if (await tooltip.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
        if (attempt === 4) throw new Error(`no tooltip naming ${draft.unitName}`);
      }
      // leave no hover behind: a lingering one takes the keyboard from the next step's quick pick
      await page.mouse.move(900, 600);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'find-restores-of',
    async run(ctx) {
      const { page, manifest } = ctx;
      await mainEmulator(ctx);
      const { unitName } = await knownPoint(ctx, EXCHANGE);
      // focus away from the tree and any hover the previous step left, so the palette gets the keyboard
      await page.mouse.click(900, 600);
      await page.keyboard.press('Escape');
      await palette(page, commandTitle(manifest, 'restoreSessions.findRestoresOf'));
      await quickTitle(page).filter({ hasText: 'Find Restores of' }).waitFor({ timeout: T });
      await page.locator('.quick-input-widget input.input').first().fill(unitName);
      await quickRow(page, unitName).first().click();
      // every session of the three workloads is listed and named first: allow for a slow machine
      await quickTitle(page).filter({ hasText: `Restores of ${unitName}` }).waitFor({ timeout: 120_000 });
      await quickRow(page, unitName).waitFor({ timeout: T });
    },
  },
  {
    name: 'notify-collapsed-workload',
    async run(ctx) {
      const { page, manifest } = ctx;
      await mainEmulator(ctx);
      await clearNotifications(page);
      const draft = await newDraft(ctx, ONEDRIVE);
      await expandOnly(page, manifest, undefined); // every workload collapsed
      await onNewestSession(page, manifest, 'restoreSessions.activateSession');
      await call(ctx, 'POST', '/_emulator/clock/advance', { seconds: 7200 });
      await toast(page, new RegExp(`${draft.unitName}: .*Restored to`)).waitFor({ timeout: 90000 });
    },
  },
  {
    name: 'log-info-actions',
    async run(ctx) {
      const { page, manifest } = ctx;
      await mainEmulator(ctx);
      await clearNotifications(page);
      const draft = await newDraft(ctx, EXCHANGE);
      await expandOnly(page, manifest, 'Exchange');
      await onNewestSession(page, manifest, 'restoreSessions.deleteSession');
      await palette(page, commandTitle(manifest, 'restoreSessions.showLog'));
      // (the editor writes spaces as no-break spaces and wraps long lines: \s* where a line may wrap)
      const output = page.locator('.part.panel .monaco-editor .view-lines');
      await output.filter({ hasText: new RegExp(`\\[info\\]\\sDeleted\\sExchange\\srestore\\s“${draft.unitName.replace(/ /g, '\\s')}”`) }).first().waitFor({ timeout: T });
      await output.filter({ hasText: /\[info\]\sDELETE\s\/solutions\/backupRestore\/\S+\s*→\s*204\s*·\s*\d+\s*ms\s*·\s*request-id/ }).first().waitFor({ timeout: T });
    },
  },
];
