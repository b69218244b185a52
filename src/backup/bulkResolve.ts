// Bulk rows checked against the tenant's protection units before anything is sent, so a mistyped but
// well-formed address is found in the preview rather than dropped by the service after activation. The caller
// supplies the lookup (it knows the connection and batches the reads); this file decides what each row means.
// Also: a finished bulk request's unresolved rows, in words.
import type { BulkCsvRead, CsvProblem } from './bulkCsv';
import { isNotProtected } from './plan';
import type { ProtectionUnit, RestoreArtifactsBulkAdditionRequest, Workload } from './model';
import { unitDisplayName, unitRef } from './sessionNaming';
import { plural } from './timeWords';
import { errorText, oneLine, words } from './words';
import { bulkRows } from './bulkRows';
import { l10n } from './l10n';

/** Finds the units for a batch of values (addresses, URLs or ids); a value with no unit is absent from the map. */
export type UnitLookup = (values: readonly string[]) => Promise<ReadonlyMap<string, ProtectionUnit>>;

export interface BulkPreview {
  found: { line: number; value: string; name: string; unitId: string }[];
  notFound: { line: number; value: string; reason: string }[];
  /** Rows repeated in the file, or naming a unit another row already names (an address and its id). */
  duplicates: CsvProblem[];
  invalid: CsvProblem[];
  /** `4 found, 1 not found, 1 listed twice, 1 not an address`. */
  summary: string;
}

/** Resolves every accepted row, `batchSize` values per lookup call, in file order. */
export async function resolveBulkRows(workload: Workload, read: BulkCsvRead, lookup: UnitLookup, batchSize = 20): Promise<BulkPreview> {
  const preview: BulkPreview = { found: [], notFound: [], duplicates: [...read.duplicates], invalid: [...read.invalid], summary: '' };
  const unitLines = new Map<string, number>();
  for (let start = 0; start < read.rows.length; start += batchSize) {
    const batch = read.rows.slice(start, start + batchSize);
    const units = await lookup(batch.map((r) => r.value));
    for (const row of batch) {
      const unit = units.get(row.value) ?? units.get(row.value.toLowerCase());
      if (!unit) {
        preview.notFound.push({ line: row.line, value: row.value, reason: row.isId ? l10n.t('no protected {0} has this id; check the spelling', workload.unitLabel) : workload.protectionUnits.addressField === 'siteWebUrl' ? l10n.t('no protected {0} has this URL; check the spelling', workload.unitLabel) : l10n.t('no protected {0} has this address; check the spelling', workload.unitLabel) });
        continue;
      }
      const name = unitDisplayName(workload, unitRef(workload, unit));
      if (isNotProtected(unit.status)) {
        preview.notFound.push({ line: row.line, value: row.value, reason: l10n.t('{0} is not protected any more ({1})', name, words('unitStatus', unit.status).toLowerCase()) });
        continue;
      }
      const firstLine = unitLines.get(unit.id);
      if (firstLine !== undefined) {
        preview.duplicates.push({ line: row.line, value: row.value, message: l10n.t('{0} is already on line {1}', name, firstLine) });
        continue;
      }
      unitLines.set(unit.id, row.line);
      preview.found.push({ line: row.line, value: row.value, name, unitId: unit.id });
    }
  }
  preview.duplicates.sort((a, b) => a.line - b.line);
  preview.summary = [
    `${preview.found.length.toLocaleString('en-US')} found`,
    preview.notFound.length ? l10n.t('{0} not found', preview.notFound.length.toLocaleString('en-US')) : '',
    preview.duplicates.length ? l10n.t('{0} listed twice', preview.duplicates.length.toLocaleString('en-US')) : '',
    preview.invalid.length ? `${preview.invalid.length.toLocaleString('en-US')} not ${workload.protectionUnits.addressField === 'siteWebUrl' ? l10n.t('a site URL') : l10n.t('an address')}` : '',
  ].filter(Boolean).join(', ');
  return preview;
}

/** What a finished bulk request could not resolve, from what it listed and the units the session now restores. */
export function bulkUnresolved(
  workload: Workload,
  bulk: RestoreArtifactsBulkAdditionRequest,
  resolved: readonly { id?: string | null; address?: string | null }[],
): { unresolved: string[]; text: string } {
  const listed = bulkRows(workload, bulk).map((row) => row.value);
  const known = new Set(resolved.flatMap((u) => [u.id, u.address]).filter((v): v is string => !!v).map((v) => v.toLowerCase().replace(/\/+$/, '')));
  const unresolved = listed.filter((value) => !known.has(value.toLowerCase().replace(/\/+$/, '')));
  const reason = errorText(bulk.error);
  if (!listed.length) return { unresolved: [], text: reason ? l10n.t('The bulk request reported: {0}', reason) : '' };
  if (!unresolved.length) return { unresolved, text: l10n.t('All {0} of the bulk request were found.', plural(listed.length, workload.unitLabel, workload.unitLabelPlural)) };
  const shown = unresolved.slice(0, 10).map(oneLine).join(', ');
  const more = unresolved.length > 10 ? l10n.t(' and {0} more', unresolved.length - 10) : '';
  return {
    unresolved,
    text: l10n.t('{0} of {1} could not be found and will not be restored: {2}{3}.{4}', unresolved.length.toLocaleString('en-US'), plural(listed.length, workload.unitLabel, workload.unitLabelPlural), shown, more, reason ? l10n.t(' The service said: {0}', reason) : ''),
  };
}

/** Why the service left a row out, in words, by the request's error code. */
function rowReason(workload: Workload, code: string | null | undefined): string {
  const why = code === 'ProtectionUnitNotFound' ? `not a protected ${workload.unitLabel}` : 'not resolved by the service';
  return code ? `${why} (${oneLine(code)})` : why;
}

/**
 * The rows a finished bulk request did not turn into units, one line each in words — `debra@contoso.com — not a
 * protected mailbox (ProtectionUnitNotFound)` — from the rows this window sent (the service lists them back
 * empty) and the units the session now restores. Empty while the request is still resolving.
 */
export function unresolvedRowLines(
  workload: Workload,
  bulk: RestoreArtifactsBulkAdditionRequest,
  sent: readonly { value: string; unitId: string }[],
  restoredUnitIds: ReadonlySet<string>,
): string[] {
  if (bulk.status === 'active' || bulk.status === 'unknown') return [];
  const reason = rowReason(workload, bulk.error?.code);
  return sent.filter((row) => !restoredUnitIds.has(row.unitId)).map((row) => `${oneLine(row.value)} — ${reason}`);
}
