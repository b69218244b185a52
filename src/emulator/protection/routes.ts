// Routes of the Backup Storage control surface (service, service apps, notification setting, policy writes,
// inclusion rules, unit actions, unit bulk addition jobs), registered on the service router by one call.
// Actions answer by short and by qualified name (`activate`, `microsoft.graph.activate`), as the SDKs send both.
import type { Handler, Router } from '../service/router';
import {
  activateServiceApp, createServiceApp, deactivateServiceApp, deleteServiceApp, enableService, getNotifications, getRoot, getServiceApp,
  listServiceApps, updateNotifications,
} from './serviceApi';

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
}
