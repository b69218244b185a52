// The one confirmation every protection change passes through (a policy of its own, apart from the activation
// confirmation of restores): the plan's review in a modal naming what stops being protected, with a harmless
// "Don't Change" first so Enter or Escape changes nothing and only a click on the button that says what it does
// (e.g. "Stop Protecting 3 Mailboxes") sends the change. A plan that breaks a documented rule is not offered at
// all: the admin is told why and nothing is sent. Answers go through `Ui`, so integration tests can give them.
import * as vscode from 'vscode';
import type { ChangePlan } from '../../../backup/protectionPlan';
import type { Ui } from '../../ui';

/** What happened to a change; commands return it, so tests (and the palette's callers) can tell. */
export type ChangeOutcome = 'done' | 'declined' | 'refused' | 'notAllowed' | 'nothingChosen';

export interface ChangeRequest<T> {
  plan: ChangePlan;
  /** The progress notification's title while the change is sent. */
  progress: string;
  send: () => Promise<T>;
  /** The words shown once the service took the change. */
  done: (result: T) => string;
}

export async function confirmAndSend<T>(ui: Ui, request: ChangeRequest<T>, changed: () => void): Promise<ChangeOutcome> {
  const { plan } = request;
  if (plan.blocked.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was sent. {0}', plan.blocked.join(' ')), { modal: false, detail: plan.detail });
    return 'refused';
  }
  if (!(await ui.confirm(plan.title, plan.detail, plan.confirmLabel, { safeChoice: vscode.l10n.t("Don't Change") }))) return 'declined';
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: request.progress }, request.send);
  changed();
  void vscode.window.showInformationMessage(request.done(result));
  return 'done';
}
