import { strict as assert } from 'assert';
import { QUERY_EXAMPLES, validateQueryExpression } from '../../../src/backup/queryExpression';

describe('mailbox search expression', () => {
  it('accepts the documented shapes', () => {
    for (const example of QUERY_EXAMPLES) assert.equal(validateQueryExpression(example), undefined, example);
    assert.equal(validateQueryExpression("(Sender -eq 'a@b.com') -or (Subject -like '*it''s*')"), undefined);
  });

  it('says what is wrong and where', () => {
    assert.match(validateQueryExpression('')!, /Enter a search expression/);
    assert.match(validateQueryExpression("Sender -eq 'x'")!, /Term 1 should look like/);
    assert.match(validateQueryExpression("(Colour -eq 'red')")!, /Unknown property "Colour"/);
    assert.match(validateQueryExpression("(Sender -is 'x')")!, /Unknown operator "-is"/);
    assert.match(validateQueryExpression("(Sender -eq 'x') (Subject -eq 'y')")!, /Expected -and or -or after term 1/);
  });
});
