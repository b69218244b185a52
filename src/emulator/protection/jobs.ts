// Protection unit bulk addition jobs (graph-backup-api.md §1.5, §3.2; Microsoft's create page): a job names
// mailboxes / OneDrives (e-mail addresses or directory object ids) or sites (URLs or site ids) to add to a
// policy. It starts `active`; when every row is resolved it is `completed`, or `completedWithErrors` with the rows
// that failed in `error.details` (resolve.ts). A job holds at most 50,000 resources (protectionUnitsBulkJobBase).
import { randomUUID } from 'node:crypto';
import type { Workload } from '../../backup/model';
import { badRequest, notFound } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import { created, ok } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { contextUrl } from '../service/odata';
import { allowOptions } from '../service/queryOptions';
import { iso } from '../service/records';
import { bodyObject, optionalString, stringArray } from '../service/validate';
import { assertChangesAllowed, callerOf, policyOrThrow } from './guards';
import type { JobRecord } from './types';

export const JOB_RESOURCE_LIMIT = 50_000;

const jobType = (w: Workload) => `#${w.protectionUnits.type}sBulkAdditionJob`;
/** The two lists a job of this workload accepts: names (addresses or URLs) and ids. */
const listsOf = (w: Workload): [string, string] => [w.bulkRequests.resourceField, w.bulkRequests.idField];

export function listJobs(core: EmulatorCore, ctx: RequestContext, w: Workload, policyId?: string): Reply {
  allowOptions(ctx, 'unitBulkJobs', `/${w.unitBulkJobsNav}`);
  const policy = policyId === undefined ? undefined : policyOrThrow(core, policyId, w);
  const jobs = core.protection.state.jobs.filter((j) => j.workload === w.id && (!policy || j.policyId === policy.policy.id));
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.unitBulkJobsNav}`), value: jobs.map((j) => j.job) });
}

export function getJob(core: EmulatorCore, ctx: RequestContext, w: Workload, id: string, policyId?: string): Reply {
  allowOptions(ctx, 'unitBulkJobs', 'a bulk addition job');
  const policy = policyId === undefined ? undefined : policyOrThrow(core, policyId, w);
  const record = core.protection.state.jobs.find((j) => j.workload === w.id && j.job.id.toLowerCase() === id.toLowerCase() && (!policy || j.policyId === policy.policy.id));
  if (!record) throw notFound('itemNotFound', `No ${w.label} protection unit bulk addition job with id '${id}'.`);
  return ok({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.unitBulkJobsNav}/$entity`), ...record.job });
}

export function createJob(core: EmulatorCore, ctx: RequestContext, w: Workload, policyId: string): Reply {
  allowOptions(ctx, 'unitBulkJobs', `POST ${w.unitBulkJobsNav}`);
  assertChangesAllowed(core);
  const policy = policyOrThrow(core, policyId, w);
  const body = bodyObject(ctx.body, false);
  const [names, ids] = listsOf(w);
  for (const key of Object.keys(body)) {
    if (!['@odata.type', 'displayName', names, ids].includes(key)) throw badRequest('BadRequest', `The property '${key}' does not exist on a ${w.label} protection unit bulk addition job.`);
  }
  const displayName = optionalString(body, 'displayName', 'the job') ?? null;
  const nameRows = stringArray(body, names, 'the job') ?? [];
  const idRows = stringArray(body, ids, 'the job') ?? [];
  const total = nameRows.length + idRows.length;
  if (total === 0) throw badRequest('BadRequest', `Name at least one resource in '${names}' or '${ids}'.`);
  if (total > JOB_RESOURCE_LIMIT) {
    throw badRequest('BulkJobResourcesCountExceedsLimit', `A bulk addition job can add at most ${JOB_RESOURCE_LIMIT} resources; this one names ${total}.`);
  }
  const now = iso(ctx.nowMs);
  const record: JobRecord = {
    workload: w.id, policyId: policy.policy.id, settlesAtMs: core.protection.resolveAt(ctx.nowMs),
    job: {
      '@odata.type': jobType(w), id: randomUUID(), displayName, status: 'active', [names]: nameRows, [ids]: idRows, error: null,
      createdBy: callerOf(ctx), createdDateTime: now, lastModifiedBy: callerOf(ctx), lastModifiedDateTime: now,
    },
  };
  core.protection.state.jobs.push(record);
  core.commit();
  return created({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${w.unitBulkJobsNav}/$entity`), ...record.job });
}
