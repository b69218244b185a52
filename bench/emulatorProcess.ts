// Starts bench/emulatorChild in its own process and talks to its controls.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import type { UndocumentedOptions } from '../src/emulator/service/profiles';

export interface EmulatorProcess {
  url: string;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** `profile`: what the emulator does with query options Microsoft's docs do not list (docs/fidelity.md). */
export async function startEmulatorProcess(profile: UndocumentedOptions): Promise<EmulatorProcess> {
  const child = fork(path.join(__dirname, 'emulatorChild.js'), [profile], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const { url, controlToken } = await new Promise<{ url: string; controlToken: string }>((resolve, reject) => {
    child.once('message', (m: { url?: string; controlToken?: string }) => (m.url && m.controlToken ? resolve({ url: m.url, controlToken: m.controlToken }) : reject(new Error('emulator child: no url or control token'))));
    child.once('exit', (code) => reject(new Error(`emulator child exited with ${code}`)));
    child.once('error', reject);
  });
  return {
    url,
    async control<T>(method: string, p: string, body?: unknown): Promise<T> {
      const res = await fetch(url + p, {
        method,
        headers: { 'x-emulator-control-token': controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status} ${text.slice(0, 300)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
