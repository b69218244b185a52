// Endpoints Microsoft documents for Backup Storage that the emulator does not implement yet (service enablement,
// service apps, notification settings, policy writes, inclusion rules, unit bulk jobs, offboarding). They answer
// 501 `NotImplemented` with "not emulated yet" and Microsoft's API index, so nobody takes the emulator's silence for Graph
// lacking them (graph-backup-api.md §3.1–3.4). Generated from the workload table like the emulated routes.
import { WORKLOADS } from '../../backup/model';
import { EmulatorError } from '../errors';
import type { Handler, Router } from './router';

/** Microsoft's index of the Backup Storage API, which links the page of each of these endpoints. */
const OVERVIEW = 'https://learn.microsoft.com/en-us/graph/api/resources/backup-restore-overview';

function notEmulated(what: string): Handler {
  return () => {
    throw new EmulatorError(501, 'NotImplemented', `${what} is part of the Backup Storage API Microsoft documents (${OVERVIEW}) but is not emulated yet.`);
  };
}

export function addNotEmulatedRoutes(r: Router): void {
  const add = (method: string, pattern: string, what: string) => r.add(method, pattern, notEmulated(what));
  for (const w of WORKLOADS) {
    const policies = w.policyCollection;
    add('PATCH', `${w.protectionUnits.nav}/{id}`, `Updating a ${w.label} protection unit`);
    const jobs = `${w.protectionUnits.nav}BulkAdditionJobs`;
    add('GET', `${policies}/{id}/${jobs}`, `${w.label} protection unit bulk addition jobs`);
    add('POST', `${policies}/{id}/${jobs}`, `Creating a ${w.label} protection unit bulk addition job`);
    add('GET', `${policies}/{id}/${jobs}/{jobId}`, `A ${w.label} protection unit bulk addition job`);
    const rules = w.inclusionRulesNav;
    add('GET', rules, `${w.label} inclusion rules`);
    add('GET', `${policies}/{id}/${rules}`, `${w.label} inclusion rules of a policy`);
    add('POST', `${policies}/{id}/${rules}`, `Creating a ${w.label} inclusion rule`);
    for (const method of ['GET', 'PATCH', 'DELETE']) add(method, `${policies}/{id}/${rules}/{ruleId}`, `A ${w.label} inclusion rule`);
    add('POST', `${policies}/{id}/${rules}/{ruleId}/run`, `Running a ${w.label} inclusion rule`);
    add('POST', `${policies}/{id}/${rules}/{ruleId}/deleteAndUnprotect`, `Deleting and unprotecting a ${w.label} inclusion rule`);
  }
}
