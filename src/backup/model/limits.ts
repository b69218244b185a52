// The documented service limits, as data (graph-backup-api.md §3.14). The emulator enforces them and the
// extension checks them before a write, so a plan shown to the user fails for the same reasons the service would.
export const LIMITS = {
  /** Artifacts added or removed in one create or PATCH request (400/413 `RestoreArtifactsLimitBreached`). */
  artifactsPerRequest: 50,
  /** Sessions being activated or active at once (500 `TooManyActiveRestoreSessions`). */
  activeSessions: 25,
  /** Sites or users named in one bulk addition request (400 `BulkRestoreRestorationResourcesCountExceedsLimit`). */
  bulkRequestResources: 10_000,
  /** Bulk addition requests per session. */
  bulkRequestsPerSession: 1,
  /** Protection units in one `restorePoints/search` call (1 when an `artifactQuery` is given). */
  restorePointSearchUnits: 20,
  restorePointSearchUnitsWithQuery: 1,
  /** Items returned by `GET /restorePoints`. */
  restorePointListMax: 5,
  /** Terminal sessions older than this are removed by the service. */
  sessionRetentionDays: 365,
  /** Largest request body the emulator accepts (413 above it). */
  maxRequestBodyBytes: 4 * 1024 * 1024,
  /** Protection units in one policy create request (413 `ProtectionUnitsLimitBreached`). */
  policyCreateUnitsMax: 50,
  /** Length of a protection policy's display name (400 `InvalidDisplayName`). */
  policyDisplayNameMax: 1024,
  /** Batch requests per `$batch` call. */
  batchRequests: 20,
} as const;
