// Bulk Restore from CSV, the part that decides what is sent: the format is shown before the file is chosen,
// every row is read and checked against the tenant's protection units, and only after the admin accepts the
// preview (names found, rows not found, duplicates, invalid rows) are the session and its bulk request created,
// listing only the rows that were found. The prompts are passed in, so integration tests can answer them and
// look at the emulator between the preview and the send; bulkCsvCommand.ts supplies the real ones.
import { bulkCsvHelp, readBulkCsv } from '../../backup/bulkCsv';
import { resolveBulkRows, type BulkPreview } from '../../backup/bulkResolve';
import { bulkLists } from '../../backup/bulkRows';
import type { DestinationType, RestoreSession, Workload } from '../../backup/model';
import { plural } from '../../backup/timeWords';
import type { SessionHub } from '../sessions/hub';
import { l10n } from '../../backup/l10n';

export interface BulkCsvPrompts {
  /** Shows what the file must look like; true when the admin goes on to choose a file. */
  formatHelp(workload: Workload, help: string): Promise<boolean>;
  chooseFile(workload: Workload): Promise<{ name: string; text: string } | undefined>;
  /** Shows every row's outcome before anything is sent; true when the admin accepts sending the rows found. */
  preview(workload: Workload, fileName: string, preview: BulkPreview): Promise<boolean>;
  destination(workload: Workload): Promise<DestinationType | undefined>;
  /** How many days back the latest restore point may be. */
  days(): Promise<number | undefined>;
}

export interface BulkCsvDraft {
  session: RestoreSession;
  preview: BulkPreview;
  destination: DestinationType;
}

const DAY_MS = 86_400_000;

/** Runs the prompts and creates the draft with its bulk request; undefined when the admin stopped on the way. */
export async function bulkCsvDraft(hub: SessionHub, workload: Workload, prompts: BulkCsvPrompts, now = Date.now()): Promise<BulkCsvDraft | undefined> {
  if (!(await prompts.formatHelp(workload, bulkCsvHelp(workload)))) return undefined;
  const file = await prompts.chooseFile(workload);
  if (!file) return undefined;
  const read = readBulkCsv(workload, file.text);
  if (read.fileProblems.length) throw new Error(l10n.t('{0}: {1}. Nothing was sent.', file.name, read.fileProblems.join('; ')));
  const lookup = await hub.api.tenant.unitLookup(workload);
  const preview = await resolveBulkRows(workload, read, lookup);
  if (!(await prompts.preview(workload, file.name, preview)) || !preview.found.length) return undefined;
  const destination = await prompts.destination(workload);
  if (!destination) return undefined;
  const days = await prompts.days();
  if (!days) return undefined;
  const { api } = hub;
  const { body: session } = await api.sessions.create(workload);
  try {
    await api.artifacts.createBulkRequest(workload, session.id, {
      displayName: `${file.name}: ${plural(preview.found.length, workload.unitLabel, workload.unitLabelPlural)}`,
      destinationType: destination,
      protectionTimePeriod: { startDateTime: new Date(now - days * DAY_MS).toISOString(), endDateTime: new Date(now).toISOString() },
      restorePointPreference: 'latest',
      ...bulkLists(preview.found),
    });
  } catch (error) {
    // Leave nothing half done: the empty draft made for this request goes too.
    await api.sessions.delete(session.id).catch(() => undefined);
    throw error;
  }
  hub.notes.rememberBulkRows(session.id, preview.found);
  hub.created(workload, session);
  return { session, preview, destination };
}

/** `Debra Berger, Lee Gu and 3 more` for the rows found. */
export function foundNames(preview: BulkPreview, shown = 3): string {
  const names = preview.found.map((row) => row.name);
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
