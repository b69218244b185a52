// What the service needs from the catalog beyond the Catalog interface: the unit a restore point belongs to
// (restore point entities do not carry it, but their ids encode it) and where a finished restore landed, shared
// with the seeded sessions so that sessions the emulator completes look like the seeded ones.
import type { DestinationType, ProtectionUnit } from '../../backup/model';
import { SeededCatalog } from '../catalog';
import { decodeRestorePointId } from '../catalog/restorePoints';
import { restoredMailboxLocation, restoredSiteLocation } from '../catalog/restoredLocations';
import type { Catalog } from '../catalog/types';
import { deterministicGuid, unitLocation } from './records';

export function unitIdOfPoint(catalog: Catalog, point: { id: string; protectionUnit?: ProtectionUnit | { id?: string } | null }): string | undefined {
  const direct = point.protectionUnit?.id;
  if (direct) return direct;
  const decoded = decodeRestorePointId(point.id);
  return decoded && catalog.unit(decoded.unitId) ? decoded.unitId : undefined;
}

export function mailboxLocation(artifactId: string, destination: DestinationType, itemCount: number, completedMs: number): Record<string, unknown> {
  return restoredMailboxLocation(artifactId, destination, itemCount, completedMs);
}

export function siteLocation(catalog: Catalog, unitId: string | undefined, artifactId: string, destination: DestinationType, completedMs: number): Record<string, unknown> {
  const record = unitId && catalog instanceof SeededCatalog ? catalog.tenant.record(unitId) : undefined;
  if (record) return restoredSiteLocation(record, destination, completedMs);
  const location = unitLocation(unitId ? catalog.unit(unitId) : undefined);
  const isNew = destination !== 'inPlace';
  return {
    restoredSiteId: isNew ? deterministicGuid('site:' + artifactId) : location.siteId,
    restoredSiteName: isNew ? `${location.siteName} R1` : location.siteName,
    restoredSiteWebUrl: isNew ? `${location.siteWebUrl}R1` : location.siteWebUrl,
  };
}

/** Server-relative folder a granular file is restored into (its original parent folder, in place). */
export function granularRestoredPath(catalog: Catalog, unitId: string | undefined, itemKey: string, webUrl: string | null | undefined): string | null {
  if (catalog instanceof SeededCatalog && unitId) {
    const path = catalog.browseItemPath(unitId, itemKey);
    const unit = catalog.tenant.record(unitId);
    if (path !== undefined && unit?.webUrl) {
      const parent = path.split('/').slice(0, -1).join('/');
      return `${new URL(unit.webUrl).pathname.replace(/\/$/, '')}/${parent}`;
    }
  }
  if (!webUrl) return null;
  try {
    return decodeURIComponent(new URL(webUrl).pathname).split('/').slice(0, -1).join('/');
  } catch {
    return null;
  }
}
