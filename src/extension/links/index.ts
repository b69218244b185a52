// Links to sessions and the walkthrough: the URI handler, Open Session Link…, Copy Link on session rows and
// Get Started. Registered from extension.ts with one call.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { resolveSession } from '../commands/pickSession';
import { registerCommands, type CommandSpec } from '../commands/registry';
import type { DetailsPanels } from '../webview/panels';
import { getStartedCommand } from './getStarted';
import { openSessionLink, type LinkDeps, type LinkOutcome } from './openSessionLink';
import { sessionLink, useLinkExtensionId } from './sessionLink';

export { sessionLink, sessionLinkOf } from './sessionLink';
export type { LinkOutcome } from './openSessionLink';

export function linkContributions(context: vscode.ExtensionContext, ctx: CommandContext, details: DetailsPanels): vscode.Disposable[] {
  useLinkExtensionId(context.extension.id);
  const deps: LinkDeps = { connections: ctx.connections, hubs: ctx.hubs, details, ui: ctx.ui };
  const open = async (uri: vscode.Uri): Promise<LinkOutcome> => {
    const outcome = await openSessionLink(deps, uri);
    if (outcome.kind === 'failed') void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open the session link. {0}', outcome.message));
    if (outcome.kind === 'cancelled') void vscode.window.showInformationMessage(outcome.message);
    return outcome;
  };
  const commands: CommandSpec[] = [
    getStartedCommand(context.extension.id),
    {
      id: 'restoreSessions.openSessionLink',
      run: async (arg) => {
        const text = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
          title: vscode.l10n.t('Open Session Link'),
          prompt: vscode.l10n.t('Paste a link copied with Copy Link (it starts with {0}://{1}/session).', vscode.env.uriScheme, context.extension.id),
          ignoreFocusOut: true,
        });
        return text?.trim() ? open(vscode.Uri.parse(text.trim())) : undefined;
      },
    },
    {
      id: 'restoreSessions.copySessionLink',
      run: async (arg) => {
        const target = await resolveSession(ctx, arg);
        if (!target) return undefined;
        // the tree and the palette both show the active connection's sessions
        const link = sessionLink(context.extension.id, { connectionId: ctx.connections.activeId, workload: target.workload, sessionId: target.session.id });
        await vscode.env.clipboard.writeText(link);
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied a link to this {0} restore session. It opens the session\'s details in VS Code.', target.workload.label));
        return link;
      },
    },
  ];
  return [...registerCommands(commands, ctx.log), vscode.window.registerUriHandler({ handleUri: (uri) => void open(uri) })];
}
