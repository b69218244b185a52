// Connection commands: switch between connections, add one (a short wizard; it switches only when the admin
// chooses "Switch Now"), and remove one (with its stored sign-in).
import * as vscode from 'vscode';
import { SIGN_IN_METHODS } from '../../auth';
import { EMULATOR_CONNECTION_ID, SIGN_IN_LABELS, type ConnectionConfig } from '../connections';
import type { AuthCommandContext } from './context';
import { EMULATOR_SIGN_IN_METHODS, pickMethod, signIn } from './signIn';

export async function switchConnection(ctx: AuthCommandContext): Promise<void> {
  const active = ctx.connections.activeId;
  type Item = vscode.QuickPickItem & { id?: string; action?: 'add' | 'remove' | 'settings' };
  const items: Item[] = ctx.connections.list().map((c) => ({
    id: c.id,
    label: `${c.id === active ? '$(check) ' : ''}${c.label}`,
    description: `${c.kind === 'emulator' ? vscode.l10n.t('emulator') : c.tenant ?? vscode.l10n.t('Graph')} · ${c.apiVersion} · ${SIGN_IN_LABELS[c.signIn]}`,
  }));
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: vscode.l10n.t('$(add) Add Connection…'), action: 'add' },
    { label: vscode.l10n.t('$(trash) Remove Connection…'), action: 'remove' },
    { label: vscode.l10n.t('$(settings-gear) Edit Connections in Settings'), action: 'settings' },
  );
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Restore Sessions: Switch Connection'), placeHolder: vscode.l10n.t('The active connection is marked') });
  if (!pick) return;
  if (pick.action === 'add') return addConnection(ctx);
  if (pick.action === 'remove') return removeConnection(ctx);
  if (pick.action === 'settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'restoreSessions.connections');
    return;
  }
  if (pick.id && pick.id !== active) {
    await ctx.connections.switchTo(pick.id);
    ctx.log.info(`Switched to the connection "${pick.label}".`);
  }
}

export async function addConnection(ctx: AuthCommandContext): Promise<void> {
  const kind = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Microsoft Graph'), description: vscode.l10n.t('a Microsoft 365 tenant with Backup Storage'), target: 'graph' as const },
      { label: vscode.l10n.t('Local emulator'), description: vscode.l10n.t('the emulator, with one of its sign-in methods'), target: 'emulator' as const },
    ],
    // The number of steps depends on this answer, so the first step has no total.
    { title: vscode.l10n.t('Add Connection (step 1): where to'), ignoreFocusOut: true },
  );
  if (!kind) return;
  // Graph asks for a tenant and a client id as well: 6 steps; the emulator uses its demo ones: 4 steps.
  const steps = kind.target === 'graph' ? 6 : 4;
  const step = (n: number, what: string) => vscode.l10n.t('Add Connection ({0}/{1}): {2}', n, steps, what);
  const label = await vscode.window.showInputBox({
    title: step(2, 'name'),
    value: kind.target === 'graph' ? 'Contoso (Graph)' : vscode.l10n.t('Local emulator (signed in)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name.')),
  });
  if (!label) return;
  let tenant: string | undefined;
  let clientId: string | undefined;
  if (kind.target === 'graph') {
    tenant = await vscode.window.showInputBox({
      title: step(3, 'tenant'),
      prompt: vscode.l10n.t('Tenant id (GUID) or primary domain, e.g. contoso.onmicrosoft.com'),
      ignoreFocusOut: true,
      validateInput: (v) => (/^[0-9a-f-]{36}$/i.test(v.trim()) || /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(v.trim()) ? undefined : vscode.l10n.t('Enter a tenant GUID or a domain.')),
    });
    if (!tenant) return;
    clientId = await vscode.window.showInputBox({
      title: step(4, vscode.l10n.t('client id')),
      prompt: vscode.l10n.t('Application (client) ID of your app registration with BackupRestore-* Microsoft Graph permissions'),
      ignoreFocusOut: true,
      validateInput: (v) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v.trim()) ? undefined : vscode.l10n.t('Enter a GUID.')),
    });
    if (!clientId) return;
  }
  const method = await pickMethod(kind.target === 'graph' ? SIGN_IN_METHODS : EMULATOR_SIGN_IN_METHODS, step(steps - 1, vscode.l10n.t('sign-in method')));
  if (!method) return;
  const version = await vscode.window.showQuickPick(
    // the labels are the Graph versions themselves (not words to translate), and the pick's value
    (['v1.0', 'beta'] as const).map((apiVersion) => ({ label: apiVersion, description: apiVersion === 'v1.0' ? vscode.l10n.t('generally available API') : vscode.l10n.t('preview API (may change)'), apiVersion })),
    { title: step(steps, vscode.l10n.t('API version')), ignoreFocusOut: true },
  );
  if (!version) return;
  const id = uniqueId(ctx, label);
  const config: ConnectionConfig = { id, label: label.trim(), kind: kind.target, tenant: tenant?.trim(), clientId: clientId?.trim(), signIn: method, apiVersion: version.apiVersion };
  await ctx.connections.save(config);
  ctx.log.info(`Added the connection "${config.label}".`);
  // The active connection stays until the admin chooses to switch: open panels and views keep their data.
  const SWITCH = vscode.l10n.t('Switch Now');
  const SWITCH_SIGN_IN = vscode.l10n.t('Switch and Sign In');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Added the connection "{0}". The active connection is still "{1}".', config.label, ctx.connections.activeConfig().label), SWITCH_SIGN_IN, SWITCH);
  if (!choice) return;
  await ctx.connections.switchTo(id);
  ctx.log.info(`Switched to the connection "${config.label}".`);
  if (choice === SWITCH_SIGN_IN) await signIn(ctx);
}

export async function removeConnection(ctx: AuthCommandContext, id?: string): Promise<void> {
  const removable = ctx.connections.list().filter((c) => c.id !== EMULATOR_CONNECTION_ID);
  if (removable.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no connection to remove (the built-in emulator connection stays).'));
    return;
  }
  const target = id ? removable.find((c) => c.id === id) : await vscode.window.showQuickPick(
    removable.map((c) => ({ label: c.label, description: c.kind === 'graph' ? c.tenant : vscode.l10n.t('emulator'), config: c })),
    { title: vscode.l10n.t('Remove Connection') },
  ).then((p) => p?.config);
  if (!target) return;
  const ok = await vscode.window.showWarningMessage(vscode.l10n.t('Remove the connection "{0}"?', target.label), { modal: true, detail: vscode.l10n.t('Its cached sign-in and stored secret or certificate are deleted from SecretStorage.') }, vscode.l10n.t('Remove'));
  if (ok !== vscode.l10n.t('Remove')) return;
  await ctx.connections.remove(target.id);
}

export function uniqueId(ctx: AuthCommandContext, label: string): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'connection';
  const taken = new Set(ctx.connections.list().map((c) => c.id));
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}
