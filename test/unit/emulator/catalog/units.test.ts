import { strict as assert } from 'assert';
import type { MailboxProtectionUnit, SiteProtectionUnit } from '../../../../src/backup/model';
import { createCatalog } from '../../../../src/emulator/catalog';
import { catalog, DAY, GUID, NOW, unitOf } from './fixtures';

describe('catalog: policies and protection units', () => {
  it('has one enabled, active policy per workload with the documented retention settings', () => {
    const policies = catalog.policies();
    assert.deepEqual(policies.map((p) => p['@odata.type']), [
      '#microsoft.graph.exchangeProtectionPolicy',
      '#microsoft.graph.sharePointProtectionPolicy',
      '#microsoft.graph.oneDriveForBusinessProtectionPolicy',
    ]);
    for (const policy of policies) {
      assert.match(policy.id, GUID);
      assert.equal(policy.status, 'active');
      assert.equal(policy.isEnabled, true);
      assert.deepEqual(policy.retentionSettings, [{ interval: 'R/PT10M', period: 'P2W' }, { interval: 'R/P1W', period: 'P1Y' }]);
      assert.equal(policy.createdBy?.user?.displayName, 'Megan Bowen');
      assert.ok(policy.createdDateTime);
    }
  });

  it('has 40 mailboxes, 25 sites and 40 OneDrives with the right @odata.type and policy', () => {
    const expected = [
      ['exchange', 40, '#microsoft.graph.mailboxProtectionUnit'],
      ['sharePoint', 25, '#microsoft.graph.siteProtectionUnit'],
      ['oneDrive', 40, '#microsoft.graph.driveProtectionUnit'],
    ] as const;
    const policyIds = catalog.policies().map((p) => p.id);
    expected.forEach(([workload, count, type], index) => {
      const units = catalog.units(workload);
      assert.equal(units.length, count, workload);
      for (const unit of units) {
        assert.equal(unit['@odata.type'], type);
        assert.equal(unit.policyId, policyIds[index]);
        assert.match(unit.id, GUID);
        assert.equal(catalog.workloadOfUnit(unit.id), workload);
        assert.ok(['manual', 'dynamicRule', 'manual,dynamicRule'].includes(unit.protectionSources ?? ''));
      }
    });
    assert.equal(catalog.units().length, 105);
    assert.equal(new Set(catalog.units().map((u) => u.id)).size, 105, 'unit ids are unique');
  });

  it('uses readable Contoso names and addresses', () => {
    const adele = unitOf('exchange', 'adelev') as MailboxProtectionUnit;
    assert.equal(adele.displayName, 'Adele Vance');
    assert.equal(adele.email, 'adelev@contoso.onmicrosoft.com');
    const marketing = unitOf('sharePoint', 'Marketing') as SiteProtectionUnit;
    assert.equal(marketing.siteName, 'Marketing');
    assert.equal(marketing.siteWebUrl, 'https://contoso.sharepoint.com/sites/Marketing');
    assert.match(marketing.siteId ?? '', /^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    assert.ok(catalog.units('exchange').some((u) => (u as MailboxProtectionUnit).displayName === 'Finance'), 'shared mailbox');
  });

  it('mostly protected, with a few protectRequested and unprotected units in every workload', () => {
    for (const workload of ['exchange', 'sharePoint', 'oneDrive'] as const) {
      const statuses = catalog.units(workload).map((u) => u.status);
      assert.ok(statuses.filter((s) => s === 'protected').length >= statuses.length - 3, workload);
      assert.ok(statuses.includes('protectRequested'), `${workload} has a protectRequested unit`);
      assert.ok(statuses.includes('unprotected'), `${workload} has an unprotected unit`);
    }
  });

  it('shows deleted users empty (no name or e-mail) but keeps their directoryObjectId and status', () => {
    const deleted = catalog.units('oneDrive').filter((u) => (u as MailboxProtectionUnit).displayName === null) as MailboxProtectionUnit[];
    assert.equal(deleted.length, 3);
    for (const unit of deleted) {
      assert.equal(unit.email, null);
      assert.match(unit.directoryObjectId ?? '', GUID);
      assert.equal(unit.status, 'protected');
      assert.ok(Date.parse(unit.lastModifiedDateTime ?? '') < NOW, 'lastModifiedDateTime is the deletion');
      assert.equal(catalog.unitByResource('oneDrive', unit.directoryObjectId!), unit, 'still found by object id');
    }
    assert.equal(catalog.unitByResource('oneDrive', 'gradya@contoso.onmicrosoft.com'), undefined, 'address no longer resolves');
  });

  it('finds units by address, object id, site URL or site id, case-insensitively', () => {
    const adele = unitOf('exchange', 'adelev') as MailboxProtectionUnit;
    assert.equal(catalog.unitByResource('exchange', 'AdeleV@Contoso.onmicrosoft.com'), adele);
    assert.equal(catalog.unitByResource('exchange', adele.directoryObjectId!), adele);
    const marketing = unitOf('sharePoint', 'Marketing') as SiteProtectionUnit;
    assert.equal(catalog.unitByResource('sharePoint', 'https://contoso.sharepoint.com/sites/marketing/'), marketing);
    assert.equal(catalog.unitByResource('sharePoint', marketing.siteId!), marketing);
    assert.equal(catalog.unitByResource('oneDrive', 'adelev@contoso.onmicrosoft.com'), unitOf('oneDrive', 'adelev'));
    assert.equal(catalog.unitByResource('exchange', 'nobody@contoso.onmicrosoft.com'), undefined);
    assert.equal(catalog.unit('not-a-unit'), undefined);
  });

  it('is deterministic: ids do not depend on the anchor, timestamps follow it', () => {
    const later = createCatalog('empty', NOW + 3 * DAY);
    assert.deepEqual(later.units().map((u) => u.id), catalog.units().map((u) => u.id));
    const adele = unitOf('exchange', 'adelev');
    const shifted = later.unit(adele.id)!;
    assert.equal(Date.parse(shifted.createdDateTime!) - Date.parse(adele.createdDateTime!), 3 * DAY);
  });

  it('answers units() from cached lists', () => {
    assert.equal(catalog.units('exchange'), catalog.units('exchange'));
  });
});
