// Status history of a restore session: what the extension saw, when, and how it came to see it.
//
// A snapshot is recorded each time an observation differs from the last one recorded for the session
// (status, counts, error, or any artifact's status or timestamps). Snapshots are kept per connection and
// session, in order, as JSON lines, bounded (oldest dropped) and kept after the service purges the session.
import type { ArtifactRestoreStatus, RestoreSessionBase } from '../model';
import { l10n } from '../l10n';

/** How an observation was made. */
export type ObservationSource = 'open' | 'poll' | 'refresh' | 'action' | 'tree' | 'restore';

export const OBSERVATION_WORDS: Record<ObservationSource, string> = {
  get open() { return l10n.t('observed when the panel opened'); },
  get poll() { return l10n.t('observed by polling'); },
  get refresh() { return l10n.t('observed on refresh'); },
  get action() { return l10n.t('observed after an action'); },
  get tree() { return l10n.t('observed by the explorer'); },
  get restore() { return l10n.t('observed when the panel was restored'); },
};

/** What of an artifact the history keeps: enough to show and diff its progress, not the whole payload. */
export interface ArtifactState {
  id: string;
  kind: 'standard' | 'granular';
  status?: ArtifactRestoreStatus | null;
  startDateTime?: string | null;
  completionDateTime?: string | null;
  destinationType?: string | null;
  restorePointId?: string | null;
  error?: { code?: string | null; message?: string | null } | null;
}

/** What of the session the history keeps (the session as the service returned it, without navigations). */
export type SessionState = RestoreSessionBase;

export interface HistorySnapshot {
  /** 1-based, increasing per session; never reused, even after older snapshots are dropped. */
  seq: number;
  /** ISO time the extension observed this state. */
  observedAt: string;
  source: ObservationSource;
  /** Extra words about the observation, e.g. "after Activate". */
  note?: string;
  /** request-id of the response the state came from. */
  requestId?: string;
  session: SessionState;
  /** Absent when only the session was observed (e.g. by the explorer). */
  artifacts?: ArtifactState[];
}

export interface Observation {
  session: SessionState;
  artifacts?: ArtifactState[];
  source: ObservationSource;
  note?: string;
  requestId?: string;
  /** Defaults to the recorder's clock. */
  observedAt?: string;
}

/** Identifies one session's history. */
export interface HistoryKey {
  connectionId: string;
  sessionId: string;
}

/** A point of a status timeline. */
export interface TimelinePoint {
  /** ISO time. */
  at: string;
  status: string;
  /** `observed`: recorded by the extension; `payload`: read from a timestamp of the payload. */
  source: 'observed' | 'payload';
  /** Words for a person: "observed by polling", "from payload createdDateTime". */
  how: string;
}

/** One row of the timeline: the session, or one artifact. Points are in time order. */
export interface TimelineLane {
  /** `session`, or `<kind>/<artifact id>`. */
  id: string;
  label: string;
  kind: 'session' | 'artifact';
  points: TimelinePoint[];
}
