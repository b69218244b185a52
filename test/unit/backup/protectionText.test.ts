// The Protection view's words: the service's status with its dates, a policy's status and counts, a unit's status
// and since when; on beta what only beta answers carry (retention, a pending retention change, the kind of mailbox,
// a policy's protection mode, offboarding and billing), and nothing of it for v1.0 answers; never a raw enum value.
import { strict as assert } from 'assert';
import { PROTECTION_POLICY_STATUSES, type MailboxProtectionUnit, type ProtectionPolicyBase } from '../../../src/backup/model';
import { formatDateTime } from '../../../src/backup/presentation';
import {
  policyBetaFacts, policyDescription, protectionWindow, retentionChangeText, serviceStatusText, unitBetaFacts, unitDescription, unitStatusText,
} from '../../../src/backup/protectionText';
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

  describe('on beta connections', () => {
    const created = new Date(NOW - 100 * DAY).toISOString();
    const v1Mailbox: MailboxProtectionUnit = { id: 'u', status: 'protected', createdDateTime: created, email: 'sales@contoso.com', displayName: 'Sales' };
    const betaMailbox = (mailboxType: MailboxProtectionUnit['mailboxType']): MailboxProtectionUnit => ({
      ...v1Mailbox, mailboxType, backupRetentionPeriodInDays: 365, billingPolicyId: 'b1',
      pendingRetentionPeriodChange: { effectiveFromDateTime: null, status: 'none', targetRetentionPeriodInDays: null },
    });
    const GUID_OR_ENUM = /\b[a-z]+[A-Z]\w*|[0-9a-f]{8}-[0-9a-f]{4}/;

    it('names a shared mailbox in its row and says how long backups are kept, and a v1.0 unit reads as before', () => {
      const status = unitStatusText(v1Mailbox, NOW);
      assert.equal(unitDescription(v1Mailbox, NOW), status);
      assert.deepEqual(unitBetaFacts(v1Mailbox), []);
      assert.equal(unitDescription(betaMailbox('shared'), NOW), `Shared mailbox · ${status}`);
      assert.deepEqual(unitBetaFacts(betaMailbox('shared')), ['Shared mailbox', 'Backups kept for 365 days']);
      assert.equal(unitDescription(betaMailbox('user'), NOW), status, 'a user mailbox, the usual case, keeps its row short');
      assert.deepEqual(unitBetaFacts(betaMailbox('user')), ['User mailbox', 'Backups kept for 365 days']);
      assert.deepEqual(unitBetaFacts({ ...betaMailbox('unknown'), backupRetentionPeriodInDays: 1 }), ['Backups kept for 1 day'], 'an unknown kind says nothing');
      assert.deepEqual(unitBetaFacts({ ...betaMailbox('somethingNew' as never), backupRetentionPeriodInDays: 0 }), [], 'nor does a kind this version does not know, or no retention');
      assert.deepEqual(unitBetaFacts({ ...betaMailbox(null), backupRetentionPeriodInDays: null }), []);
      assert.deepEqual(unitBetaFacts({ id: 's', status: 'protected', siteId: 'x', backupRetentionPeriodInDays: 30 }), ['Backups kept for 30 days']);
    });

    it('says a pending retention change with its status, target and date, and nothing when there is none', () => {
      const when = '2027-01-05T10:00:00Z';
      const change = { effectiveFromDateTime: when, status: 'inProgress' as const, targetRetentionPeriodInDays: 90 };
      assert.equal(retentionChangeText(change), `Retention change in progress: to 90 days on ${formatDateTime(when)}`);
      assert.equal(retentionChangeText({ ...change, status: 'failed', effectiveFromDateTime: '0001-01-01T00:00:00Z' }), 'Retention change failed: to 90 days');
      assert.equal(retentionChangeText({ status: 'completed' }), 'Retention change done');
      assert.equal(retentionChangeText({ ...change, status: 'somethingNew' as never }), `Unknown retention change: to 90 days on ${formatDateTime(when)}`);
      assert.equal(retentionChangeText({ ...change, status: 'none' }), '');
      assert.equal(retentionChangeText(null), '');
      assert.deepEqual(unitBetaFacts({ ...betaMailbox('user'), pendingRetentionPeriodChange: change }).slice(2), [`Retention change in progress: to 90 days on ${formatDateTime(when)}`]);
    });

    it('gives a policy its protection mode, offboarding and billing in words, and a v1.0 policy nothing new', () => {
      const v1Policy: ProtectionPolicyBase = { id: 'p', status: 'active', displayName: 'Mailboxes' };
      assert.deepEqual(policyBetaFacts(v1Policy), []);
      const beta: ProtectionPolicyBase = { ...v1Policy, protectionMode: 'standard', offboardRequestedDateTime: '0001-01-01T00:00:00Z', billingPolicyId: '8c1e4d1a-0000-4000-8000-000000000001' };
      const facts = policyBetaFacts(beta);
      assert.deepEqual(facts, ['Standard backup', 'Billed through a billing policy', 'Billing policy id: 8c1e4d1a-0000-4000-8000-000000000001']);
      assert.deepEqual(facts.filter((f) => GUID_OR_ENUM.test(f)), ['Billing policy id: 8c1e4d1a-0000-4000-8000-000000000001'], 'the id only on its own line, named as an id');
      const asked = '2026-11-20T08:30:00Z';
      assert.deepEqual(policyBetaFacts({ ...v1Policy, protectionMode: 'fullServiceBackup', offboardRequestedDateTime: asked }), ['Full-service backup', `Offboarding requested on ${formatDateTime(asked)}`]);
      assert.deepEqual(policyBetaFacts({ ...v1Policy, protectionMode: 'somethingNew' as never, billingPolicyId: null }), ['Unknown protection mode']);
    });
  });
});
