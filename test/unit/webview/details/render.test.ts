// The page's pure render helpers: server values stay text, no handler or style attributes, the timeline and
// the JSON view have the expected shape. Rendering is checked through `mount` with a minimal fake document.
import { strict as assert } from 'assert';
import { workload } from '../../../../src/backup/model';
import type { RestoreArtifact, RestoreSession } from '../../../../src/backup/model';
import { buildSnapshot, emptyLoaded, type Loaded } from '../../../../src/extension/webview/snapshot';
import type { ArtifactRow, DetailsSnapshot, Progress } from '../../../../src/protocol/details';
import { findAll, h, mount, textOf, type DocumentLike, type VNode } from '../../../../src/webview/details/dom';
import { renderJson } from '../../../../src/webview/details/json';
import { compressedScale, layoutTimeline } from '../../../../src/webview/details/timeline';
import { emptyUi, isNarrow, renderDetails } from '../../../../src/webview/details/view';

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
    assert.deepEqual(buttons, ['refresh', 'retryFailed', 'copyJson', 'openJson', 'exportHttp', 'exportCurl', 'exportPowerShell', 'exportHistory', 'clearHistory']);
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

// ---- what an admin notices: progress, banner, names, layout ----

const FINANCE = 'https://contoso.sharepoint.com/sites/Finance';
const AUDIT_URL = `${FINANCE}/Shared%20Documents/Audit%20Checklist%20Q4.png`;
const INVOICE_URL = `${FINANCE}/Archive/Invoice%20Q1.xlsx`;

function row(overrides: Partial<ArtifactRow>): ArtifactRow {
  return { id: 'a', kind: 'standard', unitName: 'Debra Berger', unitNameSource: 'unit', statusWord: 'Added', destination: 'new', ...overrides };
}

function plainSnapshot(overrides: Partial<DetailsSnapshot> = {}, header: Partial<DetailsSnapshot['header']> = {}): DetailsSnapshot {
  return {
    identity: { connectionId: 'emulator', workload: 'exchange', sessionId: SESSION_ID },
    connectionLabel: 'Local emulator',
    exists: true,
    header: { workloadLabel: 'Exchange', sessionId: SESSION_ID, status: 'active', statusWord: 'Active', createdBy: 'Lee Gu', duration: '5 min', restoreJobType: 'standard', ...header },
    progress: { total: 3, completed: 1, failed: 1, inProgress: 1, source: 'service' },
    actions: ['refresh'],
    artifacts: [
      row({ id: 'a1', unitName: 'Lidia Holloway', status: 'failed', statusWord: 'Failed', errorCode: 'ArtifactCannotBeRestored', errorMessage: 'The mailbox of Lidia Holloway is on Litigation Hold.' }),
      row({ id: 'a2', unitName: 'Miriam Graham', status: 'succeeded', statusWord: 'Restored', location: { name: 'Restored-2026-11-25' }, restoredItemCount: 1234 }),
      row({ id: 'a3', unitName: 'Nestor Wilke', status: 'inProgress', statusWord: 'In progress', destination: 'inPlace' }),
    ],
    history: {
      lanes: [
        { id: 'session', label: 'Session', kind: 'session', points: [{ at: '2026-11-25T16:00:03Z', status: 'active', source: 'observed', how: 'observed by polling' }] },
        { id: 'standard/a1', label: 'Lidia Holloway', kind: 'artifact', points: [{ at: '2026-11-25T16:09:03Z', status: 'failed', source: 'payload', how: 'from payload completionDateTime' }] },
      ],
      snapshots: [],
      limit: 500,
    },
    payload: [],
    live: { intervalMs: 5000, polling: true, reason: 'Polling every 5 s while this panel is visible.' },
    builtAt: '2026-11-25T16:10:00Z',
    ...overrides,
  };
}

const byClass = (root: VNode, cls: string) => findAll(root, (n) => (n.attrs.class ?? '').split(' ').includes(cls));
const segmentCounts = (root: VNode) => Object.fromEntries(findAll(root, (n) => 'data-segment' in n.attrs).map((li) => [li.attrs['data-segment'], textOf(li).trim()]));
const withProgress = (progress: Partial<Progress>) => plainSnapshot({ progress: { total: 1, completed: 0, failed: 0, inProgress: 0, source: 'service', ...progress } });

describe('details page: what an admin sees', () => {
  it('labels every progress segment in words with its count', () => {
    const view = renderDetails(plainSnapshot(), emptyUi());
    assert.deepEqual(segmentCounts(view), { restored: '1 restored', failed: '1 failed', inProgress: '1 in progress', waiting: '0 waiting' });
    const bar = findAll(view, (n) => n.attrs.role === 'progressbar')[0];
    assert.equal(bar.attrs['aria-valuetext'], '1 of 3 restored, 1 failed, 1 in progress, 0 waiting');
    assert.deepEqual(byClass(bar, 'seg').map((r) => r.attrs.class), ['seg seg-restored', 'seg seg-failed', 'seg seg-inProgress']);
  });

  it('does not draw a full bar at 0 of 1 restored with 1 in progress', () => {
    const view = renderDetails(withProgress({ inProgress: 1 }), emptyUi());
    const bar = findAll(view, (n) => n.attrs.role === 'progressbar')[0];
    assert.equal(bar.attrs['aria-valuenow'], '0', 'nothing has finished');
    assert.equal(byClass(bar, 'seg-restored').length + byClass(bar, 'seg-failed').length, 0, 'no finished segment is drawn');
    assert.deepEqual(byClass(bar, 'seg-inProgress').map((r) => r.attrs.width), ['400.0'], 'the running artifact is its own (hatched) segment');
    assert.ok(textOf(view).includes('0 of 1 restored'));
  });

  it('never shows a property name or a raw enum member outside the payload', () => {
    for (const source of ['service', 'artifacts'] as const) {
      const text = textOf(renderDetails(plainSnapshot({ progress: { total: 3, completed: 1, failed: 1, inProgress: 1, source } }, { status: 'completedWithError', statusWord: 'Completed with errors' }), emptyUi()));
      assert.doesNotMatch(text, /restoreSessionArtifactCount|\binPlace\b|completedWithError|\binProgress\b|\bstandard\b/);
      assert.ok(text.includes('In place (overwrites)'));
      assert.ok(text.includes('New location'));
    }
  });

  it('shows a banner that follows the current status', () => {
    const bannerOf = (status: DetailsSnapshot['header']['status']) => {
      const banners = byClass(renderDetails(plainSnapshot({}, { status }), emptyUi()), 'status-banner');
      assert.ok(banners.length <= 1);
      return banners[0] ? textOf(banners[0]) : '';
    };
    assert.match(bannerOf('activating'), /^Activating: /);
    assert.match(bannerOf('active'), /^Restoring: 1 of 3 restored so far, 1 in progress, 0 waiting, 1 failed\.$/);
    assert.doesNotMatch(bannerOf('active'), /Activating/);
    assert.match(bannerOf('completed'), /^Completed: /);
    assert.match(bannerOf('completedWithError'), /^Completed with errors: 1 of 3 restored, 1 failed\./);
    assert.match(bannerOf('failed'), /^Failed: /);
    assert.match(bannerOf('draft'), /^Draft: Nothing is restored until/);
  });

  it('keeps the error code apart from the message, for the session and each artifact', () => {
    const view = renderDetails(plainSnapshot({}, { status: 'completedWithError', errorCode: 'ArtifactCannotBeRestored', errorMessage: '1 of 3 artifacts could not be restored.' }), emptyUi());
    const sessionError = byClass(view, 'session-error')[0];
    assert.equal(textOf(byClass(sessionError, 'error-code')[0]), 'Error code ArtifactCannotBeRestored');
    assert.ok(!textOf(sessionError).includes('ArtifactCannotBeRestored:'), 'no code run into the message');
    const cells = byClass(view, 'col-error').filter((n) => n.tag === 'td');
    assert.equal(textOf(byClass(cells[0], 'error-message')[0]), 'The mailbox of Lidia Holloway is on Litigation Hold.');
    assert.equal(textOf(byClass(cells[0], 'error-code')[0]), 'Error code ArtifactCannotBeRestored');
  });

  it('shows where each artifact went and how many items were restored', () => {
    const view = renderDetails(plainSnapshot(), emptyUi());
    const restored = byClass(view, 'col-restored').filter((n) => n.tag === 'td').map(textOf);
    assert.deepEqual(restored, ['', 'Restored-2026-11-251,234 items restored', '']);
  });

  it('stacks artifacts as cards and the timeline as a list below 600 px', () => {
    assert.ok(isNarrow(440) && !isNarrow(1000));
    const narrow = renderDetails(plainSnapshot(), { ...emptyUi(), narrow: isNarrow(440) });
    assert.ok((narrow.attrs.class ?? '').includes('layout-stacked'));
    assert.equal(findAll(narrow, (n) => n.tag === 'table' && n.attrs.class === 'artifacts').length, 0);
    const cards = byClass(narrow, 'artifact-card');
    assert.equal(cards.length, 3);
    const labels = findAll(cards[0], (n) => n.tag === 'dt').map(textOf);
    assert.deepEqual(labels, ['Status', 'What', 'Destination', 'Error'], 'label: value rows, empty ones left out');
    assert.equal(findAll(narrow, (n) => n.svg && n.tag === 'svg' && n.attrs.class === 'timeline').length, 0, 'no shrinking drawing');
    assert.deepEqual(byClass(narrow, 'lane-name').map(textOf), ['Session', 'Lidia Holloway']);

    const wide = renderDetails(plainSnapshot(), { ...emptyUi(), narrow: isNarrow(1000) });
    assert.ok((wide.attrs.class ?? '').includes('layout-wide'));
    const table = findAll(wide, (n) => n.tag === 'table' && n.attrs.class === 'artifacts')[0];
    const headers = findAll(table, (n) => n.tag === 'th').map(textOf);
    assert.ok(headers.includes('Restored to') && headers.includes('Error'));
    assert.ok(headers.length <= 7, `a table that fits about 1000 px: ${headers.join(', ')}`);
    const drawing = findAll(renderDetails(plainSnapshot(), { ...emptyUi(), contentWidth: 760 }), (n) => n.svg && n.attrs.class === 'timeline')[0];
    assert.equal(drawing.attrs.width, '760', 'the timeline is drawn at the panel width');
    assert.match(drawing.attrs.viewBox, /^0 0 760 /, 'and shown 1:1, so its text keeps its size');
  });

  it('beta: says under the point in time that it also brings back the items created since, only for such points', () => {
    const snapshot = plainSnapshot({
      artifacts: [
        row({ id: 'a1', unitName: 'Debra Berger', pointInTime: '2026-11-30T09:00:00Z', includesNewerItems: true }),
        row({ id: 'a2', unitName: 'Lee Gu', pointInTime: '2026-11-30T09:00:00Z' }),
      ],
    });
    for (const narrow of [false, true]) {
      const view = renderDetails(snapshot, { ...emptyUi(), narrow });
      const rows = byClass(view, 'unit-name').map(textOf);
      assert.deepEqual(rows, ['Debra Berger', 'Lee Gu']);
      assert.equal(textOf(view).split('and items created since').length - 1, 1, 'said once, for Debra Berger\'s point only');
    }
  });

  it('names granular files by their decoded file name, in the table, the timeline and the facts', () => {
    const files = [
      row({ id: 'f1', kind: 'granular', unitName: AUDIT_URL, unitNameSource: 'item', status: 'failed', statusWord: 'Failed', destination: undefined }),
      row({ id: 'f2', kind: 'granular', unitName: INVOICE_URL, unitNameSource: 'item', status: 'succeeded', statusWord: 'Restored', destination: undefined, location: { name: '/sites/Finance/Shared%20Documents', url: `${FINANCE}/Shared%20Documents` } }),
    ];
    const point = { at: '2026-12-01T16:55:33Z', status: 'added', source: 'observed' as const, how: 'observed when the panel opened' };
    const snapshot = plainSnapshot({
      artifacts: files,
      history: { lanes: [{ id: 'granular/f1', label: AUDIT_URL, kind: 'artifact', points: [point] }, { id: 'granular/f2', label: INVOICE_URL, kind: 'artifact', points: [point] }], snapshots: [], limit: 500 },
    }, { workloadLabel: 'SharePoint', restoreJobType: 'granular' });
    for (const narrow of [false, true]) {
      const view = renderDetails(snapshot, { ...emptyUi(), narrow });
      const text = textOf(view);
      assert.ok(!text.includes('%20'), 'no percent-escapes on screen');
      assert.deepEqual(byClass(view, 'unit-name').map(textOf), ['Audit Checklist Q4.png', 'Invoice Q1.xlsx']);
      assert.ok(text.includes('in sites/Finance/Shared Documents'));
      assert.ok(text.includes('Selected files2 files: Audit Checklist Q4.png, Invoice Q1.xlsx'));
      assert.ok(text.includes('/sites/Finance/Shared Documents'), 'the restored location, decoded');
      assert.ok(text.includes('The service gives no reason for a failed item'), 'a failed item says what is known');
      const laneNames = narrow
        ? byClass(view, 'lane-name').map(textOf)
        : findAll(view, (n) => n.svg && n.attrs.class === 'lane-label').map((n) => n.children.filter((c) => typeof c === 'string').join(''));
      assert.deepEqual(laneNames, ['Audit Checklist Q4.png', 'Invoice Q1.xlsx'], 'two rows, two names');
    }
  });

  it('names the timeline lane of an unnamed unit as its artifact row does, not by a bare id', () => {
    const rpId = '14b62be3-5fa7-4485-80e2-d4f84cc8aaac_1796148000_1_0';
    const snapshot = plainSnapshot({
      artifacts: [row({ id: 'a9', unitName: rpId, unitNameSource: 'restorePoint', status: 'succeeded', statusWord: 'Restored' })],
      history: { lanes: [{ id: 'standard/a9', label: rpId, kind: 'artifact', points: [{ at: '2026-12-01T18:07:30Z', status: 'added', source: 'observed', how: 'observed when the panel opened' }] }], snapshots: [], limit: 500 },
    });
    const names = byClass(renderDetails(snapshot, { ...emptyUi(), narrow: true }), 'lane-name').map(textOf);
    assert.deepEqual(names, ['Unnamed unit (restore point 14b62be…)']);
  });

  it('shows the query and the match count of a granular mailbox restore', () => {
    const snapshot = plainSnapshot({ granular: { query: "(Subject -like '*invoice*')", queryWords: 'Subject contains "invoice"', matchCount: 117 } }, { restoreJobType: 'granular' });
    const text = textOf(renderDetails(snapshot, emptyUi()));
    assert.ok(text.includes('Items matchingSubject contains "invoice"(Subject -like \'*invoice*\')'));
    assert.ok(text.includes('Matching items117 items'));
    assert.ok(text.includes('RestoresSelected items'));
  });

  it('explains an empty bulk draft instead of showing an empty bar', () => {
    const snapshot = plainSnapshot({ progress: { total: 0, completed: 0, failed: 0, inProgress: 0, source: 'artifacts' }, artifacts: [] }, { status: 'draft', restoreJobType: 'bulk' });
    const view = renderDetails(snapshot, emptyUi());
    assert.equal(findAll(view, (n) => n.attrs.role === 'progressbar').length, 0);
    assert.ok(textOf(view).includes('the service adds the units of the bulk request when the session is activated'));
  });

  it('counts the rows of a bulk draft sent from here instead of "0 artifacts", and lists unresolved rows in words', () => {
    const draft = plainSnapshot({ progress: { total: 0, completed: 0, failed: 0, inProgress: 0, source: 'artifacts' }, artifacts: [], bulk: { rowsSent: 3, unresolved: [] } }, { status: 'draft', restoreJobType: 'bulk' });
    const text = textOf(renderDetails(draft, emptyUi()));
    assert.ok(text.includes('Artifacts (none yet: 3 rows to resolve)'), text);
    assert.ok(text.includes('(3 rows to resolve)'));
    assert.ok(!text.includes('0 artifacts'));

    const line = 'debra@contoso.com — not a protected mailbox (ProtectionUnitNotFound)';
    const done = plainSnapshot({ bulk: { rowsSent: 3, unresolved: [line] } }, { status: 'completedWithError', restoreJobType: 'bulk' });
    const banner = findAll(renderDetails(done, emptyUi()), (n) => n.attrs['data-banner'] === 'bulk');
    assert.equal(banner.length, 1);
    assert.ok(textOf(banner[0]).includes(`Not restored: 1 of 3 rows of the bulk request could not be resolved.${line}`), textOf(banner[0]));
  });
});
