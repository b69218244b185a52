import { strict as assert } from 'assert';
import { WORKLOADS } from '../../../../src/backup/model';
import type { Client } from './helpers';
import { assertError, start } from './helpers';

describe('emulator: POST /_emulator/seed/sessions', () => {
  let api: Client;
  before(async () => { api = await start({ seed: 'empty' }); });
  after(async () => { await api.emulator.close(); });
  beforeEach(async () => { await api.post('/_emulator/reset', { seed: 'empty' }); });

  for (const w of WORKLOADS) {
    it(`inserts valid ${w.label} drafts with artifacts, listed and paged like created ones`, async () => {
      const res = await api.post('/_emulator/seed/sessions', { workload: w.id, count: 30, artifactsPerSession: 3 });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.count, 30);
      assert.equal(res.body.artifacts, 90);
      assert.equal(res.body.ids.length, 30);
      assert.equal(new Set(res.body.ids).size, 30);

      const state = await api.get('/_emulator/state');
      assert.equal(state.body.sessions, 30);
      assert.equal(state.body.artifacts, 90);
      assert.deepEqual(state.body.sessionsByWorkload, { [w.id]: 30 });
      assert.deepEqual(state.body.sessionsByStatus, { draft: 30 });

      // Newest first by default; creation times are distinct, so the order is the reverse of insertion.
      const seen: string[] = [];
      let url: string | undefined = `/${w.sessionCollection}?$top=7`;
      while (url) {
        const page: { status: number; text: string; body: any } = await api.get(url); // eslint-disable-line @typescript-eslint/no-explicit-any
        assert.equal(page.status, 200, page.text);
        for (const s of page.body.value) {
          assert.equal(s.status, 'draft');
          assert.equal(s.restoreJobType, 'standard');
          assert.equal(s.restoreSessionArtifactCount.total, 3);
          seen.push(s.id);
        }
        url = page.body['@odata.nextLink'];
      }
      assert.deepEqual(seen, [...res.body.ids].reverse());

      // The artifacts are real: distinct restore points of this workload's units.
      const artifacts = await api.get(`/${w.sessionCollection}/${res.body.ids[0]}/${w.standardArtifacts.nav}`);
      assert.equal(artifacts.status, 200, artifacts.text);
      assert.equal(artifacts.body.value.length, 3);
      assert.equal(new Set(artifacts.body.value.map((a: { restorePoint: { id: string } }) => a.restorePoint.id)).size, 3);
    });
  }

  it('creates empty drafts by default, and a seeded session can be activated', async () => {
    const empty = await api.post('/_emulator/seed/sessions', { workload: 'exchange', count: 2 });
    assert.equal(empty.status, 200, empty.text);
    assert.equal(empty.body.artifacts, 0);
    const withArtifacts = await api.post('/_emulator/seed/sessions', { workload: 'oneDrive', count: 1, artifactsPerSession: 2 });
    const activated = await api.post(`/restoreSessions/${withArtifacts.body.ids[0]}/activate`);
    assert.equal(activated.status, 200, activated.text);
    assert.equal(activated.body.status, 'activating');
  });

  it('answers other requests while a large seed runs, and refuses a second seed meanwhile', async () => {
    let seedAnswered = false;
    const seed = api.post('/_emulator/seed/sessions', { workload: 'exchange', count: 8_000, artifactsPerSession: 10 }).then((res) => {
      seedAnswered = true;
      return res;
    });
    // Wait until the seed has started (sessions appear), then ask for something else while it is still running.
    let sessionsSoFar = 0;
    while (sessionsSoFar === 0 && !seedAnswered) sessionsSoFar = (await api.get('/_emulator/state')).body.sessions;
    const [root, second] = await Promise.all([api.get(''), api.post('/_emulator/seed/sessions', { workload: 'oneDrive', count: 1 })]);
    assert.equal(seedAnswered, false, 'the seed finished before the other requests were answered');
    assert.equal(root.status, 200, root.text);
    assertError(second, 409, 'Conflict');
    const res = await seed;
    assert.equal(res.status, 200, res.text);
    assert.equal((await api.get('/_emulator/state')).body.sessions, 8_000);
  });

  it('rejects bad input with 400 and changes nothing', async () => {
    for (const body of [
      {},
      { workload: 'teams', count: 1 },
      { workload: 'exchange', count: 0 },
      { workload: 'exchange', count: 1.5 },
      { workload: 'exchange', count: 20_001 },
      { workload: 'exchange', count: 5_000, artifactsPerSession: 50 },
      { workload: 'exchange', count: 1, artifactsPerSession: 51 },
      { workload: 'exchange', count: 1, extra: true },
    ]) {
      assertError(await api.post('/_emulator/seed/sessions', body), 400, 'BadRequest');
    }
    assert.equal((await api.get('/_emulator/state')).body.sessions, 0);
  });
});
