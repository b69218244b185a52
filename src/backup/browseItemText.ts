// A browsed file or folder in words for the granular restore picker: its size or item count and, on beta
// connections (whose browse answers carry who made and last changed each item, and when), `changed 3 days ago by
// Lee Gu`, so an admin can tell the version they want from the one next to it. Plain functions, so the picker and
// its tests say the same thing.
import { l10n } from './l10n';
import type { BrowseQueryResponseItem } from './model';
import { personName } from './sessionNaming';
import { parseInstant, plural, timeAgo } from './timeWords';

/** `12 KB · changed 3 days ago by Lee Gu`, `4 items`; a v1.0 item (no history) reads as its size alone. */
export function browseItemDescription(item: BrowseQueryResponseItem, nowMs: number): string {
  const size = item.type === 'file' ? fileSizeText(item.sizeInBytes) : plural(item.itemsCount ?? 0, l10n.t('item'), l10n.t('items'));
  const history = browseItemHistoryText(item, nowMs);
  return history ? l10n.t('{0} · {1}', size, history) : size;
}

/**
 * `changed 3 days ago by Lee Gu`, or `created 2 weeks ago by Lee Gu` for an item never changed since; without
 * `by …` when the service names nobody; '' when it sends no time (v1.0).
 */
export function browseItemHistoryText(item: BrowseQueryResponseItem, nowMs: number): string {
  const changed = parseInstant(item.lastModifiedDateTime);
  const created = parseInstant(item.createdDateTime);
  if (changed !== undefined && changed !== created) {
    const who = personName(item.lastModifiedBy);
    return who ? l10n.t('changed {0} by {1}', timeAgo(changed, nowMs), who) : l10n.t('changed {0}', timeAgo(changed, nowMs));
  }
  if (created === undefined) return '';
  const who = personName(item.createdBy);
  return who ? l10n.t('created {0} by {1}', timeAgo(created, nowMs), who) : l10n.t('created {0}', timeAgo(created, nowMs));
}

/** `512 bytes`, `12 KB`, `3.4 MB`; `file` when the service sent no size. */
export function fileSizeText(bytes: string | null | undefined): string {
  const n = Number(bytes ?? '');
  if (bytes == null || bytes === '' || !Number.isFinite(n)) return l10n.t('file');
  if (n < 1024) return plural(n, l10n.t('byte'), l10n.t('bytes'));
  if (n < 1024 * 1024) return l10n.t('{0} KB', (n / 1024).toFixed(0));
  return l10n.t('{0} MB', (n / 1024 / 1024).toFixed(1));
}
