// Reads the resource list of a bulk restore from CSV text and validates every row before anything is sent:
// SMTP addresses (mailbox, OneDrive owner) or https site URLs, or GUIDs (directory object / site ids). A header
// row is recognised, and the column that holds the addresses is found by its header or its contents, so an
// export such as `DisplayName,UPN` works. Resolving rows against protection units lives in ./bulkResolve.
import type { BulkRequestInput } from './api/inputs';
import type { Workload } from './model';
import { isEmailAddress, isGuid, isSiteUrl, LIMITS } from './model';
import { l10n } from './l10n';

export interface CsvProblem {
  line: number;
  value: string;
  message: string;
}

/** One accepted row: its 1-based line in the file, the value and whether it is an id (GUID). */
export interface CsvRow {
  line: number;
  value: string;
  isId: boolean;
}

export interface BulkCsvRead {
  /** The column read (0-based) and its header, when the file has one. */
  column: { index: number; header?: string };
  rows: CsvRow[];
  invalid: CsvProblem[];
  duplicates: (CsvProblem & { firstLine: number })[];
  /** File-wide problems: empty file, too many rows. */
  fileProblems: string[];
}

export interface BulkCsvResult {
  resources: string[];
  resourceIds: string[];
  problems: CsvProblem[];
}

const HEADER_NAMES: Record<'address' | 'url', RegExp> = {
  address: /^(upn|userprincipalname|user principal name|e-?mail|mail|primarysmtpaddress|smtp|address|owner|owner ?upn|owner ?e-?mail|mailbox|id|objectid)$/i,
  url: /^(url|site ?url|siteweburl|web ?url|site|id|siteid)$/i,
};

/** What the file must look like, with an example, for the prompt shown before the file dialog. */
export function bulkCsvHelp(workload: Workload): string {
  const wantsUrls = wantsSiteUrls(workload);
  const what = wantsUrls ? l10n.t('site URL (https://…)') : workload.id === 'oneDrive' ? l10n.t('OneDrive owner\'s user principal name (e-mail)') : l10n.t('mailbox user principal name (e-mail)');
  const example = wantsUrls
    ? 'SiteName,SiteUrl\nFinance,https://contoso.sharepoint.com/sites/Finance\nMarketing,https://contoso.sharepoint.com/sites/Marketing'
    : 'DisplayName,UPN\nDebra Berger,DebraB@contoso.onmicrosoft.com\nLee Gu,LeeG@contoso.onmicrosoft.com';
  return [
    l10n.t('A CSV or text file with one {0} per row: its {1} or its id (GUID).', workload.unitLabel, what),
    wantsUrls
      ? l10n.t('A header row is optional; with several columns, the one headed like SiteUrl or Url (or the one whose values fit) is read.')
      : l10n.t('A header row is optional; with several columns, the one headed like UPN, Email or Mail (or the one whose values fit) is read.'),
    l10n.t('Blank lines and lines starting with # are ignored; at most {0} rows. Example:', LIMITS.bulkRequestResources.toLocaleString('en-US')),
    example,
  ].join('\n');
}

/** Reads every row: the chosen column, the accepted values, and each rejected or repeated row with its line. */
export function readBulkCsv(workload: Workload, text: string): BulkCsvRead {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    .map((raw, index) => ({ line: index + 1, cells: splitCsvLine(raw) }))
    .filter((l) => l.cells.some((c) => c !== '') && !l.cells[0].startsWith('#'));
  const accepted = (value: string) => isGuid(value) || (wantsSiteUrls(workload) ? isSiteUrl(value) : isEmailAddress(value));
  const first = lines[0];
  const hasHeader = !!first && !first.cells.some(accepted) && first.cells.every((c) => /^[a-z][\w -]*$/i.test(c) || c === '');
  const data = hasHeader ? lines.slice(1) : lines;
  const column = chooseColumn(workload, hasHeader ? first.cells : undefined, data.map((l) => l.cells), accepted);
  const result: BulkCsvRead = { column: { index: column, header: hasHeader ? first.cells[column] : undefined }, rows: [], invalid: [], duplicates: [], fileProblems: [] };
  const seen = new Map<string, number>();
  for (const { line, cells } of data) {
    const value = cells[column] ?? '';
    if (!accepted(value)) {
      result.invalid.push({ line, value, message: value === '' ? l10n.t('this row has no value in the column read') : wantsSiteUrls(workload) ? l10n.t('not a site URL (https://…) or a site id (GUID)') : l10n.t('not an e-mail address or a directory object id (GUID)') });
      continue;
    }
    const key = value.toLowerCase().replace(/\/+$/, '');
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      result.duplicates.push({ line, value, message: l10n.t('listed twice (first on line {0})', firstLine), firstLine });
      continue;
    }
    seen.set(key, line);
    result.rows.push({ line, value, isId: isGuid(value) });
  }
  if (result.rows.length > LIMITS.bulkRequestResources) {
    result.fileProblems.push(l10n.t('a bulk request takes at most {0} {1}; split the file', LIMITS.bulkRequestResources.toLocaleString('en-US'), workload.unitLabelPlural));
  }
  if (result.rows.length === 0 && result.invalid.length === 0) result.fileProblems.push(l10n.t('the file lists no {0}', workload.unitLabelPlural));
  return result;
}

/** The older shape: accepted resources and ids, and every problem (line 0 for file-wide ones). */
export function parseBulkCsv(workload: Workload, text: string): BulkCsvResult {
  const read = readBulkCsv(workload, text);
  const problems: CsvProblem[] = [...read.invalid, ...read.duplicates.map(({ line, value }) => ({ line, value, message: l10n.t('listed twice') }))].sort((a, b) => a.line - b.line);
  const total = read.rows.length;
  for (const message of read.fileProblems) problems.push({ line: 0, value: message.startsWith(l10n.t('a bulk')) ? String(total) : '', message });
  return { resources: read.rows.filter((r) => !r.isId).map((r) => r.value), resourceIds: read.rows.filter((r) => r.isId).map((r) => r.value), problems };
}

export function bulkInput(parsed: BulkCsvResult, options: Omit<BulkRequestInput, 'resources' | 'resourceIds'>): BulkRequestInput {
  return { ...options, resources: parsed.resources, resourceIds: parsed.resourceIds };
}

function wantsSiteUrls(workload: Workload): boolean {
  return workload.bulkRequests.resourceField === 'siteWebUrls';
}

/** The header that names the resource column, else the column with the most accepted values (the first on a tie). */
function chooseColumn(workload: Workload, header: string[] | undefined, rows: string[][], accepted: (v: string) => boolean): number {
  const named = header?.findIndex((h) => HEADER_NAMES[wantsSiteUrls(workload) ? 'url' : 'address'].test(h.trim())) ?? -1;
  if (named >= 0) return named;
  const width = Math.max(1, ...rows.map((r) => r.length));
  let best = 0;
  let bestCount = -1;
  for (let index = 0; index < width; index++) {
    const count = rows.filter((r) => accepted(r[index] ?? '')).length;
    if (count > bestCount) [best, bestCount] = [index, count];
  }
  return best;
}

/** Cells of one CSV line: `,` `;` or tab separated, double-quoted cells with `""` for a quote, trimmed. */
export function splitCsvLine(raw: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoted) {
      if (ch === '"' && raw[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') [cell, quoted] = ['', true];
    else if (ch === ',' || ch === ';' || ch === '\t') [cells[cells.length], cell] = [cell.trim(), ''];
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
