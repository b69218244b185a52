// The unit each artifact of a session restores, looked up in the connection's unit directory: by the unit id
// its restore point carries, or (when the service returned the point without its unit) by asking which unit
// the restore point belongs to. Used to name a session by what it restores (src/backup/sessionNaming.ts) in
// the details panel and in the export toasts. Free of `vscode`; a failed lookup only leaves names unknown.
import type { SessionContents } from '../../backup/exports';
import type { RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../../backup/model';
import { artifactUnitId } from '../../backup/presentation';
import { sessionName, type UnitRef } from '../../backup/sessionNaming';
import type { UnitDirectory } from '../../backup/unitDirectory';

export interface UnitLookup {
  /** Unit id → display name (the directory falls back to the id for a unit without a name). */
  unitNames: ReadonlyMap<string, string>;
  /** Restore point id → unit id, for artifacts whose restore point came without its unit. */
  restorePointUnits: ReadonlyMap<string, string>;
}

const NONE: ReadonlyMap<string, string> = new Map();

/** Loads what naming these artifacts needs; without a directory (or on failure) nothing is known. */
export async function unitLookup(units: UnitDirectory | undefined, workload: Workload, artifacts: readonly RestoreArtifact[]): Promise<UnitLookup> {
  if (!units) return { unitNames: NONE, restorePointUnits: NONE };
  const pointIds = artifacts
    .filter((a) => !artifactUnitId(a))
    .map((a) => (a as RestoreArtifactBase).restorePoint?.id)
    .filter((id): id is string => !!id);
  const [unitNames, restorePointUnits] = await Promise.all([
    units.unitNames(workload).catch(() => NONE),
    pointIds.length ? units.unitsOfRestorePoints(pointIds).catch(() => NONE) : NONE,
  ]);
  return { unitNames, restorePointUnits };
}

/** The unit an artifact restores, as sessionName wants it (a name equal to the id is no name). */
export function unitOfArtifact(lookup: UnitLookup): (artifact: RestoreArtifact) => UnitRef | undefined {
  return (artifact) => {
    const pointId = (artifact as RestoreArtifactBase).restorePoint?.id;
    const id = artifactUnitId(artifact) ?? (pointId ? lookup.restorePointUnits.get(pointId) : undefined);
    if (!id) return undefined;
    const name = lookup.unitNames.get(id);
    return { id, name: name && name !== id ? name : null };
  };
}

/** The session named by what it restores ("Debra Berger +2"), looking its units up in the directory. */
export async function nameOfSession(units: UnitDirectory | undefined, workload: Workload, session: RestoreSession, contents: SessionContents): Promise<string> {
  const lookup = await unitLookup(units, workload, [...contents.standard, ...contents.granular]);
  return sessionName({ workload, session, ...contents, unitOf: unitOfArtifact(lookup) });
}
