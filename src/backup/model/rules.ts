// Status rules of restore sessions and artifacts (graph-backup-api.md §4), and the checks a write must pass
// (§3.8, §3.14). Pure functions over plain data: the emulator enforces them, the extension uses them to
// show a plan before it writes and to decide which actions a session offers.
import type { ArtifactRestoreStatus, DestinationType, RestoreJobType, RestoreSessionStatus } from './enums';
import { LIMITS } from './limits';
import type { RestoreSessionArtifactCount } from './types';
import { l10n } from '../l10n';

export const TERMINAL_SESSION_STATUSES: readonly RestoreSessionStatus[] = ['completed', 'completedWithError', 'failed'];
export const TERMINAL_ARTIFACT_STATUSES: readonly ArtifactRestoreStatus[] = ['succeeded', 'failed'];
/** Sessions that count against the limit of concurrently activated sessions. */
export const RUNNING_SESSION_STATUSES: readonly RestoreSessionStatus[] = ['activating', 'active'];

export function isTerminalSession(status: RestoreSessionStatus | null | undefined): boolean {
  return status != null && TERMINAL_SESSION_STATUSES.includes(status);
}

export function isTerminalArtifact(status: ArtifactRestoreStatus | null | undefined): boolean {
  return status != null && TERMINAL_ARTIFACT_STATUSES.includes(status);
}

export type SessionAction = 'patch' | 'delete' | 'activate';

/** Which writes a session in this status accepts. PATCH, DELETE and activate are documented as draft-only. */
export function allowedActions(status: RestoreSessionStatus | null | undefined): ReadonlySet<SessionAction> {
  return status === 'draft' ? new Set<SessionAction>(['patch', 'delete', 'activate']) : new Set<SessionAction>();
}

export function isActionAllowed(status: RestoreSessionStatus | null | undefined, action: SessionAction): boolean {
  return allowedActions(status).has(action);
}

/**
 * The session status implied by its artifacts' statuses (§4.3, evaluated top-down). A session with no
 * artifacts keeps the status it has (an empty draft stays draft; an activated bulk session waits for
 * its artifacts to materialise).
 */
export function aggregateSessionStatus(
  artifactStatuses: readonly ArtifactRestoreStatus[],
  current: RestoreSessionStatus,
): RestoreSessionStatus {
  if (artifactStatuses.length === 0) return current;
  if (artifactStatuses.every((s) => s === 'added')) return 'draft';
  if (artifactStatuses.every(isTerminalArtifact)) {
    const failed = artifactStatuses.filter((s) => s === 'failed').length;
    if (failed === 0) return 'completed';
    return failed === artifactStatuses.length ? 'failed' : 'completedWithError';
  }
  if (artifactStatuses.some((s) => s === 'scheduled' || s === 'inProgress')) return 'active';
  return 'activating';
}

/** `restoreSessionArtifactCount` as the service reports it: anything past `added` and not terminal is in progress. */
export function countArtifacts(artifactStatuses: readonly ArtifactRestoreStatus[]): RestoreSessionArtifactCount {
  let completed = 0;
  let failed = 0;
  let inProgress = 0;
  for (const status of artifactStatuses) {
    if (status === 'succeeded') completed++;
    else if (status === 'failed') failed++;
    else if (status !== 'added') inProgress++;
  }
  return { total: artifactStatuses.length, completed, failed, inProgress };
}

/** A rule violation, named by the error code the service returns for it. */
export interface Violation {
  code: string;
  httpStatus: number;
  message: string;
}

/** What a create or PATCH wants to change, in terms the rules need. */
export interface ArtifactChange {
  /** Kind of the artifacts being added: standard or granular. Both in one request is a violation. */
  addedKinds: ReadonlySet<'standard' | 'granular'>;
  /** Destination types of the added standard artifacts. */
  addedDestinations: readonly DestinationType[];
  /** Keys identifying each added artifact (restore point id, or browse session + item key); duplicates are a violation. */
  addedKeys: readonly string[];
  removedCount: number;
  /** True for a create, false for a PATCH. */
  isCreate: boolean;
}

/** What the session already holds. */
export interface SessionShape {
  status: RestoreSessionStatus;
  restoreJobType: RestoreJobType;
  /** Kind of artifacts already in the session, if any. */
  existingKind: 'standard' | 'granular' | null;
  existingDestination: DestinationType | null;
  existingKeys: ReadonlySet<string>;
  bulkRequestCount: number;
}

/**
 * Checks an artifact change against the documented rules. Returns the first violation in the order the
 * service checks them (state first, then size, then content), or `undefined` when the change may be sent.
 */
export function checkArtifactChange(change: ArtifactChange, session: SessionShape | null): Violation | undefined {
  if (session && !isActionAllowed(session.status, 'patch')) {
    return {
      code: 'RestoreSessionActionNotAllowed',
      httpStatus: 403,
      message: l10n.t('The restore session is {0}; artifacts can be added or removed only while it is a draft.', session.status),
    };
  }
  if (session && (session.restoreJobType === 'bulk' || session.bulkRequestCount > 0)) {
    return {
      code: 'InvalidPatchRequest',
      httpStatus: 400,
      message: l10n.t('Artifacts cannot be added to or removed from a session that uses a bulk addition request.'),
    };
  }
  const perRequest = change.addedKeys.length + change.removedCount;
  if (perRequest > LIMITS.artifactsPerRequest) {
    return {
      code: 'RestoreArtifactsLimitBreached',
      httpStatus: change.isCreate ? 413 : 400,
      message: l10n.t('A request can add or remove at most {0} artifacts; this one has {1}. Split it into several requests.', LIMITS.artifactsPerRequest, perRequest),
    };
  }
  if (change.addedKinds.size > 1) {
    return {
      code: 'InvalidArtifactRequest',
      httpStatus: 400,
      message: l10n.t('Standard and granular artifacts cannot be combined in one request.'),
    };
  }
  const [addedKind] = [...change.addedKinds];
  if (session?.existingKind && addedKind && addedKind !== session.existingKind) {
    return {
      code: 'InvalidArtifactRequest',
      httpStatus: 400,
      message: l10n.t('This session holds {0} artifacts; {1} artifacts cannot be added to it.', session.existingKind, addedKind),
    };
  }
  const destinations = new Set(change.addedDestinations);
  if (session?.existingDestination) destinations.add(session.existingDestination);
  if (destinations.size > 1) {
    return {
      code: 'DifferentRestoreDestinationType',
      httpStatus: 400,
      message: l10n.t('All artifacts of a restore session must have the same destinationType (new or inPlace).'),
    };
  }
  const seen = new Set<string>();
  for (const key of change.addedKeys) {
    if (seen.has(key) || session?.existingKeys.has(key)) {
      return {
        code: 'DuplicateArtifactInList',
        httpStatus: 400,
        message: l10n.t('The artifact {0} appears more than once in the restore session.', key),
      };
    }
    seen.add(key);
  }
  return undefined;
}

/** Checks activation against the concurrent-activation limit. */
export function checkActivation(status: RestoreSessionStatus, runningSessions: number): Violation | undefined {
  if (!isActionAllowed(status, 'activate')) {
    return {
      code: 'RestoreSessionActionNotAllowed',
      httpStatus: 403,
      message: l10n.t('The restore session is {0}; only a draft session can be activated.', status),
    };
  }
  if (runningSessions >= LIMITS.activeSessions) {
    return {
      code: 'TooManyActiveRestoreSessions',
      httpStatus: 500,
      message: l10n.t('At most {0} restore sessions can be active at once; wait for one to finish.', LIMITS.activeSessions),
    };
  }
  return undefined;
}

/** Splits a list into chunks of at most `size` items (for PATCH requests of at most 50 artifacts). */
export function chunk<T>(items: readonly T[], size: number = LIMITS.artifactsPerRequest): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
