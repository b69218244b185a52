// The page's pure render helpers: server values stay text, no handler or style attributes, the timeline and
// the JSON view have the expected shape. Rendering is checked through `mount` with a minimal fake document.
import { strict as assert } from 'assert';
import { workload } from '../../../src/backup/model';
import type { RestoreArtifact, RestoreSession } from '../../../src/backup/model';
import { buildSnapshot, emptyLoaded, type Loaded } from '../../../src/extension/webview/snapshot';
import type { DetailsSnapshot } from '../../../src/protocol/details';
import { findAll, h, mount, textOf, type DocumentLike, type VNode } from '../../../src/webview/details/dom';
import { renderJson } from '../../../src/webview/details/json';
import { compressedScale, layoutTimeline } from '../../../src/webview/details/timeline';
import { emptyUi, renderDetails } from '../../../src/webview/details/view';

const XSS = '<img src=x onerror=alert(1)>';

class FakeText {
  constructor(readonly data: string) {}
}
class FakeElement {
  readonly attrs: Record<string, string> = {};
  readonly children: (FakeElement | FakeText)[] = [];
  constructor(readonly tag: string, readonly ns?: string) {}
  setAttribute(name: string, value: string) {
    this.attrs[name] = value;
  }
  appendChild(child: FakeElement | FakeText) {
    this.children.push(child);
    return child;
  }
  get textContent(): string {
    return this.children.map((c) => (c instanceof FakeText ? c.data : c.textContent)).join('');
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all() : []))];
  }
}
const fakeDocument: DocumentLike = {
  createElement: (tag) => new FakeElement(tag) as never,
  createElementNS: (ns, tag) => new FakeElement(tag, ns) as never,
  createTextNode: (text) => new FakeText(text),
};

const SESSION_ID = '5f1b0a3c-1111-4222-8333-944455556666';

function xssSnapshot(): DetailsSnapshot {
  const w = workload('sharePoint');
  const session: RestoreSession = {
    '@odata.type': '#microsoft.graph.sharePointRestoreSession',
    id: SESSION_ID,
    status: 'completedWithError',
    restoreJobType: 'standard',
    createdDateTime: '2026-11-22T10:00:00Z',
    completedDateTime: '2026-11-22T10:30:00Z',
    createdBy: { user: { id: 'u1', displayName: XSS } },
    error: { code: 'ArtifactsFailed', message: XSS },
    restoreSessionArtifactCount: { total: 2, completed: 1, failed: 1, inProgress: 0 },
  };
  const artifacts = [
    {
      id: 'a1', status: 'succeeded', destinationType: 'new', startDateTime: '2026-11-22T10:05:00Z', completionDateTime: '2026-11-22T10:20:00Z',
      restorePoint: { id: 'rp1', protectionDateTime: '2026-11-20T00:00:00Z', protectionUnit: { id: 'unit-1' } },
      restoredSiteName: XSS, restoredSiteWebUrl: 'https://contoso.sharepoint.com/sites/restored',
    },
    {
      id: 'a2', status: 'failed', destinationType: 'new', startDateTime: '2026-11-22T10:05:00Z', completionDateTime: '2026-11-22T10:25:00Z',
      restorePoint: { id: 'rp2', protectionUnit: { id: 'unit-unknown' } },
      error: { code: XSS, message: XSS }, restoredSiteName: 'x', restoredSiteWebUrl: 'javascript:alert(1)',
    },
  ] as unknown as RestoreArtifact[];
  const loaded: Loaded = {
    ...emptyLoaded(),
    session,
    sessionResponse: { method: 'GET', path: `/solutions/backupRestore/sharePointRestoreSessions/${SESSION_ID}`, status: 200, requestId: 'req-1', date: 'Sun, 22 Nov 2026 10:31:00 GMT' },
    standard: artifacts,
    standardResponse: { method: 'GET', path: '/x', status: 200, requestId: 'req-2' },
    lastUpdated: '2026-11-22T10:31:00Z',
  };
  return buildSnapshot({
    identity: { connectionId: 'emulator', workload: 'sharePoint', sessionId: SESSION_ID },
    connectionLabel: 'Local emulator',
    workload: w,
    loaded,
    unitNames: new Map([['unit-1', XSS]]),
    history: [{ seq: 1, observedAt: '2026-11-22T10:31:00Z', source: 'open', session }],
    historyLimit: 500,
    live: { intervalMs: 0, polling: false, reason: 'Not polling: the session is completed with errors.' },
    now: new Date('2026-11-22T10:31:00Z'),
  });
}

describe('details page rendering', () => {
  it('shows a hostile display name literally: text nodes only, no element from server data', () => {
    const snapshot = xssSnapshot();
    const root = mount(renderDetails(snapshot, emptyUi()), fakeDocument) as FakeElement;
    const elements = root.all();
    assert.ok(!elements.some((e) => e.tag === 'img' || e.tag === 'script' || e.tag === 'iframe'), 'no element was created from data');
    assert.ok(!elements.some((e) => Object.keys(e.attrs).some((a) => /^on/i.test(a) || a === 'style')), 'no handler or style attribute');
    const text = root.textContent;
    const occurrences = text.split(XSS).length - 1;
    assert.ok(occurrences >= 5, `the value appears literally (created by, error, unit name, location, JSON): ${occurrences}`);
    assert.ok(text.includes(JSON.stringify(XSS)), 'JSON strings are shown quoted');
  });

  it('links only http(s) restored locations, through data-link (opened by the host)', () => {
    const snapshot = xssSnapshot();
    const links = findAll(renderDetails(snapshot, emptyUi()), (n) => 'data-link' in n.attrs);
    assert.deepEqual(links.map((l) => l.attrs['data-link']), ['https://contoso.sharepoint.com/sites/restored']);
    assert.ok(links.every((l) => !('href' in l.attrs)));
  });

  it('puts failed artifacts first and resolves unit names with a fallback to the restore point id', () => {
    const { artifacts } = xssSnapshot();
    assert.deepEqual(artifacts.map((a) => a.id), ['a2', 'a1']);
    assert.equal(artifacts[0].unitName, 'rp2');
    assert.equal(artifacts[0].unitNameSource, 'restorePoint');
    assert.equal(artifacts[1].unitNameSource, 'unit');
    assert.equal(artifacts[1].durationMs, 15 * 60_000);
  });

  it('offers only the actions the status allows', () => {
    const snapshot = xssSnapshot();
    assert.ok(!snapshot.actions.includes('activate') && !snapshot.actions.includes('delete'));
    assert.ok(snapshot.actions.includes('retryFailed'));
    const buttons = findAll(renderDetails(snapshot, emptyUi()), (n) => n.tag === 'button' && 'data-action' in n.attrs).map((b) => b.attrs['data-action']);
    assert.deepEqual(buttons, ['refresh', 'retryFailed', 'copyJson', 'openJson', 'exportHttp', 'exportHistory', 'clearHistory']);
    const busy = findAll(renderDetails(snapshot, { ...emptyUi(), busy: ['refresh'] }), (n) => n.attrs['data-action'] === 'refresh')[0];
    assert.equal(textOf(busy), 'Refreshing…');
    assert.ok('disabled' in busy.attrs);
  });

  it('shows the response each payload part came from', () => {
    const view = renderDetails(xssSnapshot(), emptyUi());
    const text = textOf(view);
    assert.ok(text.includes('request-id req-1'));
    assert.ok(text.includes('Sun, 22 Nov 2026 10:31:00 GMT'));
    assert.ok(text.includes('→ 200'));
  });

  it('refuses handler and style attributes in the view helpers', () => {
    assert.throws(() => h('div', { onclick: 'x' }), /not allowed/);
    assert.throws(() => h('div', { OnError: 'x' }), /not allowed/);
    assert.throws(() => h('div', { style: 'color:red' }), /not allowed/);
    assert.throws(() => h('div', { 'a b': 'x' }), /not allowed/);
  });

  it('renders JSON as foldable, colored text and remembers folds by path', () => {
    const view = renderJson({ a: [1, 'two', null, true], b: {} }, 'p', {});
    const folds = findAll(view, (n) => n.tag === 'details');
    assert.deepEqual(folds.map((f) => f.attrs['data-fold']), ['p', 'p/a']);
    assert.ok(folds.every((f) => 'open' in f.attrs), 'open to depth 2 by default');
    assert.deepEqual(findAll(view, (n) => /^j-(str|num|null|bool)$/.test(n.attrs.class ?? '')).map((n) => n.attrs.class), ['j-num', 'j-str', 'j-null', 'j-bool']);
    const closed = renderJson({ a: [1] }, 'p', { 'p/a': false });
    assert.ok(!('open' in findAll(closed, (n) => n.attrs['data-fold'] === 'p/a')[0].attrs));
  });

  it('lays out the timeline left to right inside the plot', () => {
    const lanes = xssSnapshot().history.lanes;
    const layout = layoutTimeline(lanes, Date.parse('2026-11-22T10:31:00Z'), false);
    assert.equal(layout.lanes.length, lanes.length);
    const session = layout.lanes[0];
    const xs = session.markers.map((m) => m.x);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    assert.ok(xs.every((x) => x >= 200 && x <= 900));
    const svg: VNode = renderDetails(xssSnapshot(), emptyUi());
    const titles = findAll(svg, (n) => n.svg && n.tag === 'title').map(textOf);
    assert.ok(titles.some((t) => t.includes('from payload createdDateTime')));
    assert.ok(titles.some((t) => t.includes('observed when the panel opened')));
  });

  it('draws long quiet stretches shorter, keeping order and marking the break', () => {
    const m = 60_000;
    const t0 = Date.parse('2026-11-16T10:00:00Z');
    const week = 7 * 24 * 60 * m;
    const scale = compressedScale([t0, t0 + 5 * m, t0 + 15 * m, t0 + 15 * m + week]);
    const units = [t0, t0 + 5 * m, t0 + 15 * m, t0 + 15 * m + week].map(scale.toUnit);
    assert.deepEqual(units, [...units].sort((a, b) => a - b));
    assert.ok(units[2] > 0.2, `the 15 minutes of activity keep a visible share: ${units[2]}`);
    assert.equal(scale.breaks.length, 1);
    assert.equal(scale.breaks[0].gapMs, week);
    // an hour of draft, then 20 s of activity: the activity keeps most of the width
    const burst = [t0, t0 + 60 * m, t0 + 60 * m + 5_000, t0 + 60 * m + 12_000, t0 + 60 * m + 20_000];
    const b = compressedScale(burst);
    assert.ok(1 - b.toUnit(burst[1]) > 0.5, `activity share ${1 - b.toUnit(burst[1])}`);
    assert.equal(b.breaks.length, 1);
    const even = compressedScale([t0, t0 + m, t0 + 2 * m]);
    assert.equal(even.breaks.length, 0);
    assert.ok(Math.abs(even.toUnit(t0 + m) - 0.5) < 1e-9, 'proportional when nothing is long');
  });
});
