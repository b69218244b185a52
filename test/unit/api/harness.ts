// Starts a real emulator on 127.0.0.1 (port 0) and a BackupApi over the project's Graph client.
import { BackupApi } from '../../../src/backup/api';
import { GraphClient } from '../../../src/graph';
import { CONTROL_TOKEN_HEADER, startEmulator, type RunningEmulator } from '../../../src/emulator';
import type { SeedName } from '../../../src/emulator/catalog/types';
import { profileFromEnv } from '../../support/profile';

export interface Harness {
  emulator: RunningEmulator;
  api: BackupApi;
  /** Requests seen by the client, one per attempt. */
  log: { method: string; url: string; status: number }[];
  close(): Promise<void>;
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
}

export async function startHarness(seed: SeedName = 'empty'): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, seed, undocumentedOptions: profileFromEnv() });
  const log: Harness['log'] = [];
  const client = new GraphClient({
    baseUrl: `${emulator.url}/v1.0`,
    retry: { baseDelayMs: 10, maxDelayMs: 100, maxTotalMs: 5000 },
    onRequest: (entry) => log.push({ method: entry.method, url: entry.url, status: entry.status }),
  });
  return {
    emulator,
    api: new BackupApi(client),
    log,
    async close() {
      await client.close();
      await emulator.close();
    },
    async control(path, body, method = 'POST') {
      const response = await fetch(`${emulator.url}/_emulator/${path}`, {
        method,
        headers: { [CONTROL_TOKEN_HEADER]: emulator.controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`control ${path} → ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
  };
}
