// How the client tells a refused or ignored query option from any other failure, and that it says each lesson once.
import { strict as assert } from 'assert';
import { OptionSupport } from '../../../../src/backup/api';
import { refusedOption, warnedOptions } from '../../../../src/backup/api/optionSupport';
import { GraphError } from '../../../../src/graph';

const error = (status: number, message: string) => new GraphError({ kind: 'http', status, code: 'BadRequest', message, method: 'GET', url: 'https://graph.microsoft.com/v1.0/x', clientRequestId: 'c', attempts: 1 });

describe('api: query option support', () => {
  it('reads the refused option from a 400 in the emulator\'s words and in ASP.NET OData\'s', () => {
    assert.equal(refusedOption(error(400, "The query option '$orderby' is not documented …"), ['$orderby', '$count']), '$orderby');
    assert.equal(refusedOption(error(400, "Query option 'Count' is not allowed. To allow it, set …"), ['$orderby', '$count']), '$count');
    assert.equal(refusedOption(error(400, 'Invalid restore session id.'), ['$orderby']), undefined, 'another 400 stands');
    assert.equal(refusedOption(error(403, "'$orderby'"), ['$orderby']), undefined, 'only a 400 is a refusal');
  });

  it('reads ignored options from a Warning header', () => {
    assert.deepEqual(warnedOptions({ warning: `299 - "The query option '$top' … was ignored"` }, ['$top', '$count']), ['$top']);
    assert.deepEqual(warnedOptions({}, ['$top']), []);
  });

  it('remembers per collection and says each lesson once', () => {
    const said: string[] = [];
    const support = new OptionSupport((m) => said.push(m));
    support.drop('restoreSessions', '$count', 'ignored');
    support.drop('restoreSessions', '$count', 'refused');
    assert.equal(support.supports('restoreSessions', '$count'), false);
    assert.equal(support.supports('exchangeRestoreSessions', '$count'), true);
    assert.equal(said.length, 1);
  });
});
