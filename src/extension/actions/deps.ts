// What the session actions need: the hub of the session's connection, the prompts, the busy markers and the
// watch list. The session itself is always passed in hand.
import { l10n } from '../../backup/l10n';
import type { RestoreSession, Workload } from '../../backup/model';
import type { BusySessions } from '../sessions/busy';
import type { SessionHub } from '../sessions/hub';
import type { Ui } from '../ui';
import type { WatchList } from '../watchList';

export interface ActionDeps {
  hub: SessionHub;
  ui: Ui;
  busy: BusySessions;
  watch: WatchList;
}

export interface SessionTarget {
  workload: Workload;
  session: RestoreSession;
}

export const alreadyRunning = (): string => l10n.t('Another action on this session is still running.');
