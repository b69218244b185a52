// Shared helpers for the integration tests (they run inside the extension host and may import vscode).
import * as vscode from 'vscode';
import { CONTROL_TOKEN_ENV, control as callControl, type ControlTarget } from '../support/control';

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

export { until } from '../support/wait';
