// Truthful progress: how many units are restored, failed, in progress and still waiting, in words
// ("1 restored, 1 failed, 2 in progress, 1 waiting") and as segments a bar can draw, never a property name;
// and the banner text for the session's current status, so a banner never outlives the state it describes.
import type { RestoreSessionArtifactCount, RestoreSessionBase } from './model';
import { errorText } from './words';

export type SegmentKind = 'restored' | 'failed' | 'inProgress' | 'waiting';

export interface ProgressSegment {
  kind: SegmentKind;
  count: number;
  /** `2 in progress`. */
  words: string;
}

export interface Progress {
  total: number;
  /** Non-empty segments in drawing order. */
  segments: ProgressSegment[];
  /** `1 restored, 1 failed, 2 in progress, 1 waiting`, or `nothing to restore yet`. */
  text: string;
  /** Finished (restored + failed) out of total, 0..1; 0 when there is nothing to restore. */
  finishedFraction: number;
}

const ORDER: readonly SegmentKind[] = ['restored', 'failed', 'inProgress', 'waiting'];
const SEGMENT_WORDS: Record<SegmentKind, string> = { restored: 'restored', failed: 'failed', inProgress: 'in progress', waiting: 'waiting' };

/** Progress from the service's count (or one computed from the artifacts); whatever is not accounted for is waiting. */
export function progressOf(count: RestoreSessionArtifactCount | null | undefined): Progress {
  const total = Math.max(0, count?.total ?? 0);
  const restored = clamp(count?.completed, total);
  const failed = clamp(count?.failed, total - restored);
  const inProgress = clamp(count?.inProgress, total - restored - failed);
  const counts: Record<SegmentKind, number> = { restored, failed, inProgress, waiting: total - restored - failed - inProgress };
  const segments = ORDER.filter((kind) => counts[kind] > 0).map((kind) => ({ kind, count: counts[kind], words: `${counts[kind].toLocaleString('en-US')} ${SEGMENT_WORDS[kind]}` }));
  return {
    total,
    segments,
    text: segments.length ? segments.map((s) => s.words).join(', ') : 'nothing to restore yet',
    finishedFraction: total ? (restored + failed) / total : 0,
  };
}

export interface StatusBanner {
  tone: 'info' | 'progress' | 'success' | 'warning' | 'error';
  text: string;
}

/** The one banner for the session as it is now; `progress` from `progressOf`. */
export function statusBanner(session: Pick<RestoreSessionBase, 'status' | 'error'>, progress: Progress): StatusBanner {
  const error = errorText(session.error);
  switch (session.status) {
    case 'draft':
      return { tone: 'info', text: `Draft: nothing has been restored yet. ${progress.total ? `Activate it to restore ${progress.total.toLocaleString('en-US')}.` : 'Add what to restore, then activate it.'}` };
    case 'activating':
      return { tone: 'progress', text: 'Activating: the service is scheduling the restore. It cannot be cancelled.' };
    case 'active':
      return { tone: 'progress', text: `Restoring: ${progress.text}.` };
    case 'completed':
      return { tone: 'success', text: `Completed: ${progress.text}.` };
    case 'completedWithError':
      return { tone: 'warning', text: `Completed with errors: ${progress.text}.${error ? ` ${error}` : ''}` };
    case 'failed':
      return { tone: 'error', text: `Failed: ${error || 'the service gave no reason.'}` };
    default:
      return { tone: 'info', text: `The service reports a status this version does not know; ${progress.text}.` };
  }
}

function clamp(value: number | null | undefined, max: number): number {
  return Math.max(0, Math.min(value ?? 0, max));
}

/**
 * The completion notice: `Debra Berger +2: completed with errors — 2 restored, 1 failed. Restored to a new folder
 * in each mailbox.` `name` comes from sessionName; `where` is the destination in words (restored location or
 * the workload's new-location words).
 */
export function completionNotice(name: string, session: Pick<RestoreSessionBase, 'status'>, progress: Progress, where: string): string {
  const outcome = session.status === 'completed' ? 'restore completed' : session.status === 'completedWithError' ? 'completed with errors' : session.status === 'failed' ? 'restore failed' : 'restore finished';
  const restored = progress.segments.some((s) => s.kind === 'restored') && where ? ` Restored to ${where}.` : '';
  return `${name}: ${outcome} — ${progress.text}.${restored}`;
}
