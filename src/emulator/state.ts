// The emulator's persistent state: plain JSON, so it can be written atomically to the `--data` file and
// loaded back. Sessions keep their artifacts and bulk requests beside them; restore points are not stored (the
// catalog computes them from each unit's backup windows, which the protection section holds).
import type {
  BrowseSessionBase, GranularRestoreArtifactBase, MailboxRestoreArtifact, RestoreArtifactBase,
  RestoreArtifactsBulkRequestBase, RestoreSessionBase, WorkloadId,
} from '../backup/model';
import type { SeedName } from './catalog/types';
import type { ProtectionState } from './protection/types';

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
  /**
   * Service status, service apps, notification setting, policies, units, rules and unit bulk jobs: one plain
   * JSON section that writes replace as a whole. Absent in files written before it existed: seeded then.
   */
  protection?: ProtectionState;
}
