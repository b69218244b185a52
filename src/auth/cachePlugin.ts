// An msal ICachePlugin over a SecretStore, modelled on VS Code's own (extensions/microsoft-authentication/
// src/common/cachePlugin.ts): load before every cache access, write only when msal changed the cache and the
// text differs, so two windows sharing SecretStorage do not keep overwriting each other.
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretStore } from './secretStore';

const EMPTY_CACHE = JSON.stringify({ Account: {}, IdToken: {}, AccessToken: {}, RefreshToken: {}, AppMetadata: {} });

export class SecretStoreCachePlugin implements ICachePlugin {
  private lastWritten: string | undefined;

  constructor(private readonly store: SecretStore, readonly key: string) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const data = await this.store.get(this.key);
    // An empty store (signed out here or in another window) must also empty msal's in-memory cache.
    context.tokenCache.deserialize(data ?? EMPTY_CACHE);
    this.lastWritten = data;
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const data = context.tokenCache.serialize();
    if (data === this.lastWritten) return;
    await this.store.store(this.key, data);
    this.lastWritten = data;
  }

  /** Forgets everything this cache holds (sign out). */
  async clear(): Promise<void> {
    await this.store.delete(this.key);
    this.lastWritten = undefined;
  }
}
