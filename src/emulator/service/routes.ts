// Every route under /solutions/backupRestore, generated from the workload table: the three workloads share
// one set of handlers, and adding a workload to the table adds its routes here.
import { WORKLOADS, type Workload } from '../../backup/model';
import { getArtifact, listArtifacts } from './artifactLists';
import { browse, createBrowseSession, getBrowseSession, listBrowseSessions } from './browse';
import { createBulkRequest, deleteBulkRequest, getBulkRequest, listBulkRequests } from './bulk';
import { getArtifactRestorePoint, getRestorePointUnit } from './navigation';
import { addNotEmulatedRoutes } from './notEmulated';
import { Router } from './router';
import { listSessions } from './sessionList';
import { activateSession, createSession, deleteSession, getSession, updateSession } from './sessions';
import { addProtectionRoutes } from '../protection/routes';
import {
  getPolicy, getRestorePoint, getUnit, listPolicies, listPolicyUnits, listRestorePoints, listUnits, searchRestorePoints,
} from './tenant';

export function buildRouter(): Router {
  const r = new Router();
  addProtectionRoutes(r);

  r.add('GET', 'restoreSessions', (core, ctx) => listSessions(core, ctx, 'all', 'restoreSessions'));
  r.add('GET', 'restoreSessions/{id}', (core, ctx, p) => getSession(core, ctx, p.id, undefined));
  r.add('DELETE', 'restoreSessions/{id}', (core, ctx, p) => deleteSession(core, ctx, p.id, undefined));
  r.add('POST', 'restoreSessions/{id}/activate', (core, ctx, p) => activateSession(core, ctx, p.id, undefined));
  r.add('POST', 'restoreSessions/{id}/microsoft.graph.activate', (core, ctx, p) => activateSession(core, ctx, p.id, undefined));

  r.add('GET', 'protectionUnits', (core, ctx) => listUnits(core, ctx, undefined, 'protectionUnits'));
  r.add('GET', 'protectionUnits/{id}', (core, ctx, p) => getUnit(core, ctx, p.id, undefined));
  r.add('GET', 'protectionPolicies', (core, ctx) => listPolicies(core, ctx, undefined));
  r.add('GET', 'protectionPolicies/{id}', (core, ctx, p) => getPolicy(core, ctx, p.id, undefined));

  r.add('GET', 'restorePoints', listRestorePoints);
  r.add('GET', 'restorePoints/{id}', (core, ctx, p) => getRestorePoint(core, ctx, p.id));
  r.add('POST', 'restorePoints/search', searchRestorePoints);
  r.add('POST', 'restorePoints/microsoft.graph.search', searchRestorePoints);

  r.add('GET', 'restorePoints/{id}/protectionUnit', (core, ctx, p) => getRestorePointUnit(core, ctx, p.id));

  r.add('GET', 'browseSessions', (core, ctx) => listBrowseSessions(core, ctx, undefined));
  r.add('GET', 'browseSessions/{id}', (core, ctx, p) => getBrowseSession(core, ctx, p.id, undefined));
  addBrowseActions(r, 'browseSessions', undefined);

  for (const w of WORKLOADS) {
    const s = w.sessionCollection;
    r.add('GET', s, (core, ctx) => listSessions(core, ctx, w.id, s));
    r.add('POST', s, (core, ctx) => createSession(core, ctx, w));
    r.add('GET', `${s}/{id}`, (core, ctx, p) => getSession(core, ctx, p.id, w));
    r.add('PATCH', `${s}/{id}`, (core, ctx, p) => updateSession(core, ctx, p.id, w));
    r.add('DELETE', `${s}/{id}`, (core, ctx, p) => deleteSession(core, ctx, p.id, w));
    r.add('POST', `${s}/{id}/activate`, (core, ctx, p) => activateSession(core, ctx, p.id, w));
    r.add('POST', `${s}/{id}/microsoft.graph.activate`, (core, ctx, p) => activateSession(core, ctx, p.id, w));

    for (const [nav, kind] of [[w.standardArtifacts.nav, 'standard'], [w.granularArtifacts.nav, 'granular']] as const) {
      r.add('GET', `${s}/{id}/${nav}`, (core, ctx, p) => listArtifacts(core, ctx, w, p.id, kind));
      r.add('GET', `${s}/{id}/${nav}/{artifactId}`, (core, ctx, p) => getArtifact(core, ctx, w, p.id, kind, p.artifactId));
    }
    r.add('GET', `${s}/{id}/${w.standardArtifacts.nav}/{artifactId}/restorePoint`, (core, ctx, p) => getArtifactRestorePoint(core, ctx, w, p.id, p.artifactId));
    const bulk = w.bulkRequests.nav;
    r.add('GET', `${s}/{id}/${bulk}`, (core, ctx, p) => listBulkRequests(core, ctx, w, p.id));
    r.add('POST', `${s}/{id}/${bulk}`, (core, ctx, p) => createBulkRequest(core, ctx, w, p.id));
    r.add('GET', `${s}/{id}/${bulk}/{requestId}`, (core, ctx, p) => getBulkRequest(core, ctx, w, p.id, p.requestId));
    r.add('DELETE', `${s}/{id}/${bulk}/{requestId}`, (core, ctx, p) => deleteBulkRequest(core, ctx, w, p.id, p.requestId));

    const units = w.protectionUnits;
    r.add('GET', units.nav, (core, ctx) => listUnits(core, ctx, w, units.nav));
    r.add('GET', `${units.nav}/{id}`, (core, ctx, p) => getUnit(core, ctx, p.id, w));
    r.add('GET', `protectionUnits/${units.type}`, (core, ctx) => listUnits(core, ctx, w, `protectionUnits/${units.type}`));
    r.add('GET', `protectionUnits/${units.type}/{id}`, (core, ctx, p) => getUnit(core, ctx, p.id, w));
    r.add('GET', `protectionUnits/{id}/${units.type}`, (core, ctx, p) => getUnit(core, ctx, p.id, w));

    r.add('GET', w.policyCollection, (core, ctx) => listPolicies(core, ctx, w));
    r.add('GET', `${w.policyCollection}/{id}`, (core, ctx, p) => getPolicy(core, ctx, p.id, w));
    r.add('GET', `${w.policyCollection}/{id}/${units.nav}`, (core, ctx, p) => listPolicyUnits(core, ctx, p.id, w));

    const b = w.browseSessions;
    if (b) {
      r.add('GET', b.nav, (core, ctx) => listBrowseSessions(core, ctx, w));
      r.add('POST', b.nav, (core, ctx) => createBrowseSession(core, ctx, w));
      r.add('GET', `${b.nav}/{id}`, (core, ctx, p) => getBrowseSession(core, ctx, p.id, w));
      addBrowseActions(r, b.nav, w);
    }
  }
  addNotEmulatedRoutes(r);
  return r;
}

/**
 * `POST …/browse` (the action) and `GET …/browse?$skiptoken=` (its next pages; the CSDL function
 * `browse(nextFetchToken='…')` arrives here too, see paths.ts), by short and qualified name.
 */
function addBrowseActions(r: Router, collection: string, w: Workload | undefined): void {
  for (const name of ['browse', 'microsoft.graph.browse']) {
    r.add('POST', `${collection}/{id}/${name}`, (core, ctx, p) => browse(core, ctx, p.id, w));
    r.add('GET', `${collection}/{id}/${name}`, (core, ctx, p) => browse(core, ctx, p.id, w));
  }
}
