// The host-side measurements of `npm run bench` (module "host"): the production bundle's size, the host's largest
// event-loop stall while the built-in emulator seeds, and activation. Activation is a ratio in the real host
// (code-server's Node 24 extension host): cold activations of the production bundle and of an empty extension,
// interleaved (ours, empty, ours, empty, ...), median ÷ median, so the host's own cost and the machine's speed
// cancel. The host is provisioned first when it is missing (`test/host/provision.js`); only when that fails, or
// with --no-host, is the ratio taken from the plain-Node proxy, and `activationSource` says so.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildProduction, measureBundle, REPO } from './bundle';
import { emptyExtension, hostAvailable, measureHostActivation } from './hostActivation';
import { measureHostStall } from './hostStall';
import { runNode, type ModuleContext, type ModuleResult } from './module';
import { median } from './stats';

const FULL = { stallSessions: 10_000, stallArtifacts: 10, proxyRuns: 5, hostRuns: 5 };
const SMOKE = { stallSessions: 120, stallArtifacts: 2, proxyRuns: 1, hostRuns: 0 };

export async function hostModule(ctx: ModuleContext): Promise<ModuleResult> {
  const sizes = ctx.smoke ? SMOKE : FULL;
  const { log } = ctx;
  log('bundle (node esbuild.js --production)');
  const build = buildProduction();
  const empty = emptyExtension();
  try {
    const bundle = await measureBundle(build);
    log(`host stall: the built-in emulator (child process) seeds ${sizes.stallSessions} sessions × ${sizes.stallArtifacts} artifacts`);
    const hostStall = await measureHostStall(path.join(build.dir, 'dist', 'emulator.js'), sizes.stallSessions, sizes.stallArtifacts);
    log('activation proxy (plain Node with a vscode stub): the bundle and an empty extension, interleaved');
    const proxy = await proxyActivation(build.file, path.join(empty.dir, 'extension.js'), sizes.proxyRuns);
    let host: HostRatio | { error: string } | undefined;
    if (ctx.host && sizes.hostRuns > 0) host = await hostActivation(build.dir, empty, sizes.hostRuns, log);
    const real = host && 'ratio' in host ? host : undefined;
    return {
      values: {
        bundleKB: bundle.bundleKB,
        hostStallMs: hostStall.hostStallMs,
        activationRatio: real ? real.ratio : proxy.ratio,
        activationSource: real ? 'host' : 'proxy',
        activationMs: real ? real.activationMs : proxy.proxyMs,
        activationProxyMs: proxy.proxyMs,
      },
      details: {
        hostStall,
        bundle: { bundleKB: bundle.bundleKB, largest: bundle.breakdown.slice(0, 8), loadedOnFirstUse: bundle.siblings },
        activation: { host: host ?? (ctx.host ? { error: 'not measured in a smoke run' } : { error: 'skipped (--no-host)' }), proxy },
      },
    };
  } finally {
    empty.dispose();
    build.dispose();
  }
}

interface HostRatio { ratio: number; activationMs: number; emptyExtensionMs: number; samples: number[]; emptySamples: number[] }

/** Cold starts in code-server, ours and the empty extension in turn; provisions the host first when needed. */
async function hostActivation(dir: string, empty: { dir: string; id: string }, runs: number, log: (line: string) => void): Promise<HostRatio | { error: string }> {
  if (!hostAvailable()) {
    log('the real host is not provisioned: running test/host/provision.js');
    const provision = spawnSync(process.execPath, [path.join(REPO, 'test', 'host', 'provision.js')], { cwd: REPO, stdio: ['ignore', 2, 2], timeout: 30 * 60_000 });
    if (provision.status !== 0 || !hostAvailable()) {
      const error = `provisioning the host failed (exit ${provision.status ?? provision.signal}); activation figures come from the plain-Node proxy`;
      log(`ACTIVATION FROM THE PROXY: ${error}`);
      return { error };
    }
  }
  log(`activation in the real host (code-server): ${runs} cold starts of the extension, each followed by one of an empty extension`);
  const samples: number[] = [];
  const emptySamples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      samples.push((await measureHostActivation(dir)).activationMs);
      emptySamples.push((await measureHostActivation(empty.dir, empty.id)).activationMs);
    }
  } catch (err) {
    const error = `activation in the real host failed: ${err instanceof Error ? err.message : String(err)}`;
    log(`ACTIVATION FROM THE PROXY: ${error}`);
    return { error };
  }
  const activationMs = median(samples);
  const emptyExtensionMs = median(emptySamples);
  return { ratio: activationMs / emptyExtensionMs, activationMs, emptyExtensionMs, samples, emptySamples };
}

/** require + activate in a fresh Node process with a vscode stub, the bundle and an empty extension interleaved. */
async function proxyActivation(bundleFile: string, emptyFile: string, runs: number) {
  const child = path.join(__dirname, 'activationChild.js');
  const ours: { requireMs: number; activateMs: number }[] = [];
  const empty: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(JSON.parse(await runNode([child, bundleFile])));
    const e = JSON.parse(await runNode([child, emptyFile])) as { requireMs: number; activateMs: number };
    empty.push(e.requireMs + e.activateMs);
  }
  // The tsc output keeps one file per module, so require.cache shows what activation loaded and through what.
  const unbundled = JSON.parse(await runNode([child, path.join(REPO, 'out', 'src', 'extension', 'extension.js')])) as Record<string, unknown>;
  const proxyMs = median(ours.map((s) => s.requireMs + s.activateMs));
  return {
    kind: 'proxy: fresh Node process, vscode stub; require(production dist/extension.js) + activate(context)',
    proxyMs,
    emptyMs: median(empty),
    ratio: proxyMs / median(empty),
    requireMs: median(ours.map((s) => s.requireMs)),
    activateMs: median(ours.map((s) => s.activateMs)),
    loadedAtActivation: unbundled.loaded,
    importChains: unbundled.chains,
  };
}
