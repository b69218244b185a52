// Sessions in words for the agent tools: what each restores (sessionNaming), its status and progress, when and
// by whom, always followed by its id and workload so a model can pass them to the next tool. The units of the
// artifacts come from the connection's unit list and the hub's restore point → unit directory.
import type { RestoreArtifact, RestoreSession, Workload } from '../../backup/model';
import { workloadBySessionType } from '../../backup/model';
import { artifactUnitId, formatDateTime } from '../../backup/presentation';
import { progressOf } from '../../backup/progress';
import { sessionDescription, sessionName, unitRef, type SessionNamingInput, type UnitRef } from '../../backup/sessionNaming';
import type { SessionHub } from '../sessions/hub';

export type UnitOf = (artifact: RestoreArtifact) => UnitRef | undefined;

/** Unit id → what is known of it, for one workload. */
export async function unitRefs(hub: SessionHub, workload: Workload): Promise<Map<string, UnitRef>> {
  const units = await hub.api.tenant.units(workload);
  return new Map(units.map((unit) => [unit.id, unitRef(workload, unit)]));
}

/** The unit each of these artifacts restores (one round trip per 20 restore points not seen before). */
export async function unitLookup(hub: SessionHub, refs: Map<string, UnitRef>, artifacts: readonly RestoreArtifact[]): Promise<UnitOf> {
  const pointId = (artifact: RestoreArtifact) => (artifact as { restorePoint?: { id?: string } | null }).restorePoint?.id ?? undefined;
  const points = artifacts.filter((a) => !artifactUnitId(a)).map(pointId).filter((id): id is string => !!id);
  const unitOfPoint = points.length ? await hub.units.unitsOfRestorePoints(points) : new Map<string, string>();
  return (artifact) => {
    const point = pointId(artifact);
    const unitId = artifactUnitId(artifact) ?? (point ? unitOfPoint.get(point) : undefined);
    return unitId ? refs.get(unitId) ?? { id: unitId } : undefined;
  };
}

/** A session with the workload its `@odata.type` names (sessions of the cross-workload list carry it). */
export function withWorkload(session: RestoreSession, fallback?: Workload): { workload: Workload; session: RestoreSession } | undefined {
  const workload = workloadBySessionType(session['@odata.type']) ?? fallback;
  return workload ? { workload, session } : undefined;
}

/** One line: `Adele Vance +1 — Exchange restore session: Completed · 2 restored · 3 h ago · by Lee Gu; created 2026-12-01 18:10. id …, workload exchange`. */
export function sessionLine(naming: SessionNamingInput, session: RestoreSession, nowMs: number): string {
  const description = sessionDescription(session, progressOf(session.restoreSessionArtifactCount), nowMs);
  const created = formatDateTime(session.createdDateTime);
  return `${sessionName(naming)} — ${naming.workload.label} restore session: ${description.text}${created ? `; created ${created}` : ''}. id ${session.id}, workload ${naming.workload.id}`;
}

/** The first page of standard artifacts of each session, grouped by workload, with a unit lookup for them. */
export async function namingInputs(hub: SessionHub, sessions: readonly { workload: Workload; session: RestoreSession }[]): Promise<Map<string, SessionNamingInput>> {
  const result = new Map<string, SessionNamingInput>();
  const byWorkload = new Map<Workload, RestoreSession[]>();
  for (const { workload, session } of sessions) byWorkload.set(workload, [...(byWorkload.get(workload) ?? []), session]);
  for (const [workload, list] of byWorkload) {
    const artifacts = await hub.artifactsOfMany(workload, list.map((s) => s.id));
    const unitOf = await unitLookup(hub, await unitRefs(hub, workload), [...artifacts.values()].flat());
    // no standard artifact on the first page (a granular or bulk session): named by its workload, not "Empty"
    for (const session of list) {
      const standard = artifacts.get(session.id);
      result.set(session.id, { workload, session, standard: standard?.length ? standard : undefined, unitOf });
    }
  }
  return result;
}
