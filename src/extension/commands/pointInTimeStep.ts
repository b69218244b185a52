// The point-in-time step of the create wizard, Add Artifacts… and Retry Failed: one quick pick that offers the
// latest restore point, reads what the admin types (`yesterday 09:00`, `2026-11-30 9:00`, `-2h`, an ISO time)
// and lists the real restore points of the chosen units around that time, fast-restore points marked, every time
// shown with its time zone and age. One step, one counter: typing a time does not open a second box. On a beta
// connection a typed time is offered twice: as is, and with the items created after each point (the preview
// API's `includeNewerItems`), so that choice is made by the admin, never by default.
import * as vscode from 'vscode';
import type { BackupApi } from '../../backup/api';
import type { ProtectionUnit, RestorePoint, Workload } from '../../backup/model';
import { parsePointInTime } from '../../backup/naturalDate';
import { pointsAround, TimeWithNewerItems, type PointChoice } from '../../backup/restorePoints';
import { unitDisplayName, unitRef } from '../../backup/sessionNaming';
import { formatWithZone, localUtcOffset, utcOffsetName } from '../../backup/timeWords';
import { BACK, type StepResult } from './wizard';

export type PointInTime = Date | 'latest';

/** Units whose restore points are listed (a long list of units would bury the input). */
const LISTED_UNITS = 3;
const TYPING_PAUSE_MS = 250;

/**
 * `point`: a listed restore point (its time is taken as is, whatever is typed). `newerItems`: the typed time,
 * with the items created after each point (beta). A row without a value is reading only (a heading, a hint).
 */
type Choice = vscode.QuickPickItem & { value?: number | 'latest' | 'same'; point?: true; newerItems?: true };

export interface PointInTimeOptions {
  title: string;
  step: number;
  totalSteps: number;
  /** Where to list restore points from; without them the step reads typed times only. */
  api?: BackupApi;
  workload?: Workload;
  units?: readonly ProtectionUnit[];
  current?: PointInTime;
  /** Retry: offer "the same restore points as before" first (answered as `'same'`). */
  offerSame?: boolean;
}

export function pickPointInTimeStep(options: PointInTimeOptions & { offerSame?: false }): Promise<StepResult<PointInTime>>;
export function pickPointInTimeStep(options: PointInTimeOptions & { offerSame: true }): Promise<StepResult<PointInTime | 'same'>>;
export function pickPointInTimeStep(options: PointInTimeOptions): Promise<StepResult<PointInTime | 'same'>> {
  const pick = vscode.window.createQuickPick<Choice>();
  const zone = utcOffsetName(localUtcOffset(Date.now()));
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = vscode.l10n.t('Latest restore point, or type a time ({0}): now, -2h, yesterday 09:00, 2026-11-30 9:00', zone);
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = false;
  if (options.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  if (options.current instanceof Date) pick.value = formatWithZone(options.current.getTime()).replace(/ UTC.*$/, '');
  const { api, workload, units } = options;
  const preview = api?.apiVersion === 'beta';
  // Back and forth through the wizard keeps a choice of the items created since.
  const keepNewerItems = options.current instanceof TimeWithNewerItems;
  const points = api && workload && units?.length ? new PointLists(api, workload, units) : undefined;
  let shown = 0;
  const render = async () => {
    const ticket = ++shown;
    const typed = pick.value.trim();
    const parsed = typed ? parsePointInTime(typed, { now: Date.now() }) : undefined;
    const head: Choice[] = parsed?.ok
      ? [
        { label: `$(calendar) ${parsed.text}`, description: vscode.l10n.t('the latest restore point at or before this time, for each'), value: parsed.ms, alwaysShow: true },
        ...(preview ? [{ label: vscode.l10n.t('$(calendar) {0}, and items created since', parsed.text), description: vscode.l10n.t('preview API'), detail: vscode.l10n.t('Each point also brings back the items created after it.'), value: parsed.ms, newerItems: true as const, alwaysShow: true }] : []),
      ]
      : parsed
        ? [{ label: `$(info) ${parsed.message}`, alwaysShow: true }]
        : [
          ...(options.offerSame ? [{ label: vscode.l10n.t('$(debug-restart) The same restore points as before'), description: vscode.l10n.t('only the destination changes, if you changed it'), value: 'same' as const, alwaysShow: true }] : []),
          { label: vscode.l10n.t('$(history) Latest restore point'), description: vscode.l10n.t('the most recent backup of each'), value: 'latest' as const, alwaysShow: true },
          ...(preview ? [{ label: vscode.l10n.t('$(info) Type a time to also bring back the items created after its points'), description: vscode.l10n.t('preview API'), alwaysShow: true }] : []),
        ];
    pick.items = head;
    pick.busy = true;
    const around = parsed?.ok ? parsed.ms : Date.now();
    const listed = points ? await points.around(around).catch(() => []) : [];
    if (ticket !== shown) return;
    pick.busy = false;
    pick.items = [...head, ...listed];
    pick.activeItems = [(keepNewerItems && head.find((h) => h.newerItems)) || head[0]];
  };
  let pause: ReturnType<typeof setTimeout> | undefined;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: StepResult<PointInTime | 'same'>) => {
      if (done) return;
      done = true;
      if (pause) clearTimeout(pause);
      resolve(value);
      pick.dispose();
    };
    pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK));
    pick.onDidChangeValue(() => {
      if (pause) clearTimeout(pause);
      pause = setTimeout(() => void render(), TYPING_PAUSE_MS);
    });
    pick.onDidAccept(() => {
      const active = pick.activeItems[0];
      // A listed restore point wins; otherwise what is typed now counts, even if the list has not caught up yet.
      if (active?.point && typeof active.value === 'number') return finish(new Date(active.value));
      const typed = pick.value.trim();
      // Enter on a heading or hint with nothing typed chooses nothing (it must not mean "latest" silently).
      if (!typed && active && active.value === undefined) return;
      if (!typed) return finish(active?.value === 'same' ? 'same' : 'latest');
      const parsed = parsePointInTime(typed, { now: Date.now() });
      if (parsed.ok) finish(active?.newerItems ? new TimeWithNewerItems(parsed.ms) : new Date(parsed.ms));
      else void render();
    });
    pick.onDidHide(() => finish(undefined));
    void render();
    pick.show();
  });
}

/** The real restore points of the first few units around a time, one titled group per unit. */
class PointLists {
  private readonly cache = new Map<string, Promise<RestorePoint[]>>();

  constructor(private readonly api: BackupApi, private readonly workload: Workload, private readonly units: readonly ProtectionUnit[]) {}

  async around(ms: number): Promise<Choice[]> {
    const { workload } = this;
    const groups = await Promise.all(this.units.slice(0, LISTED_UNITS).map(async (unit) => {
      const choices = pointsAround(await this.pointsOf(unit.id, ms), ms, { now: Date.now() });
      const name = unitDisplayName(workload, unitRef(workload, unit));
      return [
        // (a heading row, not a separator: VS Code hides separators while the box holds text)
        { label: vscode.l10n.t('$(account) Restore points of {0}', name), description: vscode.l10n.t('newest first; $(zap) fast restore'), alwaysShow: true },
        ...(choices.length ? choices.map(pointItem) : [{ label: vscode.l10n.t('$(circle-slash) {0} has no restore point near this time', name), alwaysShow: true }]),
      ] as Choice[];
    }));
    const more = this.units.length - LISTED_UNITS;
    return [...groups.flat(), ...(more > 0 ? [{ label: vscode.l10n.t('and {0} more {1}: each gets its latest point at or before the time', more, workload.unitLabelPlural), alwaysShow: true }] : [])];
  }

  private pointsOf(unitId: string, ms: number): Promise<RestorePoint[]> {
    const key = `${unitId}@${ms}`;
    let points = this.cache.get(key);
    if (!points) {
      points = Promise.all([
        this.api.tenant.restorePoints(unitId, { before: new Date(ms + 1) }),
        this.api.tenant.restorePoints(unitId, { after: new Date(ms) }),
      ]).then(([before, after]) => [...before, ...after]);
      points.catch(() => this.cache.delete(key));
      this.cache.set(key, points);
    }
    return points;
  }
}

function pointItem(choice: PointChoice): Choice {
  return {
    label: `${choice.fastRestore ? '$(zap)' : '$(history)'} ${choice.label}`,
    description: [choice.closest ? vscode.l10n.t('the point used for this time') : '', choice.description].filter(Boolean).join(' · '),
    value: choice.ms,
    point: true,
    alwaysShow: true,
  };
}
