// The walk's steps for the Protection view: the service status on the connection row, workloads → policies →
// units, a unit's restore points by day with the hour axis, its restore history opening a session's details, and
// "Restore…" on a restore point reaching the wizard's review with the unit and the point filled in. Each step
// starts from the view as it finds it, makes its own data through the emulator's Graph API, and leaves the
// Restore Sessions view expanded for the steps after it.
import type { Locator, Page } from 'playwright-core';
import { everyPage } from '../../support/pages';
import type { Step, WalkContext } from '../steps';

const T = 30000;
const BACKUP = '/v1.0/solutions/backupRestore';

interface Json { value?: Json[]; id?: string; status?: string; displayName?: string; [key: string]: unknown }

async function call(ctx: WalkContext, method: string, path: string, body?: unknown): Promise<Json> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  const r = await fetch(ctx.emulatorUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

const sidebar = (page: Page) => page.locator('.part.sidebar');
const paneOf = (page: Page, title: string) => sidebar(page).locator('.pane').filter({ has: page.locator('.pane-header', { hasText: title }) }).first();
const protection = (page: Page) => paneOf(page, 'Protection');
const row = (pane: Locator, level: number, text: string | RegExp) => pane.locator(`.monaco-list-row[aria-level="${level}"]`, { hasText: text }).first();
const quickTitle = (page: Page) => page.locator('.quick-input-widget .quick-input-title');
const quickRow = (page: Page, text: string | RegExp) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();

/** The protected Exchange unit named `name`, else the first by name, of the seed's Exchange policy. */
async function exchangeUnit(ctx: WalkContext, name?: string): Promise<{ id: string; name: string; policy: string }> {
  for (const policy of await everyPage<Json>(`${ctx.emulatorUrl}${BACKUP}/exchangeProtectionPolicies`)) {
    const units = await everyPage<Json>(`${ctx.emulatorUrl}${BACKUP}/exchangeProtectionPolicies/${policy.id}/mailboxProtectionUnits`);
    const named = units.filter((u) => u.status === 'protected' && u.displayName).sort((a, b) => a.displayName!.localeCompare(b.displayName!));
    const unit = named.find((u) => u.displayName === name) ?? named[0];
    if (unit) return { id: unit.id!, name: unit.displayName!, policy: policy.displayName! };
  }
  throw new Error('no protected, named Exchange unit in the seed');
}

/**
 * Shows the Protection view with the room it needs: Restore Sessions collapsed (`restoreAfter` expands it again),
 * the Protection view expanded and refreshed, so what the step made through Graph shows.
 */
async function openProtection(ctx: WalkContext): Promise<void> {
  const { page, manifest } = ctx;
  await page.keyboard.press('Escape');
  const title = manifest.contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'restoreSessions')?.title ?? 'Restore Sessions';
  if (!(await protection(page).isVisible().catch(() => false))) await page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).first().click();
  await protection(page).waitFor({ timeout: T });
  await setExpanded(paneOf(page, 'Restore Sessions').locator('.pane-header').first(), false);
  await setExpanded(protection(page).locator('.pane-header').first(), true);
  await widenSidebar(page);
  // each step starts from the top: everything read again, every row collapsed
  const header = protection(page).locator('.pane-header').first();
  await header.hover();
  await header.locator('.action-label[aria-label^="Refresh Protection"]').first().click();
  await header.hover();
  await header.locator('.action-label[aria-label^="Collapse All"]').first().click();
  await setExpanded(row(protection(page), 1, /Backup is|service status/), true);
  await row(protection(page), 2, 'Exchange').waitFor({ timeout: T });
}

/** Drags the sidebar's edge so whole rows (name, status, the hour axis of a day) fit in the screenshot. */
async function widenSidebar(page: Page): Promise<void> {
  const box = await sidebar(page).boundingBox();
  if (!box || box.width >= 700) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 760, y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Expands the Restore Sessions view again and collapses Protection, as a fresh install shows them, for the steps
 * after this one (they look for workload rows by name, which the Protection view also has).
 */
async function restoreAfter(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(900, 600);
  await setExpanded(paneOf(page, 'Restore Sessions').locator('.pane-header').first(), true);
  await setExpanded(protection(page).locator('.pane-header').first(), false);
}

/** Clicks a pane header or tree row until its aria-expanded says `expanded` (a click during a re-render can be lost). */
async function setExpanded(target: Locator, expanded: boolean): Promise<void> {
  await target.waitFor({ timeout: T });
  for (let attempt = 1; (await target.getAttribute('aria-expanded')) !== String(expanded); attempt++) {
    if (attempt > 4) throw new Error(`could not ${expanded ? 'expand' : 'collapse'} ${await target.innerText()}`);
    await target.click();
    await target.page().waitForFunction(
      ([el, want]) => (el as Element).getAttribute('aria-expanded') === want,
      [await target.elementHandle(), String(expanded)] as const,
      { timeout: 10_000 },
    ).catch(() => undefined);
  }
}

/** Exchange → the policy → the unit, expanded, in the Protection view. */
async function openUnit(ctx: WalkContext, unit: { name: string; policy: string }): Promise<void> {
  const pane = protection(ctx.page);
  await setExpanded(row(pane, 2, 'Exchange'), true);
  await setExpanded(row(pane, 3, unit.policy), true);
  await setExpanded(row(pane, 4, unit.name), true);
  await row(pane, 5, 'Restore points').waitFor({ timeout: T });
}

/** A restore of the unit made through Graph (another admin's), so its history has an entry. */
async function restoreOf(ctx: WalkContext, unitId: string): Promise<string> {
  const search = await call(ctx, 'POST', `${BACKUP}/restorePoints/search`, {
    protectionUnitIds: [unitId], protectionTimePeriod: { endDateTime: new Date().toISOString() }, restorePointPreference: 'latest',
  });
  const point = (search.searchResults as { restorePoint: { id: string } }[])[0].restorePoint.id;
  const session = await call(ctx, 'POST', `${BACKUP}/exchangeRestoreSessions`, { mailboxRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] });
  return session.id!;
}

export const protectionSteps: Step[] = [
  {
    name: 'protection-view',
    async run(ctx) {
      const { page } = ctx;
      const unit = await exchangeUnit(ctx);
      await openProtection(ctx);
      const pane = protection(page);
      for (const workload of ['Exchange', 'SharePoint', 'OneDrive']) await row(pane, 2, workload).waitFor({ timeout: T });
      await setExpanded(row(pane, 2, 'Exchange'), true);
      await row(pane, 3, new RegExp(`${unit.policy}.* · \\d+ mailboxes: \\d+ protected`)).waitFor({ timeout: T });
      await setExpanded(row(pane, 3, unit.policy), true);
      await row(pane, 4, new RegExp(`${unit.name}.*Protected · since`)).waitFor({ timeout: T });
      await row(pane, 4, /Not protected · since|Protection requested/).waitFor({ timeout: T });
    },
  },
  {
    name: 'service-status',
    async run(ctx) {
      const { page } = ctx;
      await openProtection(ctx);
      const service = row(protection(page), 1, 'Backup is on');
      await service.waitFor({ timeout: T });
      // the tooltip says when it last changed; a hover during a re-render shows nothing, so hover again
      const tooltip = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Backup is on' }).first();
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(900, 600);
        await service.hover();
        if (await tooltip.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
        if (attempt === 4) throw new Error('no tooltip on the service row');
      }
    },
  },
  {
    name: 'unit-restore-points-timeline',
    async run(ctx) {
      const { page } = ctx;
      await page.mouse.move(900, 600);
      // the demo seed's mailbox whose protection was paused for six days: its timeline has a gap
      const unit = await exchangeUnit(ctx, 'Fatima Khan');
      await openProtection(ctx);
      await openUnit(ctx, unit);
      const pane = protection(page);
      await setExpanded(row(pane, 5, 'Restore points'), true);
      // one row per day, newest first, each with its hour axis and counts (the days' points are one click away)
      await row(pane, 6, /\(today.*0h [█▄░·]{24} 24h · \d+ points/).waitFor({ timeout: 60_000 });
      await row(pane, 6, /\(yesterday.*0h █{24} 24h · 144 points, 24 fast restore/).waitFor({ timeout: T });
      if (unit.name === 'Fatima Khan') await row(pane, 6, /0h ░{24} 24h · 0 points, 1 gap/).waitFor({ timeout: T });
    },
  },
  {
    name: 'unit-restore-history',
    async run(ctx) {
      const { page } = ctx;
      const unit = await exchangeUnit(ctx);
      const sessionId = await restoreOf(ctx, unit.id);
      ctx.log(`  ${unit.name} restored by ${sessionId}`);
      await openProtection(ctx);
      await openUnit(ctx, unit);
      const pane = protection(page);
      await setExpanded(row(pane, 5, 'Restore history'), true);
      // every session of the three workloads is read and named first: allow for a slow machine
      const newest = row(pane, 6, new RegExp(`${unit.name}.*Draft`));
      await newest.waitFor({ timeout: 120_000 });
      await newest.click();
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await frame.locator('code.session-id', { hasText: sessionId }).waitFor({ timeout: T });
    },
  },
  {
    name: 'restore-from-unit',
    async run(ctx) {
      const { page } = ctx;
      await page.mouse.move(900, 600);
      const unit = await exchangeUnit(ctx);
      await openProtection(ctx);
      await openUnit(ctx, unit);
      const pane = protection(page);
      await setExpanded(row(pane, 5, 'Restore points'), true);
      const yesterday = row(pane, 6, /\(yesterday/);
      await setExpanded(yesterday, true);
      const point = row(pane, 7, /fast restore/);
      await point.waitFor({ timeout: T });
      const time = (await point.locator('.label-name').first().innerText()).trim();
      // the row's context menu: Restore… (the menu ignores a click right after it opened; the hovered item takes Enter)
      await point.click({ button: 'right' });
      const entry = page.locator('.context-view .monaco-menu .action-item', { hasText: /^Restore…$/ }).first();
      await entry.waitFor({ timeout: T });
      await entry.hover();
      await page.locator('.context-view .monaco-menu .action-item.focused', { hasText: /^Restore…$/ }).waitFor({ timeout: T });
      await page.keyboard.press('Enter');
      await quickTitle(page).filter({ hasText: 'Create Restore Session: destination' }).waitFor({ timeout: T });
      await quickRow(page, 'New location').click();
      await quickTitle(page).filter({ hasText: 'Create Restore Session: review' }).waitFor({ timeout: T });
      await quickRow(page, new RegExp(`${unit.name}.*as of \\d{4}-\\d\\d-\\d\\d ${time}`)).waitFor({ timeout: T });
      await page.locator('.notifications-toasts .notification-toast', { hasText: 'Finding restore points' }).first().waitFor({ state: 'detached', timeout: T });
    },
  },
  {
    // After the last step: the wizard closed, Restore Sessions expanded again for the steps that follow.
    name: 'protection-done',
    async run({ page }) {
      await restoreAfter(page);
    },
  },
];
