// Shared helpers for the integration tests (they run inside the extension host and may import vscode).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CONTROL_TOKEN_ENV, control as callControl, type ControlTarget } from '../support/control';
import type { ProtectionUnit, RestoreArtifactBase, RestorePoint, RestoreSession } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import type { ExtensionApi } from '../../src/extension/extension';
import type { DetailsPanel } from '../../src/extension/webview/detailsPanel';
import type { ConfirmOptions } from '../../src/extension/ui';

export const EXTENSION_ID = 'm365-restore-tools.m365-restore-sessions';

/** The setting the launcher writes into the host's user settings (see test/host/run-integration.js). */
export const EMULATOR_URL_SETTING = 'restoreSessions.emulator.url';

export interface ConfigurationSection {
  properties?: Record<string, { default?: unknown }>;
}

export interface Manifest {
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string; title: string }[];
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string; type?: string }[]>;
    configuration?: ConfigurationSection | ConfigurationSection[];
  };
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext;
}

export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

export async function activated(): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  if (!ext.isActive) await ext.activate();
  return ext;
}

/** URL of the emulator the launcher started (test/integration/index.ts refuses to run without one). */
export function emulatorUrl(): string | undefined {
  return process.env.RESTORE_SESSIONS_EMULATOR_URL || undefined;
}

/** The launcher's emulator with its per-run control token (absent while the emulator has none). */
export function emulatorTarget(): ControlTarget {
  return { url: emulatorUrl() ?? '', controlToken: process.env[CONTROL_TOKEN_ENV] || undefined };
}

/** Calls an emulator control (`/_emulator/<path>`) of the launcher's emulator; throws on an error answer. */
export function control(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  return callControl(emulatorTarget(), path, method === 'DELETE' ? undefined : body ?? {}, method);
}

import { until } from '../support/wait';
export { until };
/** Calls the emulator's Graph API directly (no token: the launcher's emulator runs without sign-in). */
export async function graph<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/v1.0/solutions/backupRestore/${path}`, { ...init, headers: { 'content-type': 'application/json', prefer: 'include-unknown-enum-members', ...(init.headers ?? {}) } });
  const text = await response.text();
  assert.ok(response.ok, `${init.method ?? 'GET'} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Seeded drafts that hold artifacts, any workload. */
export async function seededDrafts(): Promise<RestoreSession[]> {
  const drafts: RestoreSession[] = [];
  for (const w of WORKLOADS) {
    const { value } = await graph<{ value: RestoreSession[] }>(`${w.sessionCollection}?$top=999`);
    drafts.push(...value.filter((s) => s.status === 'draft' && (s.restoreSessionArtifactCount?.total ?? 0) > 0));
  }
  return drafts;
}

/** The display names of the units a session restores, asked of the emulator directly. */
export async function unitNamesOf(collection: string, nav: string, sessionId: string): Promise<string[]> {
  const { value } = await graph<{ value: RestoreArtifactBase[] }>(`${collection}/${sessionId}/${nav}`);
  const names: string[] = [];
  for (const artifact of value) {
    const point = await graph<RestorePoint>(`restorePoints/${artifact.restorePoint!.id}?$expand=protectionUnit`);
    const unit = await graph<ProtectionUnit & { displayName?: string }>(`protectionUnits/${point.protectionUnit!.id}`);
    names.push(unit.displayName ?? '');
  }
  return names;
}

/** The extension's test API (returned from activate because the launcher sets RESTORE_SESSIONS_TEST_HOOKS=1). */
export async function testApi(): Promise<ExtensionApi> {
  const exports = (await activated()).exports as ExtensionApi | undefined;
  assert.ok(exports, 'activate returned no test API: the launcher must set RESTORE_SESSIONS_TEST_HOOKS=1');
  return exports;
}

type WindowPrompts = Pick<typeof vscode.window, 'showQuickPick' | 'showInputBox' | 'showInformationMessage'>;

/** Runs `body` with the window's prompts answered by `answers` (a person at the keyboard, scripted). */
export async function answering<T>(answers: Partial<Record<keyof WindowPrompts, (...args: unknown[]) => Promise<unknown>>>, body: () => Thenable<T>): Promise<T> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const saved = Object.fromEntries(Object.keys(answers).map((name) => [name, window[name]]));
  Object.assign(window, answers);
  try {
    return await body();
  } finally {
    Object.assign(window, saved);
  }
}

/** A confirmation the extension asked for (`ui.confirm`), as a test records it. */
export interface Asked {
  message: string;
  detail: string;
  action: string;
  options?: ConfirmOptions;
}

/** A bare GUID: never part of what a person reads. */
export const BARE_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Records every confirmation the extension asks for from now on, answering each with `answer()`. */
export function recordConfirmations(ext: ExtensionApi, answer: () => boolean = () => false): Asked[] {
  const asked: Asked[] = [];
  ext.ui.confirm = async (message, detail, action, options) => {
    asked.push({ message, detail, action, options });
    return answer();
  };
  return asked;
}

/**
 * Registers the suite's clean-up: after each test confirmations are answered yes again and every details panel
 * closes; after the suite no editor or notification is left for the next one.
 */
export function leaveNothingOpen(ext: () => ExtensionApi | undefined): void {
  afterEach(() => {
    const api = ext();
    if (api) api.ui.confirm = async () => true;
    for (const panel of api?.details.all() ?? []) panel.dispose();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
}

/** Opens the details panel of a session through the command, as a click in the explorer does. */
export async function openPanel(ext: ExtensionApi, sessionId: string): Promise<DetailsPanel> {
  await vscode.commands.executeCommand('restoreSessions.openDetails', sessionId);
  return until('the panel', () => ext.details.get(sessionId));
}
