// Create Granular Mailbox Restore…: the mailbox, the point in time, the search form (mailForm.ts), then the
// match count at the restore point the search found — the admin may count again at another point — and the
// destination. The draft is created with the search response; the query and the count are remembered
// (the hub's session notes) because the service does not return them with the artifact.
import * as vscode from 'vscode';
import type { BackupApi } from '../../../backup/api';
import type { DestinationType, ProtectionUnit, RestorePoint, Workload } from '../../../backup/model';
import { WORKLOADS } from '../../../backup/model';
import { unitName } from '../../../backup/presentation';
import { parseInstant, plural, pointInTimeText } from '../../../backup/timeWords';
import type { CommandContext } from '../context';
import { destinationItems, pickPointInTimeStep, unitItems, type PointInTime } from '../restoreSteps';
import { BACK, inputStep, pickStep, type StepResult } from '../wizard';
import { askMailQuery, type FormAsker, type MailQuery } from './mailForm';
import { queryNoteText } from '../../sessions/noteWords';

const wizardTitle = (): string => vscode.l10n.t('Granular mailbox restore');
const TOTAL = 10;

export async function granularMailboxRestore(ctx: CommandContext): Promise<string | undefined> {
  const workload = WORKLOADS.find((w) => w.granularArtifacts.source === 'search')!;
  const hub = await ctx.hubs.active();
  const units = await hub.api.tenant.units(workload);
  let unit: ProtectionUnit | undefined;
  let when: PointInTime = 'latest';
  let query: MailQuery | undefined;
  for (let step = 1; step <= 3;) {
    if (step === 1) {
      const picked = await pickStep({ title: wizardTitle(), step: 1, totalSteps: TOTAL, placeholder: vscode.l10n.t('Which mailbox? (type to filter by name or address)'), items: unitItems(workload, units) });
      if (!picked || picked === BACK) return undefined;
      unit = picked[0].unit;
    } else if (step === 2) {
      const picked: StepResult<PointInTime> = await pickPointInTimeStep({ title: `${wizardTitle()}: ${unitName(workload, unit) ?? vscode.l10n.t('mailbox')}`, step: 2, totalSteps: TOTAL, current: when, api: hub.api, workload, units: unit ? [unit] : [] });
      if (picked === undefined) return undefined;
      if (picked === BACK) {
        step--;
        continue;
      }
      when = picked;
    } else {
      const asked = await askMailQuery(workbenchAsker(vscode.l10n.t('{0}: which items?', wizardTitle())), 3, TOTAL, query?.form);
      if (asked === undefined) return undefined;
      if (asked === BACK) {
        step--;
        continue;
      }
      query = asked;
    }
    step++;
  }
  return createFromSearch(ctx, workload, unit!, when, query!);
}

/** Step 10: the count at the point found, counted again at another point on request, then the destination. */
async function createFromSearch(ctx: CommandContext, workload: Workload, unit: ProtectionUnit, first: PointInTime, query: MailQuery): Promise<string | undefined> {
  const hub = await ctx.hubs.active();
  const name = unitName(workload, unit) ?? vscode.l10n.t('the mailbox');
  for (let when = first; ;) {
    const search = await countMatches(hub.api, unit, when, query.expression);
    const result = search?.result;
    if (!search || !result?.restorePoint?.id) {
      void vscode.window.showWarningMessage(when === 'latest' ? vscode.l10n.t('{0} has no restore point before now; choose a later time.', name) : vscode.l10n.t('{0} has no restore point before {1}; choose a later time.', name, pointInTimeText(when.toISOString(), Date.now())));
    }
    const hits = result?.artifactHitCount ?? 0;
    const point = result?.restorePoint ?? undefined;
    const pointText = point ? pointInTimeText(point.protectionDateTime, Date.now()) : vscode.l10n.t('no restore point');
    const rows: (vscode.QuickPickItem & { destination?: DestinationType; again?: true })[] = [
      ...(point && search?.searchResponseId ? destinationItems(workload).map((item) => ({ ...item, label: vscode.l10n.t('{0}: create the draft', item.label), description: item.value === 'new' ? vscode.l10n.t('restores {0} to a new folder in {1}\'s mailbox', plural(hits, vscode.l10n.t('item'), vscode.l10n.t('items')), name) : item.description })) : []),
      { label: vscode.l10n.t('$(history) Count at another point in time…'), description: vscode.l10n.t('search the same query at an earlier or later restore point'), again: true },
      { label: vscode.l10n.t('Search sent to Exchange'), kind: vscode.QuickPickItemKind.Separator },
      { label: query.expression, description: query.description },
    ];
    const picked = await pickStep({
      title: vscode.l10n.t('{0}: {1} — {2} match at {3}', wizardTitle(), name, plural(hits, vscode.l10n.t('item'), vscode.l10n.t('items')), pointText), step: TOTAL, totalSteps: TOTAL,
      placeholder: `${query.description} · ${query.expression}`, items: rows,
    });
    if (!picked || picked === BACK) return undefined;
    if (picked[0].again) {
      const next = await pickPointInTimeStep({ title: vscode.l10n.t('{0}: count again', wizardTitle()), step: TOTAL, totalSteps: TOTAL, current: when });
      if (next && next !== BACK) when = next;
      continue;
    }
    const destination = picked[0].destination;
    if (!destination) continue; // (the search row only shows the query)
    const { body } = await hub.api.sessions.create(workload, { granular: [{ restorePointId: point!.id, destinationType: destination, searchResponseId: search!.searchResponseId! }] });
    const note = { sessionId: body.id, searchResponseId: search!.searchResponseId!, mailbox: name, expression: query.expression, description: query.description, hitCount: hits, pointDateTime: point?.protectionDateTime ?? undefined };
    // Noted before the tree hears of the session, so its first row is already named by the query.
    hub.notes.rememberQuery(note);
    hub.created(workload, body);
    void vscode.window.showInformationMessage(vscode.l10n.t('Created a draft granular restore of {0}\'s mailbox: {1} from {2}.', name, queryNoteText(note), pointText), vscode.l10n.t('Open Details'))
      .then((c) => c && vscode.commands.executeCommand('restoreSessions.openDetails', body.id));
    return body.id;
  }
}

/** The search with the query at the latest point at or before `when`: its point and match count. */
export async function countMatches(api: BackupApi, unit: ProtectionUnit, when: PointInTime, expression: string): Promise<{ searchResponseId?: string | null; result?: { restorePoint?: RestorePoint | null; artifactHitCount?: number | null } } | undefined> {
  const search = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Counting the matching items…') }, () =>
    api.tenant.search({
      protectionUnitIds: [unit.id],
      protectionTimePeriod: { endDateTime: (when === 'latest' ? new Date() : when).toISOString() },
      restorePointPreference: 'latest',
      artifactQuery: { artifactType: 'message', queryExpression: expression.trim() },
    }),
  );
  const result = search.searchResults?.[0];
  return parseInstant(result?.restorePoint?.protectionDateTime) === undefined ? undefined : { searchResponseId: search.searchResponseId, result };
}

/** Quick input steps for the form, with Back on each. */
export function workbenchAsker(title: string): FormAsker {
  return {
    text: (step) => inputStep({ title, step: step.step, totalSteps: step.totalSteps, prompt: step.prompt, value: step.value, placeholder: step.placeholder, validate: step.validate }),
    async choice(step) {
      const items = step.items.map((item) => ({ ...item, description: item.value === step.current ? vscode.l10n.t('current choice') : item.description }));
      const picked = await pickStep({ title, step: step.step, totalSteps: step.totalSteps, placeholder: step.placeholder, items });
      return picked === undefined || picked === BACK ? picked : { value: picked[0].value };
    },
  };
}
