// Wizard steps shared by Create Restore Session… and Add Artifacts…: pick protection units, pick a point
// in time, find the restore points.
import * as vscode from 'vscode';
import type { BackupApi } from '../../backup/api';
import { parseLocalDateTime, validateLocalDateTime } from '../../backup/dates';
import type { DestinationType, ProtectionUnit, RestorePointSearchResponse, Workload } from '../../backup/model';
import { unitAddress, unitName } from '../../backup/presentation';
import { BACK, inputStep, pickStep, type StepResult } from './wizard';

export type PointInTime = Date | 'latest';

/** Quick-pick rows for protection units: name, address, and status (offboarding, errors). */
export function unitItems(workload: Workload, units: readonly ProtectionUnit[]): (vscode.QuickPickItem & { unit: ProtectionUnit })[] {
  return units.map((unit) => ({ label: unitName(workload, unit) ?? unit.id, description: unitAddress(workload, unit), detail: unitDetail(unit), unit }));
}

export async function pickUnitsStep(options: {
  title: string; step: number; totalSteps: number; workload: Workload; units: ProtectionUnit[];
  selected?: readonly ProtectionUnit[]; excluded?: ReadonlySet<string>;
}): Promise<StepResult<ProtectionUnit[]>> {
  const { workload } = options;
  const items = unitItems(workload, options.units.filter((unit) => !options.excluded?.has(unit.id)));
  const picked = await pickStep({
    title: options.title, step: options.step, totalSteps: options.totalSteps, canPickMany: true,
    placeholder: `Pick the ${workload.unitLabelPlural} to restore (type to filter by name or address)`,
    items, selected: items.filter((i) => options.selected?.some((u) => u.id === i.unit.id)),
  });
  return picked === BACK || picked === undefined ? picked : picked.map((p) => p.unit);
}

export async function pickPointInTimeStep(options: { title: string; step: number; totalSteps: number; current?: PointInTime }): Promise<StepResult<PointInTime>> {
  for (;;) {
    const picked = await pickStep({
      title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder: 'Restore to which point in time?',
      items: [
        { label: '$(history) Latest restore point', description: 'the most recent backup of each', value: 'latest' as const },
        { label: '$(calendar) A date and time…', description: 'the closest restore point before it', value: 'pick' as const },
      ],
    });
    if (picked === undefined || picked === BACK) return picked;
    if (picked[0].value === 'latest') return 'latest';
    const text = await inputStep({
      title: options.title, step: options.step, totalSteps: options.totalSteps,
      prompt: 'Restore to the closest restore point before (local time, YYYY-MM-DD HH:MM)',
      value: options.current instanceof Date ? localText(options.current) : '', placeholder: '2026-11-20 08:00', validate: validateDateTime,
    });
    if (text === undefined) return undefined;
    if (text === BACK) continue;
    return parseLocal(text);
  }
}

/** The two destinations, explained for the workload; in place carries its warning. */
export function destinationItems(workload: Workload): (vscode.QuickPickItem & { value: DestinationType })[] {
  return [
    { label: '$(new-folder) New location', description: 'recommended', detail: `Restores to ${workload.newLocation}; current content is untouched.`, value: 'new' },
    { label: '$(warning) In place', description: 'overwrites current content', detail: `Restores over the current content of each ${workload.unitLabel}. Changes made since the restore point are lost.`, value: 'inPlace' },
  ];
}

export function pickDestinationStep(options: { title: string; step: number; totalSteps: number; workload: Workload }): Promise<StepResult<DestinationType>> {
  return pickStep({ title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder: 'Where should the content be restored?', items: destinationItems(options.workload) })
    .then((picked) => (picked === BACK || picked === undefined ? picked : picked[0].value));
}

/** One restore point per unit: the latest at or before the chosen time. */
export function findRestorePoints(api: BackupApi, units: readonly ProtectionUnit[], pointInTime: PointInTime): Thenable<RestorePointSearchResponse> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Finding restore points…' }, () =>
    api.tenant.search({
      protectionUnitIds: units.map((u) => u.id),
      protectionTimePeriod: { endDateTime: (pointInTime === 'latest' ? new Date() : pointInTime).toISOString() },
      restorePointPreference: 'latest',
    }),
  );
}

function unitDetail(unit: ProtectionUnit): string {
  const parts = [unit.status ?? ''];
  if (unit.offboardRequestedDateTime && !unit.offboardRequestedDateTime.startsWith('0001')) parts.push('offboarding requested');
  if (unit.error?.message) parts.push(unit.error.message);
  return parts.filter(Boolean).join(' · ');
}

export function validateDateTime(text: string): string | undefined {
  return validateLocalDateTime(text);
}

function parseLocal(text: string): Date {
  return parseLocalDateTime(text) ?? new Date(Number.NaN);
}

function localText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
