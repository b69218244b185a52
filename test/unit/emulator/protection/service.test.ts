// The service administration surface over HTTP: the root's serviceStatus, enable (disabled → enabled, or
// protectionChangeLocked → restoreLocked without a controlling app), service apps and their status lifecycle,
// and the e-mail notification setting.
import { strict as assert } from 'assert';
import type { Client } from '../service/helpers';
import { assertError, start } from '../service/helpers';

const TENANT = '23014d8c-71fe-4d00-a01a-31850bc5b42a';
const DAY = 24 * 3600;

describe('emulator protection: service status, service apps, notification setting', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'empty' }); });
  after(async () => { await api.emulator.close(); });

  it('a never-enabled tenant is disabled; enable without a controlling app locks protection changes, then restores', async () => {
    await api.post('/_emulator/reset', { seed: 'empty' });
    assert.equal((await api.get('')).body.serviceStatus.status, 'disabled');
    assertError(await api.post('/enable', { appOwnerTenantId: 'contoso' }), 400, 'InvalidAppOwnerTenantId');
    const locked = await api.post('/enable', { appOwnerTenantId: TENANT });
    assert.equal(locked.status, 200, locked.text);
    assert.equal(locked.body.status, 'protectionChangeLocked');
    const grace = Date.parse(locked.body.gracePeriodDateTime);
    assert.equal(grace - Date.parse(locked.body.lastModifiedDateTime), 30 * DAY * 1000, 'a 30-day grace period');
    assertError(await api.post('/sharePointProtectionPolicies', { displayName: 'Locked out' }), 403, 'ProtectionChangeLocked');
    await api.advance(30 * DAY + 1);
    const root = (await api.get('')).body.serviceStatus;
    assert.equal(root.status, 'restoreLocked');
    assert.equal(root.restoreAllowedTillDateTime, locked.body.restoreAllowedTillDateTime);
    const [point] = await api.pointIds('siteProtectionUnit', 1);
    const session = await api.post('/sharePointRestoreSessions', { siteRestoreArtifacts: [{ restorePoint: { id: point }, destinationType: 'new' }] });
    assertError(await api.post(`/restoreSessions/${session.body.id}/activate`), 403, 'RestoreLocked');
  });

  it('registers a service app, activates it (pendingActive until effective, then active) and enables the service', async () => {
    await api.post('/_emulator/reset', { seed: 'empty' });
    assert.deepEqual((await api.get('/serviceApps')).body.value, []);
    const app = await api.post('/serviceApps', { application: { id: 'a0b1c2d3-0000-4000-8000-000000000001', displayName: 'Tailspin Backup' } });
    assert.equal(app.status, 201, app.text);
    assert.equal(app.body.status, 'inactive');
    assertError(await api.post('/serviceApps', { application: { id: 'a0b1c2d3-0000-4000-8000-000000000001' } }), 409, 'Conflict');
    const effective = new Date(await api.now() + 3600_000).toISOString();
    const activated = await api.post(`/serviceApps/${app.body.id}/activate`, { effectiveDateTime: effective });
    assert.equal(activated.status, 202, activated.text);
    assert.equal(activated.body.status, 'pendingActive');
    assertError(await api.post(`/serviceApps/${app.body.id}/activate`, { effectiveDateTime: effective }), 403, 'OperationNotAllowed');
    const enabled = await api.post('/enable', { appOwnerTenantId: TENANT });
    assert.equal(enabled.body.status, 'enabled');
    assert.equal(enabled.body.backupServiceConsumer, 'thirdparty');
    await api.advance(3601);
    assert.equal((await api.get(`/serviceApps/${app.body.id}`)).body.status, 'active');
    const deactivated = await api.post(`/serviceApps/${app.body.id}/microsoft.graph.deactivate`);
    assert.equal(deactivated.body.status, 'pendingInactive');
    await api.advance(DAY + 1);
    assert.equal((await api.get(`/serviceApps/${app.body.id}`)).body.status, 'inactive');
    assert.equal((await api.delete(`/serviceApps/${app.body.id}`)).status, 204);
    assertError(await api.get(`/serviceApps/${app.body.id}`), 404, 'ServiceAppNotFound');
  });

  it('the demo seed is enabled, run by an ISV app, with apps in several statuses and notifications on', async () => {
    await api.post('/_emulator/reset', { seed: 'demo' });
    const root = (await api.get('')).body.serviceStatus;
    assert.equal(root.status, 'enabled');
    assert.equal(root.backupServiceConsumer, 'thirdparty');
    const statuses = (await api.get('/serviceApps')).body.value.map((a: { status: string }) => a.status).sort();
    assert.deepEqual(statuses, ['active', 'inactive', 'pendingActive']);
    const setting = (await api.get('/emailNotificationsSetting')).body;
    assert.equal(setting.isEnabled, true);
    assert.equal(setting.recipients.role, 'backupAdmins,custom');
    assert.equal(setting.recipients.customRecipients[0].displayName, 'Security Operations');
  });

  it('PATCHes the notification setting, refusing values the enums do not have', async () => {
    await api.post('/_emulator/reset', { seed: 'demo' });
    assertError(await api.patch('/emailNotificationsSetting', { additionalEvents: 'everything' }), 400, 'BadRequest');
    assertError(await api.patch('/emailNotificationsSetting', { recipients: { role: 'backupAdmins', customRecipients: [{ email: 'a@b.c' }] } }), 400, 'BadRequest');
    const res = await api.patch('/emailNotificationsSetting', { isEnabled: false, recipients: { role: 'allAdmins', customRecipients: [] } });
    assert.equal(res.status, 200, res.text);
    const read = (await api.get('/emailNotificationsSetting')).body;
    assert.equal(read.isEnabled, false);
    assert.equal(read.recipients.role, 'allAdmins');
    assert.equal(read.additionalEvents, 'restoreAndPolicyUpdates', 'what the PATCH did not name is kept');
  });
});
