// Input: every value a person types is validated with a message that says what is wrong. Ids (URL-encoded; path
// traversal, percent-encoded traversal and control characters rejected), dates and local date-times (impossible
// calendar dates refused), CSV rows of a bulk restore, mailbox search expressions, and links leaving the panel.
import { strict as assert } from 'assert';
import { InvalidIdError, paths, segment } from '../../src/backup/api';
import { parseBulkCsv } from '../../src/backup/bulkCsv';
import { parseDate, validateDate, validateLocalDateTime } from '../../src/backup/dates';
import { WORKLOADS, workload } from '../../src/backup/model';
import { validateQueryExpression } from '../../src/backup/queryExpression';
import { safeExternalUrl } from '../../src/protocol/details';
import { prng, recordFigures, scaled } from './support';

const BAD_IDS = [
  '', ' ', '.', '..', '../x', '..\\x', 'a/../b', 'a/./b', '%2e%2e', '%2E%2e', '%2e', '..%2f..%2fetc', '%2e%2e%2f', '%252e%252e', '%25252e%25252e%25252f',
  'x%2f..', '%2e%2e/%ZZ', 'a\u0000b', 'a\nb', 'a\rb', '\t', 'a\u007fb', 'a\u0085b', 'x'.repeat(1025),
];
const GOOD_IDS = ['5f1b0a3c-1111-4222-8333-944455556666', 'AAMkAGI2THVSAAA=', 'a b', "o'brien", 'a?b#c', 'a/b', 'x%ZZ', '...', 'a..b', '\u00e9t\u00e9', 'site,item,3'];

export function inputSuite(): void {
  describe('hardening: every typed value is validated', () => {
    const figures = { idsTried: 0, datesTried: 0, csvRowsTried: 0, queriesTried: 0, urlsTried: 0, badAccepted: 0, goodRefused: 0, messagesWithoutReason: 0 };
    after(() => { recordFigures('input', figures); });

    it('ids: URL-encoded into one segment; traversal (also percent-encoded) and control characters rejected with a reason', () => {
      for (const id of BAD_IDS) {
        figures.idsTried++;
        assert.throws(() => paths.restoreSession(id), (err: unknown) => {
          assert.ok(err instanceof InvalidIdError, `${JSON.stringify(id)}: ${String(err)}`);
          assert.match(err.message, /is not a valid id: /);
          // eslint-disable-next-line no-control-regex
          assert.doesNotMatch(err.message, /[\u0000-\u001f]/, 'the message itself is one clean line');
          return true;
        }, `accepted ${JSON.stringify(id)}`);
      }
      for (const id of GOOD_IDS) {
        figures.idsTried++;
        const path = paths.restoreSession(id);
        const last = path.split('/').pop()!;
        assert.equal(decodeURIComponent(last), id.trim(), 'one segment that decodes to the id');
        assert.equal(path.split('/').length, paths.restoreSessions().split('/').length + 1, `${id} stays one segment`);
      }
      // Random ids: either refused, or exactly one segment that round-trips.
      const rng = prng(31337);
      const alphabet = ['.', '/', '\\', '%', '2', 'e', 'E', 'f', 'F', 'a', '-', ' ', '\u0000', '\u00e9', '?', '#', '&', "'"];
      for (let i = 0; i < scaled(2_000, 20_000); i++) {
        figures.idsTried++;
        const id = Array.from({ length: 1 + rng.int(12) }, () => rng.pick(alphabet)).join('');
        let encoded: string;
        try { encoded = segment(id); } catch (err) { assert.ok(err instanceof InvalidIdError); continue; }
        assert.ok(!encoded.includes('/') && !encoded.includes('\\'), `${JSON.stringify(id)} → ${encoded}`);
        const once = decodeURIComponent(encoded);
        for (let d = once, k = 0; k < 4; k++) {
          if (d.split(/[/\\]/).some((p) => p === '.' || p === '..')) { figures.badAccepted++; assert.fail(`${JSON.stringify(id)} decodes to a dot segment`); }
          d = d.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        }
      }
    });

    it('dates and local date-times: impossible calendar dates and future points in time are refused with a reason', () => {
      const now = Date.parse('2026-11-23T00:00:00Z');
      const badDates = ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '26-01-01', '2026/01/01', '2026-1-1', 'tomorrow', '2026-01-01T00:00', ' ', '９９９９-01-01'];
      for (const d of badDates) {
        figures.datesTried++;
        const message = validateDate(d);
        if (!message) figures.badAccepted++;
        assert.ok(message, `accepted ${d}`);
        assert.match(message, /YYYY-MM-DD|not a date on the calendar/);
      }
      for (const d of ['2024-02-29', '2026-11-01', '2026-12-31']) {
        figures.datesTried++;
        assert.equal(validateDate(d), undefined, d);
        assert.equal(parseDate(d)?.getDate(), Number(d.slice(8)));
      }
      assert.equal(validateDate('', { allowEmpty: true }), undefined);
      // Random dates against a reference calendar: accepted exactly when the day exists.
      const rng = prng(1999);
      const daysIn = (y: number, m: number) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
      const pad = (v: number, n: number) => String(v).padStart(n, '0');
      for (let i = 0; i < scaled(2_000, 20_000); i++) {
        figures.datesTried++;
        const y = 1900 + rng.int(300);
        const m = rng.int(14);
        const d = rng.int(33);
        const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const message = validateDate(text);
        if (real !== (message === undefined)) { if (!real) figures.badAccepted++; else figures.goodRefused++; }
        assert.equal(message === undefined, real, `${text}: ${message}`);
        const hh = rng.int(26);
        const mm = rng.int(62);
        const time = validateLocalDateTime(`${text} ${pad(hh, 2)}:${pad(mm, 2)}`, Date.parse('2300-01-01T00:00:00Z'));
        const realTime = real && hh <= 23 && mm <= 59;
        if (realTime !== (time === undefined) && !realTime) figures.badAccepted++;
        assert.equal(time === undefined, realTime, `${text} ${hh}:${mm}: ${time}`);
      }
      const badTimes = ['2026-02-30 10:00', '2026-11-20 24:00', '2026-11-20 23:60', '2026-11-20 8:00', '2026-11-20', '2026-11-24 08:00', '2030-01-01 00:00', 'now'];
      for (const t of badTimes) {
        figures.datesTried++;
        const message = validateLocalDateTime(t, now);
        if (!message) figures.badAccepted++;
        assert.ok(message, `accepted ${t}`);
        assert.match(message, /YYYY-MM-DD HH:MM|does not exist|in the past/);
      }
      for (const t of ['2026-11-20 08:00', '2026-11-20T23:59', '2024-02-29 12:30']) {
        figures.datesTried++;
        assert.equal(validateLocalDateTime(t, now), undefined, t);
      }
    });

    it('CSV rows: every bad row is reported by line with what is wrong; good rows pass', () => {
      const rng = prng(8080);
      for (const w of WORKLOADS) {
        const wantsUrls = w.bulkRequests.resourceField === 'siteWebUrls';
        const good = wantsUrls
          ? ['https://contoso.sharepoint.com/sites/hr', '"https://contoso.sharepoint.com/sites/a,b"', '5f1b0a3c-1111-4222-8333-944455556666']
          : ['adelev@contoso.com', '"meganb@contoso.com",x', '5f1b0a3c-1111-4222-8333-944455556666'];
        const bad = ['not an address', 'javascript:alert(1)', 'http://contoso.sharepoint.com/sites/x', 'a@b', '@contoso.com', '<script>@x.com', 'a<b>@contoso.com', 'x(y)@contoso.com', 'zf1b0a3c-1111-4222-8333-94445555666',
          'ftp://x.y/z', '../../etc/passwd', '=cmd|\' /C calc\'!A0', 'file:///etc/passwd', 'https://', '\u0000', 'x'.repeat(3000)];
        const rows = ['resource', ...good, ...bad, good[0]];
        const badRows = new Set<number>([...bad.map((_, k) => 1 + good.length + k), rows.length - 1].filter((k) => rows[k].trim() !== ''));
        for (let i = 0; i < scaled(200, 2_000); i++) {
          if (rng.chance(0.5)) { badRows.add(rows.length); rows.push(rng.pick(bad) + String(i)); } else rows.push(rng.pick(['', '# comment', ' , ', '"', '""']));
        }
        const result = parseBulkCsv(w, rows.join(rng.chance(0.5) ? '\n' : '\r\n'));
        figures.csvRowsTried += rows.length;
        assert.equal(result.resources.length + result.resourceIds.length, good.length, `${w.id}: good rows accepted`);
        const flagged = new Set(result.problems.map((p) => p.line));
        for (const [index, row] of rows.entries()) {
          if (badRows.has(index) && !flagged.has(index + 1)) {
            figures.badAccepted++;
            assert.fail(`${w.id}: row ${index + 1} ${JSON.stringify(row.slice(0, 60))} not reported`);
          }
        }
        for (const p of result.problems) {
          if (!/not a site URL|not an e-mail address|listed twice|at most|lists no/.test(p.message)) figures.messagesWithoutReason++;
          assert.ok(p.message.length > 8);
        }
      }
      const empty = parseBulkCsv(workload('exchange'), 'email\n\n# nothing\n');
      assert.match(empty.problems[0].message, /lists no/);
    });

    it('search expressions: malformed ones are refused with where and why', () => {
      const bad = ['', '   ', 'Sender -eq a@b.com', "(Sender -eq 'a')-and", "(Sender -eq 'a') -xor (Subject -eq 'b')", "(Foo -eq 'x')", "(Sender -contains 'x')",
        "(Sender -eq 'unterminated)", "((Sender -eq 'a'))", "(Sender -eq 'a') -and", "<script>alert(1)</script>", "(Sender -eq 'a'); DROP TABLE", "(Subject -like '*x*') -and (HasAttachment -eq true)"];
      const good = ["(Sender -eq 'adelev@contoso.onmicrosoft.com')", "(Subject -like '*invoice*') -and (HasAttachment -eq 'true')", "(Subject -eq 'it''s') -or (Body -like '*x*')"];
      for (const q of bad) {
        figures.queriesTried++;
        const message = validateQueryExpression(q);
        if (!message) figures.badAccepted++;
        assert.ok(message, `accepted ${q}`);
        assert.match(message, /Term \d|Unknown (property|operator)|Expected -and or -or|Enter a search expression/);
      }
      for (const q of good) { figures.queriesTried++; assert.equal(validateQueryExpression(q), undefined, q); }
      const rng = prng(5150);
      const parts = ['(', ')', "'", 'Sender', 'Subject', ' -eq ', ' -and ', ' -or ', 'x', '*', "''", ' '];
      for (let i = 0; i < scaled(1_000, 10_000); i++) {
        figures.queriesTried++;
        const q = Array.from({ length: rng.int(14) }, () => rng.pick(parts)).join('');
        const message = validateQueryExpression(q);
        if (message !== undefined) assert.ok(message.length > 10);
        else assert.match(q.trim(), /^\(\s*[A-Za-z]+\s+-[a-z]+\s+'/, `accepted ${JSON.stringify(q)}`);
      }
    });

    it('links: only http(s) URLs leave the panel', () => {
      const bad = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
        'file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://x', 'about:blank', '//evil.example', '/relative', 'https//x', '', 'x'.repeat(10_000), 'https://' + 'a'.repeat(9000) + '.com'];
      for (const u of bad) {
        figures.urlsTried++;
        const safe = safeExternalUrl(u);
        if (safe !== undefined) figures.badAccepted++;
        assert.equal(safe, undefined, u.slice(0, 60));
      }
      for (const u of ['https://contoso.sharepoint.com/sites/hr', 'http://127.0.0.1:4000/x?y=1']) {
        figures.urlsTried++;
        assert.ok(safeExternalUrl(u));
      }
      for (const v of [undefined, null, 1, {}, []]) { figures.urlsTried++; assert.equal(safeExternalUrl(v), undefined); }
      // Random schemes and bodies: a link leaves only as http(s), and then as a parsed, absolute URL.
      const rng = prng(404);
      const schemes = ['http:', 'https:', 'HTTPS:', 'javascript:', 'JaVaScRiPt:', 'data:', 'vbscript:', 'file:', 'command:', 'vscode:', 'blob:', 'ftp:', ' javascript:', 'java\nscript:', '', '//'];
      const rests = ['//contoso.sharepoint.com/sites/a', 'alert(1)', '//evil.example/%0a', 'text/html,<script>alert(1)</script>', '///etc/passwd', '//127.0.0.1:1/x', '//a@b.c/', '//[::1]/x'];
      for (let i = 0; i < scaled(1_000, 10_000); i++) {
        figures.urlsTried++;
        const url = rng.pick(schemes) + rng.pick(rests);
        const safe = safeExternalUrl(url);
        if (safe !== undefined) {
          const parsed = new URL(safe);
          if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') figures.badAccepted++;
          assert.ok(parsed.protocol === 'http:' || parsed.protocol === 'https:', `${url} → ${safe}`);
        }
      }
    });
  });
}
