// Retry Failed Artifacts as New Draft: only what failed is tried again, and per failure kind the retry suggests
// what to change (`retrySuggestion`): a new location for a hold or a Preservation Lock whose message says so,
// another point for an expired one. The admin sees each failure with its reason, picks the destination (the
// suggestion first) and the point (the same points, or another time with the real points listed), reviews the
// plan, then creates a draft — or creates and activates it through `activateSession`, so the one activation
// confirmation is asked. Called by the command and the details panel.
import * as vscode from 'vscode';
import type { GranularArtifactInput, StandardArtifactInput } from '../../backup/api';
import type { DestinationType, RestoreArtifactBase, RestoreSession } from '../../backup/model';
import { planInputs, type CreatePlan, type ReviewFlag } from '../../backup/plan';
import { plural } from '../../backup/timeWords';
import { errorText } from '../../backup/words';
import { planWithFlags, reviewPlanStep } from '../commands/planReview';
import { destinationItems, pickPointInTimeStep, type PointInTime } from '../commands/restoreSteps';
import { BACK, pickStep } from '../commands/wizard';
import { createRetryDraft, retryBasis, sameRetryPlan, suggestedRetryDestination, type RetryBasis } from '../sessions/retryFailures';
import type { ActionDeps, SessionTarget } from './deps';
import { reportAct } from './acted';
import { cancelled, done, outcomeOf, type ActionOutcome } from './outcome';
import { activateSession } from './sessionActions';

/** Answers given up front (automation and tests): no prompts but the activation confirmation. */
export interface RetryAnswers {
  /** Default: the suggested destination. */
  destination?: DestinationType | 'suggested';
  /** ISO time for another point; default: the same restore points. */
  pointInTime?: string;
  activate?: boolean;
}

export interface RetryResult {
  session: RestoreSession;
  notAdded: string[];
  activated: boolean;
}

interface RetryPlan {
  plan: CreatePlan;
  flags: ReviewFlag[];
  items: (StandardArtifactInput | GranularArtifactInput)[];
  activate: boolean;
}

const retryTitle = (): string => vscode.l10n.t('Retry the failed restore');
const STEPS = 3;

/** A new draft (optionally activated) with the failed artifacts of a finished session, changed as chosen. */
export function retryFailed(deps: ActionDeps, target: SessionTarget, answers?: RetryAnswers): Promise<ActionOutcome<RetryResult>> {
  return outcomeOf(async () => {
    const { workload, session } = target;
    const context: RetryContext = { ...(await retryBasis(deps.hub, workload, session)), deps };
    const chosen = answers ? await scriptedRetry(context, answers) : await askRetry(context);
    if (!chosen) return cancelled(vscode.l10n.t('Retry cancelled; no draft was created.'));
    const { session: draft, notAdded } = await createRetryDraft(deps.hub, context, chosen.items);
    const activation = chosen.activate ? await activateSession(deps, { workload, session: draft }, { flags: chosen.flags }) : undefined;
    if (activation?.kind === 'failed') throw activation.cause;
    const activated = activation?.kind === 'done';
    const what = activated ? vscode.l10n.t('an activated {0} restore session', workload.label) : vscode.l10n.t('a draft {0} restore session', workload.label);
    const message = notAdded.length
      ? vscode.l10n.t('Created {0}, but {1} artifact(s) were not added: {2}', what, notAdded.length, notAdded.join('; '))
      : activation?.kind === 'cancelled' ? vscode.l10n.t('Created {0} with {1} artifact(s); it was not activated.', what, chosen.items.length) : vscode.l10n.t('Created {0} with {1} artifact(s).', what, chosen.items.length);
    return done({ session: activation?.kind === 'done' ? activation.value : draft, notAdded, activated }, message);
  }).then((outcome) => reportAct('retried', deps, target, outcome));
}

interface RetryContext extends RetryBasis {
  deps: ActionDeps;
}

/** Destination → point in time → review, with Back; undefined when the admin cancels. */
async function askRetry(context: RetryContext): Promise<RetryPlan | undefined> {
  const { workload, failures } = context;
  const title = vscode.l10n.t('{0} of {1}', retryTitle(), failures.length === 1 ? failures[0].unitName : plural(failures.length, workload.unitLabel, workload.unitLabelPlural));
  let step = 1;
  let destination: DestinationType | undefined;
  let point: PointInTime | 'same' = failures.some((f) => f.suggestion.action === 'choosePoint') ? 'latest' : 'same';
  for (;;) {
    if (step === 1) {
      const picked = await pickStep({ title: vscode.l10n.t('{0}: destination', title), step, totalSteps: STEPS, placeholder: vscode.l10n.t('Where should the retry restore to? The suggestion for these failures is first.'), items: destinationRows(context) });
      if (!picked || picked === BACK) return undefined;
      if (!picked[0].value) continue;
      destination = picked[0].value;
      step = context.kind === 'standard' ? 2 : 3;
    } else if (step === 2) {
      const picked = await pickPointInTimeStep({ title: vscode.l10n.t('{0}: point in time', title), step, totalSteps: STEPS, api: context.deps.hub.api, workload, units: context.units, offerSame: true });
      if (!picked) return undefined;
      if (picked === BACK) { step = 1; continue; }
      point = picked;
      step = 3;
    } else {
      const retry = await retryPlan(context, destination!, point);
      const picked = await reviewPlanStep({
        title: vscode.l10n.t('{0}: review', title), step: STEPS, totalSteps: STEPS, plan: retry.plan, flags: retry.flags,
        actions: [
          { label: vscode.l10n.t('$(save) Create draft'), description: vscode.l10n.t('review and activate later'), action: 'draft' as const },
          { label: vscode.l10n.t('$(play) Create and activate now'), description: retry.plan.destinationType === 'inPlace' ? vscode.l10n.t('asks before it overwrites current content') : vscode.l10n.t('asks before it starts'), action: 'activate' as const },
        ],
      });
      if (!picked) return undefined;
      if (picked === BACK) { step = context.kind === 'standard' ? 2 : 1; continue; }
      return { ...retry, activate: picked === 'activate' };
    }
  }
}

function scriptedRetry(context: RetryContext, answers: RetryAnswers): Promise<RetryPlan> {
  const destination = !answers.destination || answers.destination === 'suggested' ? suggestedRetryDestination(context) : answers.destination;
  return retryPlan(context, destination, answers.pointInTime ? new Date(answers.pointInTime) : 'same').then((plan) => ({ ...plan, activate: !!answers.activate }));
}

/** The suggested destination first, with the reasons; then what failed, for reading. */
function destinationRows(context: RetryContext): (vscode.QuickPickItem & { value?: DestinationType })[] {
  const suggested = suggestedRetryDestination(context);
  // the suggestion's own reasons on its row, where they are read first
  const reasons = [...new Set(context.failures.filter((f) => f.suggestion.destinationType === suggested).map((f) => f.suggestion.reason))].join(' ');
  const rows = destinationItems(context.workload).map((item) => (item.value === suggested
    ? { ...item, description: suggested !== context.current ? vscode.l10n.t('suggested (changed) · {0}', item.description ?? '') : vscode.l10n.t('suggested · {0}', item.description ?? ''), detail: reasons || item.detail }
    : item.value === context.current ? { ...item, description: vscode.l10n.t('as before · {0}', item.description ?? '') } : item));
  return [
    ...rows.filter((r) => r.value === suggested), ...rows.filter((r) => r.value !== suggested),
    { label: vscode.l10n.t('What failed, and what the service says to change'), kind: vscode.QuickPickItemKind.Separator },
    ...context.failures.map((f) => ({ label: `$(error) ${f.unitName}`, description: f.suggestion.reason, detail: errorText((f.artifact as RestoreArtifactBase).error) })),
  ];
}

/** The artifacts to create for this destination and point, as a plan the review shows. */
async function retryPlan(context: RetryContext, destination: DestinationType, point: PointInTime | 'same'): Promise<Omit<RetryPlan, 'activate'>> {
  const { deps, workload, units } = context;
  if (point !== 'same' && context.kind === 'standard') {
    const { plan, flags } = await planWithFlags(deps.hub.api, workload, units, units, point, destination);
    return { plan, flags, items: planInputs(plan) };
  }
  return sameRetryPlan(context, destination);
}
