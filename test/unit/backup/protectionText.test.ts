// The Protection view's words: the service's status with its dates, a policy's status and counts, a unit's status
// and since when; never a raw enum value.
import { strict as assert } from 'assert';
import { PROTECTION_POLICY_STATUSES } from '../../../src/backup/model';
import { policyDescription, protectionWindow, serviceStatusText, unitStatusText } from '../../../src/backup/protectionText';
import { words } from '../../../src/backup/words';

const NOW = Date.UTC(2026, 11, 1, 12, 0);
const DAY = 86_400_000;

describe('protection in words', () => {
  it('says the service is on, off and why, or locked with its grace period and restore deadline', () => {
    assert.deepEqual(serviceStatusText({ status: 'enabled' }, NOW), { text: 'Backup is on', detail: '', warning: false });
    const off = serviceStatusText({ status: 'disabled', disableReason: 'invalidBillingProfile' }, NOW);
    assert.equal(off.text, 'Backup is turned off');
    assert.match(off.detail, /billing profile is not valid/);
    assert.ok(off.warning);
    const locked = serviceStatusText({
      status: 'protectionChangeLocked',
      gracePeriodDateTime: new Date(NOW + 20 * DAY).toISOString(),
      restoreAllowedTillDateTime: new Date(NOW + 50 * DAY).toISOString(),
    }, NOW);
    assert.match(locked.text, /^Protection changes are locked · grace period until \d{4}-\d\d-\d\d \d\d:\d\d$/);
    assert.match(locked.detail, /Restores are allowed until \d{4}-/);
    const ended = serviceStatusText({ status: 'restoreLocked', gracePeriodDateTime: new Date(NOW - DAY).toISOString() }, NOW);
    assert.equal(ended.text, 'Restores are locked');
    assert.match(ended.detail, /grace period ended/);
    assert.equal(serviceStatusText({ status: 'somethingNew' as never }, NOW).text, 'Unknown service status');
  });

  it('gives every policy status words, and the unit counts of a policy', () => {
    for (const status of PROTECTION_POLICY_STATUSES) assert.doesNotMatch(words('policyStatus', status), /^[a-z]+[A-Z]/);
    assert.equal(words('policyStatus', 'activeWithErrors'), 'Active with errors');
    const policy = { id: 'p', status: 'activeWithErrors' as const, protectionPolicyArtifactCount: { total: 41, completed: 38, inProgress: 2, failed: 1 } };
    assert.equal(policyDescription(policy, 'mailbox', 'mailboxes'), 'Active with errors · 41 mailboxes: 38 protected, 2 in progress, 1 failed');
    assert.equal(policyDescription({ id: 'p', status: 'inactive' }, 'site', 'sites'), 'Inactive');
  });

  it('says since when a unit is protected, or stopped being protected, and where its points may be', () => {
    const created = new Date(NOW - 100 * DAY).toISOString();
    const changed = new Date(NOW - 10 * DAY).toISOString();
    assert.match(unitStatusText({ id: 'u', status: 'protected', createdDateTime: created }, NOW), /^Protected · since /);
    assert.match(unitStatusText({ id: 'u', status: 'unprotected', createdDateTime: created, lastModifiedDateTime: changed }, NOW), /^Not protected · since /);
    assert.equal(unitStatusText({ id: 'u', status: 'protectRequested', createdDateTime: new Date(NOW - 6 * 60_000).toISOString() }, NOW), 'Protection requested 6 min ago');
    assert.deepEqual(protectionWindow({ id: 'u', status: 'unprotected', createdDateTime: created, lastModifiedDateTime: changed }), { protectedFromMs: NOW - 100 * DAY, protectedUntilMs: NOW - 10 * DAY });
    assert.equal(protectionWindow({ id: 'u', status: 'protected', createdDateTime: created }).protectedUntilMs, undefined);
  });
});
