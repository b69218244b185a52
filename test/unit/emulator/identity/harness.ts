// A small https + http server around the identity service, with one fake Graph route family that calls
// `verify` the way the emulator's server does with `--auth on`. Used by the identity and auth tests.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { EmulatorError } from '../../../../src/emulator/errors';
import { createIdentityService, type IdentityService, type IdentityServiceOptions } from '../../../../src/emulator/identity';

export interface IdentityHarness {
  identity: IdentityService;
  httpsOrigin: string;
  httpOrigin: string;
  /** `https://127.0.0.1:<port>/contoso` */
  authority: string;
  graphBase: string;
  close(): Promise<void>;
}

const PREFIX = '/v1.0/solutions/backupRestore';

export async function startIdentityHarness(options: IdentityServiceOptions & { browserPagesOnHttp?: boolean } = {}): Promise<IdentityHarness> {
  const identity = createIdentityService(options);
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    void (async () => {
      try {
        if (await identity.handle(req, res)) return;
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`)) {
          const path = url.pathname.slice(PREFIX.length).replace(/^\/+/, '');
          const claims = identity.verify(req.headers.authorization, { method: req.method ?? 'GET', path });
          const body = JSON.stringify({ ok: true, kind: claims.kind, permissions: claims.permissions });
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
          return;
        }
        res.writeHead(404).end();
      } catch (err) {
        const e = err instanceof EmulatorError ? err : new EmulatorError(500, 'InternalServerError', String(err));
        res.writeHead(e.status, { 'content-type': 'application/json', ...e.headers }).end(JSON.stringify({ error: { code: e.code, message: e.message, innerError: {} } }));
      }
    })();
  };
  const secure = https.createServer({ key: identity.tls.key, cert: identity.tls.cert }, handler);
  const plain = http.createServer(handler);
  await Promise.all([new Promise<void>((r) => secure.listen(0, '127.0.0.1', r)), new Promise<void>((r) => plain.listen(0, '127.0.0.1', r))]);
  const httpsOrigin = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
  const httpOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  identity.setPublicOrigin(httpsOrigin);
  if (options.browserPagesOnHttp !== false) identity.setBrowserOrigin(httpOrigin);
  return {
    identity,
    httpsOrigin,
    httpOrigin,
    authority: `${httpsOrigin}/contoso`,
    graphBase: `${httpsOrigin}/v1.0`,
    close: async () => {
      for (const s of [secure, plain]) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
    },
  };
}
