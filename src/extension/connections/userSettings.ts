// The settings that decide where credentials go, read from the user's own settings only. They are declared
// `"scope": "application"` (package.json), and read through `inspect().globalValue`, so neither a workspace's
// .vscode/settings.json nor a folder setting can add a connection, redirect the emulator URL, or turn on
// custom endpoints. Writing a connection list starts from the user's own list: workspace entries are never copied.
import * as vscode from 'vscode';
import { normalizeConfig, type ConnectionConfig } from './config';
import { UNDOCUMENTED_OPTIONS_PROFILES, type UndocumentedOptionsProfile } from './emulatorProcess';

const SECTION = 'restoreSessions';
const CONNECTIONS = 'connections';

function userValue<T>(key: string): T | undefined {
  return vscode.workspace.getConfiguration(SECTION).inspect<T>(key)?.globalValue;
}

/** The raw entries of the user's `restoreSessions.connections`. */
function userEntries(): unknown[] {
  const raw = userValue<unknown[]>(CONNECTIONS);
  return Array.isArray(raw) ? raw : [];
}

/** The user's configured connections (checked shapes; entries without an id are skipped). */
export function userConnections(): ConnectionConfig[] {
  return userEntries().map(normalizeConfig).filter((c): c is ConnectionConfig => c !== undefined);
}

/** Adds or replaces one connection in the user's settings, keeping the user's other entries as they are. */
export async function writeUserConnection(config: ConnectionConfig): Promise<void> {
  const stored: Record<string, unknown> = { ...config };
  for (const k of Object.keys(stored)) if (stored[k] === undefined || stored[k] === '') delete stored[k];
  await writeEntries([...userEntries().filter((c) => idOf(c) !== config.id), stored]);
}

/** Removes one connection from the user's settings. */
export async function deleteUserConnection(id: string): Promise<void> {
  await writeEntries(userEntries().filter((c) => idOf(c) !== id));
}

/** `restoreSessions.emulator.url` from the user's settings: a running emulator to use instead of the built-in one. */
export function userEmulatorUrl(): string {
  return (userValue<string>('emulator.url') ?? '').trim().replace(/\/+$/, '');
}

/** `restoreSessions.allowCustomEndpoints` from the user's settings: sign-in and Graph hosts outside Microsoft's clouds. */
export function customEndpointsAllowed(): boolean {
  return userValue<boolean>('allowCustomEndpoints') === true;
}

/**
 * `restoreSessions.emulator.undocumentedOptions` from the user's settings: how strict the built-in emulator is
 * about query options Microsoft's docs do not list. Default `refuse`, as strict as the documentation.
 */
export function undocumentedOptionsSetting(): UndocumentedOptionsProfile {
  const value = userValue<string>('emulator.undocumentedOptions');
  return UNDOCUMENTED_OPTIONS_PROFILES.find((profile) => profile === value) ?? 'refuse';
}

function idOf(entry: unknown): unknown {
  return (entry as { id?: unknown } | null)?.id;
}

async function writeEntries(entries: unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(CONNECTIONS, entries, vscode.ConfigurationTarget.Global);
}
