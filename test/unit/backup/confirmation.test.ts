import { strict as assert } from 'assert';
import { confirmationContent } from '../../../src/backup/confirmation';
import { workload } from '../../../src/backup/model';

const now = Date.parse('2026-12-01T17:00:00Z');

describe('activation confirmation', () => {
  it('names the units with their points in time and says in place overwrites', () => {
    const c = confirmationContent({
      workload: workload('exchange'), destinationType: 'inPlace', nowMs: now, utcOffsetMinutes: 60,
      units: [{ name: 'Debra Berger', pointInTime: '2026-11-30T08:00:00Z' }, { name: 'Lee Gu', pointInTime: '2026-12-01T15:00:00Z' }],
    });
    assert.equal(c.isInPlace, true);
    assert.equal(c.title, 'Overwrite Debra Berger and Lee Gu?');
    assert.equal(c.confirmLabel, 'Overwrite and Restore');
    assert.ok(c.detail.includes('• Debra Berger — as of 2026-11-30 09:00 UTC+1 (1 day ago)'));
    assert.ok(c.detail.includes('overwrites the current content of Debra Berger and Lee Gu'));
  });

  it('beta: says a point also brings back the items created since', () => {
    const c = confirmationContent({
      workload: workload('exchange'), destinationType: 'new', nowMs: now, utcOffsetMinutes: 60,
      units: [{ name: 'Debra Berger', pointInTime: '2026-11-30T08:00:00Z', includesNewerItems: true }, { name: 'Lee Gu', pointInTime: '2026-11-30T08:00:00Z' }],
    });
    assert.ok(c.detail.includes('• Debra Berger — as of 2026-11-30 09:00 UTC+1 (1 day ago), and items created since'));
    assert.ok(c.detail.includes('• Lee Gu — as of 2026-11-30 09:00 UTC+1 (1 day ago)\n'), c.detail);
  });

  it('lists the first few then "and N more", with the new location in words', () => {
    const units = Array.from({ length: 8 }, (_, i) => ({ name: `User ${i}`, pointInTime: '2026-12-01T16:00:00Z' }));
    const c = confirmationContent({ workload: workload('sharePoint'), destinationType: 'new', nowMs: now, units });
    assert.equal(c.isInPlace, false);
    assert.equal(c.confirmLabel, 'Restore to New Location');
    assert.equal(c.title, 'Restore User 0, User 1 and 6 more to a new location?');
    assert.ok(c.detail.includes('• and 3 more'));
    assert.ok(c.detail.includes('a new site for each restored site'));
    assert.doesNotMatch(c.detail, /overwrites/);
  });

  it('counts the rows a bulk request will resolve and lists the warnings', () => {
    const c = confirmationContent({
      workload: workload('oneDrive'), destinationType: 'inPlace', nowMs: now, units: [], bulkRowsToResolve: 5, bulkPointInTime: '2026-12-01T16:00:00Z',
      flags: [{ kind: 'notProtected', unitId: 'u', unitName: 'Grady Archie', text: 'Grady Archie is not protected any more (offboarded); no newer backups exist.' }],
    });
    assert.equal(c.title, 'Overwrite 5 OneDrives (bulk)?');
    assert.ok(c.detail.includes('5 OneDrives to resolve from the bulk request'));
    assert.ok(c.detail.includes('⚠ Grady Archie is not protected any more'));
    assert.doesNotMatch(c.detail, /\b0 artifact/);
  });

  it('names a bulk request whose rows the service does not list back, instead of "nothing to restore"', () => {
    const c = confirmationContent({
      workload: workload('exchange'), destinationType: 'inPlace', nowMs: now, units: [], bulkRequestNames: ['Bulk restore of 5 mailboxes'],
    });
    assert.equal(c.title, 'Overwrite the mailboxes of bulk request "Bulk restore of 5 mailboxes"?');
    assert.ok(c.detail.includes('The mailboxes listed in the bulk request "Bulk restore of 5 mailboxes" are resolved now'));
    assert.doesNotMatch(c.detail, /Nothing to restore/);
  });
});
