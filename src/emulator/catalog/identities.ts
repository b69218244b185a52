// Who did things in the demo tenant: the identitySets the seed puts in createdBy / lastModifiedBy. Shapes follow
// the documented examples: delegated calls carry both `application` and `user`, app-only calls only `application`.
import type { IdentitySet } from '../../backup/model';
import { emailOf } from './directory';
import { stableGuid } from './hash';

/** The first-party controller app: what the Microsoft 365 admin center shows up as in payloads. */
const enhancedRestore = { id: '9ec11f0b-3a59-4b3f-8f0b-6c2f4c1f6e7a', displayName: 'Microsoft Enhanced Restore' };
const backupConsole = { id: '0b8c6a2e-3d4f-4e5a-8b9c-1d2e3f4a5b6c', displayName: 'Contoso Backup Console' };
const backupAutomation = { id: stableGuid('app:contoso-backup-automation'), displayName: 'Contoso Backup Automation' };

function user(alias: string, displayName: string) {
  return { id: stableGuid(`user:${alias}`), displayName, email: emailOf(alias) };
}

export const ACTORS = {
  /** Backup admin working in the Microsoft 365 admin center. */
  meganInAdminCenter: (): IdentitySet => ({ application: { ...enhancedRestore }, user: user('meganb', 'Megan Bowen') }),
  /** A second admin using the company's own console app (delegated). */
  leeInConsole: (): IdentitySet => ({ application: { ...backupConsole }, user: user('leeg', 'Lee Gu') }),
  /** App-only automation (client credentials): no user. */
  automation: (): IdentitySet => ({ application: { ...backupAutomation } }),
} as const;

export type ActorName = keyof typeof ACTORS;

/** Directory object id of a person (also the id of their Entra ID user object). */
export const userObjectId = (alias: string) => stableGuid(`user:${alias}`);
