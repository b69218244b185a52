// The emulated Entra ID directory: one tenant (Contoso, the tenant of the seed data), a confidential admin app,
// a public client for device code / interactive sign-in, and demo users. Every id is fixed, so connections,
// docs and tests can name them. The secrets are demo values for a loopback emulator, not credentials.
import { TENANT } from '../catalog/directory';
import { stableGuid } from '../catalog/hash';

export const DEMO_TENANT = {
  id: TENANT.id,
  /** Accepted in authority URLs besides the GUID. */
  name: 'contoso',
  domain: TENANT.domain,
  displayName: 'Contoso (emulated)',
} as const;

export interface DemoApp {
  clientId: string;
  displayName: string;
  /** Confidential apps only. */
  secret?: string;
  /** App-only permissions (the `roles` claim). */
  roles: readonly string[];
  /** Public client: may use device code and authorization code with a loopback redirect. */
  isPublic: boolean;
}

export interface DemoUser {
  /** Short name used by the approve endpoint and the authorize page (`admin`, `reader`). */
  key: string;
  oid: string;
  displayName: string;
  userPrincipalName: string;
  /** Delegated permissions consented for this user (the `scp` claim is drawn from these). */
  scopes: readonly string[];
}

const RST_RW = 'BackupRestore-Restore.ReadWrite.All';
const RST_R = 'BackupRestore-Restore.Read.All';
const SRCH_R = 'BackupRestore-Search.Read.All';
const CFG_R = 'BackupRestore-Configuration.Read.All';
const CTL_R = 'BackupRestore-Control.Read.All';

/**
 * Admins also get Configuration.Read.All and Control.Read.All so the create wizard's protection-unit pickers and
 * the service status work with `--auth on`; the reader has Restore.Read.All only, to show 403s.
 */
export const ADMIN_PERMISSIONS: readonly string[] = [RST_RW, SRCH_R, CFG_R, CTL_R];
export const READER_PERMISSIONS: readonly string[] = [RST_R];

export const DEMO_ADMIN_APP: DemoApp = {
  // The same id the seed's app-only sessions carry in createdBy.application.
  clientId: stableGuid('app:contoso-backup-automation'),
  displayName: 'Contoso Backup Automation',
  secret: 'emulator-demo-secret~not-a-real-credential',
  roles: ADMIN_PERMISSIONS,
  isPublic: false,
};

export const DEMO_READER_APP: DemoApp = {
  clientId: stableGuid('app:contoso-backup-reporting'),
  displayName: 'Contoso Backup Reporting',
  secret: 'emulator-reader-secret~not-a-real-credential',
  roles: READER_PERMISSIONS,
  isPublic: false,
};

export const DEMO_PUBLIC_CLIENT: DemoApp = {
  clientId: stableGuid('app:m365-restore-sessions-vscode'),
  displayName: 'Restore Sessions for VS Code',
  roles: [],
  isPublic: true,
};

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'admin', oid: stableGuid('user:meganb'), displayName: 'Megan Bowen', userPrincipalName: `meganb@${TENANT.domain}`, scopes: ADMIN_PERMISSIONS },
  { key: 'reader', oid: stableGuid('user:alland'), displayName: 'Allan Deyoung', userPrincipalName: `alland@${TENANT.domain}`, scopes: READER_PERMISSIONS },
];

export const DEMO_APPS: readonly DemoApp[] = [DEMO_ADMIN_APP, DEMO_READER_APP, DEMO_PUBLIC_CLIENT];

/** By key (`admin`), UPN, or object id. */
export function findUser(users: readonly DemoUser[], ref: string): DemoUser | undefined {
  const r = ref.trim().toLowerCase();
  return users.find((u) => u.key === r || u.userPrincipalName.toLowerCase() === r || u.oid === r);
}
