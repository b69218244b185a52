// Activation time in the real host (`npm run bench -- --host`): code-server's Node extension host, opened headless
// in chromium as the integration tests do (test/host/host.js), with the production bundle of the extension as
// extensionDevelopmentPath and hostProbe.ts as extensionTestsPath. One cold activation per host start.
// Needs the provisioned host (`npm run provision`); slow (a workbench start per sample), so not in the default run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './bundle';

interface HostHelpers {
  CACHE: string;
  CODE_SERVER_BIN: string;
  EXTENSION_ID: string;
  makeState(dir: string, settings?: Record<string, unknown>): string;
  startCodeServer(o: { stateDir: string; args?: string[]; env?: Record<string, string> }): Promise<{ url: string; port: number; stop(): Promise<void> }>;
  launchChromium(home: string): Promise<{ newContext(o: unknown): Promise<{ newPage(): Promise<HostPage> }>; close(): Promise<void> }>;
  withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T>;
}
interface HostPage {
  exposeFunction(name: string, fn: (...args: unknown[]) => unknown): Promise<void>;
  goto(url: string): Promise<unknown>;
}

export interface HostActivation { activationMs: number; wasActive: boolean | null }

export function hostAvailable(): boolean {
  const host = loadHost();
  return fs.existsSync(host.CODE_SERVER_BIN);
}

function loadHost(): HostHelpers {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(REPO, 'test', 'host', 'host.js')) as HostHelpers;
}

/** `extensionDir`: a folder with package.json and the production dist/extension.js (bundle.ts's scratch build). */
export async function measureHostActivation(extensionDir: string, extensionId?: string): Promise<HostActivation> {
  const host = loadHost();
  const id = extensionId ?? host.EXTENSION_ID;
  fs.mkdirSync(path.join(host.CACHE, 'runs'), { recursive: true });
  const stateDir = fs.mkdtempSync(path.join(host.CACHE, 'runs', 'bench-activation-'));
  const cleanups: (() => Promise<unknown>)[] = [async () => fs.rmSync(stateDir, { recursive: true, force: true })];
  try {
    host.makeState(stateDir);
    const workspace = path.join(stateDir, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const resultFile = path.join(stateDir, 'activation.json');
    const server = await host.startCodeServer({
      stateDir,
      args: ['--vscode-option', 'enable-smoke-test-driver'],
      env: { BENCH_ACTIVATION_RESULT: resultFile, BENCH_EXTENSION_ID: id },
    });
    cleanups.push(() => server.stop());
    const browser = await host.launchChromium(path.join(stateDir, 'chromium-home'));
    cleanups.push(() => browser.close());
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const exited = new Promise<unknown>((resolve) => void page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    const authority = `127.0.0.1:${server.port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDir}`],
      ['extensionTestsPath', `vscode-remote://${authority}${path.join(__dirname, 'hostProbe')}`],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    await host.withTimeout(exited, 90_000, 'the activation probe');
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { activationMs?: number; wasActive: boolean | null; found: boolean; error?: string };
    if (result.error) throw new Error(`activation failed in the host: ${result.error}`);
    if (!result.found) throw new Error(`the host did not load ${id} from ${extensionDir}`);
    return { activationMs: result.activationMs ?? Number.NaN, wasActive: result.wasActive };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

/**
 * An extension that does nothing (`activate() {}`), activated the same way: what the host itself spends on an
 * activation (reading the file, the ExtensionContext with its mementos and storage over RPC), to subtract.
 */
export function emptyExtension(): { dir: string; id: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-sessions-empty-extension-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'bench-empty', publisher: 'bench', version: '0.0.0', engines: { vscode: '^1.95.0' }, main: './extension.js', activationEvents: [],
  }));
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
  return { dir, id: 'bench.bench-empty', dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
