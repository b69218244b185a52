// The service administration endpoints (graph-backup-api.md §3.1, §4.6): the service root with its real
// serviceStatus, `POST /enable`, and the service apps (register, list, get, delete, activate, deactivate).
import { randomUUID } from 'node:crypto';
import { badRequest, EmulatorError, notFound } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import { created, isGuid, noContent, ok } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { contextUrl } from '../service/odata';
import { allowOptions } from '../service/queryOptions';
import { EMULATOR_IDENTITY, iso } from '../service/records';
import { bodyObject, isObject, optionalDateTime, rejectUnknown } from '../service/validate';
import { GRACE_MS } from './lifecycle';
import type { ServiceApp } from './types';

export const entity = (ctx: RequestContext, path: string, type: string, value: object) =>
  ({ '@odata.context': contextUrl(ctx, `solutions/backupRestore/${path}/$entity`), '@odata.type': `#microsoft.graph.${type}`, ...value });

export function getRoot(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'serviceRoot', 'the service root');
  return ok({ '@odata.context': contextUrl(ctx, 'solutions/backupRestore/$entity'), id: 'backupRestore', serviceStatus: { ...core.protection.state.service } });
}

/**
 * `enable`: with an active (or activating) service app the service is `enabled` and the app's owner is a third
 * party; without one it is `protectionChangeLocked` for the 30-day grace period (§4.6), after which restores lock too.
 */
export function enableService(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'serviceWrite', 'POST /enable');
  const body = bodyObject(ctx.body, false);
  rejectUnknown(body, ['appOwnerTenantId'], 'the enable action');
  if (typeof body.appOwnerTenantId !== 'string' || !isGuid(body.appOwnerTenantId)) {
    throw badRequest('InvalidAppOwnerTenantId', "Invalid app owner tenant id: 'appOwnerTenantId' must be the GUID of the tenant the controlling app is registered in.");
  }
  const service = core.protection.state.service;
  const controlled = core.protection.state.serviceApps.some((a) => a.status === 'active' || a.status === 'pendingActive');
  const now = ctx.nowMs;
  Object.assign(service, controlled
    ? { status: 'enabled', backupServiceConsumer: 'thirdparty', disableReason: 'none', gracePeriodDateTime: null, restoreAllowedTillDateTime: null }
    : { status: 'protectionChangeLocked', backupServiceConsumer: 'unknown', disableReason: 'none', gracePeriodDateTime: iso(now + GRACE_MS), restoreAllowedTillDateTime: iso(now + GRACE_MS) },
    { lastModifiedBy: ctx.caller ?? EMULATOR_IDENTITY, lastModifiedDateTime: iso(now) });
  core.commit();
  return ok({ '@odata.context': contextUrl(ctx, 'microsoft.graph.serviceStatus'), '@odata.type': '#microsoft.graph.serviceStatus', ...service });
}

function appOf(core: EmulatorCore, id: string): ServiceApp {
  const app = core.protection.state.serviceApps.find((a) => a.id.toLowerCase() === id.toLowerCase());
  if (!app) throw notFound('ServiceAppNotFound', `No service app with id '${id}' is registered.`);
  return app;
}

export function listServiceApps(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'serviceApps', '/serviceApps');
  return ok({
    '@odata.context': contextUrl(ctx, 'solutions/backupRestore/serviceApps'),
    value: core.protection.state.serviceApps.map((a) => ({ '@odata.type': '#microsoft.graph.serviceApp', ...a })),
  });
}

export function getServiceApp(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'serviceApps', 'a service app');
  return ok(entity(ctx, 'serviceApps', 'serviceApp', appOf(core, id)));
}

export function createServiceApp(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'serviceWrite', 'POST /serviceApps');
  const body = bodyObject(ctx.body, false);
  rejectUnknown(body, ['@odata.type', 'application'], 'a serviceApp');
  const application = body.application;
  if (!isObject(application) || typeof application.id !== 'string' || !isGuid(application.id)) {
    throw badRequest('BadRequest', "'application' is required: the Entra ID application ({ id, displayName }) to register as a backup control app.");
  }
  const apps = core.protection.state.serviceApps;
  if (apps.some((a) => a.application.id?.toLowerCase() === String(application.id).toLowerCase())) {
    throw new EmulatorError(409, 'Conflict', `The application '${application.id}' is already registered as a service app.`);
  }
  const now = iso(ctx.nowMs);
  const app: ServiceApp = {
    id: randomUUID(),
    application: { id: application.id, displayName: typeof application.displayName === 'string' ? application.displayName : null },
    status: 'inactive', registrationDateTime: now, effectiveDateTime: null, lastModifiedBy: ctx.caller ?? EMULATOR_IDENTITY, lastModifiedDateTime: now,
  };
  apps.push(app);
  core.commit();
  return created(entity(ctx, 'serviceApps', 'serviceApp', app));
}

export function deleteServiceApp(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'serviceWrite', 'DELETE a service app');
  const app = appOf(core, id);
  const apps = core.protection.state.serviceApps;
  apps.splice(apps.indexOf(app), 1);
  core.commit();
  return noContent();
}

/** `activate` (202 with the app, documented): pendingActive until `effectiveDateTime`, then active. */
export function activateServiceApp(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'serviceWrite', 'activate');
  const body = bodyObject(ctx.body, false);
  rejectUnknown(body, ['effectiveDateTime'], 'the activate action');
  const effective = optionalDateTime(body, 'effectiveDateTime', 'the activate action');
  if (!effective) throw badRequest('BadRequest', "'effectiveDateTime' is required: when the activation takes effect.");
  const app = appOf(core, id);
  if (app.status === 'active' || app.status === 'pendingActive') throw actionNotAllowed(app, 'activated');
  return changeApp(core, ctx, app, 'pendingActive', Math.max(Date.parse(effective), ctx.nowMs));
}

/** `deactivate`: pendingInactive (the app may still be used) until the change takes effect a day later. */
export function deactivateServiceApp(core: EmulatorCore, ctx: RequestContext, id: string): Reply {
  allowOptions(ctx, 'serviceWrite', 'deactivate');
  bodyObject(ctx.body, true);
  const app = appOf(core, id);
  if (app.status === 'inactive' || app.status === 'pendingInactive') throw actionNotAllowed(app, 'deactivated');
  return changeApp(core, ctx, app, 'pendingInactive', ctx.nowMs + DEACTIVATION_MS);
}

/** Emulator choice: the docs give no delay for a deactivation to take effect. */
export const DEACTIVATION_MS = 24 * 3600_000;

function actionNotAllowed(app: ServiceApp, verb: string): EmulatorError {
  return new EmulatorError(403, 'OperationNotAllowed', `The service app is ${app.status} and cannot be ${verb}.`);
}

function changeApp(core: EmulatorCore, ctx: RequestContext, app: ServiceApp, status: ServiceApp['status'], effectiveMs: number): Reply {
  Object.assign(app, { status, effectiveDateTime: iso(effectiveMs), lastModifiedBy: ctx.caller ?? EMULATOR_IDENTITY, lastModifiedDateTime: iso(ctx.nowMs) });
  core.tick(ctx.nowMs);
  core.commit();
  return { status: 202, body: entity(ctx, 'serviceApps', 'serviceApp', app) };
}
