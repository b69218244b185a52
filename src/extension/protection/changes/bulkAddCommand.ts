// Bulk-Add Units to Policy…: a list of e-mail addresses (mailboxes, OneDrives) or site URLs, typed or read from a
// text / CSV file, becomes one unit bulk-addition job on a policy. The confirmation lists the rows; the job is then
// followed until the service has resolved every row, and the rows it could not add are named.
import * as vscode from 'vscode';
import type { BackupApi } from '../../../backup/api';
import type { ProtectionUnitsBulkJobBase, Workload } from '../../../backup/model';
import { isEmailAddress, isSiteUrl } from '../../../backup/model';
import { protectionChangePlan } from '../../../backup/protectionPlan';
import { errorText, oneLine } from '../../../backup/words';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { confirmAndSend, type ChangeOutcome } from './confirmChange';
import { guardChanges } from './guard';
import { CHANGE_COMMANDS } from './ids';
import { argOf, planPolicy, policyName, resolvePolicy } from './targets';

/** How long the command follows a job before leaving it to the Protection view. */
const FOLLOW_MS = 60_000;
const POLL_MS = 2_000;

export function bulkAddCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [{ id: CHANGE_COMMANDS.bulkAddUnits, run: (arg) => bulkAdd(ctx, changed, arg) }];
}

async function bulkAdd(ctx: CommandContext, changed: () => void, value: unknown): Promise<ChangeOutcome> {
  const title = vscode.l10n.t('Bulk-Add Units to Policy');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const target = await resolvePolicy(api, value, title);
  if (!target) return 'nothingChosen';
  const { workload, policy } = target;
  const arg = argOf(value) as { rows?: unknown; jobName?: unknown };
  const rows = Array.isArray(arg.rows) ? arg.rows.filter((r): r is string => typeof r === 'string') : await askRows(workload, title);
  if (!rows) return 'nothingChosen';
  const jobName = typeof arg.jobName === 'string' ? arg.jobName : vscode.l10n.t('Bulk add of {0} to {1}', String(rows.length), policyName(policy));
  const split = splitRows(workload, rows);
  return confirmAndSend(ctx.ui, {
    plan: protectionChangePlan({ kind: 'bulkAddUnits', workload, policy: planPolicy(policy), jobName, rows }),
    progress: vscode.l10n.t('Adding {0} {1} to "{2}"…', String(rows.length), workload.unitLabelPlural, policyName(policy)),
    send: async () => {
      const { body } = await api.protectionWrites.createBulkJob(workload, policy.id, { displayName: jobName, addresses: split.addresses, ids: split.ids });
      return follow(api, workload, policy.id, body);
    },
    done: (job) => jobWords(job, rows.length, workload),
  }, changed);
}

/** E-mail addresses or site URLs go in the workload's address field, anything else (ids) in its id field. */
export function splitRows(workload: Workload, rows: readonly string[]): { addresses: string[]; ids: string[] } {
  const isAddress = workload.bulkRequests.resourceField === 'siteWebUrls' ? isSiteUrl : isEmailAddress;
  return { addresses: rows.filter(isAddress), ids: rows.filter((row) => !isAddress(row)) };
}

async function askRows(workload: Workload, title: string): Promise<string[] | undefined> {
  const fromFile = vscode.l10n.t('From a file…');
  const typed = vscode.l10n.t('Type the list…');
  const how = await vscode.window.showQuickPick([typed, fromFile], { title, placeHolder: vscode.l10n.t('Where is the list of {0}?', workload.unitLabelPlural) });
  if (!how) return undefined;
  let text: string | undefined;
  if (how === fromFile) {
    const [file] = (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { [vscode.l10n.t('Lists')]: ['csv', 'txt'] } })) ?? [];
    text = file ? new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) : undefined;
  } else {
    const example = workload.bulkRequests.resourceField === 'siteWebUrls' ? 'https://contoso.sharepoint.com/sites/Finance' : 'debrab@contoso.com';
    text = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('{0} to protect, separated by commas or spaces (for example {1})', workload.unitLabelPlural, example) });
  }
  const rows = [...new Set((text ?? '').split(/[\s,;]+/).map((row) => row.trim()).filter((row) => row && !/^(email|mail|upn|siteweburl|url|id)$/i.test(row)))];
  return rows.length ? rows : undefined;
}

/** Reads the job until it is no longer resolving rows, for at most a minute. */
async function follow(api: BackupApi, workload: Workload, policyId: string, job: ProtectionUnitsBulkJobBase): Promise<ProtectionUnitsBulkJobBase> {
  const until = Date.now() + FOLLOW_MS;
  let current = job;
  while (current.status === 'active' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    current = (await api.protectionWrites.bulkJob(workload, policyId, job.id)).body;
  }
  return current;
}

function jobWords(job: ProtectionUnitsBulkJobBase, rows: number, workload: Workload): string {
  const name = oneLine(job.displayName ?? '');
  if (job.status === 'completed') return vscode.l10n.t('The bulk job "{0}" added all {1} {2}.', name, String(rows), workload.unitLabelPlural);
  if (job.status === 'completedWithErrors') {
    const failed = (job.error?.details ?? []).map((d) => oneLine(d.target ?? '')).filter(Boolean);
    return vscode.l10n.t('The bulk job "{0}" finished with errors: {1}{2}', name, errorText(job.error), failed.length ? vscode.l10n.t(' Rows not added: {0}.', failed.join(', ')) : '');
  }
  return vscode.l10n.t('The bulk job "{0}" is still resolving its rows; the Protection view shows its units as they are added.', name);
}
