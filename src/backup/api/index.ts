// The restore API facade: everything the extension does with Backup Storage goes through here.
import type { GraphClient } from '../../graph';
import { ArtifactsApi } from './artifacts';
import { SessionsApi } from './sessions';
import { TenantApi } from './tenant';

export class BackupApi {
  readonly sessions: SessionsApi;
  readonly artifacts: ArtifactsApi;
  readonly tenant: TenantApi;

  constructor(readonly client: GraphClient) {
    this.sessions = new SessionsApi(client);
    this.artifacts = new ArtifactsApi(client);
    this.tenant = new TenantApi(client);
  }
}

export * from './inputs';
export { SessionsApi, type ArtifactChangeResult } from './sessions';
export { ArtifactsApi } from './artifacts';
export { TenantApi } from './tenant';
export { paths, segment, InvalidIdError, odataString, ROOT } from './paths';
export { artifactKey } from './bodies';
