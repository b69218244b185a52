// The e-mail notification setting (`emailNotificationsSetting`, a single entity of the v1.0 metadata, documented
// in beta): GET, and PATCH of `isEnabled`, `additionalEvents` and `recipients`, checked against their flags enums.
import { flagMembers, isFlagsValue, NOTIFICATION_EVENTS_TYPES, NOTIFICATION_RECIPIENTS_TYPES } from '../../backup/model';
import { badRequest } from '../errors';
import type { Reply, RequestContext } from '../service/context';
import { ok } from '../service/context';
import type { EmulatorCore } from '../service/core';
import { allowOptions } from '../service/queryOptions';
import { bodyObject, isObject, rejectUnknown } from '../service/validate';
import { entity } from './serviceApi';

export function getNotifications(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'serviceApps', 'the e-mail notification setting');
  return ok(entity(ctx, 'emailNotificationsSetting', 'emailNotificationsSetting', core.protection.state.notifications));
}

export function updateNotifications(core: EmulatorCore, ctx: RequestContext): Reply {
  allowOptions(ctx, 'serviceWrite', 'PATCH /emailNotificationsSetting');
  const body = bodyObject(ctx.body, false);
  rejectUnknown(body, ['@odata.type', 'isEnabled', 'additionalEvents', 'recipients'], 'emailNotificationsSetting');
  const setting = core.protection.state.notifications;
  const next = { ...setting, recipients: { ...setting.recipients } };
  if (body.isEnabled !== undefined) {
    if (typeof body.isEnabled !== 'boolean') throw badRequest('BadRequest', "'isEnabled' must be true or false.");
    next.isEnabled = body.isEnabled;
  }
  if (body.additionalEvents !== undefined) {
    if (!isFlagsValue(NOTIFICATION_EVENTS_TYPES, body.additionalEvents)) throw badRequest('BadRequest', "'additionalEvents' must be none or restoreAndPolicyUpdates.");
    next.additionalEvents = body.additionalEvents;
  }
  if (body.recipients !== undefined) {
    const r = body.recipients;
    if (!isObject(r) || !isFlagsValue(NOTIFICATION_RECIPIENTS_TYPES, r.role)) {
      throw badRequest('BadRequest', "'recipients.role' must list globalAdmins, backupAdmins, custom, allAdmins or none, comma separated.");
    }
    const custom = r.customRecipients ?? [];
    if (!Array.isArray(custom) || custom.some((c) => !isObject(c) || typeof c.email !== 'string' || !c.email.includes('@'))) {
      throw badRequest('BadRequest', "'recipients.customRecipients' must be a list of { email, displayName }.");
    }
    if (custom.length > 0 && !flagMembers(r.role).includes('custom')) {
      throw badRequest('BadRequest', "'recipients.customRecipients' is used only when 'recipients.role' includes custom.");
    }
    next.recipients = { role: r.role, customRecipients: custom.map((c) => ({ id: c.id ?? null, displayName: c.displayName ?? null, email: c.email })) };
  }
  core.protection.state.notifications = next;
  core.commit();
  return ok(entity(ctx, 'emailNotificationsSetting', 'emailNotificationsSetting', next));
}
