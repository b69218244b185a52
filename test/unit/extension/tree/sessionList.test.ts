// The explorer's page model (vscode-free) against the real emulator: first page with counts, Load more,
// Load all without duplicates, and updates that report only what changed.
import { strict as assert } from 'assert';
import { workload } from '../../../../src/backup/model';
import { SessionList } from '../../../../src/extension/tree/sessionList';
import { startHarness, type Harness } from '../../backup/api/harness';

describe('explorer session list', function () {
  this.timeout(30_000);
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('demo');
  });
  afterEach(async () => {
    await h.close();
  });

  it('loads the first page with the total and running counts, then more, then all', async () => {
    const w = workload('exchange');
    const all: string[] = [];
    for await (const page of h.api.sessions.list(w, { top: 100 })) all.push(...page.items.map((s) => s.id));
    const running = await h.api.sessions.count(w, ['activating', 'active']);
    const list = new SessionList(w);
    const before = h.log.length;
    let counted!: () => void;
    const countsKnown = new Promise<void>((resolve) => (counted = resolve));
    await list.loadFirst(h.api, { top: 3 }, () => counted());
    assert.equal(list.sessions.length, 3);
    await countsKnown;
    assert.equal(h.log.length - before, 2, 'the page, then the running count');
    assert.equal(list.total, all.length);
    assert.equal(list.running, running);
    assert.ok(list.nextLink);
    await list.loadMore(h.api, false);
    assert.equal(list.sessions.length, 6);
    await list.loadMore(h.api, true);
    assert.deepEqual(list.sessions.map((s) => s.id), all, 'every session once, in the service order');
    assert.equal(list.nextLink, undefined);
  });

  it('keeps a failed load as an error for the tree to show, and loads again after a reset', async () => {
    const list = new SessionList(workload('oneDrive'));
    await h.control('faults', { kind: 'unavailable', count: 10 });
    await list.loadFirst(h.api, { top: 5 });
    assert.ok(list.error, 'the failure is kept');
    assert.equal(list.loaded, false);
    await h.control('faults', undefined, 'DELETE');
    list.reset();
    await list.loadFirst(h.api, { top: 5 });
    assert.equal(list.error, undefined);
    assert.equal(list.sessions.length, 5);
  });

  it('reports only sessions whose content changed', async () => {
    const w = workload('sharePoint');
    const list = new SessionList(w);
    await list.loadFirst(h.api, { top: 50 });
    const [first, second] = list.sessions;
    assert.deepEqual(list.update([{ ...first }, { ...second }]), []);
    const changed = list.update([{ ...first, status: 'failed' }, { ...second }]);
    assert.deepEqual(changed.map((s) => s.id), [first.id]);
    assert.equal(list.sessions[0].status, 'failed');
  });
});
