// Retry Failed Artifacts as New Draft: only what failed is tried again, and per failure kind the retry suggests
// what to change (`retrySuggestion`): a new location for a hold or a Preservation Lock whose message says so,
// another point for an expired one. The admin sees each failure with its reason, picks the destination (the
// suggestion first) and the point (the same points, or another time with the real points listed), reviews the
// plan, then creates a draft — or creates and activates it through `activateSession`, so the one activation
// confirmation is asked. Called by the command and the details panel.
import * as vscode from 'vscode';
import type { GranularArtifactInput, StandardArtifactInput } from '../../backup/api';
import type { DestinationType, ProtectionUnit, RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../../backup/model';
import { chunk, isTerminalSession, LIMITS } from '../../backup/model';
import { planInputs, reviewFlags, type CreatePlan, type ReviewFlag } from '../../backup/plan';
import { isFastRestore } from '../../backup/restorePoints';
import { retryDestination, retryInputs, retrySuggestion, type RetrySuggestion } from '../../backup/retry';
import { unitDisplayName } from '../../backup/sessionNaming';
import { plural } from '../../backup/timeWords';
import { errorText } from '../../backup/words';
import { planWithFlags, reviewPlanStep } from '../commands/planReview';
import { destinationItems, pickPointInTimeStep, type PointInTime } from '../commands/restoreSteps';
import { BACK, pickStep } from '../commands/wizard';
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

interface Failure {
  artifact: RestoreArtifact;
  unitId?: string;
  unitName: string;
  suggestion: RetrySuggestion;
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
    if (!isTerminalSession(session.status)) throw new Error(vscode.l10n.t('Failed artifacts can be retried once the session has finished.'));
    const read = await deps.hub.contents(workload, session.id, 'action');
    if (!read?.contents) throw new Error(vscode.l10n.t('The service no longer has this session.'));
    const inputs = retryInputs(workload, read.contents.standard, read.contents.granular);
    const kind = inputs.standard.length ? 'standard' : 'granular';
    const items: (StandardArtifactInput | GranularArtifactInput)[] = kind === 'standard' ? inputs.standard : inputs.granular;
    if (!items.length) throw new Error(vscode.l10n.t('This session has no failed artifact that can be retried.'));
    const failedArtifacts = (kind === 'standard' ? read.contents.standard : read.contents.granular).filter((a) => a.status === 'failed');
    const current = (failedArtifacts[0] as RestoreArtifactBase | undefined)?.destinationType === 'inPlace' ? 'inPlace' : 'new';
    const failures = await describeFailures(deps, workload, failedArtifacts, current);
    const units = (await deps.hub.api.tenant.units(workload)).filter((u) => failures.some((f) => f.unitId === u.id));
    const context: RetryContext = { deps, workload, kind, items, failures, units, current };
    const chosen = answers ? await scriptedRetry(context, answers) : await askRetry(context);
    if (!chosen) return cancelled(vscode.l10n.t('Retry cancelled; no draft was created.'));
    const created = await deps.hub.api.sessions.createWith(workload, kind, chosen.items);
    deps.hub.created(workload, created.session);
    const notAdded = created.failures.map((f) => f['@Core.DataModificationException'].info.message);
    const activation = chosen.activate ? await activateSession(deps, { workload, session: created.session }, { flags: chosen.flags }) : undefined;
    if (activation?.kind === 'failed') throw activation.cause;
    const activated = activation?.kind === 'done';
    const what = activated ? vscode.l10n.t('an activated {0} restore session', workload.label) : vscode.l10n.t('a draft {0} restore session', workload.label);
    const message = notAdded.length
      ? vscode.l10n.t('Created {0}, but {1} artifact(s) were not added: {2}', what, notAdded.length, notAdded.join('; '))
      : activation?.kind === 'cancelled' ? vscode.l10n.t('Created {0} with {1} artifact(s); it was not activated.', what, chosen.items.length) : vscode.l10n.t('Created {0} with {1} artifact(s).', what, chosen.items.length);
    return done({ session: activation?.kind === 'done' ? activation.value : created.session, notAdded, activated }, message);
  }).then((outcome) => reportAct('retried', deps, target, outcome));
}

interface RetryContext {
  deps: ActionDeps;
  workload: Workload;
  kind: 'standard' | 'granular';
  items: (StandardArtifactInput | GranularArtifactInput)[];
  failures: Failure[];
  units: ProtectionUnit[];
  current: DestinationType;
}

/** Each failure named, with what the retry suggests for its kind. */
async function describeFailures(deps: ActionDeps, workload: Workload, artifacts: readonly RestoreArtifact[], current: DestinationType): Promise<Failure[]> {
  const pointIds = artifacts.map((a) => (a as RestoreArtifactBase).restorePoint?.id).filter((id): id is string => !!id);
  const [pointUnits, names] = await Promise.all([deps.hub.units.unitsOfRestorePoints(pointIds), deps.hub.units.unitNames(workload)]);
  return artifacts.map((artifact) => {
    const unitId = pointUnits.get((artifact as RestoreArtifactBase).restorePoint?.id ?? '');
    const unitName = unitDisplayName(workload, { id: unitId, name: unitId ? names.get(unitId) : undefined });
    return { artifact, unitId, unitName, suggestion: retrySuggestion(workload, (artifact as RestoreArtifactBase).error, current) };
  });
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
  const destination = !answers.destination || answers.destination === 'suggested' ? suggestedDestination(context) : answers.destination;
  return retryPlan(context, destination, answers.pointInTime ? new Date(answers.pointInTime) : 'same').then((plan) => ({ ...plan, activate: !!answers.activate }));
}

function suggestedDestination({ failures, current }: RetryContext): DestinationType {
  return retryDestination(failures.map((f) => f.suggestion), current);
}

/** The suggested destination first, with the reasons; then what failed, for reading. */
function destinationRows(context: RetryContext): (vscode.QuickPickItem & { value?: DestinationType })[] {
  const suggested = suggestedDestination(context);
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
  const { deps, workload, failures, units } = context;
  if (point !== 'same' && context.kind === 'standard') {
    const { plan, flags } = await planWithFlags(deps.hub.api, workload, units, units, point, destination);
    return { plan, flags, items: planInputs(plan) };
  }
  // (a browsed file or folder has no destination of its own: it always goes to a new location)
  const items = context.items.map((item) => ('destinationType' in item ? { ...item, destinationType: destination } : item));
  const artifacts = failures.map((f) => {
    const restorePoint = (f.artifact as RestoreArtifactBase).restorePoint;
    return { unitId: f.unitId ?? f.artifact.id, unitName: f.unitName, restorePointId: restorePoint?.id ?? '', protectionDateTime: restorePoint?.protectionDateTime ?? undefined, fastRestore: !!restorePoint && isFastRestore(restorePoint) };
  });
  const plan: CreatePlan = {
    workload, destinationType: destination, artifacts, unitsWithoutPoint: [], violations: [],
    requests: chunk(items, LIMITS.artifactsPerRequest).map((batch, index) => ({ method: index === 0 ? 'POST' : 'PATCH', artifacts: batch.length })),
  };
  // The same points were chosen before; only the units' protection can have changed since.
  const now = Date.now();
  const flags = reviewFlags(plan, { chosenMs: now, nowMs: now, units }).filter((f) => f.kind === 'notProtected');
  return { plan, flags, items };
}
