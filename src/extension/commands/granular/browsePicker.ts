// The folder-by-folder picker of a granular file restore: Enter on a folder opens it, the checkbox selects files
// and folders across folders, and the selection count is live in the title and on the Done row. Enter on Done
// with nothing selected says why instead of closing. Names and paths are shown decoded (`Shared Documents`,
// never `Shared%20Documents`); each row says its size or item count and, on beta connections, who changed it last
// and when (browseItemText.ts), which the filter also matches.
import * as vscode from 'vscode';
import type { BackupApi } from '../../../backup/api';
import type { BrowseQueryResponseItem, BrowseSessionBase, Workload } from '../../../backup/model';
import { browseItemDescription } from '../../../backup/browseItemText';
import { plural } from '../../../backup/timeWords';

export interface PickedItem {
  item: BrowseQueryResponseItem;
  /** Decoded folder path above the item, `Documents / Finance`. */
  path: string;
  name: string;
}

export type BrowseRow = vscode.QuickPickItem & { item?: BrowseQueryResponseItem; action?: 'up' | 'done' };

const MAX_ITEMS_PER_FOLDER = 1000;

/** `Shared%20Documents` → `Shared Documents`; text that is not percent-encoded is kept as it is. */
export function decodedName(text: string | null | undefined): string {
  const raw = text ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Undefined when the admin closed the picker; the selection (at least one item) otherwise. */
export async function pickBrowseItems(api: BackupApi, workload: Workload, session: BrowseSessionBase, title: string, start?: ReadonlyMap<string, PickedItem>): Promise<Map<string, PickedItem> | undefined> {
  const chosen = new Map<string, PickedItem>(start);
  const trail: BrowseQueryResponseItem[] = [];
  for (;;) {
    const location = trail[trail.length - 1];
    const path = trail.map((t) => decodedName(t.name)).join(' / ');
    const items: BrowseQueryResponseItem[] = [];
    const request = location ? { browseLocationItemKey: location.itemKey, browseResourceType: location.type === 'file' ? undefined : (location.type as never) } : {};
    for await (const page of api.tenant.browse(workload, session.id, request)) {
      items.push(...page.items);
      if (items.length >= MAX_ITEMS_PER_FOLDER) break;
    }
    const next = await showFolder(title, path, items, chosen, !!location);
    if (next === 'hide') return undefined;
    if (next.action === 'done') return chosen;
    if (next.action === 'up') trail.pop();
    else if (next.item && next.item.type !== 'file') trail.push(next.item);
  }
}

/** A folder's files and folders as the picker lists them: decoded name, then size or item count and, on beta, who changed it last. */
export function browseItemRows(items: BrowseQueryResponseItem[], nowMs: number): BrowseRow[] {
  return items.map((item) => ({
    label: `${item.type === 'file' ? '$(file)' : '$(folder)'} ${decodedName(item.name) || vscode.l10n.t('Unnamed item')}`,
    description: browseItemDescription(item, nowMs),
    item,
  }));
}

/** One folder; resolves with the row accepted (Done, Up, a folder to open) or 'hide'. */
function showFolder(title: string, path: string, items: BrowseQueryResponseItem[], chosen: Map<string, PickedItem>, canGoUp: boolean): Promise<BrowseRow | 'hide'> {
  const pick = vscode.window.createQuickPick<BrowseRow>();
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  const where = path || vscode.l10n.t('Top level');
  const hint = vscode.l10n.t('Check files and folders to restore (Space or the checkbox); Enter on a folder opens it');
  const itemRows = browseItemRows(items, Date.now());
  let updating = false;
  /** `notice` replaces the count in the title and the hint, until the next change of selection. */
  const render = (notice?: string) => {
    updating = true;
    const selected = itemRows.filter((r) => r.item?.itemKey && chosen.has(r.item.itemKey));
    pick.title = `${title}: ${where} — ${notice ?? vscode.l10n.t('{0} selected', chosen.size)}`;
    pick.placeholder = notice ? vscode.l10n.t('Select at least one file or folder first: Space or its checkbox selects it; Enter on a folder opens it.') : hint;
    pick.items = [
      { label: vscode.l10n.t('$(check-all) Done — restore {0}', plural(chosen.size, vscode.l10n.t('item'), vscode.l10n.t('items'))), description: chosen.size ? vscode.l10n.t('review before creating') : vscode.l10n.t('nothing selected yet'), action: 'done', alwaysShow: true },
      ...(canGoUp ? [{ label: vscode.l10n.t('$(arrow-up) Up'), action: 'up' as const, alwaysShow: true }] : []),
      ...itemRows,
    ];
    pick.selectedItems = selected;
    updating = false;
  };
  render();
  return new Promise((resolve) => {
    pick.onDidChangeSelection((selection) => {
      if (updating) return;
      const action = selection.find((row) => row.action);
      for (const row of itemRows) if (row.item?.itemKey) chosen.delete(row.item.itemKey);
      for (const row of selection) if (row.item?.itemKey) chosen.set(row.item.itemKey, { item: row.item, path, name: decodedName(row.item.name) });
      if (action) accept(action);
      else render();
    });
    const accept = (row: BrowseRow) => {
      if (row.action === 'done' && chosen.size === 0) {
        render(vscode.l10n.t('nothing selected yet, so there is nothing to restore'));
        return;
      }
      resolve(row);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const active = pick.activeItems[0];
      if (active) accept(active);
    });
    pick.onDidHide(() => {
      resolve('hide');
      pick.dispose();
    });
    pick.show();
  });
}
