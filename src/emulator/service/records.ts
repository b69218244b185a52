// Small builders shared by the handlers: timestamps, identities, deterministic ids, and where a unit's
// content lives (a site URL for sites, the owner's personal site for OneDrive accounts).
import { createHash } from 'node:crypto';
import type { IdentitySet, ProtectionUnit, RestoreSessionBase, WorkloadId } from '../../backup/model';
import { EMULATOR_CALLER, stringFieldOf } from '../../backup/model';
import type { SessionRecord } from '../state';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A GUID derived from `seed`, so restored-site ids and folder ids are stable across reads and restarts. */
export function deterministicGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Who the emulator says performed a write. Authentication comes later; until then, one fixed admin. */
export const EMULATOR_IDENTITY: IdentitySet = EMULATOR_CALLER;

export function newSessionRecord(workloadId: WorkloadId, id: string, nowMs: number, by: IdentitySet = EMULATOR_IDENTITY): SessionRecord {
  const session: RestoreSessionBase = {
    id,
    status: 'draft',
    restoreJobType: 'standard',
    restoreSessionArtifactCount: { total: 0, completed: 0, inProgress: 0, failed: 0 },
    createdBy: by,
    createdDateTime: iso(nowMs),
    lastModifiedBy: by,
    lastModifiedDateTime: iso(nowMs),
    completedDateTime: null,
    error: null,
  };
  return { workload: workloadId, session, standard: [], granular: [], bulkRequests: [] };
}

/** Where a unit's content lives: sites carry it; OneDrive accounts map to the owner's personal site. */
export function unitLocation(unit: ProtectionUnit | undefined): { siteId: string | null; siteName: string | null; siteWebUrl: string | null } {
  if (!unit) return { siteId: null, siteName: null, siteWebUrl: null };
  const siteWebUrl = stringFieldOf(unit, 'siteWebUrl');
  if (siteWebUrl !== undefined) {
    return { siteId: stringFieldOf(unit, 'siteId') ?? null, siteName: stringFieldOf(unit, 'siteName') ?? null, siteWebUrl };
  }
  const email = stringFieldOf(unit, 'email') ?? '';
  const tenant = (email.split('@')[1] ?? 'contoso.com').split('.')[0];
  return {
    siteId: deterministicGuid('personal:' + unit.id),
    siteName: stringFieldOf(unit, 'displayName') ?? null,
    siteWebUrl: `https://${tenant}-my.sharepoint.com/personal/${email.replace(/[@.]/g, '_')}`,
  };
}
