// Exports of a session as plain functions (commands and the panel call them, so both give the same result):
// the session JSON copied to the clipboard or as a read-only document that follows the session, and the
// requests that reproduce it as .http, cURL or PowerShell (tokens redacted) in an unsaved document the person
// decides to keep or not. The toasts name the session by what it restores.
import * as vscode from 'vscode';
import { curlScript, httpFile, sessionJson, type SessionContents } from '../../backup/exports';
import type { RestoreSession, Workload } from '../../backup/model';
import { powershellScript, type PowerShellExportOptions } from '../../backup/powershellExport';
import { sessionLinkOf } from '../links/sessionLink';
import type { SessionHub } from '../sessions/hub';
import { nameOfSession } from '../sessions/unitLookup';
import { sessionUri } from '../sessionDocuments';
import type { SessionTarget } from './deps';
import { cancelled, done, outcomeOf, type ActionOutcome } from './outcome';

export type ExportFormat = 'http' | 'curl' | 'powershell';

type Render = (workload: Workload, session: RestoreSession, contents: SessionContents, options: PowerShellExportOptions) => string;
type PowerShellStyle = NonNullable<PowerShellExportOptions['style']>;

const FORMATS: Record<ExportFormat, { render: Render; extension: string; language: string; words: string }> = {
  http: { render: httpFile, extension: 'http', language: 'http', get words() { return vscode.l10n.t('.http requests'); } },
  curl: { render: curlScript, extension: 'sh', language: 'shellscript', get words() { return vscode.l10n.t('a cURL script'); } },
  powershell: { render: powershellScript, extension: 'ps1', language: 'powershell', get words() { return vscode.l10n.t('a PowerShell script'); } },
};

const powershellStyles = (): (vscode.QuickPickItem & { style: PowerShellStyle })[] => [
  { label: vscode.l10n.t('Invoke-MgGraphRequest'), description: vscode.l10n.t('every request written out'), detail: vscode.l10n.t('Needs only the Microsoft.Graph.Authentication module.'), style: 'invoke' },
  {
    label: vscode.l10n.t('Microsoft.Graph.BackupRestore cmdlets'), description: vscode.l10n.t('New-MgSolutionBackupRestore…RestoreSession, Initialize-MgSolutionBackupRestoreSession'),
    detail: vscode.l10n.t('Creates and activates with the module\'s cmdlets; the other requests use Invoke-MgGraphRequest.'), style: 'cmdlets',
  },
];

/** Opens the requests that reproduce the session in an unsaved document (PowerShell asks which style first). */
export function exportSession(hub: SessionHub, { workload, session }: SessionTarget, format: ExportFormat): Promise<ActionOutcome> {
  return outcomeOf(async () => {
    let style: PowerShellStyle | undefined;
    if (format === 'powershell') {
      style = (await vscode.window.showQuickPick(powershellStyles(), { title: vscode.l10n.t('Export as PowerShell: which commands should the script use?') }))?.style;
      if (!style) return cancelled('');
    }
    const read = await freshRead(hub, workload, session.id);
    const spec = FORMATS[format];
    // The header names the link that opens the original session here again (a comment, quoted like the others).
    const link = sessionLinkOf({ connectionId: hub.connectionId, workload, sessionId: read.session.id });
    const text = spec.render(workload, read.session, read.contents, { baseUrl: hub.baseUrl, style, link });
    await openUntitled(sessionFileName(session.id, `.${spec.extension}`), spec.language, text);
    return done(undefined, vscode.l10n.t('Opened the restore of {0} as {1}.', await nameOfSession(hub.units, workload, read.session, read.contents), spec.words));
  });
}

/**
 * Copies the session with its artifacts as JSON (`sessionJson`), read fresh, and says what was copied. The tree's
 * Copy Session JSON and the panel's Copy JSON both run this, so they copy the same thing.
 */
export function copySessionJson(hub: SessionHub, { workload, session }: SessionTarget): Promise<ActionOutcome> {
  return outcomeOf(async () => {
    const read = await freshRead(hub, workload, session.id);
    await vscode.env.clipboard.writeText(sessionJson(workload, read.session, read.contents));
    const name = await nameOfSession(hub.units, workload, read.session, read.contents);
    const count = read.contents.standard.length + read.contents.granular.length;
    return done(undefined, count === 1 ? vscode.l10n.t('Copied the JSON of {0} (1 artifact).', possessiveRestore(name)) : vscode.l10n.t('Copied the JSON of {0} ({1} artifacts).', possessiveRestore(name), count));
  });
}

/** "Debra Berger's restore" for a plain name; "the restore of 5 OneDrives (bulk)" otherwise. */
function possessiveRestore(name: string): string {
  if (!/^[\p{L}][\p{L} .'-]*$/u.test(name)) return vscode.l10n.t('the restore of {0}', name);
  return name.endsWith('s') ? vscode.l10n.t('{0}\' restore', name) : vscode.l10n.t('{0}\'s restore', name);
}

async function freshRead(hub: SessionHub, workload: Workload, sessionId: string): Promise<{ session: RestoreSession; contents: SessionContents }> {
  const read = await hub.load(workload, sessionId, 'refresh');
  if (!read?.contents) throw new Error(vscode.l10n.t('The service no longer has this session.'));
  return { session: read.session, contents: read.contents };
}

/** Opens the session's JSON document beside the current editor. */
export async function openSessionJson({ workload, session }: SessionTarget): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(sessionUri(workload, session.id));
  await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/** `restore-session-<id><suffix>`, with the id reduced to characters any file system accepts. */
export function sessionFileName(sessionId: string, suffix: string): string {
  return `restore-session-${sessionId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}${suffix}`;
}

/** An unsaved document with this name and content: the user decides whether and where to keep it. */
export async function openUntitled(name: string, language: string, content: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = (folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`)).with({ scheme: 'untitled' });
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  await editor.edit((edit) => edit.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), content));
  if (doc.languageId !== language) await vscode.languages.setTextDocumentLanguage(doc, language).then(undefined, () => undefined);
  return doc;
}
