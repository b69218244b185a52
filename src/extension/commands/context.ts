// What command implementations share: the connection, the session hubs, the tree, the log, the prompts.
import type { ActionDeps } from '../actions/deps';
import type { ConnectionManager } from '../connections';
import type { SessionFilter } from '../filter';
import type { Log } from '../log';
import type { BusySessions } from '../sessions/busy';
import type { SessionHubs } from '../sessions/hubs';
import type { RestoreSessionsProvider } from '../tree/provider';
import type { Ui } from '../ui';
import type { WatchList } from '../watchList';

export interface CommandContext {
  connections: ConnectionManager;
  hubs: SessionHubs;
  busy: BusySessions;
  tree: RestoreSessionsProvider;
  filter: SessionFilter;
  log: Log;
  watch: WatchList;
  ui: Ui;
}

/** What the session actions need, for the active connection. */
export async function actionDeps(ctx: CommandContext): Promise<ActionDeps> {
  return { hub: await ctx.hubs.active(), ui: ctx.ui, busy: ctx.busy, watch: ctx.watch };
}
