// Changes to protection are opt-in: reading is always on, but creating, editing, activating, deactivating and
// deleting policies, adding or removing units, running rules and bulk jobs, offboarding, enabling the service and
// editing the e-mail notifications run only while the admin has turned on `restoreSessions.protection.allowChanges`
// (application scope: VS Code reads it from user settings only, so a workspace cannot turn it on). The menus show
// the commands only under the context key kept here; this guard is for a command that still arrives (palette
// history, a keybinding, another extension): it says how to turn the setting on and does nothing.
import * as vscode from 'vscode';

export const ALLOW_CHANGES_SETTING = 'restoreSessions.protection.allowChanges';
/** The context key the menus' `when` clauses test. */
export const CHANGES_ALLOWED_CONTEXT = 'restoreSessions.protectionChangesAllowed';

export function changesAllowed(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(ALLOW_CHANGES_SETTING, false) === true;
}

/** Keeps the menus' context key in step with the setting, from activation on. */
export function trackChangesAllowed(): vscode.Disposable {
  const publish = () => void vscode.commands.executeCommand('setContext', CHANGES_ALLOWED_CONTEXT, changesAllowed());
  publish();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(ALLOW_CHANGES_SETTING)) publish();
  });
}

/** True when changes are allowed; otherwise tells how to allow them (not waiting for an answer) and returns false. */
export function guardChanges(what: string): boolean {
  if (changesAllowed()) return true;
  const open = vscode.l10n.t('Open Settings');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('{0} changes what Backup Storage protects, and changes to protection are turned off. To allow them, turn on "Protection: Allow Changes" ({1}) in your user settings.', what, ALLOW_CHANGES_SETTING),
    open,
  ).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', ALLOW_CHANGES_SETTING);
  });
  return false;
}
