// Messages from the details page: the ready handshake, buttons, links, copy, compare, and (only when the
// test launchers set the flag) the page's report of what it rendered. Every message is validated first:
// the page is ours, but its messages cross a trust boundary all the same.
import * as vscode from 'vscode';
import { hostMessage, isPageMessage, safeExternalUrl, type DetailsAction, type HostMessage } from '../../protocol/details';
import { isRenderedMessage, type RenderedReport } from '../../protocol/testHooks';
import { classifyError } from '../errors';
import type { Log } from '../log';
import { TEST_HOOKS } from '../testHooks';

/** What message handling needs of its panel. */
export interface MessagePanel {
  readonly log: Log;
  ready(): Promise<void>;
  runAction(action: DetailsAction): Promise<void>;
  compare(a: number, b: number): Promise<void>;
  post(message: HostMessage): void;
  rendered(report: RenderedReport): void;
}

export async function receivePageMessage(panel: MessagePanel, message: unknown): Promise<void> {
  if (TEST_HOOKS && isRenderedMessage(message)) {
    panel.rendered({ text: message.text, scripts: message.scripts, handlers: message.handlers, injected: message.injected });
    return;
  }
  if (!isPageMessage(message)) {
    panel.log.error(`details panel: ignored an invalid message from the page: ${JSON.stringify(message)?.slice(0, 200)}`);
    return;
  }
  switch (message.type) {
    case 'ready':
      return panel.ready();
    case 'action':
      return panel.runAction(message.action);
    case 'openLink': {
      const url = safeExternalUrl(message.url);
      if (!url) {
        panel.post(hostMessage.notice('error', vscode.l10n.t('Only http and https links can be opened.')));
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
      return;
    }
    case 'copy':
      await vscode.env.clipboard.writeText(message.text);
      panel.post(hostMessage.notice('info', vscode.l10n.t('Copied to the clipboard.')));
      return;
    case 'compare':
      try {
        await panel.compare(message.a, message.b);
      } catch (error) {
        panel.post(hostMessage.notice('error', classifyError(error).summary));
      }
      return;
  }
}
