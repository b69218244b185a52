// XSS corpus in every free-text field the emulator returns (the `/_emulator/xss` control rewrites display
// names, names, messages, paths, e-mail addresses, site names, and makes URL fields `javascript:` URLs). Each
// payload goes through the real path: BackupApi → snapshot → the page's renderer → mount with a recording
// document. Server data must only ever become text nodes: no element, attribute or link comes from it. The
// page's HTML carries the strict CSP whatever the title. The same corpus is checked in the real VS Code host
// by test/integration/hardening.test.ts.
import { strict as assert } from 'assert';
import type { RestoreArtifact, RestorePoint, Workload } from '../../src/backup/model';
import { WORKLOADS } from '../../src/backup/model';
import { detailsHtml } from '../../src/extension/webview/html';
import { buildSnapshot, emptyLoaded, type Loaded } from '../../src/extension/webview/snapshot';
import { PROTOCOL_VERSION } from '../../src/protocol/details';
import { isRenderedMessage, renderedMessage } from '../../src/protocol/testHooks';
import { mount, type DocumentLike } from '../../src/webview/details/dom';
import { emptyUi, renderDetails } from '../../src/webview/details/view';
import { type Harness, ROOT, recordFigures, scaled, startHarness } from './support';

export const XSS_CORPUS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>">',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href=javascript:alert(1)>',
  '<style>@import "javascript:alert(1)";</style>',
  '<div style="background:url(javascript:alert(1))">',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '`${alert(1)}`',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src="x" onerror="&#97;lert(1)">',
  '<x onclick=alert(1)>click</x>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '\u202e<script>alert(1)</script>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<form action=javascript:alert(1)><button>x</button></form>',
  '<video><source onerror=alert(1)>',
  'x\u0000<script>alert(1)</script>',
  '"onmouseover="alert(1)',
];

interface Recorded { tag: string; attrs: Record<string, string>; children: unknown[] }
class RecordingDocument implements DocumentLike {
  readonly elements: Recorded[] = [];
  readonly texts: string[] = [];
  createElement(tag: string) { return this.element(tag); }
  createElementNS(_ns: string, tag: string) { return this.element(tag); }
  createTextNode(text: string) { this.texts.push(text); return { text }; }
  private element(tag: string) {
    const el: Recorded & { setAttribute(n: string, v: string): void; appendChild(c: unknown): unknown } = {
      tag, attrs: {}, children: [],
      setAttribute(n, v) { el.attrs[n] = v; },
      appendChild(c) { el.children.push(c); return c; },
    };
    this.elements.push(el);
    return el as never;
  }
}

/** Renders the details page for one session as the extension would load it, returning what was mounted. */
async function render(h: Harness, w: Workload, sessionId: string): Promise<RecordingDocument> {
  const session = (await h.api.sessions.get(w, sessionId)).body;
  const standard = await h.api.artifacts.listAll(w, sessionId, 'standard');
  const granular = await h.api.artifacts.listAll(w, sessionId, 'granular').catch(() => [] as RestoreArtifact[]);
  const bulk = await h.api.artifacts.listBulkRequests(w, sessionId).catch(() => []);
  const units = await h.api.tenant.units(w);
  const pointIds = [...standard, ...granular].map((a) => (a as { restorePoint?: RestorePoint }).restorePoint?.id).filter((x): x is string => !!x);
  const unitsOfPoints = pointIds.length ? await h.api.tenant.unitsOfRestorePoints(pointIds.slice(0, 40)) : new Map();
  const loaded: Loaded = { ...emptyLoaded(), session, standard, granular, bulk, error: session.error?.message ?? undefined };
  const snapshot = buildSnapshot({
    identity: { connectionId: 'emulator', workload: w.id, sessionId },
    connectionLabel: 'Local emulator',
    workload: w,
    loaded,
    unitNames: new Map(units.map((u) => [u.id, (u as { displayName?: string }).displayName ?? u.id])),
    restorePointUnits: new Map([...unitsOfPoints].map(([point, unit]) => [point, unit.id])),
    history: [{ seq: 1, observedAt: new Date().toISOString(), source: 'open', session }],
    historyLimit: 500,
    live: { intervalMs: 0, polling: false, reason: 'hardening' },
    now: new Date(),
  });
  const doc = new RecordingDocument();
  mount(renderDetails(snapshot, emptyUi()), doc);
  return doc;
}

export function xssSuite(): void {
  describe('hardening: XSS corpus in every string field the emulator returns', function () {
    this.timeout(300_000);
    let h: Harness;
    before(async () => { h = await startHarness({ seed: 'demo', testHooks: true }); });
    after(async () => { await h.close(); });

    it('renders every payload as text on the details page, with no element, handler or link from data', async () => {
      const corpus = full() ? XSS_CORPUS : XSS_CORPUS.slice(0, scaled(12, XSS_CORPUS.length));
      // Sessions with artifacts, errors and bulk requests, in every workload.
      const targets: { w: Workload; id: string }[] = [];
      for (const w of WORKLOADS) {
        const { body } = await h.raw('GET', `${ROOT}/${w.sessionCollection}?$top=999`);
        const sessions = body.value as { id: string; status: string; restoreSessionArtifactCount?: { total?: number } }[];
        const pick = (pred: (s: (typeof sessions)[number]) => boolean) => sessions.find(pred);
        for (const s of [pick((s) => s.status === 'completedWithError'), pick((s) => s.status === 'draft' && (s.restoreSessionArtifactCount?.total ?? 0) > 0), pick((s) => s.status === 'completed')]) {
          if (s && !targets.some((t) => t.id === s.id)) targets.push({ w, id: s.id });
        }
      }
      assert.ok(targets.length >= 6, `sessions to render: ${targets.length}`);
      // The element shapes the page uses for benign data; hostile data must not add any.
      const baseline = new Set<string>();
      for (const t of targets) for (const e of (await render(h, t.w, t.id)).elements) baseline.add(e.tag);
      let renders = 0;
      let fieldsCarryingPayload = 0;
      let scriptsRun = 0;
      for (const payload of corpus) {
        await h.control('xss', { payload });
        for (const t of targets) {
          const doc = await render(h, t.w, t.id);
          renders++;
          const text = doc.texts.join('\n');
          const count = text.split(payload).length - 1;
          assert.ok(count >= 1, `payload ${JSON.stringify(payload)} not shown literally for ${t.w.id} ${t.id}`);
          fieldsCarryingPayload += count;
          for (const e of doc.elements) {
            if (!baseline.has(e.tag)) scriptsRun++;
            assert.ok(baseline.has(e.tag), `element <${e.tag}> created from ${JSON.stringify(payload)}`);
            for (const [name, value] of Object.entries(e.attrs)) {
              assert.ok(!/^on/i.test(name) && name !== 'style' && name !== 'href' && name !== 'src', `attribute ${name} from ${JSON.stringify(payload)}`);
              if (name === 'data-link') assert.match(value, /^https?:/, `link ${value}`);
            }
          }
        }
        // The HTML shell: data never goes into it, and whatever the title, the CSP is the strict one.
        const html = detailsHtml({ cspSource: 'vscode-resource:', scriptUri: 'vscode-resource:/media/details.js', styleUri: 'vscode-resource:/media/details.css', title: payload, nonce: 'abc123' });
        assert.ok(!html.includes(payload) || !/[<>"]/.test(payload), 'the title is escaped');
        assert.match(html, /default-src 'none'; script-src 'nonce-abc123'/);
        assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
        assert.equal(html.match(/<script/g)?.length, 1, 'exactly one script element: the nonce-bound bundle');
      }
      await h.control('xss', { payload: null });
      // The page's `rendered` report (what the real-host test reads) is validated like every page message.
      assert.ok(isRenderedMessage(renderedMessage({ text: 'x', scripts: 1, handlers: 0, injected: false })));
      for (const bad of [{ text: 1, scripts: 1, handlers: 0, injected: false }, { text: 'x', scripts: 1.5, handlers: 0, injected: false }, { text: 'x', scripts: 1, handlers: 0, injected: 'no' }]) {
        assert.ok(!isRenderedMessage({ type: 'rendered', version: PROTOCOL_VERSION, ...bad }));
      }
      recordFigures('xss', { payloads: corpus.length, sessionsRendered: targets.length, renders, fieldsCarryingPayload, scriptsRun });
      assert.equal(scriptsRun, 0);
    });
  });
}

function full(): boolean {
  return process.env.HARDENING_MODE === 'full';
}
