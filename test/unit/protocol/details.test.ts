import { strict as assert } from 'assert';
import {
  DETAILS_ACTIONS, hostMessage, isHostMessage, isPageMessage, isPanelIdentity, pageMessage, PROTOCOL_VERSION, safeExternalUrl,
  type DetailsSnapshot,
} from '../../../src/protocol/details';

const identity = { connectionId: 'emulator', workload: 'exchange', sessionId: '5f1b0a3c-1111-4222-8333-944455556666' };

describe('details protocol', () => {
  it('accepts every well-formed page message', () => {
    assert.ok(isPageMessage(pageMessage.ready()));
    for (const action of DETAILS_ACTIONS) assert.ok(isPageMessage(pageMessage.action(action)), action);
    assert.ok(isPageMessage(pageMessage.openLink('https://contoso.sharepoint.com/sites/hr')));
    assert.ok(isPageMessage(pageMessage.copy('text')));
    assert.ok(isPageMessage(pageMessage.compare(1, 4)));
  });

  it('rejects page messages of another version, an unknown type, or with bad fields', () => {
    assert.ok(!isPageMessage({ type: 'ready' }), 'no version');
    assert.ok(!isPageMessage({ type: 'ready', version: PROTOCOL_VERSION + 1 }), 'other version');
    assert.ok(!isPageMessage({ type: 'eval', version: PROTOCOL_VERSION, code: 'x' }));
    assert.ok(!isPageMessage({ type: 'action', version: PROTOCOL_VERSION, action: 'format-disk' }));
    assert.ok(!isPageMessage({ type: 'action', version: PROTOCOL_VERSION }));
    assert.ok(!isPageMessage({ type: 'openLink', version: PROTOCOL_VERSION, url: 42 }));
    assert.ok(!isPageMessage({ type: 'openLink', version: PROTOCOL_VERSION, url: 'https://x/' + 'a'.repeat(5000) }));
    assert.ok(!isPageMessage({ type: 'copy', version: PROTOCOL_VERSION }));
    assert.ok(!isPageMessage({ type: 'compare', version: PROTOCOL_VERSION, a: 1, b: 1 }), 'same snapshot twice');
    assert.ok(!isPageMessage({ type: 'compare', version: PROTOCOL_VERSION, a: -1, b: 2 }));
    assert.ok(!isPageMessage({ type: 'compare', version: PROTOCOL_VERSION, a: 1.5, b: 2 }));
    for (const junk of [null, undefined, 'ready', 1, [], [{ type: 'ready', version: 1 }]]) assert.ok(!isPageMessage(junk), String(junk));
  });

  it('validates host messages by their frame', () => {
    const snapshot = { identity, header: {}, artifacts: [], history: { lanes: [], snapshots: [], limit: 500 }, payload: [] } as unknown as DetailsSnapshot;
    assert.ok(isHostMessage(hostMessage.snapshot(snapshot)));
    assert.ok(isHostMessage(hostMessage.busy('activate', true)));
    assert.ok(isHostMessage(hostMessage.notice('error', 'Nope')));
    assert.ok(!isHostMessage({ ...hostMessage.snapshot(snapshot), version: 0 }));
    assert.ok(!isHostMessage({ type: 'snapshot', version: PROTOCOL_VERSION, snapshot: { ...snapshot, identity: { sessionId: 'x' } } }));
    assert.ok(!isHostMessage({ type: 'notice', version: PROTOCOL_VERSION, level: 'debug', text: 'x' }));
    assert.ok(!isHostMessage({ type: 'busy', version: PROTOCOL_VERSION, action: 'refresh', busy: 'yes' }));
  });

  it('validates the identity a restored panel starts from', () => {
    assert.ok(isPanelIdentity(identity));
    assert.ok(!isPanelIdentity({ ...identity, workload: 'teams' }));
    assert.ok(!isPanelIdentity({ ...identity, sessionId: '  ' }));
    assert.ok(!isPanelIdentity({ ...identity, connectionId: '' }));
    assert.ok(!isPanelIdentity({ workload: 'exchange', sessionId: 'x' }));
    assert.ok(!isPanelIdentity(undefined));
  });

  it('lets only http and https links out', () => {
    assert.equal(safeExternalUrl('https://contoso.sharepoint.com/sites/hr'), 'https://contoso.sharepoint.com/sites/hr');
    assert.equal(safeExternalUrl('http://127.0.0.1:4000/x'), 'http://127.0.0.1:4000/x');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x', 'data:text/html,<b>', '/relative', '', undefined, 42]) {
      assert.equal(safeExternalUrl(bad), undefined, String(bad));
    }
  });
});
