// Where sign-in keeps what must stay secret (the msal token cache, client secrets, certificate keys). The
// extension backs this with VS Code SecretStorage; tests use MemorySecretStore. Never a plain file.
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

/** Secret keys used by sign-in, per connection. */
export const secretKeys = {
  tokenCache: (connectionId: string) => `restoreSessions.msalCache.${connectionId}`,
  clientCredential: (connectionId: string) => `restoreSessions.clientCredential.${connectionId}`,
};
