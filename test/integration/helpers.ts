// Shared helpers for the integration tests (they run inside the extension host and may import vscode).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'm365-restore-tools.m365-restore-sessions';

/** The setting the launcher writes into the host's user settings (see test/host/run-integration.js). */
export const EMULATOR_URL_SETTING = 'restoreSessions.emulator.url';

export interface Manifest {
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string; title: string }[];
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string; type?: string }[]>;
    configuration?: { properties?: Record<string, { default?: unknown }> } | { properties?: Record<string, { default?: unknown }> }[];
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

/** URL of the emulator started by the launcher, or undefined when none was started. */
export function emulatorUrl(): string | undefined {
  return process.env.RESTORE_SESSIONS_EMULATOR_URL || undefined;
}

/** Calls an emulator control (`/_emulator/<path>`), failing the test on an error answer. */
export async function control(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(`${emulatorUrl()}/_emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : JSON.stringify(body ?? {}) });
  assert.ok(response.ok, `control ${path} → ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

/** Polls `probe` until it gives a value; fails after `timeoutMs` naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
