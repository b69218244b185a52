// Starts a real emulator on 127.0.0.1 (port 0, through the one harness in test/support/emulator.ts) and a
// BackupApi over the project's Graph client.
import { BackupApi } from '../../../../src/backup/api';
import { GraphClient } from '../../../../src/graph';
import type { RunningEmulator } from '../../../../src/emulator';
import type { SeedName } from '../../../../src/emulator/catalog/types';
import { startTestEmulator } from '../../../support/emulator';

export interface Harness {
  emulator: RunningEmulator;
  api: BackupApi;
  /** Requests seen by the client, one per attempt. */
  log: { method: string; url: string; status: number }[];
  close(): Promise<void>;
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
}

export async function startHarness(seed: SeedName = 'empty'): Promise<Harness> {
  const running = await startTestEmulator({ seed });
  const { emulator } = running;
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
      await running.close();
    },
    control: (path, body, method) => running.control(path, body, method),
  };
}
