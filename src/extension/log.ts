// One log channel for the extension. At Info it tells what the admin did (created, changed, activated,
// deleted, retried: the session's name, its units, the request-id; see actionLog.ts) and one line per request
// (method, path, status, request-id, duration); the sign-in library's lines go to Debug and Trace only. Only
// the path is logged, never headers, so tokens cannot reach the log; Graph never puts credentials in URLs.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../graph';

/** Recent writes kept so an action's line can name the request-id of the request that did it. */
const RECENT_WRITES = 50;

export class Log implements vscode.Disposable {
  private created: vscode.LogOutputChannel | undefined;
  private readonly writes: { method: string; path: string; requestId?: string }[] = [];

  /** Made on the first line written (or shown), not at activation, which stays a little cheaper. */
  get channel(): vscode.LogOutputChannel {
    return (this.created ??= vscode.window.createOutputChannel('Restore Sessions', { log: true }));
  }

  request(entry: RequestLogEntry): void {
    const path = requestPath(entry.url);
    const line = `${entry.method} ${path} → ${entry.status || 'no response'} · ${Math.round(entry.durationMs)} ms · request-id ${entry.requestId ?? '-'}` +
      (entry.attempt > 1 ? ` · attempt ${entry.attempt}` : '') +
      (entry.error ? ` · ${entry.error}` : '') +
      (entry.retryInMs !== undefined ? ` · retrying in ${Math.round(entry.retryInMs)} ms` : '');
    if (entry.error || entry.status >= 400) this.channel.warn(line);
    else this.channel.info(line);
    if (entry.method !== 'GET' && entry.status > 0 && entry.status < 400) {
      this.writes.push({ method: entry.method, path, requestId: entry.requestId });
      if (this.writes.length > RECENT_WRITES) this.writes.shift();
    }
  }

  /** The request-id of the latest successful write whose path matches, for the action line that follows it. */
  lastWrite(matches: (method: string, path: string) => boolean): string | undefined {
    for (let i = this.writes.length - 1; i >= 0; i--) {
      const write = this.writes[i];
      if (matches(write.method, write.path)) return write.requestId;
    }
    return undefined;
  }

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  dispose(): void {
    this.created?.dispose();
  }
}

/** `/solutions/backupRestore/…?$top=10`: the URL without origin and version, query decoded for reading. */
function requestPath(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/^\/(v1\.0|beta)(?=\/)/, '');
    return `${path}${parsed.search ? decodeURIComponent(parsed.search) : ''}`;
  } catch {
    return url;
  }
}
