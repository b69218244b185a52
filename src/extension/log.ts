// One log channel for the extension. Every Graph request is recorded (method, path, status, request-id,
// duration). Only the URL is logged, never headers, so tokens cannot reach the log; Graph never puts
// credentials in URLs.
import * as vscode from 'vscode';
import type { RequestLogEntry } from '../graph';

export class Log implements vscode.Disposable {
  private created: vscode.LogOutputChannel | undefined;

  /** Made on the first line written (or shown), not at activation, which stays a little cheaper. */
  get channel(): vscode.LogOutputChannel {
    return (this.created ??= vscode.window.createOutputChannel('Restore Sessions', { log: true }));
  }

  request(entry: RequestLogEntry): void {
    const line = `${entry.method} ${entry.url} → ${entry.status || 'no response'} in ${Math.round(entry.durationMs)} ms` +
      ` (attempt ${entry.attempt}, request-id ${entry.requestId ?? '-'}, client-request-id ${entry.clientRequestId})` +
      (entry.error ? ` ${entry.error}` : '');
    if (entry.error || entry.status >= 400) this.channel.warn(line);
    else this.channel.debug(line);
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
