// hostStallMs: the largest event-loop stall of a plain-Node stand-in for the extension host while the built-in
// emulator, started exactly as the extension starts it (a forked child of the bundled CLI, with a control token;
// src/extension/connections/emulatorProcess.ts), seeds 10,000 sessions × 10 artifacts. For comparison it also
// measures the same seed with the emulator in the host's own process, as the extension ran it before.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startEmulator } from '../src/emulator';
import { CONTROL_TOKEN_HEADER, startEmulatorChild } from '../src/extension/connections/emulatorProcess';
import { timed } from './stats';

export interface HostStall {
  /** Largest event-loop delay of this process while the child emulator seeds (ms). */
  hostStallMs: number;
  /** The same with the emulator in this process (ms): what a seed cost the host before. */
  inProcessStallMs: number;
  childSeedMs: number;
  inProcessSeedMs: number;
  sessions: number;
  artifactsPerSession: number;
}

/** The largest event-loop delay while `work` runs, in ms (resolution 1 ms, the histogram's own overhead included). */
async function largestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; workMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  try {
    const workMs = await timed(work);
    return { stallMs: histogram.max / 1e6, workMs };
  } finally {
    histogram.disable();
  }
}

async function seed(url: string, token: string | undefined, sessions: number, artifactsPerSession: number): Promise<void> {
  const res = await fetch(`${url}/_emulator/seed/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [CONTROL_TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify({ workload: 'exchange', count: sessions, artifactsPerSession }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`seed/sessions: HTTP ${res.status} ${text.slice(0, 300)}`);
}

/** `script`: the bundled emulator CLI (dist/emulator.js of a build). */
export async function measureHostStall(script: string, sessions: number, artifactsPerSession: number): Promise<HostStall> {
  const child = await startEmulatorChild({ script, timeScale: 60, requireSignIn: false });
  let childRun: { stallMs: number; workMs: number };
  try {
    childRun = await largestStall(() => seed(child.ready.url, child.ready.controlToken ?? child.controlToken, sessions, artifactsPerSession));
  } finally {
    await child.stop();
  }
  const inProcess = await startEmulator({ port: 0, seed: 'empty', timeScale: 60 });
  let inProcessRun: { stallMs: number; workMs: number };
  try {
    const token = 'controlToken' in inProcess ? String(inProcess.controlToken) : undefined;
    inProcessRun = await largestStall(() => seed(inProcess.url, token, sessions, artifactsPerSession));
  } finally {
    await inProcess.close();
  }
  return {
    hostStallMs: childRun.stallMs,
    inProcessStallMs: inProcessRun.stallMs,
    childSeedMs: childRun.workMs,
    inProcessSeedMs: inProcessRun.workMs,
    sessions,
    artifactsPerSession,
  };
}
