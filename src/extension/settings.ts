// Typed access to the extension's settings (contributes.configuration in package.json).
import * as vscode from 'vscode';

export interface Settings {
  emulatorUrl: string;
  emulatorTimeScale: number;
  pageSize: number;
  autoRefreshSeconds: number;
  /** Days a session's status history is kept after its last change; 0 keeps it forever. */
  historyRetentionDays: number;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('restoreSessions');
  return {
    emulatorUrl: config.get<string>('emulator.url', '').trim(),
    emulatorTimeScale: Math.max(1, config.get<number>('emulator.timeScale', 60)),
    pageSize: clamp(config.get<number>('pageSize', 50), 1, 999),
    autoRefreshSeconds: Math.max(0, config.get<number>('autoRefresh.intervalSeconds', 15)),
    historyRetentionDays: Math.max(0, config.get<number>('history.retentionDays', 90)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
