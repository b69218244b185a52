// Open JSON (a read-only document that follows the session), Export as .http and Export as cURL (tokens
// redacted), for a tree node, a session id or a palette pick.
import * as vscode from 'vscode';
import { curlScript, httpFile } from '../../backup/exports';
import { readSession, sessionUri } from '../sessionDocuments';
import type { CommandContext } from './context';
import { resolveSession } from './pickSession';
import type { CommandSpec } from './registry';

export function exportCommands(ctx: CommandContext): CommandSpec[] {
  const exporter = (id: string, render: typeof httpFile, extension: string, language: string): CommandSpec => ({
    id,
    run: async (arg) => {
      const target = await resolveSession(ctx, arg);
      if (!target) return;
      const connection = await ctx.connections.get();
      const { session, contents } = await readSession(connection.api, target.workload, target.session.id);
      const text = render(target.workload, session, contents, { baseUrl: connection.baseUrl });
      await openUntitled(sessionFileName(session.id, `.${extension}`), language, text);
    },
  });
  return [
    {
      id: 'restoreSessions.openJson',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (!target) return;
        const doc = await vscode.workspace.openTextDocument(sessionUri(target.workload, target.session.id));
        await vscode.languages.setTextDocumentLanguage(doc, 'json');
        await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
      },
    },
    exporter('restoreSessions.exportHttp', httpFile, 'http', 'http'),
    exporter('restoreSessions.exportCurl', curlScript, 'sh', 'shellscript'),
  ];
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
