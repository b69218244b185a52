// Status → ThemeIcon in a contributed theme color (package.json contributes.colors).
import * as vscode from 'vscode';
import type { ArtifactRestoreStatus, RestoreSessionStatus } from '../../backup/model';

const SESSION_ICONS: Record<RestoreSessionStatus, [string, string]> = {
  draft: ['edit', 'restoreSessions.status.draft'],
  activating: ['loading~spin', 'restoreSessions.status.running'],
  active: ['sync~spin', 'restoreSessions.status.running'],
  completed: ['pass-filled', 'restoreSessions.status.completed'],
  completedWithError: ['warning', 'restoreSessions.status.completedWithError'],
  failed: ['error', 'restoreSessions.status.failed'],
  unknownFutureValue: ['question', 'restoreSessions.status.draft'],
};

const ARTIFACT_ICONS: Record<ArtifactRestoreStatus, [string, string]> = {
  added: ['circle-large-outline', 'restoreSessions.status.draft'],
  scheduling: ['clock', 'restoreSessions.status.running'],
  scheduled: ['clock', 'restoreSessions.status.running'],
  inProgress: ['sync~spin', 'restoreSessions.status.running'],
  succeeded: ['pass', 'restoreSessions.status.completed'],
  failed: ['error', 'restoreSessions.status.failed'],
  unknownFutureValue: ['question', 'restoreSessions.status.draft'],
};

export function sessionIcon(status: RestoreSessionStatus | null | undefined): vscode.ThemeIcon {
  const [icon, color] = SESSION_ICONS[status ?? 'unknownFutureValue'] ?? SESSION_ICONS.unknownFutureValue;
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

export function artifactIcon(status: ArtifactRestoreStatus | null | undefined): vscode.ThemeIcon {
  const [icon, color] = ARTIFACT_ICONS[status ?? 'unknownFutureValue'] ?? ARTIFACT_ICONS.unknownFutureValue;
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}
