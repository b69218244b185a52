// The review step before anything is sent (create, Add Artifacts…, Retry Failed): what each unit is restored
// from (its point in time with zone and age), where to, the service's rules that would refuse it, and the flags
// an admin must see — a point older than the unit's normal cadence, a unit no longer protected, a unit already
// in the draft, a unit with no point. The admin picks one of the caller's actions; every other row is reading.
import * as vscode from 'vscode';
import type { BackupApi } from '../../backup/api';
import type { DestinationType, ProtectionUnit, SessionShape, Workload } from '../../backup/model';
import { planCreate, reviewFlags, type CreatePlan, type ReviewFlag } from '../../backup/plan';
import { TimeWithNewerItems } from '../../backup/restorePoints';
import { plural, pointInTimeText } from '../../backup/timeWords';
import { findRestorePoints, whereWords, type PointInTime } from './restoreSteps';
import { BACK, pickStep, type StepResult } from './wizard';

export interface ReviewAction<A extends string> {
  label: string;
  description?: string;
  action: A;
}

export interface ReviewOptions<A extends string> {
  title: string;
  step: number;
  totalSteps: number;
  plan: CreatePlan;
  flags: readonly ReviewFlag[];
  /** Offered only when no rule is broken. */
  actions: readonly ReviewAction<A>[];
}

type Row<A extends string> = vscode.QuickPickItem & { action?: A };

/** Shows the plan until the admin picks an action, goes back or cancels. */
export async function reviewPlanStep<A extends string>(options: ReviewOptions<A>): Promise<StepResult<A>> {
  const { plan, flags } = options;
  const flagged = new Set(flags.map((f) => f.unitId));
  const now = Date.now();
  const separator = (label: string): Row<A> => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: Row<A>[] = [
    ...(plan.violations.length ? [] : options.actions.map((a) => ({ label: a.label, description: a.description, action: a.action }))),
    ...(plan.violations.length ? [separator(vscode.l10n.t('The service would refuse this'))] : []),
    ...plan.violations.map((v) => ({ label: `$(error) ${v.message}`, description: v.code })),
    ...(flags.length ? [separator(vscode.l10n.t('Check before you go on'))] : []),
    ...flags.map((f) => ({ label: `$(warning) ${f.text}` })),
    ...(plan.artifacts.length ? [separator(vscode.l10n.t('Restored {0}', whereWords(plan.destinationType)))] : []),
    ...plan.artifacts.map((a) => ({
      label: `${flagged.has(a.unitId) ? '$(warning)' : '$(check)'} ${a.unitName}`,
      description: [
        vscode.l10n.t('as of {0}', pointInTimeText(a.protectionDateTime, now) || vscode.l10n.t('an unknown time')),
        a.includesNewerItems ? vscode.l10n.t('with items created since') : '',
        a.fastRestore ? vscode.l10n.t('fast restore') : '',
      ].filter(Boolean).join(' · '),
    })),
  ];
  const summary = `${plural(plan.artifacts.length, plan.workload.unitLabel, plan.workload.unitLabelPlural)} restored ${whereWords(plan.destinationType)}`;
  for (;;) {
    const picked = await pickStep({
      title: options.title, step: options.step, totalSteps: options.totalSteps,
      placeholder: `${summary}${flags.length ? vscode.l10n.t(' · {0} to check', plural(flags.length, vscode.l10n.t('thing'), vscode.l10n.t('things'))) : ''} · ${plural(plan.requests.length, vscode.l10n.t('request'), vscode.l10n.t('requests'))}`,
      items,
    });
    if (picked === undefined || picked === BACK) return picked;
    const action = picked[0].action;
    if (action) return action;
  }
}

/** The plan for these units at that time, and what the admin must see about it. */
export async function planWithFlags(
  api: BackupApi, workload: Workload, allUnits: readonly ProtectionUnit[], units: readonly ProtectionUnit[], pointInTime: PointInTime,
  destination: DestinationType, existing?: SessionShape & { unitIds: ReadonlySet<string> },
): Promise<{ plan: CreatePlan; flags: ReviewFlag[] }> {
  const search = await findRestorePoints(api, units, pointInTime);
  const plan = planCreate(workload, allUnits, search, destination, existing);
  const now = Date.now();
  const flags = reviewFlags(plan, {
    chosenMs: pointInTime === 'latest' ? now : pointInTime.getTime(), nowMs: now, units: allUnits, draftUnitIds: existing?.unitIds,
    askedForNewerItems: pointInTime instanceof TimeWithNewerItems,
  });
  return { plan, flags };
}
