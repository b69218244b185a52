// Create Restore Session…: workload → protection units → point in time → destination → review of the
// plan (with the service's rules checked locally) → create as draft, optionally activating at once.
import * as vscode from 'vscode';
import { planCreate, planInputs, type CreatePlan } from '../../backup/plan';
import type { DestinationType, ProtectionUnit, Workload } from '../../backup/model';
import { WORKLOADS } from '../../backup/model';
import { formatDateTime } from '../../backup/presentation';
import { findRestorePoints, pickDestinationStep, pickPointInTimeStep, pickUnitsStep, type PointInTime } from './restoreSteps';
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
      const state: State = { workload: workloadFromArg(arg) };
      const { api } = await ctx.hubs.active();
      const unitsByWorkload = new Map<string, Promise<ProtectionUnit[]>>();
      const loadUnits = (w: Workload) => {
        if (!unitsByWorkload.has(w.id)) unitsByWorkload.set(w.id, api.tenant.units(w));
        return unitsByWorkload.get(w.id)!;
      };
      let step = state.workload ? 2 : 1;
      const firstStep = step;
      let plan: CreatePlan | undefined;
      for (;;) {
        if (step === 1) {
          const picked = await pickStep({
            title: TITLE, step, totalSteps: STEPS, placeholder: 'What do you want to restore?',
            items: WORKLOADS.map((w) => ({ label: `$(${w.icon}) ${w.label}`, description: w.unitLabelPlural, workload: w })),
          });
          if (!picked) return;
          if (picked === BACK) continue;
          state.workload = picked[0].workload;
          step = 2;
        } else if (step === 2) {
          const picked = await pickUnitsStep({ title: `${TITLE}: ${state.workload!.label}`, step, totalSteps: STEPS, workload: state.workload!, units: await loadUnits(state.workload!), selected: state.units });
          if (!picked) return;
          if (picked === BACK) { if (firstStep === 2) return; step = 1; continue; }
          state.units = picked;
          step = 3;
        } else if (step === 3) {
          const picked = await pickPointInTimeStep({ title: TITLE, step, totalSteps: STEPS, current: state.pointInTime });
          if (!picked) return;
          if (picked === BACK) { step = 2; continue; }
          state.pointInTime = picked;
          step = 4;
        } else if (step === 4) {
          const picked = await pickDestinationStep({ title: TITLE, step, totalSteps: STEPS, workload: state.workload! });
          if (!picked) return;
          if (picked === BACK) { step = 3; continue; }
          state.destination = picked;
          const search = await findRestorePoints(api, state.units!, state.pointInTime ?? 'latest');
          plan = planCreate(state.workload!, state.units!, search, state.destination!);
          step = 5;
        } else {
          const review = plan!;
          const blocked = review.violations.length > 0;
          const items = [
            ...(blocked ? [] : [
              { label: '$(save) Create as draft', description: 'review and activate later', action: 'draft' as const },
              { label: '$(play) Create and activate now', description: review.destinationType === 'inPlace' ? 'overwrites current content' : undefined, action: 'activate' as const },
            ]),
            ...review.violations.map((v) => ({ label: `$(error) ${v.code}`, detail: v.message, action: 'none' as const })),
            ...review.artifacts.map((a) => ({ label: `$(check) ${a.unitName}`, description: `${formatDateTime(a.protectionDateTime)}${a.fastRestore ? ' · fast restore' : ''}`, action: 'none' as const })),
            ...review.unitsWithoutPoint.map((u) => ({ label: `$(circle-slash) ${u.unitName}`, description: 'no restore point in range; skipped', action: 'none' as const })),
          ];
          const picked = await pickStep({
            title: `${TITLE}: review`, step, totalSteps: STEPS,
            placeholder: `${review.artifacts.length} artifact(s) → ${review.destinationType === 'inPlace' ? 'IN PLACE' : 'new location'} · ${review.requests.length} request(s)`,
            items,
          });
          if (!picked) return;
          if (picked === BACK) { step = 4; continue; }
          if (picked[0].action === 'none') continue;
          await createFromPlan(ctx, review, picked[0].action === 'activate');
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

function isScripted(arg: unknown): arg is ScriptedCreate {
  return typeof arg === 'object' && arg !== null && Array.isArray((arg as ScriptedCreate).unitIds);
}

async function createScripted(ctx: CommandContext, arg: ScriptedCreate): Promise<string | undefined> {
  const workload = workloadFromArg(arg.workload);
  if (!workload) throw new Error(`Unknown workload "${arg.workload}"; use exchange, sharePoint or oneDrive.`);
  const { api } = await ctx.hubs.active();
  const units = (await api.tenant.units(workload)).filter((u) => arg.unitIds.includes(u.id));
  const search = await findRestorePoints(api, units, arg.pointInTime ? new Date(arg.pointInTime) : 'latest');
  const plan = planCreate(workload, units, search, arg.destination);
  if (plan.violations.length) throw new Error(plan.violations.map((v) => `${v.code}: ${v.message}`).join(' '));
  return createFromPlan(ctx, plan, !!arg.activate);
}

/**
 * Creates the planned session; returns its id. "Create and activate now" then activates through the same
 * action (and so the same confirmation) as every other activation; declining it leaves the draft.
 */
async function createFromPlan(ctx: CommandContext, plan: CreatePlan, activate: boolean): Promise<string> {
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
  const activated = activate ? valueOrThrow(await activateSession(deps, { workload: plan.workload, session })) : undefined;
  void vscode.window.showInformationMessage(`${plan.workload.label} restore session ${activated ? 'created and activated' : 'created as a draft'} with ${inputs.length - failures.length} artifact(s).`);
  return session.id;
}
