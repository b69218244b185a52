// Create Restore Session…: workload → protection units → point in time → destination → review of the
// plan (the service's rules checked locally, stale points and unprotected units flagged) → create as draft,
// or create and activate through `activateSession`, so the one activation confirmation is always asked.
import * as vscode from 'vscode';
import { planInputs, type CreatePlan, type ReviewFlag } from '../../backup/plan';
import type { DestinationType, ProtectionUnit, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import { planWithFlags, reviewPlanStep } from './planReview';
import { pickDestinationStep, pickPointInTimeStep, pickUnitsStep, type PointInTime } from './restoreSteps';
import { valueOrThrow } from '../actions/outcome';
import { activateSession } from '../actions/sessionActions';
import { actionDeps, type CommandContext } from './context';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';
import { BACK, pickStep } from './wizard';

interface State {
  workload?: Workload;
  units?: ProtectionUnit[];
  pointInTime?: PointInTime;
  destination?: DestinationType;
}

const TITLE = 'Create Restore Session';
const STEPS = 5;

export function createSessionCommand(ctx: CommandContext): CommandSpec {
  return {
    id: 'restoreSessions.createSession',
    run: async (arg) => {
      if (isScripted(arg)) return createScripted(ctx, arg);
      const start = isWizardStart(arg) ? arg : undefined;
      const state: State = start
        ? { workload: start.workload, units: [...start.units], pointInTime: start.pointInTime }
        : { workload: workloadFromArg(arg) };
      const { api } = await ctx.hubs.active();
      const unitsByWorkload = new Map<string, Promise<ProtectionUnit[]>>();
      const loadUnits = (w: Workload) => {
        if (!unitsByWorkload.has(w.id)) unitsByWorkload.set(w.id, api.tenant.units(w));
        return unitsByWorkload.get(w.id)!;
      };
      // Started from a unit (Protection view): the point-in-time step comes first, or the destination when a
      // restore point was chosen too; Back still reaches the earlier steps with the choices filled in.
      let step = start ? (start.pointInTime ? 4 : 3) : state.workload ? 2 : 1;
      const firstStep = Math.min(step, 2);
      let review: { plan: CreatePlan; flags: ReviewFlag[] } | undefined;
      for (;;) {
        if (step === 1) {
          const picked = await pickStep({
            title: `${TITLE}: what to restore`, step, totalSteps: STEPS, placeholder: 'What do you want to restore?',
            items: WORKLOADS.map((w) => ({ label: `$(${w.icon}) ${w.label}`, description: w.unitLabelPlural, workload: w })),
          });
          if (!picked) return;
          if (picked === BACK) continue;
          state.workload = picked[0].workload;
          step = 2;
        } else if (step === 2) {
          const workload = state.workload!;
          const picked = await pickUnitsStep({ title: `${TITLE}: ${workload.label} ${workload.unitLabelPlural}`, step, totalSteps: STEPS, workload, units: await loadUnits(workload), selected: state.units });
          if (!picked) return;
          if (picked === BACK) { if (firstStep === 2) return; step = 1; continue; }
          state.units = picked;
          step = 3;
        } else if (step === 3) {
          const picked = await pickPointInTimeStep({ title: `${TITLE}: point in time`, step, totalSteps: STEPS, current: state.pointInTime, api, workload: state.workload, units: state.units });
          if (!picked) return;
          if (picked === BACK) { step = 2; continue; }
          state.pointInTime = picked;
          step = 4;
        } else if (step === 4) {
          const picked = await pickDestinationStep({ title: `${TITLE}: destination`, step, totalSteps: STEPS, workload: state.workload! });
          if (!picked) return;
          if (picked === BACK) { step = 3; continue; }
          state.destination = picked;
          review = await planWithFlags(api, state.workload!, await loadUnits(state.workload!), state.units!, state.pointInTime ?? 'latest', state.destination);
          step = 5;
        } else {
          const { plan, flags } = review!;
          const picked = await reviewPlanStep({
            title: `${TITLE}: review`, step, totalSteps: STEPS, plan, flags,
            actions: [
              { label: '$(save) Create as draft', description: 'review and activate later', action: 'draft' as const },
              { label: '$(play) Create and activate now', description: plan.destinationType === 'inPlace' ? 'asks before it overwrites current content' : 'asks before it starts', action: 'activate' as const },
            ],
          });
          if (!picked) return;
          if (picked === BACK) { step = 4; continue; }
          await createFromPlan(ctx, plan, picked === 'activate', flags);
          return;
        }
      }
    },
  };
}

/**
 * The wizard's answers given up front, for automation and tests:
 * `executeCommand('restoreSessions.createSession', { workload: 'exchange', unitIds: [...], destination: 'new' })`.
 * The same plan checks apply; a blocked plan throws with the violations.
 */
export interface ScriptedCreate {
  workload: string;
  unitIds: string[];
  destination: DestinationType;
  /** ISO date-time; the latest restore point when absent. */
  pointInTime?: string;
  activate?: boolean;
}

/**
 * The wizard started where the admin stands: a protection unit (and maybe one of its restore points) chosen in
 * the Protection view. Every later step, the plan review and the activation confirmation are the usual ones.
 */
export interface WizardStart {
  workload: Workload;
  units: readonly ProtectionUnit[];
  pointInTime?: Date;
}

function isWizardStart(arg: unknown): arg is WizardStart {
  return typeof arg === 'object' && arg !== null && Array.isArray((arg as WizardStart).units) && typeof (arg as WizardStart).workload === 'object';
}

function isScripted(arg: unknown): arg is ScriptedCreate {
  return typeof arg === 'object' && arg !== null && Array.isArray((arg as ScriptedCreate).unitIds);
}

async function createScripted(ctx: CommandContext, arg: ScriptedCreate): Promise<string | undefined> {
  const workload = workloadFromArg(arg.workload);
  if (!workload) throw new Error(`Unknown workload "${arg.workload}"; use exchange, sharePoint or oneDrive.`);
  const { api } = await ctx.hubs.active();
  const allUnits = await api.tenant.units(workload);
  const units = allUnits.filter((u) => arg.unitIds.includes(u.id));
  const { plan, flags } = await planWithFlags(api, workload, allUnits, units, arg.pointInTime ? new Date(arg.pointInTime) : 'latest', arg.destination);
  if (plan.violations.length) throw new Error(plan.violations.map((v) => `${v.code}: ${v.message}`).join(' '));
  return createFromPlan(ctx, plan, !!arg.activate, flags);
}

/**
 * Creates the planned session; returns its id. "Create and activate now" then activates through the same
 * action (and so the same confirmation) as every other activation; declining it leaves the draft.
 */
async function createFromPlan(ctx: CommandContext, plan: CreatePlan, activate: boolean, flags: readonly ReviewFlag[]): Promise<string> {
  const deps = await actionDeps(ctx);
  const inputs = planInputs(plan);
  const { session, failures } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Creating ${plan.workload.label} restore session…` },
    () => deps.hub.api.sessions.createWith(plan.workload, 'standard', inputs),
  );
  deps.hub.created(plan.workload, session);
  if (failures.length) {
    void vscode.window.showWarningMessage(`${failures.length} artifact(s) could not be added: ${failures[0]['@Core.DataModificationException'].info.message}`);
  }
  const activated = activate ? valueOrThrow(await activateSession(deps, { workload: plan.workload, session }, { flags })) : undefined;
  void vscode.window.showInformationMessage(`${plan.workload.label} restore session ${activated ? 'created and activated' : 'created as a draft'} with ${inputs.length - failures.length} artifact(s).`);
  return session.id;
}
