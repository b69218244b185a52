// Routes of the Backup Storage control surface (service, service apps, notification setting, policy writes,
// inclusion rules, unit actions, unit bulk addition jobs), registered on the service router by one call.
// Actions answer by short and by qualified name (`activate`, `microsoft.graph.activate`), as the SDKs send both.
import { WORKLOADS, type Workload } from '../../backup/model';
import type { Handler, Router } from '../service/router';
import { updatePolicy } from './delta';
import { createJob, getJob, listJobs } from './jobs';
import { activatePolicy, createPolicy, deactivatePolicy, deletePolicy } from './policies';
import { createRule, deleteAndUnprotect, deleteRule, getRule, listRules, runRule, updateRule } from './rules';
import { getNotifications, updateNotifications } from './notifications';
import {
  activateServiceApp, createServiceApp, deactivateServiceApp, deleteServiceApp, enableService, getRoot, getServiceApp, listServiceApps,
} from './serviceApi';
import { cancelOffboard, offboardUnit } from './unitActions';

/** `POST <path>/<name>` and `POST <path>/microsoft.graph.<name>`. */
function action(r: Router, path: string, name: string, handler: Handler): void {
  const prefix = path === '' ? '' : `${path}/`;
  r.add('POST', `${prefix}${name}`, handler);
  r.add('POST', `${prefix}microsoft.graph.${name}`, handler);
}

export function addProtectionRoutes(r: Router): void {
  r.add('GET', '', getRoot);
  action(r, '', 'enable', enableService);
  r.add('GET', 'serviceApps', listServiceApps);
  r.add('POST', 'serviceApps', createServiceApp);
  r.add('GET', 'serviceApps/{id}', (core, ctx, p) => getServiceApp(core, ctx, p.id));
  r.add('DELETE', 'serviceApps/{id}', (core, ctx, p) => deleteServiceApp(core, ctx, p.id));
  action(r, 'serviceApps/{id}', 'activate', (core, ctx, p) => activateServiceApp(core, ctx, p.id));
  action(r, 'serviceApps/{id}', 'deactivate', (core, ctx, p) => deactivateServiceApp(core, ctx, p.id));
  r.add('GET', 'emailNotificationsSetting', getNotifications);
  r.add('PATCH', 'emailNotificationsSetting', updateNotifications);

  addPolicyActions(r, 'protectionPolicies', undefined);
  action(r, 'protectionUnits/{id}', 'offboard', (core, ctx, p) => offboardUnit(core, ctx, p.id));
  action(r, 'protectionUnits/{id}', 'cancelOffboard', (core, ctx, p) => cancelOffboard(core, ctx, p.id));
  for (const w of WORKLOADS) {
    const policies = w.policyCollection;
    r.add('POST', policies, (core, ctx) => createPolicy(core, ctx, w));
    r.add('PATCH', `${policies}/{id}`, (core, ctx, p) => updatePolicy(core, ctx, p.id, w));
    addPolicyActions(r, policies, w);
    addRuleRoutes(r, w);
    const jobs = w.unitBulkJobsNav;
    r.add('GET', jobs, (core, ctx) => listJobs(core, ctx, w));
    r.add('GET', `${jobs}/{id}`, (core, ctx, p) => getJob(core, ctx, w, p.id));
    r.add('GET', `${policies}/{id}/${jobs}`, (core, ctx, p) => listJobs(core, ctx, w, p.id));
    r.add('POST', `${policies}/{id}/${jobs}`, (core, ctx, p) => createJob(core, ctx, w, p.id));
    r.add('GET', `${policies}/{id}/${jobs}/{jobId}`, (core, ctx, p) => getJob(core, ctx, w, p.jobId, p.id));
  }
}

/** Inclusion rules: tenant-wide (read and actions) and under their policy (everything). */
function addRuleRoutes(r: Router, w: Workload): void {
  const rules = w.inclusionRulesNav;
  const underPolicy = `${w.policyCollection}/{id}/${rules}`;
  r.add('GET', rules, (core, ctx) => listRules(core, ctx, w));
  r.add('GET', `${rules}/{ruleId}`, (core, ctx, p) => getRule(core, ctx, w, p.ruleId));
  action(r, `${rules}/{ruleId}`, 'run', (core, ctx, p) => runRule(core, ctx, w, p.ruleId));
  action(r, `${rules}/{ruleId}`, 'deleteAndUnprotect', (core, ctx, p) => deleteAndUnprotect(core, ctx, w, p.ruleId));
  r.add('GET', underPolicy, (core, ctx, p) => listRules(core, ctx, w, p.id));
  r.add('POST', underPolicy, (core, ctx, p) => createRule(core, ctx, w, p.id));
  r.add('GET', `${underPolicy}/{ruleId}`, (core, ctx, p) => getRule(core, ctx, w, p.ruleId, p.id));
  r.add('PATCH', `${underPolicy}/{ruleId}`, (core, ctx, p) => updateRule(core, ctx, w, p.id, p.ruleId));
  r.add('DELETE', `${underPolicy}/{ruleId}`, (core, ctx, p) => deleteRule(core, ctx, w, p.id, p.ruleId));
  action(r, `${underPolicy}/{ruleId}`, 'run', (core, ctx, p) => runRule(core, ctx, w, p.ruleId, p.id));
  action(r, `${underPolicy}/{ruleId}`, 'deleteAndUnprotect', (core, ctx, p) => deleteAndUnprotect(core, ctx, w, p.ruleId, p.id));
}

/** Delete, activate and deactivate, on the polymorphic collection and on each workload's. */
function addPolicyActions(r: Router, collection: string, w: Workload | undefined): void {
  r.add('DELETE', `${collection}/{id}`, (core, ctx, p) => deletePolicy(core, ctx, p.id, w));
  action(r, `${collection}/{id}`, 'activate', (core, ctx, p) => activatePolicy(core, ctx, p.id, w));
  action(r, `${collection}/{id}`, 'deactivate', (core, ctx, p) => deactivatePolicy(core, ctx, p.id, w));
}
