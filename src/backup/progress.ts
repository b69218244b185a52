// Truthful progress: how many units are restored, failed, in progress and still waiting, in words
// ("1 restored, 1 failed, 2 in progress, 1 waiting") and as segments a bar can draw, never a property name;
// and the banner text for the session's current status, so a banner never outlives the state it describes.
import type { RestoreSessionArtifactCount, RestoreSessionBase } from './model';
import { errorText } from './words';
import { l10n } from './l10n';

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

/** `3 restored`, `1 in progress`: a count and what it counts, as one message per kind. */
function segmentWords(kind: SegmentKind, count: string): string {
  switch (kind) {
    case 'restored': return l10n.t('{0} restored', count);
    case 'failed': return l10n.t('{0} failed', count);
    case 'inProgress': return l10n.t('{0} in progress', count);
    case 'waiting': return l10n.t('{0} waiting', count);
  }
}

/** Progress from the service's count (or one computed from the artifacts); whatever is not accounted for is waiting. */
export function progressOf(count: RestoreSessionArtifactCount | null | undefined): Progress {
  const total = Math.max(0, count?.total ?? 0);
  const restored = clamp(count?.completed, total);
  const failed = clamp(count?.failed, total - restored);
  const inProgress = clamp(count?.inProgress, total - restored - failed);
  const counts: Record<SegmentKind, number> = { restored, failed, inProgress, waiting: total - restored - failed - inProgress };
  const segments = ORDER.filter((kind) => counts[kind] > 0).map((kind) => ({ kind, count: counts[kind], words: segmentWords(kind, counts[kind].toLocaleString('en-US')) }));
  return {
    total,
    segments,
    text: segments.length ? segments.map((s) => s.words).join(', ') : l10n.t('nothing to restore yet'),
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
      return { tone: 'info', text: progress.total ? l10n.t('Draft: nothing has been restored yet. Activate it to restore {0}.', progress.total.toLocaleString('en-US')) : l10n.t('Draft: nothing has been restored yet. Add what to restore, then activate it.') };
    case 'activating':
      return { tone: 'progress', text: l10n.t('Activating: the service is scheduling the restore. It cannot be cancelled.') };
    case 'active':
      return { tone: 'progress', text: l10n.t('Restoring: {0}.', progress.text) };
    case 'completed':
      return { tone: 'success', text: l10n.t('Completed: {0}.', progress.text) };
    case 'completedWithError':
      return { tone: 'warning', text: error ? l10n.t('Completed with errors: {0}. {1}', progress.text, error) : l10n.t('Completed with errors: {0}.', progress.text) };
    case 'failed':
      return { tone: 'error', text: l10n.t('Failed: {0}', error || l10n.t('the service gave no reason.')) };
    default:
      return { tone: 'info', text: l10n.t('The service reports a status this version does not know; {0}.', progress.text) };
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
  const outcome = session.status === 'completed' ? l10n.t('restore completed') : session.status === 'completedWithError' ? l10n.t('completed with errors') : session.status === 'failed' ? l10n.t('restore failed') : l10n.t('restore finished');
  const restored = progress.segments.some((s) => s.kind === 'restored') && where;
  return restored ? l10n.t('{0}: {1} — {2}. Restored to {3}.', name, outcome, progress.text, where) : l10n.t('{0}: {1} — {2}.', name, outcome, progress.text);
}
