// Where a finished restore says the data landed (§4.2): a new folder in the mailbox for Exchange, the original
// site for an in-place SharePoint/OneDrive restore, and a new site URL for a restore to a new location. The
// service's lifecycle engine can use these too, so artifacts it completes look like the seeded ones.
import type { DestinationType, MailboxRestoreArtifact, SiteRestoreArtifact } from '../../backup/model';
import { workload } from '../../backup/model';
import { TENANT } from './directory';
import { stableGuid } from './hash';
import type { UnitRecord } from './units';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Exchange: a restore to `new` creates the folder `Restored-<date>`; an in-place restore puts items back where they were. */
export function restoredMailboxLocation(
  artifactId: string, destination: DestinationType, restoredItemCount: number, completedMs: number,
): Pick<MailboxRestoreArtifact, 'restoredFolderId' | 'restoredFolderName' | 'restoredItemCount'> {
  if (destination !== 'new') return { restoredFolderId: null, restoredFolderName: null, restoredItemCount };
  // Exchange folder ids are long base64 strings starting with AAMk; derive one from the artifact.
  const folderId = `AAMkAD${Buffer.from(stableGuid(`folder:${artifactId}`).replace(/-/g, ''), 'hex').toString('base64').replace(/=+$/, '')}AAA=`;
  return { restoredFolderId: folderId, restoredFolderName: `Restored-${day(completedMs)}`, restoredItemCount };
}

/** SharePoint / OneDrive: in place → the original site; new → a new site next to it, named after the restore date. */
export function restoredSiteLocation(
  record: UnitRecord, destination: DestinationType, completedMs: number,
): Pick<SiteRestoreArtifact, 'restoredSiteId' | 'restoredSiteName' | 'restoredSiteWebUrl'> {
  const host = workload(record.workload).contentHost === 'personalSites' ? TENANT.myHost : TENANT.sharePointHost;
  if (destination === 'inPlace') {
    return { restoredSiteId: `${host},${record.siteKey}`, restoredSiteName: record.label, restoredSiteWebUrl: record.webUrl };
  }
  const stamp = day(completedMs).replace(/-/g, '');
  const base = record.webUrl.includes('/sites/') || record.webUrl.includes('/personal/') ? record.webUrl : `${record.webUrl}/sites/root`;
  const salt = `${record.unit.id}:${completedMs}`;
  return {
    restoredSiteId: `${host},${stableGuid(`restored-site:${salt}`)},${stableGuid(`restored-web:${salt}`)}`,
    restoredSiteName: `${record.label} (restored ${day(completedMs)})`,
    restoredSiteWebUrl: `${base}_restored_${stamp}`,
  };
}
