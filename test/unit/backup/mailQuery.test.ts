import { strict as assert } from 'assert';
import { buildQueryExpression, describeQueryExpression } from '../../../src/backup/mailQuery';
import { validateQueryExpression } from '../../../src/backup/queryExpression';

describe('granular mail query form', () => {
  it('builds the documented expression from the form', () => {
    const expression = buildQueryExpression({ sender: 'finance@contoso.com', subjectContains: 'invoice', hasAttachment: true });
    assert.equal(expression, "(Sender -eq 'finance@contoso.com') -and (Subject -like '*invoice*') -and (HasAttachment -eq 'true')");
    assert.equal(validateQueryExpression(expression), undefined);
  });

  it('adds participants, a date range and the message kind', () => {
    const expression = buildQueryExpression({ sender: 'Debra', participants: 'Lee Gu', changedBetween: { start: '2026-11-01T00:00:00Z', end: '2026-11-15T00:00:00Z' }, kind: 'calendar' });
    assert.equal(expression, "(Sender -like 'Debra*') -and (Participants -like 'Lee Gu') -and (PitrDumpsterActionTriggeredTime -gt '{2026-11-01T00:00:00.0000000Z}') -and (PitrDumpsterActionTriggeredTime -lt '{2026-11-15T00:00:00.0000000Z}') -and (ItemClass -eq 'IPM.Appointment')");
    assert.equal(validateQueryExpression(expression), undefined);
    assert.equal(buildQueryExpression({}), '');
  });

  it('doubles quotes and drops newlines so a value cannot end its term', () => {
    const expression = buildQueryExpression({ subjectContains: "O'Brien') -or (Subject -like '*\n" });
    assert.equal(expression, "(Subject -like '*O''Brien'') -or (Subject -like ''*')");
    assert.equal(validateQueryExpression(expression), undefined, 'still one well-formed term');
    assert.equal(describeQueryExpression(expression), "Mail with 'O'Brien') -or (Subject -like '' in the subject");
  });

  it('describes an expression in words', () => {
    assert.equal(describeQueryExpression("(Sender -like 'Debra*') -and (Subject -like '*invoice*')"), "Mail from Debra with 'invoice' in the subject");
    assert.equal(describeQueryExpression("(ItemClass -eq 'IPM.Contact') -and (HasAttachment -eq 'false')"), 'Contacts without attachments');
    assert.equal(describeQueryExpression("(Sender -eq 'a@b.com') -or (Sender -eq 'c@d.com')"), 'Mail from a@b.com, or from c@d.com');
    assert.equal(describeQueryExpression(''), 'All items');
    assert.match(describeQueryExpression('Subject:invoice'), /^Items matching Subject:invoice/);
  });
});
