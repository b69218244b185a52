// Where sign-in keeps what must stay secret (the msal token cache, client secrets, certificate keys). The
// extension backs this with VS Code SecretStorage; tests use MemorySecretStore. Never a plain file.
//
// Every secret is bound to where it may be used: its key names the connection and a digest of the
// authority (with the tenant), the client id and the Graph origin. A connection whose parameters changed
// (edited by the user, or a look-alike entry with the same id) computes another key and finds nothing, so
// it can never send a stored credential or token somewhere else.
import { createHash } from 'node:crypto';

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** What a stored secret is bound to. */
export interface SecretBinding {
  connectionId: string;
  /** `https://login.microsoftonline.com/<tenant>`, or the emulator's https origin with its tenant. */
  authority: string;
  clientId: string;
  /** `https://graph.microsoft.com`, or the emulator's origin. */
  graphOrigin: string;
}

function bindingDigest(b: SecretBinding): string {
  const canonical = JSON.stringify([b.authority.replace(/\/+$/, '').toLowerCase(), b.clientId.toLowerCase(), b.graphOrigin.toLowerCase()]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

const TOKEN_CACHE_PREFIX = 'restoreSessions.msalCache.';
const CREDENTIAL_PREFIX = 'restoreSessions.clientCredential.';

/** Secret keys used by sign-in, per connection and binding. */
export const secretKeys = {
  tokenCachePrefix: TOKEN_CACHE_PREFIX,
  tokenCache: (b: SecretBinding) => `${TOKEN_CACHE_PREFIX}${b.connectionId}.${bindingDigest(b)}`,
  clientCredential: (b: SecretBinding) => `${CREDENTIAL_PREFIX}${b.connectionId}.${bindingDigest(b)}`,
  /** Keys of versions that bound secrets to the connection id only: never read, deleted with the connection. */
  unbound: (connectionId: string) => [`${TOKEN_CACHE_PREFIX}${connectionId}`, `${CREDENTIAL_PREFIX}${connectionId}`],
};
