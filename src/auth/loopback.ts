// The loopback redirect server of interactive sign-in (authorization code + PKCE): listens on 127.0.0.1 on a
// free port and waits for the browser's redirect. Unlike msal-node's default (which announces
// http://localhost), the redirect URI names 127.0.0.1, as RFC 8252 §7.3 recommends, and the wait can be
// cancelled with an AbortSignal (the user dismissed the notification, or VS Code is closing).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthorizeResponse, ILoopbackClient } from '@azure/msal-node';

export class SignInCancelledError extends Error {
  override readonly name = 'SignInCancelledError';
  constructor(message = 'Sign-in was cancelled.') {
    super(message);
  }
}

const SUCCESS_PAGE = '<!doctype html><meta charset="utf-8"><title>Signed in</title><body style="font:15px system-ui;margin:3rem"><h1>Signed in</h1><p>You can close this window and return to VS Code.</p>';
const ERROR_PAGE = '<!doctype html><meta charset="utf-8"><title>Sign-in failed</title><body style="font:15px system-ui;margin:3rem"><h1>Sign-in did not complete</h1><p>Return to VS Code for details.</p>';

export class LoopbackRedirectServer implements ILoopbackClient {
  private server: http.Server | undefined;
  private readonly ready: Promise<void>;

  constructor(private readonly signal?: AbortSignal) {
    this.server = http.createServer();
    this.ready = new Promise((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(0, '127.0.0.1', () => resolve());
    });
  }

  /** Resolves once listening (getRedirectUri needs the port). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  listenForAuthCode(successTemplate?: string, errorTemplate?: string): Promise<AuthorizeResponse> {
    return new Promise<AuthorizeResponse>((resolve, reject) => {
      const server = this.server;
      if (!server) {
        reject(new SignInCancelledError('The sign-in redirect listener is closed.'));
        return;
      }
      const onAbort = (): void => {
        reject(new SignInCancelledError());
        this.closeServer();
      };
      if (this.signal?.aborted) {
        onAbort();
        return;
      }
      this.signal?.addEventListener('abort', onAbort, { once: true });
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname !== '/' || url.search === '') {
          // The redirect below (and favicon requests) land here.
          res.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(url.pathname === '/' ? successTemplate ?? SUCCESS_PAGE : '');
          return;
        }
        const response = Object.fromEntries(url.searchParams) as AuthorizeResponse;
        if (response.code) {
          // Drop the code from the address bar and history.
          res.writeHead(302, { location: '/' }).end();
        } else {
          res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(errorTemplate ?? ERROR_PAGE);
        }
        this.signal?.removeEventListener('abort', onAbort);
        resolve(response);
      });
    });
  }

  getRedirectUri(): string {
    const address = this.server?.listening ? (this.server.address() as AddressInfo | null) : null;
    if (!address) throw new Error('The sign-in redirect listener is not listening.');
    return `http://127.0.0.1:${address.port}`;
  }

  closeServer(): void {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.close();
      server.closeAllConnections();
    }
  }
}
