// The rows a bulk addition request lists: the workload's addresses or site URLs, then its ids. One reading,
// so the name of a bulk session ("5 OneDrives (bulk)"), the activation confirmation's count of rows to
// resolve, "Find Restores of…" and the list of unresolved rows count the same rows.
import type { RestoreArtifactsBulkAdditionRequest, Workload } from './model';
import { isGuid, stringListFieldOf } from './model';

export interface BulkRequestRow {
  value: string;
  /** True for a row of the id list (a directory object id or site id), false for an address or URL. */
  isId: boolean;
}

/** Every row the request lists, addresses (or URLs) first. The service lists them back empty, so often none. */
export function bulkRows(workload: Workload, request: RestoreArtifactsBulkAdditionRequest): BulkRequestRow[] {
  return [
    ...stringListFieldOf(request, workload.bulkRequests.resourceField).map((value) => ({ value, isId: false })),
    ...stringListFieldOf(request, workload.bulkRequests.idField).map((value) => ({ value, isId: true })),
  ];
}

/** Rows to send, as a bulk request lists them: addresses or URLs, and ids (GUIDs). */
export function bulkLists(rows: readonly { value: string }[]): { resources: string[]; resourceIds: string[] } {
  return { resources: rows.filter((r) => !isGuid(r.value)).map((r) => r.value), resourceIds: rows.filter((r) => isGuid(r.value)).map((r) => r.value) };
}
