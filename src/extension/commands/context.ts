// What command implementations share: the connection, the tree, the log.
import type { ConnectionManager } from '../connections';
import type { Log } from '../log';
import type { RestoreSessionsProvider } from '../tree/provider';
import type { SessionFilter } from '../filter';
import type { Ui } from '../ui';
import type { WatchList } from '../watchList';

export interface CommandContext {
  connections: ConnectionManager;
  tree: RestoreSessionsProvider;
  filter: SessionFilter;
  log: Log;
  watch: WatchList;
  ui: Ui;
}
