// The details panel's buttons. Session actions are the same functions the commands call (same checks, same
// one activation confirmation); the panel shows their real outcome: the new status, "cancelled", or the
// failure's words with its request-id. Never runs our own commands by id.
import * as vscode from 'vscode';
import type { RestoreSession, Workload } from '../../backup/model';
import type { DetailsAction } from '../../protocol/details';
import type { ActionDeps } from '../actions/deps';
import { copySessionJson, exportSession, openSessionJson, sessionFileName } from '../actions/exportActions';
import { done, type ActionOutcome } from '../actions/outcome';
import { retryFailed } from '../actions/retryActions';
import { activateSession, deleteSession } from '../actions/sessionActions';
import type { HistoryKey } from '../../backup/history';
import type { HistoryRecorder } from '../../backup/history';
import type { Loaded } from './snapshot';
import type { DetailsUi } from './panelUi';

/** What an action needs of its panel. */
export interface ActionPanel {
  readonly workload: Workload;
  readonly key: HistoryKey;
  readonly loaded: Loaded;
  readonly ui: DetailsUi;
  readonly recorder: HistoryRecorder;
  deps(): Promise<ActionDeps>;
  refresh(source: 'refresh' | 'action', note?: string): Promise<void>;
  postSnapshot(): Promise<void>;
  openPanel(workload: Workload, session: RestoreSession): Promise<unknown>;
}

/** Runs one button's action; resolves to its outcome (a quiet `done` for actions with nothing to say). */
export async function panelAction(panel: ActionPanel, action: DetailsAction): Promise<ActionOutcome<unknown>> {
  if (action === 'refresh') {
    await panel.refresh('refresh');
    return done(undefined, '');
  }
  if (action === 'exportHistory' || action === 'clearHistory') return historyAction(panel, action);
  const session = panel.loaded.session;
  if (!session) throw new Error(vscode.l10n.t('The session has not been loaded.'));
  const target = { workload: panel.workload, session };
  switch (action) {
    case 'activate': {
      const outcome = await activateSession(await panel.deps(), target);
      if (outcome.kind === 'done') await panel.refresh('action', 'after Activate');
      return outcome;
    }
    case 'delete': {
      const outcome = await deleteSession(await panel.deps(), target);
      if (outcome.kind === 'done') await panel.postSnapshot();
      return outcome;
    }
    case 'retryFailed': {
      const outcome = await retryFailed(await panel.deps(), target);
      if (outcome.kind === 'done') await panel.openPanel(panel.workload, outcome.value.session);
      return outcome;
    }
    case 'copyJson':
      return copySessionJson((await panel.deps()).hub, target);
    case 'openJson':
      await openSessionJson(target);
      return done(undefined, '');
    case 'exportHttp':
      return exportSession((await panel.deps()).hub, target, 'http');
    case 'exportCurl':
      return exportSession((await panel.deps()).hub, target, 'curl');
    case 'exportPowerShell':
      return exportSession((await panel.deps()).hub, target, 'powershell');
  }
}

async function historyAction(panel: ActionPanel, action: 'exportHistory' | 'clearHistory'): Promise<ActionOutcome<unknown>> {
  if (action === 'exportHistory') {
    const target = await panel.ui.saveLocation(sessionFileName(panel.key.sessionId, '-history.json'));
    if (!target) return { kind: 'cancelled', message: '' };
    await vscode.workspace.fs.writeFile(target, Buffer.from(await panel.recorder.exportJson(panel.key), 'utf8'));
    return done(undefined, vscode.l10n.t('Saved the history to {0}.', target.fsPath || target.toString()));
  }
  const ok = await panel.ui.confirm(vscode.l10n.t('Clear the recorded status history of this session?'), vscode.l10n.t('Snapshots recorded so far are deleted. Recording continues with the next change.'), vscode.l10n.t('Clear History'));
  if (!ok) return { kind: 'cancelled', message: '' };
  await panel.recorder.clear(panel.key);
  await panel.postSnapshot();
  return done(undefined, vscode.l10n.t('History cleared.'));
}
