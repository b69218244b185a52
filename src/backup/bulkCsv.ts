// Reads the resource list of a bulk restore from CSV text and validates every row before anything is sent:
// SMTP addresses for mailboxes and OneDrives, https URLs for sites, or GUIDs (directory object / site ids).
import type { BulkRequestInput } from './api/inputs';
import type { Workload } from './model';
import { isEmailAddress, isGuid, isSiteUrl, LIMITS } from './model';

export interface CsvProblem {
  line: number;
  value: string;
  message: string;
}

export interface BulkCsvResult {
  resources: string[];
  resourceIds: string[];
  problems: CsvProblem[];
}

/**
 * One resource per row, in the first column; a header row (a first cell that is none of the accepted
 * shapes, such as `email` or `siteWebUrl`) is skipped, blank lines and `#` comments are ignored.
 */
export function parseBulkCsv(workload: Workload, text: string): BulkCsvResult {
  const result: BulkCsvResult = { resources: [], resourceIds: [], problems: [] };
  const seen = new Set<string>();
  const wantsUrls = workload.bulkRequests.resourceField === 'siteWebUrls';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const cell = firstCell(raw);
    if (cell === '' || cell.startsWith('#')) return;
    let kind: 'resource' | 'id' | undefined;
    if (isGuid(cell)) kind = 'id';
    else if (wantsUrls ? isSiteUrl(cell) : isEmailAddress(cell)) kind = 'resource';
    if (!kind) {
      if (line === 1 && /^[a-z][\w ]*$/i.test(cell)) return; // header
      result.problems.push({
        line, value: cell,
        message: wantsUrls ? 'not a site URL (https://…) or a site id (GUID)' : 'not an e-mail address or a directory object id (GUID)',
      });
      return;
    }
    const key = cell.toLowerCase();
    if (seen.has(key)) {
      result.problems.push({ line, value: cell, message: 'listed twice' });
      return;
    }
    seen.add(key);
    (kind === 'id' ? result.resourceIds : result.resources).push(cell);
  });
  const total = result.resources.length + result.resourceIds.length;
  if (total > LIMITS.bulkRequestResources) {
    result.problems.push({ line: 0, value: String(total), message: `a bulk request takes at most ${LIMITS.bulkRequestResources.toLocaleString('en-US')} ${workload.unitLabelPlural}; split the file` });
  }
  if (total === 0 && result.problems.length === 0) {
    result.problems.push({ line: 0, value: '', message: `the file lists no ${workload.unitLabelPlural}` });
  }
  return result;
}

export function bulkInput(parsed: BulkCsvResult, options: Omit<BulkRequestInput, 'resources' | 'resourceIds'>): BulkRequestInput {
  return { ...options, resources: parsed.resources, resourceIds: parsed.resourceIds };
}

function firstCell(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return (end > 0 ? trimmed.slice(1, end) : trimmed.slice(1)).trim();
  }
  return trimmed.split(/[,;\t]/, 1)[0].trim();
}
