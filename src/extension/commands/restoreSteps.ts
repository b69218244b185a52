// Wizard steps shared by Create Restore Session…, Add Artifacts… and Retry Failed: pick protection units, pick
// the destination (with the one-destination rule in words), find the restore points. The point-in-time step
// lives in pointInTimeStep.ts, the plan review in planReview.ts.
import * as vscode from 'vscode';
import type { BackupApi } from '../../backup/api';
import { INCLUDE_NEWER_ITEMS_TAG, type DestinationType, type ProtectionUnit, type RestorePointSearchResponse, type Workload } from '../../backup/model';
import { isNotProtected } from '../../backup/plan';
import { unitAddress } from '../../backup/presentation';
import { TimeWithNewerItems } from '../../backup/restorePoints';
import { unitDisplayName, unitRef } from '../../backup/sessionNaming';
import { words } from '../../backup/words';
import type { PointInTime } from './pointInTimeStep';
import { BACK, pickStep, type StepResult } from './wizard';

export { pickPointInTimeStep, type PointInTime } from './pointInTimeStep';

/** Quick-pick rows for protection units: name, address, and status (not protected, offboarding, errors). */
export function unitItems(workload: Workload, units: readonly ProtectionUnit[], inDraft?: ReadonlySet<string>): (vscode.QuickPickItem & { unit: ProtectionUnit })[] {
  return units.map((unit) => ({
    label: unitDisplayName(workload, unitRef(workload, unit)),
    description: [inDraft?.has(unit.id) ? vscode.l10n.t('already in this draft') : '', unitAddress(workload, unit)].filter(Boolean).join(' · '),
    detail: unitDetail(unit),
    unit,
  }));
}

export async function pickUnitsStep(options: {
  title: string; step: number; totalSteps: number; workload: Workload; units: ProtectionUnit[];
  selected?: readonly ProtectionUnit[];
  /** Units the draft already restores: listed (marked) so the review can say why they are not added twice. */
  inDraft?: ReadonlySet<string>;
}): Promise<StepResult<ProtectionUnit[]>> {
  const { workload } = options;
  const items = unitItems(workload, options.units, options.inDraft);
  const picked = await pickStep({
    title: options.title, step: options.step, totalSteps: options.totalSteps, canPickMany: true,
    placeholder: vscode.l10n.t('Pick the {0} to restore (type to filter by name or address)', workload.unitLabelPlural),
    items, selected: items.filter((i) => options.selected?.some((u) => u.id === i.unit.id)),
  });
  return picked === BACK || picked === undefined ? picked : picked.map((p) => p.unit);
}

/** The two destinations, explained for the workload; in place carries its warning. */
export function destinationItems(workload: Workload): (vscode.QuickPickItem & { value: DestinationType })[] {
  return [
    { label: vscode.l10n.t('$(new-folder) New location'), description: vscode.l10n.t('recommended'), detail: vscode.l10n.t('Restores to {0}; current content is untouched.', workload.newLocation), value: 'new' },
    { label: vscode.l10n.t('$(warning) In place'), description: vscode.l10n.t('overwrites current content'), detail: vscode.l10n.t('Restores over the current content of each {0}. Changes made since the restore point are lost.', workload.unitLabel), value: 'inPlace' },
  ];
}

export interface DestinationStepOptions {
  title: string;
  step: number;
  totalSteps: number;
  workload: Workload;
  /** The destination the session already restores to: offered first and marked, the other one explains the rule. */
  current?: DestinationType;
}

export async function pickDestinationStep(options: DestinationStepOptions): Promise<StepResult<DestinationType>> {
  const { current } = options;
  const items = destinationItems(options.workload).map((item) => {
    if (!current) return item;
    return item.value === current
      ? { ...item, description: vscode.l10n.t('this session\'s destination · {0}', item.description ?? '') }
      : { ...item, description: vscode.l10n.t('not possible in this session'), detail: vscode.l10n.t('A session restores everything to one destination; this one restores {0}. Create a new session for this destination.', whereWords(current)) };
  });
  const ordered = current ? [...items.filter((i) => i.value === current), ...items.filter((i) => i.value !== current)] : items;
  const placeholder = current
    ? vscode.l10n.t('Where should the added {0} be restored? A session has one destination: this one restores {1}.', options.workload.unitLabelPlural, whereWords(current))
    : vscode.l10n.t('Where should the content be restored?');
  const picked = await pickStep({ title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder, items: ordered });
  return picked === BACK || picked === undefined ? picked : picked[0].value;
}

/**
 * One restore point per unit: the latest at or before the chosen time; with the items created after it too
 * when the admin chose that (beta `includeNewerItems`).
 */
export function findRestorePoints(api: BackupApi, units: readonly ProtectionUnit[], pointInTime: PointInTime): Thenable<RestorePointSearchResponse> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding restore points…') }, () =>
    api.tenant.search({
      protectionUnitIds: units.map((u) => u.id),
      protectionTimePeriod: { endDateTime: (pointInTime === 'latest' ? new Date() : pointInTime).toISOString() },
      restorePointPreference: 'latest',
      ...(pointInTime instanceof TimeWithNewerItems ? { tags: INCLUDE_NEWER_ITEMS_TAG } : {}),
    }),
  );
}

/** `in place` / `to a new location`, to finish a sentence. */
export function whereWords(destination: DestinationType): string {
  return destination === 'inPlace' ? vscode.l10n.t('in place, over the current content') : vscode.l10n.t('to a new location');
}

function unitDetail(unit: ProtectionUnit): string {
  const parts = [isNotProtected(unit.status) ? vscode.l10n.t('{0}: no new backups', words('unitStatus', unit.status)) : ''];
  if (unit.offboardRequestedDateTime && !unit.offboardRequestedDateTime.startsWith('0001')) parts.push(vscode.l10n.t('offboarding requested'));
  if (unit.error?.message) parts.push(unit.error.message);
  return parts.filter(Boolean).join(' · ');
}
