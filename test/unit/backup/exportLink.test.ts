// Exports name the link that opens the original session in VS Code, as a comment, in every format.
import { strict as assert } from 'assert';
import { curlScript, httpFile } from '../../../src/backup/exports';
import { workload, type RestoreSession } from '../../../src/backup/model';
import { powershellScript } from '../../../src/backup/powershellExport';

const session: RestoreSession = { id: '0b5c1f9e-7a51-4c43-9b36-1f2a3c4d5e6f', status: 'completed', restoreJobType: 'standard', createdDateTime: '2026-11-22T10:00:00Z' };
const contents = { standard: [], granular: [] };
const link = 'vscode://m365-restore-tools.m365-restore-sessions/session?workload=exchange&id=0b5c1f9e-7a51-4c43-9b36-1f2a3c4d5e6f&connection=emulator';

describe('session exports: the link to the session', () => {
  for (const [name, render] of [['.http', httpFile], ['cURL', curlScript], ['PowerShell', powershellScript]] as const) {
    it(`${name}: the header names the link as a comment`, () => {
      const text = render(workload('exchange'), session, contents, { baseUrl: 'http://127.0.0.1:4000/v1.0', link });
      assert.ok(text.split('\n').includes(`# The original session in VS Code: ${link}`), text.slice(0, 600));
    });
  }

  it('without a link the header says nothing about one', () => {
    assert.ok(!httpFile(workload('exchange'), session, contents, { baseUrl: 'http://127.0.0.1:4000/v1.0' }).includes('in VS Code:'));
  });

  it('a link with a line break cannot end the comment and start a request', () => {
    const text = httpFile(workload('exchange'), session, contents, { baseUrl: 'http://127.0.0.1:4000/v1.0', link: `${link}\nDELETE https://graph.microsoft.com/v1.0/users` });
    assert.ok(!text.split('\n').some((line) => line.startsWith('DELETE')));
  });
});
