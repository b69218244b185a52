// Confirmations go through one object so that integration tests can answer them (a modal dialog cannot be
// clicked from inside the extension host), the way Azure tools script `context.ui`.
import * as vscode from 'vscode';

export interface Ui {
  /** A modal warning with one action; true when the user chose it. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
}

export const vscodeUi: Ui = {
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
};
