// The completion notice of a session the admin started or watches: what it restored (by name), how it ended,
// and where the content went — "Debra Berger +2: restore completed — 3 restored. Restored to “Restored
// 2026-12-01” (https://…)." — with Open Details and, when the service gave a web address, the restored
// location, and Copy Link (the session link that opens these details again, e.g. from a ticket). Reads the
// finished session with its contents through the hub of its own connection; a session of a connection that is not
// the active one says which connection it is on, and its button switches there first.
import * as vscode from 'vscode';
import type { RestoreArtifact, RestoreArtifactBase, RestoreSession, Workload } from '../backup/model';
import { restoredLocation } from '../backup/presentation';
import { completionNotice, progressOf } from '../backup/progress';
import { oneLine } from '../backup/words';
import type { ConnectionManager } from './connections';
import { sessionLinkOf } from './links/sessionLink';
import type { SessionHub } from './sessions/hub';

export interface CompletionNoticeShown {
  connectionId: string;
  workload: Workload;
  sessionId: string;
  text: string;
  /** The restored location offered as a button (an http(s) address), if any. */
  location?: string;
  /** The session link offered by Copy Link (`vscode://…/session?…`). */
  link?: string;
}


export class CompletionNotifier implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<CompletionNoticeShown>();
  /** Each notice as it is shown (the test API listens to it). */
  readonly onDidNotify = this.shown.event;

  constructor(private readonly connections: Pick<ConnectionManager, 'activeId' | 'switchTo'>) {}

  async notify(hub: SessionHub, workload: Workload, finished: RestoreSession): Promise<void> {
    const read = await hub.load(workload, finished.id, 'poll').catch(() => undefined);
    const session = read?.session ?? finished;
    const name = await hub.names.named(workload, session);
    const artifacts = [...(read?.contents?.standard ?? []), ...(read?.contents?.granular ?? [])];
    const where = destinationWords(workload, artifacts);
    const elsewhere = hub.connectionId !== this.connections.activeId;
    const notice = completionNotice(name, session, progressOf(session.restoreSessionArtifactCount), where.words);
    const text = elsewhere ? `${notice} ${vscode.l10n.t('(Connection "{0}", not the active one.)', hub.label)}` : notice;
    const link = sessionLinkOf({ connectionId: hub.connectionId, workload, sessionId: session.id });
    this.shown.fire({ connectionId: hub.connectionId, workload, sessionId: session.id, text, location: where.url, link });
    const show = session.status === 'completed' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    const openDetails = elsewhere ? vscode.l10n.t('Switch to "{0}" and Open Details', hub.label) : vscode.l10n.t('Open Details');
    const openLocation = vscode.l10n.t('Open Restored Location');
    const copyLink = vscode.l10n.t('Copy Link');
    const choice = await show(text, openDetails, ...(where.url ? [openLocation] : []), ...(link ? [copyLink] : []));
    if (choice === openDetails) {
      // A panel reads through the active connection: go to the session's own first (the admin chose it).
      if (hub.connectionId !== this.connections.activeId) await this.connections.switchTo(hub.connectionId);
      await vscode.commands.executeCommand('restoreSessions.openDetails', session.id);
    }
    if (choice === openLocation && where.url) await vscode.env.openExternal(vscode.Uri.parse(where.url));
    if (choice === copyLink && link) {
      await vscode.env.clipboard.writeText(link);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied a link to this {0} restore session. It opens the session\'s details in VS Code.', workload.label));
    }
  }

  dispose(): void {
    this.shown.dispose();
  }
}

/** One restored location by name (and web address), "in place", or the workload's new-location words. */
function destinationWords(workload: Workload, artifacts: readonly RestoreArtifact[]): { words: string; url?: string } {
  const restored = artifacts.filter((a) => a.status === 'succeeded');
  const locations = restored.map((a) => restoredLocation(workload, a)).filter((l) => l.name || l.url);
  const names = [...new Set(locations.map((l) => oneLine(l.name ?? '')).filter(Boolean))];
  const urls = [...new Set(locations.map((l) => l.url ?? '').filter((u) => /^https?:\/\//i.test(u)))];
  const url = urls.length === 1 ? urls[0] : undefined;
  if (names.length === 1) {
    const words = url ? vscode.l10n.t('“{0}” ({1})', names[0], url) : restored.length > 1 ? vscode.l10n.t('“{0}” in each {1}', names[0], workload.unitLabel) : vscode.l10n.t('“{0}”', names[0]);
    return { words, url };
  }
  if (url) return { words: url, url };
  if (restored.length && restored.every((a) => (a as RestoreArtifactBase).destinationType === 'inPlace')) return { words: vscode.l10n.t('their original place (in place)') };
  return { words: restored.length ? workload.newLocation : '' };
}
