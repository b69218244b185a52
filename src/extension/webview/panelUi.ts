// The prompts a details panel shows: the extension's shared confirmations (looked up at call time, so a
// test's replacement applies), plus a save location.
import * as vscode from 'vscode';
import type { Ui } from '../ui';

export interface DetailsUi extends Ui {
  saveLocation(defaultName: string): Promise<vscode.Uri | undefined>;
}

export function detailsUi(shared: Ui): DetailsUi {
  return {
    confirm: (message, detail, action, options) => shared.confirm(message, detail, action, options),
    saveLocation: defaultSaveLocation,
  };
}

async function defaultSaveLocation(defaultName: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
    filters: { JSON: ['json'] },
    saveLabel: vscode.l10n.t('Export History'),
  });
}
