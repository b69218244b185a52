// Add Artifacts… to a draft: destination → units → point in time → review → add. Nothing is chosen silently:
// the destination is asked (prefilled with the session's own, the one-destination rule in the step's words),
// units already in the draft are marked, and the review flags stale points, unprotected units and units the
// draft already holds before anything is sent.
import type { DestinationType, ProtectionUnit, RestoreArtifactBase } from '../../backup/model';
import { planInputs, type CreatePlan, type ReviewFlag } from '../../backup/plan';
import { changeArtifacts, type ArtifactChangeOutcome } from '../actions/artifactActions';
import { cancelled, type ActionOutcome } from '../actions/outcome';
import { actionDeps, type CommandContext } from './context';
import type { SessionTarget } from './pickSession';
import { planWithFlags, reviewPlanStep } from './planReview';
import { pickDestinationStep, pickPointInTimeStep, pickUnitsStep, type PointInTime } from './restoreSteps';
import { BACK } from './wizard';
import { l10n } from '../../backup/l10n';

const STEPS = 4;
const nothingAdded = (): string => l10n.t('Nothing was added.');

export async function addArtifacts(ctx: CommandContext, target: SessionTarget): Promise<ActionOutcome<ArtifactChangeOutcome>> {
  const { workload, session } = target;
  const deps = await actionDeps(ctx);
  const { api } = deps.hub;
  const existing = (await deps.hub.load(workload, session.id, 'refresh'))?.contents?.standard ?? [];
  const current = (existing[0] as RestoreArtifactBase | undefined)?.destinationType ?? undefined;
  const pointUnits = await deps.hub.units.unitsOfRestorePoints(existing.map((a) => (a as RestoreArtifactBase).restorePoint?.id ?? '').filter(Boolean));
  const inDraft = new Set(pointUnits.values());
  const allUnits = await api.tenant.units(workload);
  const title = l10n.t('Add {0} to the draft', workload.unitLabelPlural);
  let step = 1;
  let destination: DestinationType | undefined;
  let units: ProtectionUnit[] | undefined;
  let pointInTime: PointInTime | undefined;
  let review: { plan: CreatePlan; flags: ReviewFlag[] } | undefined;
  for (;;) {
    if (step === 1) {
      const picked = await pickDestinationStep({ title: l10n.t('{0}: destination', title), step, totalSteps: STEPS, workload, current: current === 'inPlace' || current === 'new' ? current : undefined });
      if (!picked || picked === BACK) return cancelled(nothingAdded());
      destination = picked;
      step = 2;
    } else if (step === 2) {
      const picked = await pickUnitsStep({ title: `${title}: ${workload.unitLabelPlural}`, step, totalSteps: STEPS, workload, units: allUnits, selected: units, inDraft });
      if (!picked) return cancelled(nothingAdded());
      if (picked === BACK) { step = 1; continue; }
      units = picked;
      step = 3;
    } else if (step === 3) {
      const picked = await pickPointInTimeStep({ title: l10n.t('{0}: point in time', title), step, totalSteps: STEPS, current: pointInTime, api, workload, units });
      if (!picked) return cancelled(nothingAdded());
      if (picked === BACK) { step = 2; continue; }
      pointInTime = picked;
      review = await planWithFlags(api, workload, allUnits, units!, pointInTime, destination!, {
        status: session.status ?? 'draft',
        restoreJobType: session.restoreJobType ?? 'standard',
        existingKind: existing.length ? 'standard' : null,
        existingDestination: current ?? null,
        existingKeys: new Set(existing.map((a) => (a as RestoreArtifactBase).restorePoint?.id ?? '')),
        bulkRequestCount: session.restoreJobType === 'bulk' ? 1 : 0,
        unitIds: inDraft,
      });
      step = 4;
    } else {
      const { plan, flags } = review!;
      const picked = await reviewPlanStep({
        title: l10n.t('{0}: review', title), step, totalSteps: STEPS, plan, flags,
        actions: [{ label: l10n.t('$(add) Add to the draft'), description: l10n.t('it stays a draft until you activate it'), action: 'add' as const }],
      });
      if (!picked) return cancelled(nothingAdded());
      if (picked === BACK) { step = 3; continue; }
      return changeArtifacts(deps, target, { kind: 'standard', add: planInputs(plan) }, l10n.t('Adding artifacts…'), 'Added');
    }
  }
}
