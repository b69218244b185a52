// Exports of a session as plain functions (commands and the panel call them): the session JSON as a
// read-only document that follows the session, and the requests that reproduce it as .http or cURL
// (tokens redacted) in an unsaved document the person decides to keep or not.
import * as vscode from 'vscode';
import { curlScript, httpFile } from '../../backup/exports';
import type { SessionHub } from '../sessions/hub';
import { sessionUri } from '../sessionDocuments';
import type { SessionTarget } from './deps';
import { done, outcomeOf, type ActionOutcome } from './outcome';

export type ExportFormat = 'http' | 'curl';

const FORMATS: Record<ExportFormat, { render: typeof httpFile; extension: string; language: string; words: string }> = {
  http: { render: httpFile, extension: 'http', language: 'http', words: '.http requests' },
  curl: { render: curlScript, extension: 'sh', language: 'shellscript', words: 'cURL script' },
};

/** Opens the requests that reproduce the session in an unsaved document. */
export function exportSession(hub: SessionHub, { workload, session }: SessionTarget, format: ExportFormat): Promise<ActionOutcome> {
  return outcomeOf(async () => {
    const read = await hub.contents(workload, session.id, 'refresh');
    if (!read?.contents) throw new Error('The service no longer has this session.');
    const spec = FORMATS[format];
    const text = spec.render(workload, read.session, read.contents, { baseUrl: hub.baseUrl });
    await openUntitled(sessionFileName(session.id, `.${spec.extension}`), spec.language, text);
    return done(undefined, `Opened the session as ${spec.words}.`);
  });
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
