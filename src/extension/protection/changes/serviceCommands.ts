// Enable Backup Storage… (`POST /enable`, billed through the billing profile of the tenant the admin names) and
// Edit E-mail Notifications… (`PATCH /emailNotificationsSetting`): tenant-wide changes, so each one reads the
// current state first and its confirmation says what starts and who stops being told.
import * as vscode from 'vscode';
import type { EmailNotificationsSetting } from '../../../backup/model';
import { enableServicePlan, flags, notificationSettingPlan, type NotificationSettingChange } from '../../../backup/protectionServicePlan';
import { words } from '../../../backup/words';
import type { CommandContext } from '../../commands/context';
import type { CommandSpec } from '../../commands/registry';
import { confirmAndSend, type ChangeOutcome } from './confirmChange';
import { guardChanges } from './guard';
import { CHANGE_COMMANDS } from './ids';
import { argOf } from './targets';

export function serviceCommands(ctx: CommandContext, changed: () => void): CommandSpec[] {
  return [
    { id: CHANGE_COMMANDS.enableService, run: (arg) => enableService(ctx, changed, arg) },
    { id: CHANGE_COMMANDS.editEmailNotifications, run: (arg) => editNotifications(ctx, changed, arg) },
  ];
}

async function enableService(ctx: CommandContext, changed: () => void, value: unknown): Promise<ChangeOutcome> {
  const title = vscode.l10n.t('Enable Backup Storage');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const current = (await api.tenant.serviceRoot()).body.serviceStatus?.status;
  const given = (argOf(value) as { appOwnerTenantId?: unknown }).appOwnerTenantId;
  const tenantId = typeof given === 'string' ? given : await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('The tenant id (a GUID) of the tenant that owns the billing profile'),
  });
  if (!tenantId) return 'nothingChosen';
  return confirmAndSend(ctx.ui, {
    plan: enableServicePlan({ current, appOwnerTenantId: tenantId }),
    progress: vscode.l10n.t('Turning on Backup Storage…'),
    send: () => api.protectionWrites.enableService(tenantId.trim()),
    done: ({ body }) => vscode.l10n.t('Backup Storage: {0}.', words('serviceStatus', body?.status)),
  }, changed);
}

/** A scripted change of the notification setting (tests): what to set, the rest stays as it is. */
interface NotificationArg {
  isEnabled?: boolean;
  roles?: string[];
  customEmails?: string[];
  restoreAndPolicyUpdates?: boolean;
}

async function editNotifications(ctx: CommandContext, changed: () => void, value: unknown): Promise<ChangeOutcome> {
  const title = vscode.l10n.t('Edit E-mail Notifications');
  if (!guardChanges(title)) return 'notAllowed';
  const { api } = await ctx.hubs.active();
  const { body: before } = await api.protectionWrites.notificationSetting();
  const arg = argOf(value) as NotificationArg;
  const after = typeof arg.isEnabled === 'boolean' ? fromArg(before, arg) : await askSetting(before, title);
  if (!after) return 'nothingChosen';
  return confirmAndSend(ctx.ui, {
    plan: notificationSettingPlan(before, after),
    progress: vscode.l10n.t('Saving the e-mail notification setting…'),
    send: () => api.protectionWrites.updateNotificationSetting(after),
    done: (saved) => (saved.isEnabled ? vscode.l10n.t('E-mail notifications are on.') : vscode.l10n.t('E-mail notifications are off.')),
  }, changed);
}

function fromArg(before: EmailNotificationsSetting, arg: NotificationArg): NotificationSettingChange {
  const events = arg.restoreAndPolicyUpdates === undefined ? before.additionalEvents : arg.restoreAndPolicyUpdates ? 'restoreAndPolicyUpdates' : 'none';
  return {
    isEnabled: arg.isEnabled ?? before.isEnabled,
    additionalEvents: events,
    recipients: {
      role: arg.roles ? arg.roles.join(',') || 'none' : before.recipients.role,
      customRecipients: arg.customEmails ? arg.customEmails.map((email) => ({ email })) : before.recipients.customRecipients ?? [],
    },
  };
}

async function askSetting(before: EmailNotificationsSetting, title: string): Promise<NotificationSettingChange | undefined> {
  const on = vscode.l10n.t('On: e-mail admins about Backup Storage');
  const off = vscode.l10n.t('Off: e-mail nobody');
  const state = await vscode.window.showQuickPick([on, off], { title, placeHolder: before.isEnabled ? vscode.l10n.t('Now on') : vscode.l10n.t('Now off') });
  if (!state) return undefined;
  if (state === off) return fromArg(before, { isEnabled: false });
  const current = flags(before.recipients.role);
  const roles = [
    { label: vscode.l10n.t('Global admins'), role: 'globalAdmins' },
    { label: vscode.l10n.t('Backup admins'), role: 'backupAdmins' },
    { label: vscode.l10n.t('All admins'), role: 'allAdmins' },
    { label: vscode.l10n.t('People I list'), role: 'custom' },
  ].map((item) => ({ ...item, picked: current.includes(item.role) }));
  const chosen = await vscode.window.showQuickPick(roles, { title, canPickMany: true, placeHolder: vscode.l10n.t('Who is e-mailed?') });
  if (!chosen?.length) return undefined;
  let customEmails: string[] = [];
  if (chosen.some((c) => c.role === 'custom')) {
    const typed = await vscode.window.showInputBox({
      title, prompt: vscode.l10n.t('E-mail addresses, separated by commas'),
      value: (before.recipients.customRecipients ?? []).map((r) => r.email ?? '').filter(Boolean).join(', '),
    });
    if (typed === undefined) return undefined;
    customEmails = typed.split(/[\s,;]+/).filter(Boolean);
  }
  const also = vscode.l10n.t('Also about restores and policy changes');
  const only = vscode.l10n.t('Only the standard notifications');
  const events = await vscode.window.showQuickPick([also, only], { title, placeHolder: vscode.l10n.t('Which events?') });
  if (!events) return undefined;
  return fromArg(before, { isEnabled: true, roles: chosen.map((c) => c.role), customEmails, restoreAndPolicyUpdates: events === also });
}
