// Create Restore Session…: workload → protection units → point in time → destination → review of the
// plan (with the service's rules checked locally) → create as draft, optionally activating at once.
import * as vscode from 'vscode';
import { planCreate, planInputs, type CreatePlan } from '../../backup/plan';
import type { DestinationType, ProtectionUnit, Workload } from '../../backup/model';
import { LIMITS, WORKLOADS } from '../../backup/model';
import { formatDateTime, unitName } from '../../backup/presentation';
import type { CommandContext } from './context';
import { workloadFromArg } from './pickSession';
import type { CommandSpec } from './registry';
import { BACK, inputStep, pickStep } from './wizard';

interface State {
  workload?: Workload;
  units?: ProtectionUnit[];
  /** undefined = latest restore point */
  pointInTime?: Date | 'latest';
  destination?: DestinationType;
}

const TITLE = 'Create Restore Session';
const STEPS = 5;

export function createSessionCommand(ctx: CommandContext): CommandSpec {
  return {
    id: 'restoreSessions.createSession',
    run: async (arg) => {
      const state: State = { workload: workloadFromArg(arg) };
      const { api } = await ctx.connections.get();
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
          const workload = state.workload!;
          const units = await loadUnits(workload);
          const items = units.map((unit) => ({
            label: unitName(workload, unit) ?? unit.id,
            description: String((unit as unknown as Record<string, unknown>)[workload.protectionUnits.addressField] ?? ''),
            detail: unitDetail(unit),
            unit,
          }));
          const picked = await pickStep({
            title: `${TITLE}: ${workload.label}`, step, totalSteps: STEPS, canPickMany: true,
            placeholder: `Pick the ${workload.unitLabelPlural} to restore (type to filter)`,
            items, selected: items.filter((i) => state.units?.some((u) => u.id === i.unit.id)),
          });
          if (!picked) return;
          if (picked === BACK) { if (firstStep === 2) return; step = 1; continue; }
          state.units = picked.map((p) => p.unit);
          step = 3;
        } else if (step === 3) {
          const picked = await pickStep({
            title: TITLE, step, totalSteps: STEPS, placeholder: 'Restore to which point in time?',
            items: [
              { label: '$(history) Latest restore point', description: 'the most recent backup of each', value: 'latest' as const },
              { label: '$(calendar) A date and time…', description: 'the closest restore point before it', value: 'pick' as const },
            ],
          });
          if (!picked) return;
          if (picked === BACK) { step = 2; continue; }
          if (picked[0].value === 'latest') state.pointInTime = 'latest';
          else {
            const text = await inputStep({
              title: TITLE, step, totalSteps: STEPS, prompt: 'Restore to the closest restore point before (local time, YYYY-MM-DD HH:MM)',
              value: state.pointInTime instanceof Date ? localText(state.pointInTime) : '', placeholder: '2026-11-20 08:00', validate: validateDateTime,
            });
            if (text === undefined) return;
            if (text === BACK) continue;
            state.pointInTime = parseLocal(text);
          }
          step = 4;
        } else if (step === 4) {
          const picked = await pickStep({
            title: TITLE, step, totalSteps: STEPS, placeholder: 'Where should the content be restored?',
            items: [
              { label: '$(new-folder) New location', description: 'recommended', detail: state.workload!.id === 'exchange' ? 'A new folder in each mailbox; current content is untouched.' : 'A new site per restored unit; current content is untouched.', value: 'new' as DestinationType },
              { label: '$(warning) In place', description: 'overwrites current content', detail: 'Restores over the current content of each unit. Changes made since the restore point are lost.', value: 'inPlace' as DestinationType },
            ],
          });
          if (!picked) return;
          if (picked === BACK) { step = 3; continue; }
          state.destination = picked[0].value;
          plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Finding restore points…' }, async () => {
            const search = await api.tenant.search({
              protectionUnitIds: state.units!.map((u) => u.id),
              protectionTimePeriod: state.pointInTime instanceof Date ? { endDateTime: state.pointInTime.toISOString() } : { endDateTime: new Date().toISOString() },
              restorePointPreference: 'latest',
            });
            return planCreate(state.workload!, state.units!, search, state.destination!);
          });
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

async function createFromPlan(ctx: CommandContext, plan: CreatePlan, activate: boolean): Promise<void> {
  const { api } = await ctx.connections.get();
  const inputs = planInputs(plan);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Creating ${plan.workload.label} restore session…` }, async () => {
    const { body: session } = await api.sessions.create(plan.workload, { standard: inputs.slice(0, LIMITS.artifactsPerRequest) });
    if (inputs.length > LIMITS.artifactsPerRequest) {
      const result = await api.sessions.changeArtifacts(plan.workload, session.id, { kind: 'standard', add: inputs.slice(LIMITS.artifactsPerRequest) });
      if (result.failures.length) {
        void vscode.window.showWarningMessage(`${result.failures.length} artifact(s) could not be added: ${result.failures[0]['@Core.DataModificationException'].info.message}`);
      }
    }
    if (activate) {
      await api.sessions.activate(session.id);
      ctx.watch.add(plan.workload, session.id);
    }
    ctx.tree.refreshWorkload(plan.workload);
    void vscode.window.showInformationMessage(`${plan.workload.label} restore session ${activate ? 'created and activated' : 'created as a draft'} with ${inputs.length} artifact(s).`);
  });
}

function unitDetail(unit: ProtectionUnit): string {
  const parts = [unit.status ?? ''];
  if (unit.offboardRequestedDateTime && !unit.offboardRequestedDateTime.startsWith('0001')) parts.push('offboarding requested');
  if (unit.error?.message) parts.push(unit.error.message);
  return parts.filter(Boolean).join(' · ');
}

function validateDateTime(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/.test(text.trim())) return 'Enter a local date and time as YYYY-MM-DD HH:MM, for example 2026-11-20 08:00.';
  const date = parseLocal(text);
  if (Number.isNaN(date.getTime())) return 'That date does not exist.';
  if (date.getTime() > Date.now()) return 'Pick a time in the past: restore points exist only for backups already taken.';
  return undefined;
}

function parseLocal(text: string): Date {
  return new Date(text.trim().replace(' ', 'T') + ':00');
}

function localText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
