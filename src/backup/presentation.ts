// How sessions and artifacts are described to people: status words, progress, durations, who created a
// session. Plain functions so the tree, the details panel and exports all say the same thing.
import type {
  ArtifactRestoreStatus, GranularRestoreArtifactBase, IdentitySet, ProtectionUnit, RestoreArtifact,
  RestoreArtifactBase, RestoreSessionBase, RestoreSessionStatus, Workload,
} from './model';
import { countArtifacts, isTerminalSession } from './model';
import { words } from './words';
import { stringFieldOf } from './model';
import { l10n } from './l10n';

export function sessionStatusWord(status: RestoreSessionStatus | null | undefined): string {
  return words('sessionStatus', status);
}

export function artifactStatusWord(status: ArtifactRestoreStatus | null | undefined): string {
  return words('artifactStatus', status);
}

/** `3/8 restored`, `1 failed`, or `empty`; from the service's count when present. */
export function progressText(session: RestoreSessionBase): string {
  const count = session.restoreSessionArtifactCount;
  const total = count?.total ?? 0;
  if (!count || total === 0) return session.restoreJobType === 'bulk' ? l10n.t('bulk request') : l10n.t('no artifacts');
  const parts = [`${count.completed ?? 0}/${total} restored`];
  if (count.failed) parts.push(`${count.failed} failed`);
  return parts.join(', ');
}

/** Counts computed from artifacts, for when the service omits `restoreSessionArtifactCount`. */
export function progressFromArtifacts(artifacts: readonly RestoreArtifact[]): ReturnType<typeof countArtifacts> {
  return countArtifacts(artifacts.map((a) => a.status ?? 'added'));
}

export function createdByText(createdBy: IdentitySet | null | undefined): string {
  return createdBy?.user?.displayName ?? createdBy?.application?.displayName ?? createdBy?.user?.id ?? 'unknown';
}

/** Human duration such as `4 min`, `2 h 5 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Duration of a session: to completion when terminal, else so far. */
export function sessionDuration(session: RestoreSessionBase, nowMs: number = Date.now()): string {
  if (!session.createdDateTime) return '';
  const start = Date.parse(session.createdDateTime);
  const end = isTerminalSession(session.status) && session.completedDateTime ? Date.parse(session.completedDateTime) : nowMs;
  return formatDuration(end - start);
}

/** Short local date and time, e.g. `2026-11-22 14:05`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value || value.startsWith('0001-01-01')) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The display name of a protection unit, by the workload's name field, falling back to its address and id. */
export function unitName(workload: Workload, unit: ProtectionUnit | undefined | null): string | undefined {
  if (!unit) return undefined;
  return stringFieldOf(unit, workload.protectionUnits.nameField) ?? stringFieldOf(unit, workload.protectionUnits.addressField) ?? unit.id;
}

/** A unit's address: the mailbox or OneDrive owner's e-mail, or the site URL ('' when the service sent none). */
export function unitAddress(workload: Workload, unit: ProtectionUnit): string {
  return stringFieldOf(unit, workload.protectionUnits.addressField) ?? '';
}

/** Where a finished artifact was restored to: folder name, or site name and URL. */
export function restoredLocation(workload: Workload, artifact: RestoreArtifact): { name?: string; url?: string } {
  if ('browseSessionId' in artifact) {
    const granular = artifact as GranularRestoreArtifactBase;
    return { name: granular.restoredItemPath ?? undefined, url: granular.restoredItemWebUrl ?? undefined };
  }
  const url = workload.restoredLocation.urlField ? stringFieldOf(artifact, workload.restoredLocation.urlField) : undefined;
  return { name: stringFieldOf(artifact, workload.restoredLocation.nameField), url };
}

/** The point in time an artifact restores to. */
export function artifactPointInTime(artifact: RestoreArtifact): string | undefined {
  if ('restorePointDateTime' in artifact && artifact.restorePointDateTime) return artifact.restorePointDateTime;
  return (artifact as RestoreArtifactBase).restorePoint?.protectionDateTime ?? undefined;
}

/** The protection unit an artifact restores, when the service expanded it. */
export function artifactUnitId(artifact: RestoreArtifact): string | undefined {
  return (artifact as RestoreArtifactBase).restorePoint?.protectionUnit?.id ?? undefined;
}
