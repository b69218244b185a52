// The walk's restore-safety steps (issue 12, findings 2, 3, 8, 14): the one activation confirmation naming the
// units with their points and ages and the destination; the wizard's "Create and activate now" of an in-place
// restore stopping at that confirmation with a harmless default button; Add Artifacts… asking the destination;
// the review flagging a stale point of an unprotected mailbox; the point-in-time step listing the real restore
// points around a typed time; Retry Failed suggesting a new location for a Preservation Lock failure. Data comes
// from the emulator the walk started (the extension is pointed back at it if a permission step moved it).
// (`skip` calls into ../steps lazily: that module imports this one, so its exports are not there at load time.)
import type { Page } from 'playwright-core';
import { everyPage } from '../../support/pages';
import {
  BACKUP, T, WIZARD, clearNotifications, closeAllEditors, commandLabel, dialog, emulatorCall, needsCommand, newestSessionId, quickRow, quickTitle,
  sessionCommandFor, setEmulatorUrl, showExplorer, startFromPalette, wizardAccept, wizardPick, wizardUnits, type Manifest, type Step, type WalkContext,
} from '../steps';

interface Unit { id: string; displayName?: string; status?: string }
interface Artifact { error?: { message?: string } | null; status?: string }

/** What the steps made, for the step that checks Enter after the wizard's confirmation. */
const state: { wizardDraft?: string } = {};

async function graph<T>(ctx: WalkContext, method: string, path: string, body?: unknown): Promise<T> {
  const { status, json } = await emulatorCall(ctx.emulatorUrl, method, `${BACKUP}/${path}`, body);
  if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json)}`);
  return json as T;
}

/** Points the extension back at the walk's emulator without sign-in, when a permission step moved it. */
export async function useOpenEmulator(ctx: WalkContext): Promise<void> {
  const { page, manifest, emulatorUrl, authEmulatorUrl } = ctx;
  await showExplorer(page, manifest);
  const sidebar = page.locator('.part.sidebar');
  if (!authEmulatorUrl || !(await sidebar.locator('.monaco-list-row', { hasText: new URL(authEmulatorUrl).host }).first().isVisible())) return;
  await setEmulatorUrl(page, emulatorUrl);
  await closeAllEditors(page).catch(() => undefined);
  await showExplorer(page, manifest);
}

/** The runner's window size (an earlier step may have narrowed it to look at a narrow panel). */
const VIEWPORT = { width: 1400, height: 900 };

/** Leaves no dialog or quick input of an earlier step in the way, in a window of the runner's size. */
export async function settle(page: Page, manifest: Manifest): Promise<void> {
  for (let i = 0; i < 3 && (await dialog(page).isVisible() || await page.locator('.quick-input-widget').isVisible()); i++) await page.keyboard.press('Escape');
  const size = page.viewportSize();
  if (size?.width !== VIEWPORT.width || size.height !== VIEWPORT.height) await page.setViewportSize(VIEWPORT);
  // The side bar back: a narrow window can leave it hidden, or shown at zero width (then only its sash is left, and
  // a click on the container's icon would hide it again); open it, then drag the sash out.
  const sidebar = page.locator('.part.sidebar');
  const title = manifest.contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'restoreSessions')?.title ?? 'Restore Sessions';
  if (!(await sidebar.boundingBox())) await page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).first().click();
  const box = await sidebar.boundingBox();
  if (box && box.width < 200) {
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width + 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 450, y, { steps: 5 });
    await page.mouse.up();
  }
  await showExplorer(page, manifest);
}

async function mailboxes(ctx: WalkContext): Promise<Unit[]> {
  return everyPage<Unit>(`${ctx.emulatorUrl}${BACKUP}/mailboxProtectionUnits`);
}

/** An Exchange draft restoring the latest points of these mailboxes, made through Graph. */
async function exchangeDraft(ctx: WalkContext, units: readonly Unit[], destinationType: 'new' | 'inPlace'): Promise<string> {
  const search = await graph<{ searchResults: { restorePoint: { id: string } }[] }>(ctx, 'POST', 'restorePoints/search', {
    protectionUnitIds: units.map((u) => u.id), protectionTimePeriod: { endDateTime: new Date().toISOString() }, restorePointPreference: 'latest',
  });
  const session = await graph<{ id: string }>(ctx, 'POST', 'exchangeRestoreSessions', {
    mailboxRestoreArtifacts: search.searchResults.map((r) => ({ restorePoint: { id: r.restorePoint.id }, destinationType })),
  });
  return session.id;
}

/** Runs a session command from the palette, picks the session by id, and waits for the quick input it opens. */
async function sessionPickFor(page: Page, manifest: Manifest, command: string, sessionId: string, nextTitle: RegExp): Promise<void> {
  await startFromPalette(page, commandLabel(manifest, command), 'Pick a restore session');
  await page.locator('.quick-input-widget input.input').first().fill(sessionId);
  await quickRow(page, sessionId).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await quickTitle(page).filter({ hasText: nextTitle }).waitFor({ timeout: T });
}

export const safetySteps: Step[] = [
  {
    name: 'stale-point-flagged',
    skip: (ctx) => needsCommand('restoreSessions.createSession')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await settle(page, manifest);
      await clearNotifications(page);
      await useOpenEmulator(ctx);
      // a mailbox no longer protected: its latest restore point is weeks old
      const stale = (await mailboxes(ctx)).find((u) => u.status === 'unprotected' && u.displayName);
      if (!stale?.displayName) throw new Error('the demo seed has no unprotected mailbox');
      await wizardUnits(page, manifest, 'Exchange', [stale.displayName]);
      await wizardAccept(page, `${WIZARD}: point in time (3/5)`);
      await wizardPick(page, 'Latest restore point', `${WIZARD}: destination (4/5)`);
      await wizardPick(page, 'New location', `${WIZARD}: review (5/5)`);
      await quickRow(page, new RegExp(`${stale.displayName}: the nearest restore point is .+ before the time you chose`)).waitFor({ timeout: T });
      await quickRow(page, `${stale.displayName} is not protected any more`).waitFor({ timeout: T });
    },
  },
  {
    name: 'point-in-time-list',
    skip: (ctx) => needsCommand('restoreSessions.createSession')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await settle(page, manifest);
      await useOpenEmulator(ctx);
      await wizardUnits(page, manifest, 'OneDrive', ['Megan Bowen']);
      await wizardAccept(page, `${WIZARD}: point in time (3/5)`);
      await page.locator('.quick-input-widget input.input').first().fill('yesterday 09:00');
      // the typed time read back with its zone and age ("1 day ago", or "15 h ago" just after midnight), and
      // the real points around it (on the hour: fast restore)
      await quickRow(page, /09:00 UTC[+-]?[\d:]* \([^)]* ago\)/).waitFor({ timeout: T });
      await page.locator('.quick-input-widget .quick-input-list', { hasText: 'Restore points of Megan Bowen' }).waitFor({ timeout: T });
      await quickRow(page, /fast restore · at the time you chose/).waitFor({ timeout: T });
    },
  },
  {
    name: 'activate-confirm-names-units',
    skip: (ctx) => needsCommand('restoreSessions.activateSession')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await settle(page, manifest);
      await clearNotifications(page);
      await useOpenEmulator(ctx);
      const units = (await mailboxes(ctx)).filter((u) => u.status === 'protected' && u.displayName).slice(0, 7);
      const id = await exchangeDraft(ctx, units, 'new');
      await sessionCommandFor(page, manifest, 'restoreSessions.activateSession', id);
      const modal = dialog(page);
      for (const unit of units.slice(0, 5)) await modal.filter({ hasText: unit.displayName! }).waitFor({ timeout: T });
      await modal.filter({ hasText: 'and 2 more' }).waitFor({ timeout: T });
      await modal.filter({ hasText: /as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/ }).waitFor({ timeout: T });
      await modal.filter({ hasText: 'Destination: a new location' }).waitFor({ timeout: T });
    },
  },
  {
    name: 'wizard-activate-now-inplace-confirm',
    skip: (ctx) => needsCommand('restoreSessions.createSession', 'restoreSessions.activateSession')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await settle(page, manifest);
      await clearNotifications(page);
      await useOpenEmulator(ctx);
      await wizardUnits(page, manifest, 'Exchange', ['Adele Vance', 'Alex Wilber']);
      await wizardAccept(page, `${WIZARD}: point in time (3/5)`);
      await wizardPick(page, 'Latest restore point', `${WIZARD}: destination (4/5)`);
      await wizardPick(page, 'In place', `${WIZARD}: review (5/5)`);
      await quickRow(page, 'Create and activate now').click();
      const modal = dialog(page);
      await modal.filter({ hasText: 'overwrites the current content of Adele Vance and Alex Wilber' }).waitFor({ timeout: T });
      // Enter presses the focused button: the harmless one
      await modal.locator('.monaco-button:focus', { hasText: "Don't Restore" }).waitFor({ timeout: T });
      state.wizardDraft = await newestSessionId(ctx.emulatorUrl, 'Exchange');
    },
  },
  {
    name: 'add-artifacts-asks-destination',
    skip: (ctx) => needsCommand('restoreSessions.addArtifacts')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      // (the previous step left the in-place confirmation open: Enter answers it and must not activate)
      if (state.wizardDraft && await dialog(page).isVisible()) {
        await page.keyboard.press('Enter');
        await dialog(page).waitFor({ state: 'detached', timeout: T });
        const { json } = await emulatorCall(ctx.emulatorUrl, 'GET', `${BACKUP}/restoreSessions/${state.wizardDraft}`);
        if (json.status !== 'draft') throw new Error(`Enter on the in-place confirmation left the session ${String(json.status)}`);
      }
      await settle(page, manifest);
      await clearNotifications(page);
      await useOpenEmulator(ctx);
      const units = (await mailboxes(ctx)).filter((u) => u.status === 'protected' && u.displayName).slice(0, 1);
      const id = await exchangeDraft(ctx, units, 'inPlace');
      await sessionPickFor(page, manifest, 'restoreSessions.addArtifacts', id, /destination \(1\/4\)/);
      await quickRow(page, "this session's destination").filter({ hasText: 'In place' }).waitFor({ timeout: T });
      await quickRow(page, 'not possible in this session').filter({ hasText: 'New location' }).waitFor({ timeout: T });
      await page.locator('.quick-input-widget input.input[placeholder*="A session has one destination"]').waitFor({ timeout: T });
    },
  },
  {
    name: 'retry-change-destination',
    skip: (ctx) => needsCommand('restoreSessions.retryFailed')(ctx),
    async run(ctx) {
      const { page, manifest } = ctx;
      await settle(page, manifest);
      await clearNotifications(page);
      await useOpenEmulator(ctx);
      // a SharePoint restore that failed on a Preservation Lock, whose message says to restore to a new URL
      const sessions = await everyPage<{ id: string; status?: string }>(`${ctx.emulatorUrl}${BACKUP}/sharePointRestoreSessions`);
      let locked: string | undefined;
      for (const s of sessions.filter((x) => x.status === 'completedWithError' || x.status === 'failed')) {
        const artifacts = await everyPage<Artifact>(`${ctx.emulatorUrl}${BACKUP}/sharePointRestoreSessions/${s.id}/siteRestoreArtifacts`);
        if (artifacts.some((a) => a.status === 'failed' && /Preservation Lock/.test(a.error?.message ?? ''))) locked = s.id;
        if (locked) break;
      }
      if (!locked) throw new Error('the demo seed has no SharePoint restore that failed on a Preservation Lock');
      await closeAllEditors(page);
      await sessionPickFor(page, manifest, 'restoreSessions.retryFailed', locked, /Retry the failed restore of .+: destination \(1\/3\)/);
      await quickRow(page, /suggested \(changed\)/).filter({ hasText: 'New location' }).waitFor({ timeout: T });
      await quickRow(page, /restore it to a new location instead/).waitFor({ timeout: T });
    },
  },
];
