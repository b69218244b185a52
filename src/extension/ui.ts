// Confirmations go through one object so that integration tests can answer them (a modal dialog cannot be
// clicked from inside the extension host), the way Azure tools script `context.ui`.
import * as vscode from 'vscode';

export interface ConfirmOptions {
  /**
   * A harmless button shown first. VS Code makes a modal's first button the default (Enter), so a dangerous
   * action listed after this one is chosen only by a deliberate click; this button answers no.
   */
  safeChoice?: string;
}

export interface Ui {
  /** A modal warning with one action; true when the user chose it. */
  confirm(message: string, detail: string, action: string, options?: ConfirmOptions): Promise<boolean>;
}

export const vscodeUi: Ui = {
  async confirm(message, detail, action, options) {
    const buttons = options?.safeChoice ? [options.safeChoice, action] : [action];
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons)) === action;
  },
};
