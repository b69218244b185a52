// Words for the raw values the page receives: destinations, job types, and the names of artifacts. The
// protocol carries the service's enum members and URLs; an admin reads "New location" and "Audit Checklist
// Q4.png", never `inPlace` or `Shared%20Documents`. Anything unknown is shown as "Unknown …", not raw.
import type { ArtifactRow } from '../../protocol/details';
import { l10n } from './format';

const destinationTable = (): Record<string, string> => ({
  new: l10n.t('New location'),
  inPlace: l10n.t('In place (overwrites)'),
});

const jobTypeTable = (): Record<string, string> => ({
  granular: l10n.t('Selected items'),
  bulk: l10n.t('Bulk (from a list)'),
});

/** What a standard restore brings back whole, by workload label. */
const wholeUnitsTable = (): Record<string, string> => ({ Exchange: l10n.t('Whole mailboxes'), SharePoint: l10n.t('Whole sites'), OneDrive: l10n.t('Whole OneDrives') });

export function destinationWords(value: string | undefined): string {
  if (!value) return '';
  return destinationTable()[value] ?? l10n.t('Unknown destination');
}

export function jobTypeWords(value: string | undefined, workloadLabel: string): string | undefined {
  if (!value) return undefined;
  if (value === 'standard') return wholeUnitsTable()[workloadLabel] ?? l10n.t('Whole units');
  return jobTypeTable()[value] ?? l10n.t('Unknown kind of restore');
}

/** `Shared%20Documents` -> `Shared Documents`; a malformed escape stays as it was rather than failing. */
export function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const isWebUrl = (text: string): boolean => /^https?:\/\//i.test(text);

/** An item URL as its file name and the folder it is in, decoded; any other text as itself. */
export function itemParts(text: string): { name: string; folder?: string } {
  if (!isWebUrl(text)) return { name: text };
  try {
    const url = new URL(text);
    const segments = url.pathname.split('/').filter(Boolean).map(decoded);
    const name = segments.pop();
    if (!name) return { name: `${url.host}` };
    return { name, folder: segments.length ? segments.join('/') : url.host };
  } catch {
    return { name: decoded(text) };
  }
}

/** How a timeline lane or a row is named: the unit's name, or the decoded file name of a granular item. */
export function displayName(label: string): string {
  return itemParts(label).name;
}

/** The name of an artifact for people, and what else identifies it (folder of a file, or the id it fell back to). */
export function artifactName(row: ArtifactRow): { name: string; detail?: string } {
  switch (row.unitNameSource) {
    case 'item': {
      const { name, folder } = itemParts(row.unitName);
      return { name, detail: folder ? l10n.t('in {0}', folder) : undefined };
    }
    case 'restorePoint': return { name: l10n.t('Unnamed unit'), detail: l10n.t('restore point {0}', row.unitName) };
    case 'artifact': return { name: l10n.t('Unnamed unit'), detail: l10n.t('artifact {0}', row.unitName) };
    default: return { name: row.unitName };
  }
}

/** A restored location: decoded folder or path text (a server value, always shown as text). */
export function locationName(location: ArtifactRow['location']): string {
  return decoded(location?.name ?? location?.url ?? '');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
