// The emulator's persistent state: plain JSON, so it can be written atomically to the `--data` file and
// loaded back. Sessions keep their artifacts and bulk requests beside them; restore points and protection
// units are not stored (the catalog computes them from the seed).
import type {
  BrowseSessionBase, GranularRestoreArtifactBase, MailboxRestoreArtifact, RestoreArtifactBase,
  RestoreArtifactsBulkRequestBase, RestoreSessionBase, WorkloadId,
} from '../backup/model';
import type { SeedName } from './catalog/types';

export interface SessionRecord {
  workload: WorkloadId;
  /** The session's own properties, without navigations and without `@odata.type` (added on the way out). */
  session: RestoreSessionBase;
  /** Standard artifacts; `restorePoint` holds at least `{ id }` and is expanded on the way out. */
  standard: RestoreArtifactBase[];
  /** Granular artifacts: granularMailboxRestoreArtifact for Exchange, granularSite/DriveRestoreArtifact otherwise. */
  granular: (GranularRestoreArtifactBase | MailboxRestoreArtifact)[];
  bulkRequests: RestoreArtifactsBulkRequestBase[];
  /** Simulated time (ms) at which `activate` was accepted; drives the lifecycle. Absent for drafts and seeded terminal sessions. */
  activatedAtMs?: number;
}

export interface BrowseSessionRecord {
  workload: WorkloadId;
  browseSession: BrowseSessionBase;
  unitId: string;
}

export interface EmulatorState {
  version: 1;
  seed: SeedName;
  sessions: SessionRecord[];
  browseSessions: BrowseSessionRecord[];
  /** Simulated time when the state was saved, so a restarted emulator's clock resumes from there. */
  clockMs?: number;
  /** When the catalog's tenant history was laid out from, so units keep their dates across restarts. */
  catalogAnchorMs?: number;
}
