import { strict as assert } from 'assert';
import { DESTINATION_TYPES, PROTECTION_UNIT_STATUSES, RESTORE_JOB_TYPES, RESTORE_SESSION_STATUSES, ARTIFACT_RESTORE_STATUSES } from '../../../src/backup/model';
import { errorText, words, type WordsKind } from '../../../src/backup/words';

describe('words for enum values', () => {
  const tables: [WordsKind, readonly string[]][] = [
    ['sessionStatus', RESTORE_SESSION_STATUSES], ['artifactStatus', ARTIFACT_RESTORE_STATUSES], ['destinationType', DESTINATION_TYPES],
    ['restoreJobType', RESTORE_JOB_TYPES], ['unitStatus', PROTECTION_UNIT_STATUSES],
  ];
  for (const [kind, members] of tables) {
    it(`gives words, never the raw value, for every ${kind}`, () => {
      for (const member of members) {
        const text = words(kind, member);
        assert.ok(text && !/^[a-z]+[A-Z]/.test(text), `${member} → ${text}`);
        if (member.length > 3) assert.notEqual(text, member);
      }
    });
  }

  it('says protectRequested, inPlace and completedWithError in words', () => {
    assert.equal(words('unitStatus', 'protectRequested'), 'Protection requested');
    assert.match(words('destinationType', 'inPlace'), /overwrites/);
    assert.equal(words('sessionStatus', 'completedWithError'), 'Completed with errors');
  });

  it('falls back to neutral words for unknown and prototype keys', () => {
    for (const hostile of ['constructor', '__proto__', 'toString', 'someNewMember', '', null, undefined]) {
      assert.equal(words('sessionStatus', hostile), 'Unknown status');
    }
  });

  it('separates the code from the message', () => {
    assert.equal(errorText({ code: 'ProtectionUnitNotFound', message: 'No unit matches\nadele@contso.com.' }), 'Protection unit not found — No unit matches adele@contso.com. (code ProtectionUnitNotFound)');
    assert.equal(errorText({ message: 'Only a message' }), 'Only a message');
    assert.equal(errorText(null), '');
  });
});
