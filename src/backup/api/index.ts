// The restore API facade: everything the extension does with Backup Storage goes through here.
import type { GraphClient } from '../../graph';
import { ArtifactsApi } from './artifacts';
import { OptionSupport } from './optionSupport';
import { ProtectionWritesApi } from './protectionWrites';
import { ProtectionApi } from './protection';
import { SessionsApi } from './sessions';
import { TenantApi } from './tenant';

/** The Graph API version a connection talks to: `beta` answers carry preview-only properties and accepts more. */
export type ApiVersion = 'v1.0' | 'beta';

export class BackupApi {
  readonly apiVersion: ApiVersion;
  readonly sessions: SessionsApi;
  readonly artifacts: ArtifactsApi;
  readonly tenant: TenantApi;
  /** Changes to protection; the extension calls it only when the admin opted in (protection.allowChanges). */
  readonly protectionWrites: ProtectionWritesApi;
  readonly protection: ProtectionApi;

  /**
   * Private: callers go through the facade, so every request has one place that names it. `onOptionLearnt`
   * hears, once per collection and option, that the service refused or ignored a query option (optionSupport.ts).
   */
  constructor(private readonly client: GraphClient, options: { onOptionLearnt?: (message: string) => void; apiVersion?: ApiVersion } = {}) {
    this.apiVersion = options.apiVersion ?? 'v1.0';
    const support = new OptionSupport(options.onOptionLearnt);
    this.sessions = new SessionsApi(client, support);
    this.artifacts = new ArtifactsApi(client, support);
    this.tenant = new TenantApi(client, support);
    this.protectionWrites = new ProtectionWritesApi(client);
    this.protection = new ProtectionApi(client);
  }

  /** Closes the HTTP pool (when the connection is dropped). */
  close(): Promise<void> {
    return this.client.close();
  }
}

export * from './inputs';
export { SessionsApi, type ArtifactChangeResult } from './sessions';
export type { SessionPage } from './sessionList';
export { OptionSupport } from './optionSupport';
export type { ReadResponse, SessionContentsRead, SessionRead } from './sessionRead';
export { ArtifactsApi } from './artifacts';
export { TenantApi } from './tenant';
export { ProtectionWritesApi, type BulkJobInput, type PolicyUnitsChange } from './protectionWrites';
export { ProtectionApi, type TimeRange } from './protection';
export { paths, segment, InvalidIdError, odataString, ROOT } from './paths';
export { artifactKey } from './bodies';
