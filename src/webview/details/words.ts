// Words for the raw values the page receives: destinations, job types, and the names of artifacts. The
// protocol carries the service's enum members and URLs; an admin reads "New location" and "Audit Checklist
// Q4.png", never `inPlace` or `Shared%20Documents`. Anything unknown is shown as "Unknown …", not raw.
import type { ArtifactRow } from '../../protocol/details';

const DESTINATION_WORDS: Record<string, string> = {
  new: 'New location',
  inPlace: 'In place (overwrites)',
};

const JOB_TYPE_WORDS: Record<string, string> = {
  granular: 'Selected items',
  bulk: 'Bulk (from a list)',
};

/** What a standard restore brings back whole, by workload label. */
const WHOLE_UNITS: Record<string, string> = { Exchange: 'Whole mailboxes', SharePoint: 'Whole sites', OneDrive: 'Whole OneDrives' };

export function destinationWords(value: string | undefined): string {
  if (!value) return '';
  return DESTINATION_WORDS[value] ?? 'Unknown destination';
}

export function jobTypeWords(value: string | undefined, workloadLabel: string): string | undefined {
  if (!value) return undefined;
  if (value === 'standard') return WHOLE_UNITS[workloadLabel] ?? 'Whole units';
  return JOB_TYPE_WORDS[value] ?? 'Unknown kind of restore';
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
      return { name, detail: folder ? `in ${folder}` : undefined };
    }
    case 'restorePoint': return { name: 'Unnamed unit', detail: `restore point ${row.unitName}` };
    case 'artifact': return { name: 'Unnamed unit', detail: `artifact ${row.unitName}` };
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
