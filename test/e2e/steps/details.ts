// The walk's steps for the session details page as an admin sees it: a running session whose progress bar has
// restored, failed, in-progress and waiting segments, and the same panel at about 440 px wide (artifacts as
// cards, the status history as a list in readable text). The session is made through the emulator's Graph API
// on whichever emulator the extension is connected to at this point of the walk (the permission steps switch
// it to the one with --auth on; then the emulated identity issues the admin's token for these calls).
import type { Page } from 'playwright-core';
import { everyPage } from '../../support/pages';
import {
  BACKUP, T, clearNotifications, commandLabel, detailsPage, needsCommand, quickRow, runFromPalette, showExplorer,
  startFromPalette, type Step, type WalkContext,
} from '../steps';

/** Mailboxes (seed aliases) for the session: Lidia Holloway's fails (Litigation Hold), every other one succeeds. */
const FAILING = 'lidiah';
const SKIP = new Set(['pattif']); // fails too, for another reason: keep one failure
const UNITS = 20; // most units one restore point search takes; they start 45 simulated seconds apart

const state: { sessionId?: string } = {};

interface Api {
  call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** Every item of a collection, across its pages. */
  list<T>(path: string): Promise<T[]>;
}

/** The runner also hands the steps each emulator's control token (for its /_emulator/... controls). */

/** The emulator the extension shows now: its host is on the connection row of the Restore Sessions view. */
async function connectedApi(ctx: WalkContext): Promise<Api> {
  await showExplorer(ctx.page, ctx.manifest);
  const auth = ctx.authEmulatorUrl;
  const onAuth = !!auth && await ctx.page.locator('.part.sidebar .monaco-list-row', { hasText: new URL(auth).host }).first().isVisible();
  const base = onAuth ? auth! : ctx.emulatorUrl;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (onAuth) {
    const r = await fetch(`${base}/_emulator/identity/token`, { method: 'POST', headers: {
      'content-type': 'application/x-www-form-urlencoded', 'x-emulator-control-token': ctx.authEmulatorControlToken ?? '',
    }, body: 'user=admin' });
    const token = (await r.json()) as { access_token?: string };
    if (!token.access_token) throw new Error(`the emulated identity issued no token: ${r.status}`);
    headers.authorization = `Bearer ${token.access_token}`;
  }
  ctx.log(`  details steps on ${base}`);
  return {
    async call(method, path, body) {
      const r = await fetch(base + BACKUP + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${text.slice(0, 300)}`);
      return text ? JSON.parse(text) as Record<string, unknown> : {};
    },
    list: (path) => everyPage(base + BACKUP + path, headers),
  };
}

/** A draft Exchange session of 20 mailboxes restoring to a new location, Lidia Holloway's first. */
async function createDraft(api: Api): Promise<string> {
  const value = await api.list<{ id: string; email?: string }>('/mailboxProtectionUnits');
  const alias = (u: { email?: string }) => (u.email ?? '').split('@')[0].toLowerCase();
  const failing = value.find((u) => alias(u) === FAILING);
  if (!failing) throw new Error(`no mailbox protection unit for ${FAILING}`);
  const others = value.filter((u) => u !== failing && !SKIP.has(alias(u))).slice(0, UNITS - 1);
  const ids = [failing, ...others].map((u) => u.id);
  const now = Date.now();
  const search = await api.call('POST', '/restorePoints/search', {
    protectionUnitIds: ids,
    protectionTimePeriod: { startDateTime: new Date(now - 3 * 86_400_000).toISOString(), endDateTime: new Date(now).toISOString() },
    restorePointPreference: 'latest',
  }) as { searchResults?: { restorePoint?: { id: string; protectionUnit?: { id: string } } }[] };
  const pointOf = new Map((search.searchResults ?? []).map((r) => [r.restorePoint?.protectionUnit?.id, r.restorePoint?.id]));
  const artifacts = ids.filter((id) => pointOf.get(id)).map((id) => ({ restorePoint: { id: pointOf.get(id) }, destinationType: 'new' }));
  if (artifacts.length < 3) throw new Error(`restore points found for ${artifacts.length} mailboxes only`);
  const session = await api.call('POST', '/exchangeRestoreSessions', { mailboxRestoreArtifacts: artifacts }) as { id: string };
  return session.id;
}

/** Open Details from the palette, picking the session by its id. */
async function openDetails(page: Page, ctx: WalkContext, sessionId: string): Promise<void> {
  await startFromPalette(page, commandLabel(ctx.manifest, 'restoreSessions.openDetails'), 'Pick a restore session');
  await page.locator('.quick-input-widget input.input').first().fill(sessionId);
  await quickRow(page, sessionId).waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await detailsPage(page).locator('code.session-id', { hasText: sessionId }).waitFor({ timeout: T });
}

/** Closes every editor; an untitled report from an earlier step (Check Permissions) is closed without saving. */
export async function closeEditorsWithoutSaving(page: Page): Promise<void> {
  await runFromPalette(page, 'View: Close All Editors');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Don't Save$/ });
  const tabs = page.locator('.part.editor .tab');
  while (await tabs.count()) {
    if (await dontSave.isVisible()) await dontSave.click();
    await tabs.first().waitFor({ state: 'detached', timeout: 1000 }).catch(() => undefined);
  }
}

const segmentShown = (key: string) => `:has(li[data-segment="${key}"]:not([data-count="0"]))`;

export const detailsSteps: Step[] = [
  {
    name: 'progress-segments',
    skip: (ctx) => needsCommand('restoreSessions.openDetails')(ctx),
    async run(ctx) {
      const { page } = ctx;
      await clearNotifications(page);
      await closeEditorsWithoutSaving(page);
      const api = await connectedApi(ctx);
      state.sessionId = await createDraft(api);
      await openDetails(page, ctx, state.sessionId);
      // Activated behind the panel's back (the confirmation is another step's subject); Refresh shows each state.
      await api.call('POST', `/exchangeRestoreSessions/${state.sessionId}/activate`);
      const frame = detailsPage(page);
      const allThree = frame.locator(`.progress-legend${segmentShown('restored')}${segmentShown('failed')}${segmentShown('inProgress')}`);
      const deadline = Date.now() + 90_000;
      while (!(await allThree.isVisible())) {
        if (Date.now() > deadline) throw new Error(`never saw restored, failed and in-progress together: ${await frame.locator('.progress-legend').innerText()}`);
        await frame.locator('button[data-action="refresh"]:not([disabled])').click();
        await allThree.waitFor({ timeout: 1500 }).catch(() => undefined);
      }
      await frame.locator('.status-banner', { hasText: /^Restoring: / }).waitFor({ timeout: T });
      await frame.locator('.progress').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'details-narrow',
    skip: (ctx) => needsCommand('restoreSessions.openDetails')(ctx),
    async run(ctx) {
      const { page } = ctx;
      if (!state.sessionId) throw new Error('progress-segments made no session');
      const frame = detailsPage(page);
      // Let the session finish (Lidia Holloway failed, the others restored with their folders and item counts).
      await frame.locator('.badge[role="status"]', { hasText: /Completed|Failed/ }).waitFor({ timeout: 90_000 }).catch(async () => {
        await frame.locator('button[data-action="refresh"]').click();
        await frame.locator('.badge[role="status"]', { hasText: /Completed|Failed/ }).waitFor({ timeout: T });
      });
      // The panel alone at about 440 px: no side bar, a narrow window.
      if (await page.locator('.part.sidebar').isVisible()) await runFromPalette(page, 'View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: T });
      await page.setViewportSize({ width: 490, height: 900 });
      await frame.locator('main.layout-stacked .artifact-card').first().waitFor({ timeout: T });
      await frame.locator('.timeline-list .lane-name').first().waitFor({ timeout: T });
      const smallest = await frame.locator('.timeline-list').evaluate((list) =>
        Math.min(...Array.from(list.querySelectorAll('*')).map((el) => parseFloat(getComputedStyle(el).fontSize))));
      if (smallest < 11) throw new Error(`status history text shrank to ${smallest}px`);
      await frame.locator('.artifact-card.failed .error-message').first().waitFor({ timeout: T });
      // the screenshot: the last artifact cards above, the status history as a list below
      await frame.locator('#section-history > summary').evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    },
  },
];
