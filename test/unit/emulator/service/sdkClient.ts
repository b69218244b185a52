// Microsoft's JavaScript SDK pointed at a test emulator's https origin, as a user would configure it (`baseUrl`
// + `customHosts`); only the last middleware is ours, to trust the emulator's own certificate (Node's fetch takes
// no CA option) and to send the header a token provider would.
import { strict as assert } from 'assert';
import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { Agent, fetch as undiciFetch } from 'undici';
import type { TestEmulator } from '../../../support/emulator';

export function sdkClient(running: TestEmulator): { sdk: Client; agent: Agent } {
  const { httpsUrl, identity } = running.emulator;
  assert.ok(httpsUrl && identity, 'the emulator serves https');
  const agent = new Agent({ connect: { ca: identity.tls.cert } });
  const transport: Middleware = {
    execute: async (context: Context) => {
      const init = { ...(context.options as Record<string, unknown>), dispatcher: agent };
      context.response = (await undiciFetch(String(context.request), init as never)) as unknown as Response;
    },
  };
  // The emulator runs without sign-in here; the header stands where a token provider's would.
  const auth: Middleware = {
    execute: async (context: Context) => {
      context.options = { ...context.options, headers: { ...(context.options?.headers as Record<string, string>), Authorization: 'Bearer emulator' } };
      await transport.execute(context);
    },
  };
  const sdk = Client.initWithMiddleware({ middleware: auth, baseUrl: httpsUrl, defaultVersion: 'v1.0', customHosts: new Set([new URL(httpsUrl).hostname]) });
  return { sdk, agent };
}
