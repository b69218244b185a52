// msal-node's network calls (discovery, token, device code endpoints) over the project's one HTTP stack, so
// sign-in honours the same proxy, extra CA (the emulator's certificate) and timeouts as Graph calls.
// msal treats any HTTP status as a response (it reads `error` from the body); only a request that got no
// response is an error, raised as msal expects from its own client.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { HttpTransport, TransportError } from '../graph';

export class MsalNetworkModule implements INetworkModule {
  constructor(private readonly transport: HttpTransport, private readonly timeoutMs = 30_000) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: string, url: string, options: NetworkRequestOptions | undefined, timeout?: number): Promise<NetworkResponse<T>> {
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (method === 'POST' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=utf-8';
    }
    try {
      const res = await this.transport.send({ method, url, headers, body: options?.body, timeoutMs: timeout ?? this.timeoutMs });
      let body: unknown;
      try {
        body = res.body ? JSON.parse(res.body) : {};
      } catch {
        // msal reads `error` from the body; give it a shape it understands instead of HTML or text.
        body = { error: 'invalid_response', error_description: `HTTP ${res.status} from ${new URL(url).host} was not JSON.` };
      }
      return { status: res.status, headers: res.headers, body: body as T };
    } catch (err) {
      if (err instanceof TransportError) {
        // No token or form body in the message: only the host and what went wrong.
        throw new Error(`Network request to ${new URL(url).host} failed: ${err.message}`);
      }
      throw err;
    }
  }
}
