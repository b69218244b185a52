// Tool: a draft restore session of whole mailboxes, sites or OneDrives at their latest restore point at or
// before a time. `prepare` resolves the units and restore points and returns the confirmation VS Code shows
// the person (in chat, or as a dialog when invoked elsewhere); `invoke`, which VS Code calls only after the
// person confirmed, creates exactly the plan that was shown, and refuses when no confirmed plan exists.
import type { StandardArtifactInput } from '../../backup/api/inputs';
import { confirmationContent } from '../../backup/confirmation';
import type { DestinationType, Workload, WorkloadId } from '../../backup/model';
import { workload as workloadById } from '../../backup/model';
import { parsePointInTime } from '../../backup/naturalDate';
import { matchesUnit, unitDisplayName, type UnitRef } from '../../backup/sessionNaming';
import type { SessionHub } from '../sessions/hub';
import type { SessionHubs } from '../sessions/hubs';
import { unitRefs } from './sessionFacts';
import { ToolInputError, type AgentTool } from './toolKit';
import { l10n } from '../../backup/l10n';

export interface DraftRestoreInput {
  workload: WorkloadId;
  units: string[];
  pointInTime?: string;
  destination?: DestinationType;
}

interface DraftPlan {
  connectionId: string;
  workload: Workload;
  names: string[];
  items: StandardArtifactInput[];
  preparedAt: number;
}

/** Restore points are searched back this far from the point in time asked for. */
const SEARCH_WINDOW_MS = 30 * 86_400_000;
/** A confirmed plan is used within this time or prepared again (restore points move on). */
const PLAN_LIFETIME_MS = 10 * 60_000;

export function draftRestoreTool(hubs: SessionHubs): AgentTool<DraftRestoreInput> {
  const plans = new Map<string, DraftPlan>();
  const keyOf = (input: DraftRestoreInput) => JSON.stringify([input.workload, input.units, input.pointInTime ?? 'now', input.destination ?? 'new']);
  return {
    name: 'restoreSessions_draftRestore',
    async prepare(input) {
      const now = Date.now();
      for (const [key, plan] of plans) if (now - plan.preparedAt > PLAN_LIFETIME_MS) plans.delete(key);
      const hub = await hubs.active();
      const { plan, points } = await planDraft(hub, input, now);
      plans.set(keyOf(input), plan);
      const content = confirmationContent({ workload: plan.workload, destinationType: input.destination ?? 'new', units: plan.names.map((name, i) => ({ name, pointInTime: points[i] })), nowMs: now });
      return {
        invocationMessage: l10n.t('Creating a draft {0} restore session', plan.workload.label),
        confirmationMessages: {
          title: l10n.t('Create a draft {0} restore session on {1}?', plan.workload.label, hub.label),
          message: l10n.t('{0}\n\n{1}\n\nThis creates a draft only: nothing is restored until someone activates it.', content.title, content.detail),
        },
      };
    },
    async invoke(input) {
      const key = keyOf(input);
      const plan = plans.get(key);
      plans.delete(key);
      if (!plan || Date.now() - plan.preparedAt > PLAN_LIFETIME_MS) {
        throw new ToolInputError(l10n.t('restoreSessions_draftRestore creates a draft only after the person confirmed the plan VS Code showed them; no confirmed plan matches this input (or it is older than 10 minutes). Call the tool again.'));
      }
      const hub = await hubs.active();
      if (hub.connectionId !== plan.connectionId) throw new ToolInputError(l10n.t('The active connection changed after the plan was confirmed; nothing was created. Call the tool again.'));
      const created = await hub.api.sessions.createWith(plan.workload, 'standard', plan.items);
      hub.created(plan.workload, created.session);
      const notAdded = created.failures.map((f) => f['@Core.DataModificationException'].info.message);
      return [
        `Created a draft ${plan.workload.label} restore session on ${hub.label} restoring ${plan.names.join(', ')}.`,
        ...(notAdded.length ? [`${notAdded.length} artifact(s) were not added: ${notAdded.join('; ')}`] : []),
        'It restores nothing until it is activated (restoreSessions_activateSession asks the person first).',
        `id ${created.session.id}, workload ${plan.workload.id}`,
      ].join('\n');
    },
  };
}

/** The units named by the input, each at its latest restore point at or before the time asked for. */
async function planDraft(hub: SessionHub, input: DraftRestoreInput, now: number): Promise<{ plan: DraftPlan; points: string[] }> {
  const workload = workloadById(input.workload);
  const when = parsePointInTime(input.pointInTime ?? 'now', { now });
  if (!when.ok) throw new ToolInputError(l10n.t('pointInTime: {0}', when.message));
  const refs = [...(await unitRefs(hub, workload)).values()];
  const problems: string[] = [];
  const chosen: UnitRef[] = [];
  for (const text of input.units) {
    const found = pickUnit(text, refs);
    if (found.length === 1) chosen.push(found[0]);
    else if (!found.length) problems.push(`"${text}" matches no ${workload.unitLabel} on ${hub.label}`);
    else problems.push(`"${text}" matches ${found.length} ${workload.unitLabelPlural} (${found.slice(0, 5).map((u) => unitDisplayName(workload, u)).join(', ')}${found.length > 5 ? ', …' : ''}): name one of them`);
  }
  if (problems.length) throw new ToolInputError(`${problems.join('; ')}.`);
  const unique = [...new Map(chosen.map((u) => [u.id, u])).values()];
  const search = await hub.api.tenant.search({
    protectionUnitIds: unique.map((u) => u.id!),
    protectionTimePeriod: { startDateTime: new Date(when.ms - SEARCH_WINDOW_MS).toISOString(), endDateTime: new Date(when.ms).toISOString() },
    restorePointPreference: 'latest',
  });
  const pointOf = new Map((search.searchResults ?? []).map((r) => [r.restorePoint?.protectionUnit?.id, r.restorePoint]));
  const missing = unique.filter((u) => !pointOf.get(u.id!)?.id);
  if (missing.length) throw new ToolInputError(l10n.t('No restore point at or before {0} in the 30 days before it for {1}.', when.text, missing.map((u) => unitDisplayName(workload, u)).join(', ')));
  const destinationType = input.destination ?? 'new';
  return {
    plan: {
      connectionId: hub.connectionId, workload, preparedAt: now,
      names: unique.map((u) => unitDisplayName(workload, u)),
      items: unique.map((u) => ({ restorePointId: pointOf.get(u.id!)!.id, destinationType })),
    },
    points: unique.map((u) => pointOf.get(u.id!)?.protectionDateTime ?? ''),
  };
}

/** The units the text names: an exact name, address or id wins over a partial match. */
function pickUnit(text: string, refs: readonly UnitRef[]): UnitRef[] {
  const wanted = text.trim().toLowerCase();
  const exact = refs.filter((u) => [u.name, u.address, u.id].some((v) => v?.toLowerCase() === wanted));
  return exact.length ? exact : refs.filter((u) => matchesUnit(text, [u]));
}
