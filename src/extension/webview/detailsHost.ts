// What a details panel needs from its surroundings (implemented by DetailsPanels): the session hubs, the busy
// markers, the watch list, the log, the history recorder and its documents, the prompts, the page's HTML, and
// a way to open another session's panel.
import type * as vscode from 'vscode';
import type { HistoryRecorder } from '../../backup/history';
import type { PageStrings } from '../../protocol/details';
import type { RestoreSession, Workload } from '../../backup/model';
import type { Log } from '../log';
import type { BusySessions } from '../sessions/busy';
import type { SessionHubs } from '../sessions/hubs';
import type { WatchList } from '../watchList';
import type { HistoryDocuments } from './historyDocuments';
import type { DetailsUi } from './panelUi';

export interface DetailsHost {
  readonly hubs: SessionHubs;
  readonly busy: BusySessions;
  readonly watch: WatchList;
  readonly log: Log;
  readonly recorder: HistoryRecorder;
  readonly documents: HistoryDocuments;
  ui: DetailsUi;
  html(webview: vscode.Webview, title: string): string;
  /** The page's words in the display language (the extension's l10n bundle). */
  pageStrings(): PageStrings;
  /** Opens (or reveals) the panel of another session of the active connection. */
  open(target: { workload: Workload; session: RestoreSession }): Promise<unknown>;
}
