// A session named by what it restores, the way an admin thinks of it: "Debra Berger", "Debra Berger +2",
// "Finance site", "5 OneDrives (bulk)", "Mail from Debra in Debra Berger", "Budget.xlsx +1". Graph sessions carry
// no name, so the name comes from the artifacts and a unit lookup the caller supplies. A unit without a name is
// "Deleted user (alias…)", never a bare id. Also the row description pieces and the "Find Restores of…" matcher.
import type { GranularRestoreArtifactBase, IdentitySet, ProtectionUnit, RestoreArtifact, RestoreArtifactsBulkAdditionRequest, RestoreSessionBase, Workload } from './model';
import { isGuid, stringFieldOf } from './model';
import { bulkRows } from './bulkRows';
import { unitAddress } from './presentation';
import type { Progress } from './progress';
import { parseInstant, timeAgo } from './timeWords';
import { oneLine, words } from './words';
import { l10n } from './l10n';

/** What is known of the unit an artifact restores; the caller fills it from its unit directory. */
export interface UnitRef {
  id?: string | null;
  name?: string | null;
  /** UPN / e-mail, or site URL. */
  address?: string | null;
}

export interface SessionNamingInput {
  workload: Workload;
  session: Pick<RestoreSessionBase, 'restoreJobType'>;
  /** Undefined while the artifacts are still loading. */
  standard?: readonly RestoreArtifact[];
  granular?: readonly RestoreArtifact[];
  bulkRequests?: readonly RestoreArtifactsBulkAdditionRequest[];
  /** The unit an artifact restores, or undefined when not (yet) known. */
  unitOf: (artifact: RestoreArtifact) => UnitRef | undefined;
  /** For granular mailbox sessions: the query in words (see describeQueryExpression), when the caller knows it. */
  granularQueryWords?: string;
}

/** The unit's name and address as the workload table says where to find them. */
export function unitRef(workload: Workload, unit: ProtectionUnit): UnitRef {
  return { id: unit.id, name: stringFieldOf(unit, workload.protectionUnits.nameField) ?? null, address: unitAddress(workload, unit) || null };
}

/** The session's name for labels, titles, dialogs and toasts. */
export function sessionName(input: SessionNamingInput): string {
  const { workload } = input;
  const bulk = input.bulkRequests?.[0];
  if (bulk) return bulkName(workload, bulk);
  const granular = input.granular ?? [];
  if (granular.length) {
    if (workload.granularArtifacts.source === 'search') {
      const units = withCount(unique(granular.map((a) => unitDisplayName(workload, input.unitOf(a)))));
      return input.granularQueryWords ? l10n.t('{0} in {1}', input.granularQueryWords, units) : l10n.t('Selected mail in {0}', units);
    }
    return withCount(unique(granular.map(itemName)));
  }
  const standard = input.standard ?? [];
  if (standard.length) return withCount(unique(standard.map((a) => siteSuffix(workload, unitDisplayName(workload, input.unitOf(a))))));
  if (!input.standard && !input.granular) return `${workload.label} restore`;
  return `Empty ${workload.label} restore`;
}

/** A unit in words: its name, or "Deleted user (alias…)" / "Unknown site (…)" when the service has none. */
export function unitDisplayName(workload: Workload, unit: UnitRef | undefined): string {
  const name = oneLine(unit?.name ?? '');
  if (name && !isGuid(name)) return name;
  const address = oneLine(unit?.address ?? '');
  const hint = address ? shorten(address.replace(/@.*$/, '').replace(/^https?:\/\//i, ''), 24) : unit?.id ? shorten(unit.id, 8) : '';
  const what = workload.id === 'sharePoint' ? l10n.t('Unknown site') : l10n.t('Deleted user');
  return hint ? `${what} (${hint})` : l10n.t('{0} (name not known yet)', what);
}

/** `5 OneDrives (bulk)`, from the resources listed, else the request's own name. */
export function bulkName(workload: Workload, bulk: RestoreArtifactsBulkAdditionRequest): string {
  const listed = bulkRows(workload, bulk).length;
  if (listed) return `${listed.toLocaleString('en-US')} ${listed === 1 ? workload.unitLabel : workload.unitLabelPlural} (bulk)`;
  const name = oneLine(bulk.displayName ?? '');
  return name ? `${shorten(name, 40)} (bulk)` : `${workload.unitLabelPlural[0].toUpperCase()}${workload.unitLabelPlural.slice(1)} (bulk)`;
}

/** The file or folder name of a granular file artifact, decoded (`Shared%20Documents` → `Shared Documents`). */
export function itemName(artifact: RestoreArtifact): string {
  const granular = artifact as GranularRestoreArtifactBase;
  const source = granular.webUrl ?? granular.restoredItemPath ?? '';
  const last = source.replace(/[?#].*$/, '').split('/').filter(Boolean).pop();
  return last ? oneLine(decode(last)) : l10n.t('Selected item');
}

/** `Lee Gu`, an application's name, or a shortened id; '' when nobody is recorded. */
export function personName(identity: IdentitySet | null | undefined): string {
  const name = oneLine(identity?.user?.displayName ?? identity?.application?.displayName ?? '');
  if (name) return name;
  const id = identity?.user?.id ?? identity?.application?.id;
  return id ? l10n.t('Deleted user ({0})', shorten(id, 8)) : '';
}

export interface SessionDescription {
  status: string;
  progress: string;
  /** `2 h ago`, from the creation time. */
  age: string;
  /** `by Lee Gu`, or '' when unknown. */
  by: string;
  /** All of the above joined with ` · `. */
  text: string;
}

/**
 * The row description: status in words, progress, age and creator. `bulkRowsWords` ("3 rows to resolve") stands in
 * for the progress of a bulk session whose rows are not units yet, when the caller knows them.
 */
export function sessionDescription(session: RestoreSessionBase, progress: Progress, nowMs: number, bulkRowsWords?: string): SessionDescription {
  const status = words('sessionStatus', session.status);
  const created = parseInstant(session.createdDateTime);
  const age = created === undefined ? '' : timeAgo(created, nowMs);
  const person = personName(session.createdBy);
  const by = person ? l10n.t('by {0}', person) : '';
  const progressWords = session.restoreJobType === 'bulk' && progress.total === 0 ? bulkRowsWords || l10n.t('bulk request') : progress.total ? progress.text : '';
  return { status, progress: progressWords, age, by, text: [status, progressWords, age, by].filter(Boolean).join(' · ') };
}

/** The units a session restores, for matching: resolved artifacts' units plus the bulk request's listed resources. */
export function sessionUnits(input: SessionNamingInput): UnitRef[] {
  const refs = [...(input.standard ?? []), ...(input.granular ?? [])].map(input.unitOf).filter((u): u is UnitRef => !!u);
  for (const bulk of input.bulkRequests ?? []) {
    for (const row of bulkRows(input.workload, bulk)) refs.push(row.isId ? { id: row.value } : { address: row.value });
  }
  return refs;
}

/** "Find Restores of…": does any unit match the text, by name, UPN / e-mail, site URL or id, ignoring case? */
export function matchesUnit(query: string, units: readonly UnitRef[]): boolean {
  const wanted = normalise(query);
  if (!wanted) return false;
  return units.some((u) => [u.name, u.address, u.id].some((value) => !!value && normalise(value).includes(wanted)));
}

function normalise(text: string): string {
  return oneLine(decode(text)).toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

/** `Finance` → `Finance site`, so a site reads as a site in a list of sessions. */
function siteSuffix(workload: Workload, name: string): string {
  return workload.id === 'sharePoint' && !/\bsite\b/i.test(name) ? `${name} site` : name;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function withCount(names: string[]): string {
  return names.length > 1 ? `${names[0]} +${names.length - 1}` : names[0] ?? '';
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
