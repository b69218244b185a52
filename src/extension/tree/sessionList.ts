// The loaded pages of one workload's sessions: what the tree shows under a workload node. Keeps the
// service's continuation link so "Load more" resumes where the last page ended, and the counts shown in
// the workload's description.
import type { BackupApi, SessionListQuery } from '../../backup/api';
import type { RestoreSession, Workload } from '../../backup/model';
import { RUNNING_SESSION_STATUSES } from '../../backup/model';

export class SessionList {
  sessions: RestoreSession[] = [];
  nextLink: string | undefined;
  total: number | undefined;
  running: number | undefined;
  error: Error | undefined;
  loaded = false;
  private loading: Promise<void> | undefined;
  /** Ids of the loaded sessions, so pages that overlap after inserts on the service add nothing twice. */
  private readonly ids = new Set<string>();

  constructor(readonly workload: Workload) {}

  /**
   * First page, in one request; concurrent calls share it. The number of running sessions (for the workload's
   * description) is asked for at the same time, in its own request, so neither waits for the other's round trip;
   * `onCounts` runs when it is known.
   */
  loadFirst(api: BackupApi, query: SessionListQuery, onCounts?: () => void): Promise<void> {
    this.loading ??= this.run(async () => {
      const counting = this.countRunning(api, query);
      counting.then(onCounts, () => undefined);
      const page = await api.sessions.firstPage(this.workload, { ...query, count: true });
      this.sessions = page?.items ?? [];
      this.ids.clear();
      for (const s of this.sessions) this.ids.add(s.id);
      this.nextLink = page?.nextLink;
      this.total = page?.count ?? (this.nextLink ? undefined : this.sessions.length);
      this.loaded = true;
    });
    return this.loading;
  }

  /** The next page, or every remaining page when `all` is set. */
  loadMore(api: BackupApi, all: boolean, signal?: AbortSignal): Promise<void> {
    this.loading ??= this.run(async () => {
      while (this.nextLink) {
        const page = await api.sessions.nextPage(this.nextLink, signal);
        if (!page) break;
        for (const session of page.items) {
          if (this.ids.has(session.id)) continue;
          this.ids.add(session.id);
          this.sessions.push(session);
        }
        this.nextLink = page.nextLink;
        if (!all) break;
      }
    });
    return this.loading;
  }

  /** Asks the service again how many sessions run (statuses moved since the first page). */
  recount(api: BackupApi, query: SessionListQuery): Promise<void> {
    return this.countRunning(api, query);
  }

  /** Replaces sessions that changed; returns those that did. */
  update(sessions: readonly RestoreSession[]): RestoreSession[] {
    const changed: RestoreSession[] = [];
    for (const fresh of sessions) {
      const index = this.sessions.findIndex((s) => s.id === fresh.id);
      if (index < 0) continue;
      if (JSON.stringify(this.sessions[index]) !== JSON.stringify(fresh)) {
        this.sessions[index] = fresh;
        changed.push(fresh);
      }
    }
    return changed;
  }

  remove(sessionId: string): void {
    this.ids.delete(sessionId);
    this.sessions = this.sessions.filter((s) => s.id !== sessionId);
    if (this.total !== undefined) this.total--;
  }

  reset(): void {
    this.sessions = [];
    this.ids.clear();
    this.nextLink = undefined;
    this.total = undefined;
    this.running = undefined;
    this.error = undefined;
    this.loaded = false;
  }

  private async countRunning(api: BackupApi, query: SessionListQuery): Promise<void> {
    this.running = await api.sessions.count(this.workload, [...RUNNING_SESSION_STATUSES], undefined, query);
  }

  private run(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    return work()
      .catch((error: unknown) => {
        this.error = error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => {
        this.loading = undefined;
      });
  }
}
