// Secrets: sign in against the emulator's identity (`--auth on`) with msal through src/auth (client secret,
// client certificate, device code with a refresh token), work through GraphClient + BackupApi with faults and
// 403s, and scan everything a person or a file could see: the lines of the extension's real log channel
// (src/extension/log.ts, fed by the GraphClient's request log and by msal's logger callback through
// MsalTokenProvider's `log`, leveled as src/extension/connection.ts does), GraphError messages / descriptions / JSON / stacks, sign-in errors, the .http
// export and session JSON, history JSONL files, and the permissions report. No access token, refresh token,
// id token, client secret or private key may appear in any of it; they must be in the SecretStore.
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  MemorySecretStore, MsalTokenProvider, type AuthLogLevel, type MsalTokenProviderOptions, parseCertificateBundle, permissionsReport, secretKeys, summarizeToken,
} from '../../src/auth';
import { BackupApi } from '../../src/backup/api';
import { curlScript, httpFile, sessionDocument } from '../../src/backup/exports';
import { HistoryRecorder, artifactState, directoryFiles, sessionState } from '../../src/backup/history';
import { workload } from '../../src/backup/model';
import { CONTROL_TOKEN_HEADER, startEmulator, type RunningEmulator } from '../../src/emulator';
import { DEMO_ADMIN_APP, DEMO_PUBLIC_CLIENT, DEMO_READER_APP } from '../../src/emulator/identity';
import { GraphClient, GraphError, HttpTransport } from '../../src/graph';
import type { Log } from '../../src/extension/log';
import { realLog } from './realLog';
import { ROOT, recordFigures, sleep } from './support';

const SCOPES = ['https://graph.microsoft.com/.default'];

export function secretsSuite(): void {
  describe('hardening: secrets never leak', function () {
    this.timeout(120_000);
    let emulator: RunningEmulator;
    let transport: HttpTransport;
    const secrets = new Set<string>();
    const surfaces: { where: string; text: string }[] = [];
    const stores: MemorySecretStore[] = [];
    const see = (where: string, text: unknown) => surfaces.push({ where, text: typeof text === 'string' ? text : JSON.stringify(text) ?? String(text) });
    let log: Log;
    let logLines = 0;

    before(async () => {
      log = await realLog((level, text) => { logLines++; see(`log channel (${level})`, text); });
      emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo', auth: 'on', httpsPort: 0, tokenLifetimeSeconds: 302 });
      transport = new HttpTransport({ ca: emulator.identity!.tls.cert, proxyFromEnv: false });
      const demo = emulator.identity!.demo;
      secrets.add(demo.adminApp.secret);
      secrets.add(demo.readerApp.secret);
      const key = demo.adminApp.certificate.key;
      secrets.add(key.trim());
      for (const line of key.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----'))) secrets.add(line);
    });
    after(async () => {
      await transport.close();
      await emulator.close();
    });

    function provider(options: Pick<MsalTokenProviderOptions, 'method' | 'clientId'>, connectionId: string): MsalTokenProvider {
      const store = new MemorySecretStore();
      stores.push(store);
      return new MsalTokenProvider({
        authority: `${emulator.httpsUrl}/${emulator.identity!.demo.tenantName}`,
        transport, secrets: store, connectionId, graphOrigin: emulator.url,
        log: (level: AuthLogLevel, message: string) => msalToLog(`[msal] ${message}`, level),
        ...options,
      });
    }

    /** msal's lines into the log channel at the level src/extension/connection.ts gives them. */
    function msalToLog(line: string, level: AuthLogLevel): void {
      if (level === 'error') log.channel.error(line);
      else if (level === 'warning') log.channel.warn(line);
      else if (level === 'info') log.channel.debug(line);
      else log.channel.trace(line);
    }

    function client(p: MsalTokenProvider): GraphClient {
      return new GraphClient({
        baseUrl: `${emulator.httpsUrl}/v1.0`, tokenProvider: p, ca: emulator.identity!.tls.cert, proxyFromEnv: false, timeoutMs: 500,
        retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
        onRequest: (e) => log.request(e),
      });
    }

    async function failing(what: string, run: () => Promise<unknown>): Promise<void> {
      try {
        await run();
      } catch (err) {
        see(`${what} error message`, (err as Error).message);
        see(`${what} error string`, String(err));
        see(`${what} error stack`, (err as Error).stack ?? '');
        if (err instanceof GraphError) {
          see(`${what} error describe`, err.describe());
          see(`${what} error JSON`, JSON.stringify(err));
        }
        return;
      }
      assert.fail(`${what} should have failed`);
    }

    async function fault(body: Record<string, unknown>): Promise<void> {
      const res = await transport.send({ method: 'POST', url: `${emulator.httpsUrl}/_emulator/faults`, headers: { 'content-type': 'application/json', [CONTROL_TOKEN_HEADER]: emulator.controlToken }, body: JSON.stringify(body) });
      assert.equal(res.status, 201, res.body);
    }

    async function exercise(p: MsalTokenProvider, label: string, history: HistoryRecorder): Promise<void> {
      const token = await p.getToken(SCOPES);
      secrets.add(token);
      const graph = client(p);
      const api = new BackupApi(graph);
      const w = workload('sharePoint');
      const created = await api.sessions.create(w, {});
      const session = (await api.sessions.get(w, created.body.id)).body;
      const contents = { standard: await api.artifacts.listAll(w, session.id, 'standard'), granular: [] };
      see(`${label} .http export`, httpFile(w, session, contents, { baseUrl: `${emulator.httpsUrl}/v1.0` }));
      see(`${label} JSON export`, JSON.stringify(sessionDocument(w, session, contents), null, 2));
      const curl = curlScript(w, session, contents, { baseUrl: `${emulator.httpsUrl}/v1.0` });
      assert.match(curl, /Authorization: Bearer \$\{TOKEN:-<redacted>\}/, 'the cURL script reads the token from the environment, never holds it');
      see(`${label} cURL export`, curl);
      await history.record({ connectionId: label, sessionId: session.id }, { source: 'open', session: sessionState(session), artifacts: contents.standard.map((a) => artifactState(a, 'standard')), requestId: created.requestId });
      see(`${label} history export`, await history.exportJson({ connectionId: label, sessionId: session.id }));
      // Failures with and without a response: throttling past the bound, a reset, a timeout, a 404.
      await fault({ kind: 'throttle', count: 5, retryAfterSeconds: 0, method: 'GET' });
      await failing(`${label} 429`, () => api.sessions.list(undefined).next());
      await fault({ kind: 'reset', count: 1, method: 'POST' });
      await failing(`${label} reset`, () => api.sessions.create(w, {}));
      await fault({ kind: 'latency', count: 3, latencyMs: 800, method: 'GET' });
      await failing(`${label} timeout`, () => api.sessions.get(w, session.id));
      await sleep(600);
      await failing(`${label} 404`, () => api.sessions.get(w, '00000000-0000-4000-8000-000000000000'));
      // A token in a query string (never sent by us, but a pasted nextLink could carry one) is masked in logs and errors.
      await failing(`${label} token in URL`, () => graph.get(`${ROOT}/nothing?access_token=${token}&$skiptoken=${token}`));
      const summary = summarizeToken(token);
      if (summary) see(`${label} permissions report`, permissionsReport(summary, { connectionLabel: label, authority: `${emulator.httpsUrl}/contoso`, focus: { method: 'POST', path: '/solutions/backupRestore/restoreSessions/x/activate' } }));
      await graph.close();
    }

    it('finds no token, refresh token, client secret or private key in logs, errors, exports, history or reports', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-history-'));
      const history = new HistoryRecorder(directoryFiles(dir));
      try {
        // App-only with a secret, and with a certificate.
        const app = provider({ method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId }, 'app-secret');
        await app.signIn({ credential: { kind: 'secret', secret: emulator.identity!.demo.adminApp.secret } });
        await exercise(app, 'app-secret', history);
        const certificate = emulator.identity!.demo.adminApp.certificate;
        const certApp = provider({ method: 'clientCertificate', clientId: DEMO_ADMIN_APP.clientId }, 'app-cert');
        await certApp.signIn({ credential: parseCertificateBundle(`${certificate.cert}${certificate.key}`) });
        await exercise(certApp, 'app-cert', history);
        // A person through the device code flow: this is where refresh tokens come from.
        const user = provider({ method: 'deviceCode', clientId: DEMO_PUBLIC_CLIENT.clientId }, 'user');
        await user.signIn({
          onDeviceCode: (prompt) => {
            see('device code prompt', prompt.message);
            setTimeout(() => void transport.send({ method: 'POST', url: `${emulator.httpsUrl}/_emulator/identity/approve`, headers: { 'content-type': 'application/json', [CONTROL_TOKEN_HEADER]: emulator.controlToken }, body: JSON.stringify({ user_code: prompt.userCode, user: 'admin' }) }), 50);
          },
        });
        await exercise(user, 'user', history);
        // Sign-in failures: a wrong secret, and the reader app's 403.
        const wrong = 'hardening-wrong-secret-0123456789';
        secrets.add(wrong);
        const bad = provider({ method: 'clientSecret', clientId: DEMO_ADMIN_APP.clientId }, 'bad');
        await failing('wrong secret sign-in', () => bad.signIn({ credential: { kind: 'secret', secret: wrong } }));
        const reader = provider({ method: 'clientSecret', clientId: DEMO_READER_APP.clientId }, 'reader');
        await reader.signIn({ credential: { kind: 'secret', secret: emulator.identity!.demo.readerApp.secret } });
        secrets.add(await reader.getToken(SCOPES));
        const readerGraph = client(reader);
        await failing('403', () => new BackupApi(readerGraph).sessions.create(workload('exchange'), {}));
        await readerGraph.close();

        // What the SecretStores hold: msal's cache (access, refresh and id tokens) and the client credentials.
        let refreshTokens = 0;
        for (const store of stores) {
          for (const [k, value] of store.values) {
            if (!k.startsWith(secretKeys.tokenCachePrefix)) continue;
            const cache = JSON.parse(value) as Record<string, Record<string, { secret?: string }>>;
            for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
              for (const entry of Object.values(cache[section] ?? {})) {
                if (entry.secret) { secrets.add(entry.secret); if (section === 'RefreshToken') refreshTokens++; }
              }
            }
          }
        }
        assert.ok(refreshTokens >= 1, 'the device code sign-in left a refresh token in the SecretStore');
        const credentialStored = stores.some((s) => [...s.values.values()].some((v) => v.includes(emulator.identity!.demo.adminApp.secret)));
        assert.ok(credentialStored, 'the client secret is kept in the SecretStore');

        // History files on disk.
        const files: string[] = [];
        const walk = (d: string): void => {
          for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            if (e.isDirectory()) walk(path.join(d, e.name));
            else files.push(path.join(d, e.name));
          }
        };
        walk(dir);
        assert.ok(files.length >= 3, 'history files were written');
        for (const f of files) see(`history file ${path.basename(f)}`, fs.readFileSync(f, 'utf8'));

        // The scan: every secret, whole and as any 24-character slice of it.
        const needles = new Map<string, string>();
        for (const s of secrets) {
          if (s.length < 12) continue;
          needles.set(s, s);
          if (s.length > 48) for (let at = 0; at + 24 <= s.length; at += 24) needles.set(s.slice(at, at + 24), s);
        }
        const leaks: string[] = [];
        for (const { where, text } of surfaces) {
          for (const [needle, secret] of needles) {
            if (text.includes(needle)) { leaks.push(`${where}: ${secret.slice(0, 12)}…`); break; }
          }
        }
        const bearerShown = surfaces.filter((s) => /Authorization: Bearer (?!<redacted>|\$\{TOKEN:-<redacted>\})/.test(s.text)).map((s) => s.where);
        recordFigures('secrets', {
          secretsTracked: secrets.size, refreshTokens, surfacesScanned: surfaces.length, historyFiles: files.length,
          logLines, msalLogLines: surfaces.filter((s) => /^log channel/.test(s.where) && s.text.startsWith('[msal]')).length, errorsScanned: surfaces.filter((s) => /error/.test(s.where)).length,
          leaks: leaks.length + bearerShown.length,
        });
        // the scan read the real channel: request lines from the Graph client and lines from msal's logger
        assert.ok(surfaces.some((s) => /^log channel/.test(s.where) && /request-id [0-9a-f-]{36}/.test(s.text)), 'request lines reached the log channel');
        assert.ok(surfaces.some((s) => /^log channel/.test(s.where) && s.text.startsWith('[msal]')), 'msal lines reached the log channel');
        assert.deepEqual(leaks, []);
        assert.deepEqual(bearerShown, [], 'exports show Authorization: Bearer <redacted>');
        assert.ok(surfaces.some((s) => /\.http export/.test(s.where) && s.text.includes('Authorization: Bearer <redacted>')));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
