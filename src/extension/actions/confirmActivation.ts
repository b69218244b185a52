// The one confirmation every activation passes through — explorer, palette, details panel, the wizard's
// "Create and activate now", Retry Failed's "Create and activate now", bulk sessions, and any path added later —
// because its only caller is `activateSession`. It names the units (the first few, then "and N more"), each
// one's point in time with its age, the destination, the bulk rows still to resolve, and anything unusual
// (flags), with the words of `confirmationContent`. Names come from the hub's unit-name cache, never ids.
//
// Enter must never overwrite live data. VS Code makes a modal's first button its default, so an in-place
// restore lists a harmless "Don't Restore" first and "Overwrite and Restore" second: Enter (or Escape) leaves
// the draft alone and only a deliberate click on the button that says what it does overwrites. A restore to a
// new location changes nothing that exists, so its "Restore to New Location" may be the default.
import { confirmationContent, type ConfirmationUnit } from '../../backup/confirmation';
import type { SessionContentsRead } from '../../backup/api';
import type { DestinationType, ProtectionUnit, RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../../backup/model';
import { reviewFlags, type ReviewFlag } from '../../backup/plan';
import { includesNewerItems } from '../../backup/restorePoints';
import { unitDisplayName } from '../../backup/sessionNaming';
import { oneLine } from '../../backup/words';
import type { SessionHub } from '../sessions/hub';
import type { Ui } from '../ui';
import { bulkRows } from '../../backup/bulkRows';
import { l10n } from '../../backup/l10n';

export const dontRestore = (): string => l10n.t('Don\'t Restore');

export interface ActivationRequest {
  workload: Workload;
  session: RestoreSession;
  /** The session's artifacts and bulk requests, as just read. */
  contents: SessionContentsRead | undefined;
  /** Flags of a plan review the caller just showed (only it knows the time the admin chose). */
  flags?: readonly ReviewFlag[];
  /** Rows of the bulk request, from a caller that made it (the service lists them back empty). */
  bulkRows?: number;
}

/** True when the person confirmed the activation. */
export async function confirmActivation(ui: Ui, hub: SessionHub, request: ActivationRequest): Promise<boolean> {
  const { workload, contents } = request;
  const artifacts = [...(contents?.standard ?? []), ...(contents?.granular ?? [])];
  const bulk = contents?.bulkRequests ?? [];
  const units = await restoredUnits(hub, workload, artifacts);
  const flags = [...(request.flags ?? []), ...(await protectionFlags(hub, workload, units))];
  const content = confirmationContent({
    workload,
    destinationType: destinationOf(artifacts, bulk),
    units: units.map(({ name, pointInTime, includesNewerItems }) => ({ name, pointInTime, includesNewerItems })),
    bulkRowsToResolve: bulk.reduce((sum, request) => sum + bulkRows(workload, request).length, 0) || request.bulkRows || hub.notes.bulkRows(request.session.id)?.length || 0,
    bulkRequestNames: bulk.map((b) => oneLine(b.displayName ?? '') || l10n.t('without a name')),
    bulkPointInTime: bulk[0]?.protectionTimePeriod?.endDateTime,
    flags: flags.filter((flag, index) => flags.findIndex((f) => f.text === flag.text) === index),
    nowMs: Date.now(),
  });
  return ui.confirm(content.title, content.detail, content.confirmLabel, content.isInPlace ? { safeChoice: dontRestore() } : undefined);
}

interface RestoredUnit extends ConfirmationUnit {
  unitId?: string;
}

/** One entry per unit restored (granular items of one unit count once), named through the hub's cache. */
async function restoredUnits(hub: SessionHub, workload: Workload, artifacts: readonly RestoreArtifact[]): Promise<RestoredUnit[]> {
  const pointIds = artifacts.map((a) => (a as RestoreArtifactBase).restorePoint?.id).filter((id): id is string => !!id);
  const [pointUnits, names] = await Promise.all([hub.units.unitsOfRestorePoints(pointIds), hub.units.unitNames(workload)]);
  const byUnit = new Map<string, RestoredUnit>();
  for (const artifact of artifacts) {
    const point = (artifact as RestoreArtifactBase).restorePoint;
    const unitId = (point?.id && pointUnits.get(point.id)) || point?.protectionUnit?.id || undefined;
    const key = unitId ?? `artifact:${artifact.id}`;
    if (byUnit.has(key)) continue;
    const name = unitDisplayName(workload, { id: unitId, name: unitId ? names.get(unitId) : undefined });
    byUnit.set(key, { unitId, name, pointInTime: point?.protectionDateTime, includesNewerItems: includesNewerItems(point) });
  }
  return [...byUnit.values()];
}

/**
 * Units no longer protected (no newer backups will come). Stale points are flagged by the plan review that knows
 * the time the admin asked for; here only the unit's status is known, so only that is checked.
 */
async function protectionFlags(hub: SessionHub, workload: Workload, units: readonly RestoredUnit[]): Promise<ReviewFlag[]> {
  if (!units.length) return [];
  const known: ProtectionUnit[] = await hub.api.tenant.units(workload).catch(() => []);
  const artifacts = units.filter((u) => u.unitId).map((u) => ({ unitId: u.unitId!, unitName: u.name, restorePointId: '', fastRestore: false }));
  const plan = { workload, destinationType: 'new' as const, artifacts, unitsWithoutPoint: [], requests: [], violations: [] };
  const now = Date.now();
  return reviewFlags(plan, { chosenMs: now, nowMs: now, units: known }).filter((flag) => flag.kind === 'notProtected');
}

function destinationOf(artifacts: readonly RestoreArtifact[], bulk: SessionContentsRead['bulkRequests']): DestinationType {
  const destination = (artifacts[0] as RestoreArtifactBase | undefined)?.destinationType ?? bulk[0]?.destinationType;
  // A destination this code does not know is treated as overwriting: the louder warning is the safe mistake.
  return !destination || destination === 'new' ? 'new' : 'inPlace';
}
