// How far a session has got, told truthfully: a bar of four segments (restored, failed, in progress,
// waiting) whose finished part is only what has finished, a legend that names every segment in words with its
// count, and a banner that follows the session's current status. An in-progress artifact is drawn hatched,
// not filled: a session at 0 of 1 restored with 1 running does not look done.
import type { DetailsSnapshot, Progress } from '../../protocol/details';
import { h, s, type VNode } from './dom';
import { plural } from './words';
import { l10n } from './format';

export interface Segment {
  key: 'restored' | 'failed' | 'inProgress' | 'waiting';
  label: string;
  count: number;
}

/** The four segments in drawing order; counts never go negative, whatever the service reports. */
export function progressSegments(progress: Progress): Segment[] {
  const restored = Math.max(0, progress.completed);
  const failed = Math.max(0, progress.failed);
  const inProgress = Math.max(0, progress.inProgress);
  const waiting = Math.max(0, progress.total - restored - failed - inProgress);
  return [
    { key: 'restored', label: l10n.t('restored'), count: restored },
    { key: 'failed', label: l10n.t('failed'), count: failed },
    { key: 'inProgress', label: l10n.t('in progress'), count: inProgress },
    { key: 'waiting', label: l10n.t('waiting'), count: waiting },
  ];
}

/** `1 of 3 restored, 1 failed, 1 in progress, 0 waiting`. */
export function progressWords(progress: Progress): string {
  const [restored, ...rest] = progressSegments(progress);
  return [`${restored.count} of ${progress.total} restored`, ...rest.map((seg) => `${seg.count} ${seg.label}`)].join(', ');
}

const WIDTH = 400;
const HEIGHT = 10;

/** `rowsSent`: rows of the bulk request this window sent, when it did. */
export function renderProgress(progress: Progress, restoreJobType: string | undefined, rowsSent?: number): VNode {
  if (progress.total === 0) {
    const bulk = rowsSent === undefined
      ? l10n.t('No artifacts yet: the service adds the units of the bulk request when the session is activated.')
      : rowsSent === 1
        ? l10n.t('No artifacts yet: the service resolves the 1 row of the bulk request into a unit when the session is activated.')
        : l10n.t('No artifacts yet: the service resolves the {0} rows of the bulk request into units when the session is activated.', rowsSent.toLocaleString('en-US'));
    return h('p', { class: 'progress-empty muted' }, restoreJobType === 'bulk' ? bulk : l10n.t('No artifacts in this session yet.'));
  }
  const segments = progressSegments(progress);
  const total = segments.reduce((sum, seg) => sum + seg.count, 0) || 1;
  let x = 0;
  const rects = segments.filter((seg) => seg.count > 0).map((seg) => {
    const width = (seg.count / total) * WIDTH;
    const rect = s('rect', { class: `seg seg-${seg.key}`, x: x.toFixed(1), y: 0, width: width.toFixed(1), height: HEIGHT },
      s('title', null, `${seg.count} ${seg.label}`));
    x += width;
    return rect;
  });
  const words = progressWords(progress);
  const finished = segments[0].count + segments[1].count;
  return h('div', { class: 'progress' },
    s('svg', {
      class: 'progress-bar', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none',
      role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': progress.total, 'aria-valuenow': finished,
      'aria-valuetext': words, 'aria-label': l10n.t('Restore progress'),
    },
    s('defs', null, s('pattern', { id: 'hatch-in-progress', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { class: 'hatch-back', x: 0, y: 0, width: 6, height: 6 }),
      s('rect', { class: 'hatch-line', x: 0, y: 0, width: 3, height: 6 }))),
    rects,
    s('rect', { class: 'frame', x: 0, y: 0, width: WIDTH, height: HEIGHT })),
    h('ul', { class: 'progress-legend', 'aria-label': words },
      segments.map((seg) => h('li', { class: `legend-${seg.key}`, 'data-segment': seg.key, 'data-count': seg.count },
        h('span', { class: `swatch seg-${seg.key}`, 'aria-hidden': 'true' }),
        h('span', { class: 'count' }, String(seg.count)), ` ${seg.label}`))),
    h('span', { class: 'progress-source muted' }, progress.source === 'service' ? l10n.t('as counted by the service') : l10n.t('counted from the artifact list')));
}

/** The banner for the session's status now: what it means and what comes next, in words. */
export function statusBanner(snapshot: DetailsSnapshot): VNode | null {
  if (!snapshot.exists) return null;
  const { progress, header } = snapshot;
  const [restored, failed, inProgress, waiting] = progressSegments(progress).map((seg) => seg.count);
  // A bulk draft has no artifacts yet: count the rows this window sent instead of "0 artifacts".
  const rowsSent = snapshot.bulk?.rowsSent;
  const units = !progress.total && rowsSent ? plural(rowsSent, l10n.t('row to resolve'), l10n.t('rows to resolve')) : plural(progress.total, l10n.t('artifact'), l10n.t('artifacts'));
  switch (header.status) {
    case 'draft':
      return banner('info', l10n.t('Draft'), l10n.t('Nothing is restored until the session is activated ({0}).', units));
    case 'activating':
      return banner('info', l10n.t('Activating'), l10n.t('The service is scheduling the restore of {0}.', units));
    case 'active':
      return banner('info', l10n.t('Restoring'), failed
        ? l10n.t('{0} of {1} restored so far, {2} in progress, {3} waiting, {4} failed.', restored, progress.total, inProgress, waiting, failed)
        : l10n.t('{0} of {1} restored so far, {2} in progress, {3} waiting.', restored, progress.total, inProgress, waiting));
    case 'completed':
      return banner('success', l10n.t('Completed'), progress.total ? l10n.t('All {0} restored.', units) : l10n.t('The restore finished.'));
    case 'completedWithError':
      return banner('warn', l10n.t('Completed with errors'), l10n.t('{0} of {1} restored, {2} failed. The failed rows below say why.', restored, progress.total, failed));
    case 'failed':
      return banner('error', l10n.t('Failed'), restored ? l10n.t('{0} of {1} restored before the session failed.', restored, progress.total) : l10n.t('Nothing was restored.'));
    default:
      return null;
  }
}

function banner(level: 'info' | 'success' | 'warn' | 'error', title: string, text: string): VNode {
  return h('p', { class: `banner status-banner ${level}`, 'data-banner': level }, h('strong', null, title), ': ', text);
}
