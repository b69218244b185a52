// Seed of the service administration: the service status, the registered service apps and the e-mail
// notification setting. `demo` shows a tenant run by an ISV console (an active app, a second one being
// activated, an old one registered but inactive) that mails backup admins and a custom address; `empty` is a
// tenant where Backup Storage was never enabled (status `disabled`, no app, notifications off).
import type { EmailNotificationsSetting, ServiceApp, ServiceState } from '../protection/types';
import type { SeedName } from './types';
import { emailOf } from './directory';
import { stableGuid } from './hash';
import { ACTORS } from './identities';
import { DAY_MS, iso } from './time';

export const NOTIFICATION_SETTING_ID = 'emailNotificationsSetting';

export function seedServiceStatus(seed: SeedName, anchorMs: number): ServiceState {
  if (seed === 'empty') {
    return {
      status: 'disabled', backupServiceConsumer: 'unknown', disableReason: 'none', gracePeriodDateTime: null,
      restoreAllowedTillDateTime: null, lastModifiedBy: null, lastModifiedDateTime: null,
    };
  }
  return {
    status: 'enabled', backupServiceConsumer: 'thirdparty', disableReason: 'none', gracePeriodDateTime: null,
    restoreAllowedTillDateTime: null, lastModifiedBy: ACTORS.leeInConsole(), lastModifiedDateTime: iso(anchorMs - 431 * DAY_MS),
  };
}

function app(name: string, status: ServiceApp['status'], registeredDaysAgo: number, effectiveDaysAgo: number | null, anchorMs: number): ServiceApp {
  return {
    id: stableGuid(`serviceApp:${name}`),
    application: { id: stableGuid(`app:${name}`), displayName: name },
    status,
    registrationDateTime: iso(anchorMs - registeredDaysAgo * DAY_MS),
    effectiveDateTime: effectiveDaysAgo === null ? null : iso(anchorMs - effectiveDaysAgo * DAY_MS),
    lastModifiedBy: ACTORS.leeInConsole(),
    lastModifiedDateTime: iso(anchorMs - Math.min(registeredDaysAgo, Math.max(effectiveDaysAgo ?? 0, 0)) * DAY_MS),
  };
}

export function seedServiceApps(seed: SeedName, anchorMs: number): ServiceApp[] {
  if (seed === 'empty') return [];
  return [
    app('Contoso Backup Console', 'active', 432, 431, anchorMs),
    // Activation requested; it takes effect in two days (effectiveDateTime in the future).
    app('Fabrikam Cloud Backup', 'pendingActive', 1, -2, anchorMs),
    app('Legacy Backup Script', 'inactive', 600, null, anchorMs),
  ];
}

export function seedNotifications(seed: SeedName): EmailNotificationsSetting {
  if (seed === 'empty') {
    return { id: NOTIFICATION_SETTING_ID, isEnabled: false, additionalEvents: 'none', recipients: { role: 'globalAdmins', customRecipients: [] } };
  }
  return {
    id: NOTIFICATION_SETTING_ID,
    isEnabled: true,
    additionalEvents: 'restoreAndPolicyUpdates',
    recipients: {
      role: 'backupAdmins,custom',
      customRecipients: [{ id: stableGuid('group:secops'), displayName: 'Security Operations', email: emailOf('secops') }],
    },
  };
}
