// The agent tools' input check against the schemas declared in package.json: what a model sent wrong is named
// field by field, with what the field accepts, and valid input passes unchanged.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { schemaProblems, type InputSchema } from '../../../../src/extension/agent/inputSchema';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../package.json'), 'utf8')) as {
  contributes: { languageModelTools: { name: string; inputSchema: InputSchema }[] };
};
const schema = (name: string): InputSchema => manifest.contributes.languageModelTools.find((t) => t.name === name)!.inputSchema;

describe('agent tool input schemas', () => {
  it('accepts the input each tool documents', () => {
    assert.deepEqual(schemaProblems(schema('restoreSessions_listSessions'), { workload: 'oneDrive', statuses: ['failed', 'completedWithError'], top: 10 }), []);
    assert.deepEqual(schemaProblems(schema('restoreSessions_draftRestore'), { workload: 'sharePoint', units: ['Finance'], pointInTime: 'yesterday 09:00', destination: 'inPlace' }), []);
    assert.deepEqual(schemaProblems(schema('restoreSessions_activateSession'), { workload: 'exchange', sessionId: '0b5c1f9e-7a51-4c43-9b36-1f2a3c4d5e6f' }), []);
  });

  it('names each wrong field and what it accepts', () => {
    assert.deepEqual(schemaProblems(schema('restoreSessions_listSessions'), { workload: 'teams', statuses: ['done'], top: 0, page: 2 }), [
      'workload must be one of exchange, sharePoint, oneDrive',
      'statuses[0] must be one of draft, activating, active, completedWithError, completed, failed',
      'top must be at least 1',
      'page is not a field of this tool (fields: workload, statuses, createdAfter, top)',
    ]);
    assert.deepEqual(schemaProblems(schema('restoreSessions_draftRestore'), { workload: 'exchange', units: [] }), ['units needs at least 1 entry']);
    assert.deepEqual(schemaProblems(schema('restoreSessions_getSession'), { sessionId: 'not-an-id' }), ['workload is required', 'sessionId is not in the expected form']);
  });

  it('refuses a field named like an Object.prototype member', () => {
    assert.deepEqual(schemaProblems(schema('restoreSessions_findRestores'), JSON.parse('{"unit":"adele","constructor":1}')), ['constructor is not a field of this tool (fields: unit, workload, top)']);
  });
});
