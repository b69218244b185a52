// The client never depends on a query option Microsoft's docs do not list: against an emulator that refuses
// them (400) or ignores them (200 without applying them) it still lists the right sessions, says when the order
// is the service's, counts running sessions right before an activation, and says once per collection what it learnt.
import { strict as assert } from 'assert';
import { BackupApi } from '../../../../src/backup/api';
import { RUNNING_SESSION_STATUSES, workload, type RestoreSession } from '../../../../src/backup/model';
import { GraphClient } from '../../../../src/graph';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator';

const RUNNING = [...RUNNING_SESSION_STATUSES];

for (const profile of ['refuse', 'ignore', 'honour'] as const) {
  describe(`API facade with undocumented query options: ${profile}`, () => {
    let emulator: TestEmulator;
    let client: GraphClient;
    let api: BackupApi;
    const learnt: string[] = [];
    let all: RestoreSession[];
    before(async () => {
      emulator = await startTestEmulator({ seed: 'demo', undocumentedOptions: profile });
      client = new GraphClient({ baseUrl: `${emulator.emulator.url}/v1.0` });
      api = new BackupApi(client, { onOptionLearnt: (m) => learnt.push(m) });
      all = [];
      for await (const page of api.sessions.list(undefined)) all.push(...page.items);
    });
    after(async () => {
      await client.close();
      await emulator.close();
    });

    it('lists only the sessions of the asked statuses, in pages of the asked size', async () => {
      const expected = all.filter((s) => RUNNING.includes(s.status as never)).map((s) => s.id).sort();
      assert.ok(expected.length > 2, 'the demo seed has running sessions');
      const seen: string[] = [];
      for await (const page of api.sessions.list(undefined, { statuses: RUNNING, top: 2 })) {
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((s) => s.id));
      }
      assert.deepEqual(seen.sort(), expected);
    });

    it('counts running sessions right before an activation, for all workloads and for one', async () => {
      assert.equal(await api.sessions.count(undefined, RUNNING), all.filter((s) => RUNNING.includes(s.status as never)).length);
      const exchange = workload('exchange');
      const mine = all.filter((s) => s['@odata.type'] === `#${exchange.sessionType}` && RUNNING.includes(s.status as never)).length;
      assert.equal(await api.sessions.count(exchange, RUNNING), mine);
    });

    it('after one refused option asks for none of the others on that collection (no refusal of $count alone later)', async () => {
      // A connection of its own: the other tests have already taught theirs every option.
      const urls: string[] = [];
      const fresh = new GraphClient({ baseUrl: `${emulator.emulator.url}/v1.0`, onRequest: (entry) => urls.push(decodeURIComponent(entry.url)) });
      try {
        const own = new BackupApi(fresh);
        for await (const page of own.sessions.list(undefined, { top: 5 })) assert.ok(page.items.length <= 5);
        const sent = urls.length;
        await own.sessions.count(undefined, RUNNING);
        const later = urls.slice(sent).filter((u) => /\/restoreSessions(\?|$)/.test(u));
        assert.ok(later.length > 0, 'the count read the list');
        const undocumented = later.filter((u) => /\$(count|orderby|filter|top)=/.test(u));
        if (profile === 'refuse') assert.deepEqual(undocumented, [], 'nothing undocumented is asked again after a refusal');
        // (ignore: what each answer ignored is dropped one by one, which the lessons test below checks)
        if (profile === 'honour') assert.ok(undocumented.some((u) => u.includes('$count=true')), `a service that honours $count is still asked: ${later.join(', ')}`);
      } finally {
        await fresh.close();
      }
    });

    it('says whether the order is the service\'s, and what it learnt once per collection and option', async () => {
      const page = await api.sessions.firstPage(undefined, { top: 5 });
      assert.equal(page?.serverOrder === true, profile !== 'honour');
      const before = learnt.length;
      await api.sessions.firstPage(undefined, { top: 5, count: true });
      await api.sessions.firstPage(undefined, { top: 5, count: true });
      if (profile === 'honour') assert.deepEqual(learnt, []);
      else {
        assert.ok(learnt.some((m) => m.includes('$orderby') && m.includes('restoreSessions')), learnt.join('\n'));
        assert.ok(learnt.length - before <= 1, 'a repeated request teaches nothing new');
        assert.equal(new Set(learnt).size, learnt.length, 'each lesson is said once');
      }
    });
  });
}
