// Artifacts a create or PATCH adds, in two steps: `parseAdd` checks the shape (so the model's
// checkArtifactChange can judge the whole request), then `resolveAdd` binds restore points, search responses
// and browse items against the catalog and builds the stored artifact. Nothing is stored until all resolve.
// /beta differs in two places: a granular file artifact may name its `destinationType` (beta's
// granularRestoreArtifactBase has it; v1.0's has not), and an artifact restoring a point a /beta search found
// with `includeNewerItems` keeps that tag on its restore point.
import type { DestinationType, Workload } from '../../backup/model';
import { DESTINATION_TYPES, fieldOf, INCLUDE_NEWER_ITEMS_TAG, isFlagsValue, RESTORE_POINT_TAGS } from '../../backup/model';
import { withNewerItemsTag } from './betaShapes';
import { badRequest } from '../errors';
import type { SessionRecord } from '../state';
import { refreshBrowseSession } from './browseStatus';
import { unitIdOfPoint } from './catalogExtras';
import type { EmulatorCore } from './core';
import { newArtifactRecord } from './artifactRecord';
import type { Json } from './validate';
import { checkODataType, isObject, optionalEnum, optionalString, rejectUnknown } from './validate';

export type ArtifactKind = 'standard' | 'granular';
type StoredArtifact = SessionRecord['standard'][number] | SessionRecord['granular'][number];


export interface ParsedAdd {
  kind: ArtifactKind;
  /** Identity for duplicate detection: restore point id (standard, granular mailbox) or item key (granular files). */
  key: string;
  destinationType?: DestinationType;
  item: Json;
}

/** Granular artifacts of file workloads are picked from a browse session; Exchange ones come from a search. */
const isBrowseGranular = (w: Workload, kind: ArtifactKind) => kind === 'granular' && w.granularArtifacts.source === 'browse';

/** Where granular files go back to: beta lets the caller say; without a word (and on v1.0) in place. */
const GRANULAR_DESTINATIONS = DESTINATION_TYPES.filter((d) => d !== 'unknownFutureValue');

export function parseAdd(w: Workload, kind: ArtifactKind, raw: unknown, where: string, version: string): ParsedAdd {
  if (!isObject(raw)) throw badRequest('BadRequest', `Each item of ${where} must be a JSON object.`);
  const type = kind === 'standard' ? w.standardArtifacts.type : w.granularArtifacts.type;
  checkODataType(raw, type, where);
  if (isBrowseGranular(w, kind)) {
    if (version !== 'beta' && 'destinationType' in raw) {
      throw badRequest('BadRequest', `The property 'destinationType' does not exist on ${where} in v1.0 (granular items are restored in place); it can be set on /beta.`);
    }
    // The docs add a file with `id` on create and with `itemKey` in the PATCH example; both mean the item key.
    rejectUnknown(raw, ['@odata.type', 'browseSessionId', 'id', 'itemKey', 'destinationType'], where);
    const destinationType = optionalEnum(raw, 'destinationType', GRANULAR_DESTINATIONS, where) ?? 'inPlace';
    const browseSessionId = optionalString(raw, 'browseSessionId', where);
    const id = optionalString(raw, 'id', where);
    const itemKey = optionalString(raw, 'itemKey', where);
    if (!browseSessionId) throw badRequest('InvalidArtifactRequest', `Each item of ${where} needs 'browseSessionId'.`);
    if (id && itemKey && id !== itemKey) throw badRequest('InvalidArtifactRequest', `An item of ${where} has different 'id' and 'itemKey'; send one of them.`);
    const key = id || itemKey;
    if (!key) throw badRequest('InvalidArtifactRequest', `Each item of ${where} needs the item key from browse, as 'id' (or 'itemKey').`);
    return { kind, key, destinationType, item: raw };
  }
  const allowed = ['@odata.type', 'restorePoint', 'destinationType'];
  if (kind === 'granular') allowed.push('searchResponseId');
  rejectUnknown(raw, allowed, where);
  const point = raw.restorePoint;
  if (!isObject(point) || typeof point.id !== 'string' || point.id === '') {
    throw badRequest('InvalidArtifactRequest', `Each item of ${where} needs 'restorePoint': { "id": "<restore point id>" }.`);
  }
  rejectUnknown(point, ['id', '@odata.type', '@odata.id'], `the restorePoint of ${where}`);
  const destinationType = optionalEnum(raw, 'destinationType', DESTINATION_TYPES, where) ?? 'new';
  if (kind === 'granular' && !optionalString(raw, 'searchResponseId', where)) {
    throw badRequest('InvalidArtifactRequest', `Each item of ${where} needs 'searchResponseId' from restorePoints/search.`);
  }
  return { kind, key: point.id, destinationType, item: raw };
}

/** Identity of a stored artifact, comparable with ParsedAdd.key. */
export function storedKey(artifact: StoredArtifact): string {
  const point = (artifact as { restorePoint?: { id?: string } | null }).restorePoint;
  return point?.id ?? artifact.id;
}

export function resolveAdd(core: EmulatorCore, w: Workload, parsed: ParsedAdd, nowMs: number, version: string): StoredArtifact {
  if (isBrowseGranular(w, parsed.kind)) return resolveBrowseItem(core, w, parsed, nowMs);
  const point = core.catalog.restorePoint(parsed.key, nowMs);
  const unitId = point ? unitIdOfPoint(core.catalog, point) : undefined;
  if (!point || !unitId || core.catalog.workloadOfUnit(unitId) !== w.id) {
    throw badRequest('InvalidRestorePoint', `The restore point '${parsed.key}' does not exist, has expired, or does not belong to a ${w.unitLabel}.`);
  }
  let search: { searchResponseId: string; artifactCount: number } | undefined;
  if (parsed.kind === 'granular') {
    const searchResponseId = String(parsed.item.searchResponseId);
    const response = core.catalog.searchResponse(searchResponseId);
    if (!response) throw badRequest('InvalidArtifactRequest', `The searchResponseId '${searchResponseId}' is unknown; run restorePoints/search with an artifactQuery first.`);
    if (response.restorePointId !== point.id) {
      throw badRequest('InvalidRestorePoint', `The restore point '${point.id}' is not the one search response '${searchResponseId}' refers to.`);
    }
    search = { searchResponseId, artifactCount: response.hitCount };
  }
  const tagged = version === 'beta' && core.store.newerItemsPoints.has(point.id) ? { ...point, tags: withNewerItemsTag(point.tags) } : point;
  return newArtifactRecord(w, { restorePoint: tagged, unitId, destinationType: parsed.destinationType, search });
}

function resolveBrowseItem(core: EmulatorCore, w: Workload, parsed: ParsedAdd, nowMs: number): StoredArtifact {
  const browseSessionId = String(parsed.item.browseSessionId);
  const browse = core.store.browseSessions.get(browseSessionId);
  if (!browse || browse.workload !== w.id) {
    throw badRequest('InvalidArtifactRequest', `The browse session '${browseSessionId}' does not exist or has expired.`);
  }
  refreshBrowseSession(browse, nowMs, core.clock.timeScale);
  if (browse.browseSession.status !== 'created') {
    throw badRequest('InvalidArtifactRequest', `The browse session '${browseSessionId}' is ${browse.browseSession.status}; wait until it is created.`);
  }
  const item = core.catalog.browseItem(browse.unitId, parsed.key);
  if (!item) throw badRequest('InvalidArtifactRequest', `The item '${parsed.key}' was not found in browse session '${browseSessionId}'.`);
  const ownerField = w.browseSessions?.ownerField ?? 'siteId';
  return newArtifactRecord(w, {
    browseItem: { itemKey: parsed.key, webUrl: item.webUrl ?? null },
    browseSessionId,
    restorePointDateTime: browse.browseSession.restorePointDateTime ?? null,
    destinationType: parsed.destinationType ?? 'inPlace',
    owner: { field: ownerField, value: fieldOf(browse.browseSession, ownerField) ?? null },
  });
}

/** A restore point tags value; beta also knows `includeNewerItems` (betaShapes.ts). */
export function isTagsValue(value: unknown, version = 'v1.0'): value is string {
  return isFlagsValue(version === 'beta' ? [...RESTORE_POINT_TAGS, INCLUDE_NEWER_ITEMS_TAG] : RESTORE_POINT_TAGS, value);
}
