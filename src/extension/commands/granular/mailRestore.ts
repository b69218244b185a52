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

const TITLE = 'Granular mailbox restore';
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
      const picked = await pickStep({ title: TITLE, step: 1, totalSteps: TOTAL, placeholder: 'Which mailbox? (type to filter by name or address)', items: unitItems(workload, units) });
      if (!picked || picked === BACK) return undefined;
      unit = picked[0].unit;
    } else if (step === 2) {
      const picked: StepResult<PointInTime> = await pickPointInTimeStep({ title: `${TITLE}: ${unitName(workload, unit) ?? 'mailbox'}`, step: 2, totalSteps: TOTAL, current: when, api: hub.api, workload, units: unit ? [unit] : [] });
      if (picked === undefined) return undefined;
      if (picked === BACK) {
        step--;
        continue;
      }
      when = picked;
    } else {
      const asked = await askMailQuery(workbenchAsker(`${TITLE}: which items?`), 3, TOTAL, query?.form);
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
  const name = unitName(workload, unit) ?? 'the mailbox';
  for (let when = first; ;) {
    const search = await countMatches(hub.api, unit, when, query.expression);
    const result = search?.result;
    if (!search || !result?.restorePoint?.id) {
      void vscode.window.showWarningMessage(`${name} has no restore point before ${when === 'latest' ? 'now' : pointInTimeText(when.toISOString(), Date.now())}; choose a later time.`);
    }
    const hits = result?.artifactHitCount ?? 0;
    const point = result?.restorePoint ?? undefined;
    const pointText = point ? pointInTimeText(point.protectionDateTime, Date.now()) : 'no restore point';
    const rows: (vscode.QuickPickItem & { destination?: DestinationType; again?: true })[] = [
      ...(point && search?.searchResponseId ? destinationItems(workload).map((item) => ({ ...item, label: `${item.label}: create the draft`, description: item.value === 'new' ? `restores ${plural(hits, 'item')} to a new folder in ${name}'s mailbox` : item.description })) : []),
      { label: '$(history) Count at another point in time…', description: 'search the same query at an earlier or later restore point', again: true },
      { label: 'Search sent to Exchange', kind: vscode.QuickPickItemKind.Separator },
      { label: query.expression, description: query.description },
    ];
    const picked = await pickStep({
      title: `${TITLE}: ${name} — ${plural(hits, 'item')} match at ${pointText}`, step: TOTAL, totalSteps: TOTAL,
      placeholder: `${query.description} · ${query.expression}`, items: rows,
    });
    if (!picked || picked === BACK) return undefined;
    if (picked[0].again) {
      const next = await pickPointInTimeStep({ title: `${TITLE}: count again`, step: TOTAL, totalSteps: TOTAL, current: when });
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
    void vscode.window.showInformationMessage(`Created a draft granular restore of ${name}'s mailbox: ${queryNoteText(note)} from ${pointText}.`, 'Open Details')
      .then((c) => c && vscode.commands.executeCommand('restoreSessions.openDetails', body.id));
    return body.id;
  }
}

/** The search with the query at the latest point at or before `when`: its point and match count. */
export async function countMatches(api: BackupApi, unit: ProtectionUnit, when: PointInTime, expression: string): Promise<{ searchResponseId?: string | null; result?: { restorePoint?: RestorePoint | null; artifactHitCount?: number | null } } | undefined> {
  const search = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Counting the matching items…' }, () =>
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
      const items = step.items.map((item) => ({ ...item, description: item.value === step.current ? 'current choice' : item.description }));
      const picked = await pickStep({ title, step: step.step, totalSteps: step.totalSteps, placeholder: step.placeholder, items });
      return picked === undefined || picked === BACK ? picked : { value: picked[0].value };
    },
  };
}
