// Reconstructs a status timeline from two kinds of evidence:
//  - snapshots the extension recorded (a point wherever a status changed between consecutive snapshots);
//  - the timestamps in the payload: the session's createdDateTime (it was a draft then) and
//    completedDateTime (it reached its terminal status then), each artifact's startDateTime (in progress from
//    then) and completionDateTime (terminal from then).
// Each point says which evidence it rests on. Pure: used by the host, testable without VS Code.
import { isTerminalArtifact, isTerminalSession } from '../model';
import { sessionStatusWord } from '../presentation';
import type { ArtifactState, HistorySnapshot, SessionState, TimelineLane, TimelinePoint } from './types';
import { OBSERVATION_WORDS } from './types';
import { l10n } from '../l10n';

export interface TimelineInput {
  snapshots: readonly HistorySnapshot[];
  /** The session as last fetched; falls back to the newest snapshot when the service no longer has it. */
  session?: SessionState;
  artifacts?: readonly ArtifactState[];
  /** Display names of artifacts, by lane id (`<kind>/<id>`). */
  labels?: ReadonlyMap<string, string>;
}

export function laneId(artifact: Pick<ArtifactState, 'kind' | 'id'>): string {
  return `${artifact.kind}/${artifact.id}`;
}

/** A usable timestamp: parseable and not the `0001-01-01` placeholder the service sends for "not yet". */
export function validTime(value: string | null | undefined): string | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

function observedHow(snapshot: HistorySnapshot): string {
  const words = OBSERVATION_WORDS[snapshot.source] ?? l10n.t('observed ({0})', snapshot.source);
  return snapshot.note ? `${words} (${snapshot.note})` : words;
}

function sortPoints(points: TimelinePoint[]): TimelinePoint[] {
  return points
    .map((point, index) => ({ point, index, t: Date.parse(point.at) }))
    .sort((a, b) => a.t - b.t || a.index - b.index)
    .map((x) => x.point);
}

export function buildTimeline(input: TimelineInput): TimelineLane[] {
  const snapshots = [...input.snapshots].sort((a, b) => a.seq - b.seq);
  const newest = snapshots[snapshots.length - 1];
  const session = input.session ?? newest?.session;

  // ---- the session ----
  const sessionPoints: TimelinePoint[] = [];
  const created = validTime(session?.createdDateTime);
  if (created) sessionPoints.push({ at: created, status: 'draft', source: 'payload', how: l10n.t('from payload createdDateTime') });
  let previous: string | undefined;
  for (const snapshot of snapshots) {
    const status = snapshot.session.status ?? 'unknownFutureValue';
    if (status !== previous) sessionPoints.push({ at: snapshot.observedAt, status, source: 'observed', how: observedHow(snapshot) });
    previous = status;
  }
  const completed = validTime(session?.completedDateTime);
  if (completed && isTerminalSession(session?.status)) {
    sessionPoints.push({ at: completed, status: session!.status!, source: 'payload', how: l10n.t('from payload completedDateTime') });
  }
  const lanes: TimelineLane[] = [{ id: 'session', label: l10n.t('Session'), kind: 'session', points: [] }];

  // ---- artifacts: the current ones first, then any only the history knows ----
  const latest = new Map<string, ArtifactState>();
  for (const snapshot of snapshots) for (const a of snapshot.artifacts ?? []) latest.set(laneId(a), a);
  const order: string[] = [];
  for (const a of input.artifacts ?? []) {
    latest.set(laneId(a), a);
    order.push(laneId(a));
  }
  for (const id of latest.keys()) if (!order.includes(id)) order.push(id);

  for (const id of order) {
    const artifact = latest.get(id)!;
    const points: TimelinePoint[] = [];
    const start = validTime(artifact.startDateTime);
    if (start) points.push({ at: start, status: 'inProgress', source: 'payload', how: l10n.t('from payload startDateTime') });
    let before: string | undefined;
    for (const snapshot of snapshots) {
      const seen = snapshot.artifacts?.find((a) => laneId(a) === id);
      if (!seen) continue;
      const status = seen.status ?? 'unknownFutureValue';
      if (status !== before) points.push({ at: snapshot.observedAt, status, source: 'observed', how: observedHow(snapshot) });
      before = status;
    }
    const end = validTime(artifact.completionDateTime);
    if (end && isTerminalArtifact(artifact.status)) {
      points.push({ at: end, status: artifact.status!, source: 'payload', how: l10n.t('from payload completionDateTime') });
    }
    lanes.push({ id, label: input.labels?.get(id) ?? artifact.id, kind: 'artifact', points: sortPoints(points) });
  }
  // The session was running by the time its first artifact started.
  const starts = [...latest.values()].map((a) => validTime(a.startDateTime)).filter((t): t is string => !!t).sort((a, b) => Date.parse(a) - Date.parse(b));
  if (starts.length) sessionPoints.push({ at: starts[0], status: 'active', source: 'payload', how: l10n.t('from payload startDateTime of the first artifact') });
  lanes[0].points = sortPoints(sessionPoints);
  return lanes;
}

/** One line describing a snapshot, for lists and pickers: "Active · 1/3 restored, 0 failed · 3 artifact(s)". */
export function summarizeSnapshot(snapshot: HistorySnapshot): string {
  const c = snapshot.session.restoreSessionArtifactCount;
  const counts = c ? `${c.completed ?? 0}/${c.total ?? 0} restored, ${c.failed ?? 0} failed` : l10n.t('no counts');
  const artifacts = snapshot.artifacts ? `${snapshot.artifacts.length} artifact(s)` : l10n.t('session only');
  return `${sessionStatusWord(snapshot.session.status)} · ${counts} · ${artifacts}`;
}
