import { strict as assert } from 'assert';
import { createCatalog } from '../../../../src/emulator/catalog';
import { catalog, NOW, unitOf } from './fixtures';

describe('catalog: restore outcomes', () => {
  it('fails the named units with documented artifact error codes', () => {
    const expected: [Parameters<typeof unitOf>[0], string, string, RegExp][] = [
      ['exchange', 'lidiah', 'ArtifactCannotBeRestored', /Litigation Hold/],
      ['exchange', 'pattif', 'DuplicateArtifactRestoreRequest', /already in progress/],
      ['sharePoint', 'Legal', 'ArtifactCannotBeRestored', /Preservation Lock/],
      ['sharePoint', 'Archive2023', 'InvalidRestoreTime', /retention period/],
      ['oneDrive', 'gradya', 'ArtifactNotFound', /Grady Archie/],
      ['oneDrive', 'christiec', 'UnknownError', /unexpected/],
    ];
    for (const [workload, key, code, message] of expected) {
      const outcome = catalog.outcome(unitOf(workload, key).id);
      assert.equal(outcome.succeeds, false, key);
      assert.equal(outcome.error?.code, code, key);
      assert.match(outcome.error?.message ?? '', message);
      assert.ok(outcome.durationSeconds > 0);
    }
    const failing = catalog.units().filter((u) => !catalog.outcome(u.id).succeeds);
    assert.equal(failing.length, expected.length);
  });

  it('succeeds elsewhere after a few simulated minutes, with an item count for mailboxes only', () => {
    const mailbox = catalog.outcome(unitOf('exchange', 'adelev').id);
    assert.equal(mailbox.succeeds, true);
    assert.equal(mailbox.error, undefined);
    assert.ok(mailbox.durationSeconds >= 60 && mailbox.durationSeconds <= 15 * 60);
    assert.ok(Number.isInteger(mailbox.restoredItemCount) && mailbox.restoredItemCount! > 0);
    assert.equal(catalog.outcome(unitOf('sharePoint', 'Marketing').id).restoredItemCount, undefined);
  });

  it('is deterministic across catalogs', () => {
    const other = createCatalog('empty', NOW - 1_000_000);
    for (const unit of catalog.units()) assert.deepEqual(other.outcome(unit.id), catalog.outcome(unit.id));
  });

  it('throws for an unknown unit', () => {
    assert.throws(() => catalog.outcome('nope'), /Unknown protection unit/);
  });
});
