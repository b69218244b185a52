// Finding a restore session by id for a route, with Graph's answers for a malformed id (400) and an unknown
// or other-workload id (404). Its own file so sessions.ts, bulk.ts and artifactLists.ts share it without a cycle.
import type { WorkloadId } from '../../backup/model';
import { badRequest, notFound } from '../errors';
import type { SessionRecord } from '../state';
import { isGuid } from './context';
import type { EmulatorCore } from './core';

/** The session `id` names; `workloadId` restricts it to one typed collection. */
export function findSession(core: EmulatorCore, id: string, workloadId?: WorkloadId): SessionRecord {
  if (!isGuid(id)) throw badRequest('InvalidRestoreSessionId', `'${id}' is not a valid restore session id (a GUID).`);
  const record = core.store.get(id);
  if (!record || (workloadId && record.workload !== workloadId)) {
    throw notFound('RestoreSessionNotFound', `The restore session '${id}' was not found.`);
  }
  return record;
}
