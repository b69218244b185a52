// The session picker's items as an admin reads them, in the real host against the launcher's emulator (demo
// seed): each session is named by its units with status, progress, age and creator in words; no id, no
// "0/1 restored" counter, no raw status. (The palette's pick shows these items; typing an id is the e2e walk's.)
import * as assert from 'assert';
import type { RestoreSession } from '../../src/backup/model';
import { WORKLOADS, workloadBySessionType } from '../../src/backup/model';
import { sessionPickItems, type SessionTarget } from '../../src/extension/commands/pickSession';
import { control, testApi } from './helpers';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('session picker: sessions by name, in words', function () {
  this.timeout(120_000);

  it('lists sessions by their units, status in words and age, never by id', async () => {
    const ext = await testApi();
    await control('reset', { seed: 'demo' });
    const hub = await ext.hubs.active();
    const sessions: RestoreSession[] = [];
    for await (const page of hub.api.sessions.list(undefined, { top: 100 })) sessions.push(...page.items);
    const targets = sessions.map((session) => ({ workload: workloadBySessionType(session['@odata.type'])!, session })).filter((t): t is SessionTarget => !!t.workload);
    for (const workload of WORKLOADS) await hub.nameSessions(workload, targets.filter((t) => t.workload === workload).map((t) => t.session));
    const shown = sessionPickItems(hub, targets);
    assert.ok(shown.length > 5, `the seed's sessions are offered (${shown.length})`);
    for (const item of shown) {
      const text = `${item.label} | ${item.description}`;
      assert.doesNotMatch(text, GUID, `no id in the label or description: ${text}`);
      assert.doesNotMatch(text, /\d+\/\d+ restored/, `progress in words: ${text}`);
      assert.doesNotMatch(text, /\b(completedWithError|inPlace|activating|draft)\b/, `status in words: ${text}`);
      assert.match(item.description ?? '', /^(Draft|Activating|Active|Completed|Completed with errors|Failed)\b/, `status first: ${text}`);
      assert.match(item.description ?? '', /\bago\b|just now|\bin \d/, `the age: ${text}`);
      if (GUID.test(item.detail ?? '')) {
        const twins = shown.filter((other) => other.label === item.label && other.description === item.description && other !== item);
        assert.ok(twins.length > 0, `an id only tells apart sessions that read the same: ${item.label}`);
      }
    }
    const named = shown.filter((item) => !/ restore$/.test(item.label));
    assert.ok(named.length >= shown.length / 2, `most sessions are named by their units: ${shown.map((i) => i.label).join('; ')}`);
  });
});
